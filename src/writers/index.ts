// Writers by format name: adding a format is adding one entry.
import { docxWriter } from './docx/index.js';
import { markdownWriter } from './markdown/index.js';
import { pdfWriter } from './pdf/index.js';
import type { Writer } from './types.js';

export const writers = {
  pdf: pdfWriter,
  docx: docxWriter,
  md: markdownWriter,
} satisfies Record<string, Writer>;

export type Format = keyof typeof writers;

export const FORMATS = Object.keys(writers) as Format[];
