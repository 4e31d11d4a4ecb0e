import { existsSync } from 'node:fs';
// Shared option groups and value checks for the commands (marp-cli style coerce helpers).
import { ENCODINGS, type Encoding, FORMATS, type Format, INPUT_EXTENSIONS, type Lang, LANGS, loadPlugins, READER_NAMES, TRANSFORM_NAMES, writerEntry, ZhpressError } from '../index.js';

function list(value: string | string[] | undefined): string[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value])
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

function usage(message: string, hint: string): ZhpressError {
  return new ZhpressError(message, { hint, exitCode: 2 });
}

export function parseFormats(value: string | string[] | undefined): Format[] {
  // Any case: PDF, Docx and md are the same formats.
  const names = list(value).map((name) => name.toLowerCase());
  if (names.includes('all')) return [...FORMATS];
  for (const name of names) {
    if (!(FORMATS as string[]).includes(name)) throw usage(`unknown format "${name}"`, `--format takes ${FORMATS.join(', ')} or all; a plugin's formats with --plugin`);
  }
  return names as Format[];
}

export function parseVariants(value: string | string[] | undefined): Lang[] {
  // Language tags are case-insensitive (BCP 47): zh-hant-tw is zh-Hant-TW.
  const names = list(value).map((name) => LANGS.find((lang) => lang.toLowerCase() === name.toLowerCase()) ?? (name.toLowerCase() === 'all' ? 'all' : name));
  if (names.includes('all')) return [...LANGS];
  for (const name of names) {
    if (!(LANGS as readonly string[]).includes(name)) throw usage(`unknown variant "${name}"`, `--variant takes ${LANGS.join(', ')} or all`);
  }
  return names as Lang[];
}

export function parseSkip(value: string | string[] | undefined): string[] {
  const names = list(value);
  for (const name of names) {
    if (!TRANSFORM_NAMES.includes(name)) throw usage(`unknown transform "${name}"`, `--skip takes ${TRANSFORM_NAMES.join(', ')}`);
  }
  return names;
}

export function parseEncoding(value: string | undefined): Encoding | undefined {
  if (value === undefined) return undefined;
  const name = value.toLowerCase().replace(/^utf8$/, 'utf-8').replace(/^(gbk|gb2312)$/, 'gb18030');
  if (!(ENCODINGS as readonly string[]).includes(name)) throw usage(`unknown encoding "${value}"`, `--encoding takes ${ENCODINGS.join(', ')} (gbk and gb2312 read as gb18030)`);
  return name as Encoding;
}

/** The parsed options of inputOptions, plus the variant options parse and check share. */
export interface InputArgs {
  variant?: string;
  vocabulary?: boolean;
  dictionary?: string[];
  from?: string;
  encoding?: string;
  lenient?: boolean;
  skip?: string;
  plugin?: string[];
}

/** The help's words for the registries: what a plugin adds is in them once it is loaded. */
export const formatList = () => FORMATS.join(', ');
export const formatLabels = () => FORMATS.map((f) => writerEntry(f)?.label ?? f).join(', ');
export const extensionList = () => INPUT_EXTENSIONS.filter((ext) => ext !== '.text' && ext !== '.markdown').join(', ');

/** Options every command that reads inputs shares. */
export const inputOptions = {
  from: { type: 'string', describe: `input format, instead of going by the file extension (${READER_NAMES.join(', ')})`, group: 'Input:' },
  encoding: { type: 'string', describe: 'input encoding: utf-8, utf-16le, utf-16be, gb18030 (default: detect)', group: 'Input:' },
  lenient: { type: 'boolean', describe: 'replace invalid bytes with U+FFFD instead of refusing the file', group: 'Input:' },
  skip: { type: 'string', describe: `transforms to leave out, comma-separated: ${TRANSFORM_NAMES.join(', ')}`, group: 'Transforms:' },
  dictionary: {
    type: 'string',
    array: true,
    describe: 'a conversion dictionary of your own (repeatable); it wins over the built-in one (format: dictionaries/news.txt)',
    group: 'Transforms:',
  },
  plugin: {
    type: 'string',
    array: true,
    describe: 'a plugin (a .js file or a package) adding writers, readers or transforms (repeatable; see "Plugins" in README.md)',
    group: 'Plugins:',
  },
} as const;

/** Load the plugins of --plugin (from the working directory) and of the configuration (from its folder). */
export function usePlugins(fromCommandLine: string[] | undefined, fromConfig?: { plugins: unknown; dir: string }): string[] {
  const listed = (value: unknown) => (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  return [...(fromConfig ? loadPlugins(listed(fromConfig.plugins), fromConfig.dir) : []), ...loadPlugins(listed(fromCommandLine))];
}

/** --dictionary files (and `dictionaries:` from the configuration), each checked to exist. */
export function parseDictionaries(value: string | string[] | undefined): string[] {
  const files = (Array.isArray(value) ? value : value === undefined ? [] : [value]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  for (const file of files) {
    if (!existsSync(file)) throw new ZhpressError('dictionary file not found', { file, hint: 'give the path of a dictionary file to --dictionary', exitCode: 2 });
  }
  return files;
}
