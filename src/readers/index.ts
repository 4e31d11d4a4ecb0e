// Readers by name, and which one an input's file name asks for. A plugin adds a
// reader with registerReader (src/plugins/); --from, the extensions a folder is
// searched for and the help text read this registry.
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

/** Reader names (the array grows in place as plugins register readers). */
export const READER_NAMES: readonly string[] = Object.keys(readers);

const BY_EXTENSION: Record<string, string> = { '.txt': 'text', '.text': 'text', '.json': 'json', '.md': 'markdown', '.markdown': 'markdown' };

/** The extensions inputs are found by in folders (the array grows in place as plugins register readers). */
export const INPUT_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);

/** Add a reader, for the file extensions given (".csv"). A name or an extension that is taken is refused. */
export function registerReader(name: string, reader: Reader, options: { extensions?: readonly string[]; origin?: string } = {}): void {
  const file = options.origin;
  if (!/^[a-z][a-z0-9-]{0,15}$/.test(name)) throw new ZhpressError(`reader "${name}": a reader's name is a short lower-case word (letters, digits, -)`, { file, exitCode: 2 });
  if (Object.hasOwn(readers, name)) throw new ZhpressError(`reader "${name}" is registered already`, { file, hint: 'give the reader another name', exitCode: 2 });
  const extensions = (options.extensions ?? []).map((ext) => ext.toLowerCase());
  for (const ext of extensions) {
    if (!/^\.[a-z0-9]{1,15}$/.test(ext)) throw new ZhpressError(`reader "${name}": "${ext}" is not a file extension (a dot and letters or digits, ".csv")`, { file, exitCode: 2 });
    if (BY_EXTENSION[ext]) throw new ZhpressError(`reader "${name}": ${ext} files are read by the ${BY_EXTENSION[ext]} reader already`, { file, exitCode: 2 });
  }
  readers[name] = reader;
  (READER_NAMES as string[]).push(name);
  for (const ext of extensions) {
    BY_EXTENSION[ext] = name;
    (INPUT_EXTENSIONS as string[]).push(ext);
  }
}

export function readerFor(path: string, from?: string): { name: string; reader: Reader } {
  const name = from ?? BY_EXTENSION[(/\.[^./\\]+$/.exec(path)?.[0] ?? '').toLowerCase()] ?? 'text';
  const reader = Object.hasOwn(readers, name) ? readers[name] : undefined;
  if (!reader) {
    throw new ZhpressError(`unknown input format "${name}"`, { hint: `--from takes one of ${READER_NAMES.join(', ')}`, exitCode: 2 });
  }
  return { name, reader };
}
