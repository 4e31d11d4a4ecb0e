// Writers by format name: adding a format is adding one entry. Each writer is
// loaded when first asked for, so a Markdown build never loads pdfmake or docx.
import type { Writer } from './types.js';

const registry = {
  pdf: { extension: 'pdf', load: async () => (await import('./pdf/index.js')).pdfWriter },
  docx: { extension: 'docx', load: async () => (await import('./docx/index.js')).docxWriter },
  md: { extension: 'md', load: async () => (await import('./markdown/index.js')).markdownWriter },
} satisfies Record<string, { extension: string; load: () => Promise<Writer> }>;

export type Format = keyof typeof registry;

export const FORMATS = Object.keys(registry) as Format[];

/** The file extension of a format, without the dot. */
export function extensionOf(format: Format): string {
  return registry[format].extension;
}

const loaded = new Map<Format, Promise<Writer>>();

/** The writer of a format, loaded once. */
export function loadWriter(format: Format): Promise<Writer> {
  let writer = loaded.get(format);
  if (!writer) {
    writer = registry[format].load();
    loaded.set(format, writer);
  }
  return writer;
}
