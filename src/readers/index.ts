// Readers by name, and which one an input's file name asks for.
import { ZhpressError } from '../errors.js';
import { readJson } from './json/index.js';
import { readMarkdown } from './markdown/index.js';
import { readText } from './text/index.js';
import type { Reader } from './types.js';

export const readers: Record<string, Reader> = {
  text: readText,
  json: readJson,
  markdown: readMarkdown,
};

export const READER_NAMES = Object.keys(readers);

const BY_EXTENSION: Record<string, string> = { '.txt': 'text', '.text': 'text', '.json': 'json', '.md': 'markdown', '.markdown': 'markdown' };

export const INPUT_EXTENSIONS = Object.keys(BY_EXTENSION);

export function readerFor(path: string, from?: string): { name: string; reader: Reader } {
  const name = from ?? BY_EXTENSION[(/\.[^./\\]+$/.exec(path)?.[0] ?? '').toLowerCase()] ?? 'text';
  const reader = readers[name];
  if (!reader) {
    throw new ZhpressError(`unknown input format "${name}"`, { hint: `--from takes one of ${READER_NAMES.join(', ')}`, exitCode: 2 });
  }
  return { name, reader };
}
