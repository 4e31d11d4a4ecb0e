// Writers by format name. A format is its folder and one line of BUILTIN; a plugin
// adds one with registerWriter (src/plugins/). The command line's --format values,
// its help, the batch's output names and the compile cache's names all read this
// registry. Each built-in writer is loaded when first asked for, so a Markdown
// build never loads pdfmake or docx.
import { ZhpressError } from '../errors.js';
import { checkEdition } from '../library-guards.js';
import type { Writer } from './types.js';

export interface WriterEntry {
  /** The output file's extension, without the dot. */
  extension: string;
  /** The format's name in prose ("PDF", "Word"). */
  label: string;
  /** Who gave it: "zhpress", or the plugin's file. */
  origin: string;
  /** Sets text in fonts: the build layer gives it WriteContext.fonts (and the command line checks fonts/ first). */
  fonts: boolean;
  /** Rough cost of one document, 1 (a string) to 3 (a typeset PDF): `zhpress watch` writes the cheap ones first. */
  cost: number;
  load: () => Promise<Writer>;
}

const BUILTIN = {
  pdf: { extension: 'pdf', label: 'PDF', fonts: true, cost: 3, load: async () => (await import('./pdf/index.js')).pdfWriter },
  docx: { extension: 'docx', label: 'Word', fonts: true, cost: 2, load: async () => (await import('./docx/index.js')).docxWriter },
  md: { extension: 'md', label: 'Markdown', fonts: false, cost: 1, load: async () => (await import('./markdown/index.js')).markdownWriter },
} satisfies Record<string, Omit<WriterEntry, 'origin'>>;

/** A built-in format, or one a plugin registered. */
export type Format = keyof typeof BUILTIN | (string & {});

const registry = new Map<string, WriterEntry>(Object.entries(BUILTIN).map(([format, entry]) => [format, { ...entry, origin: 'zhpress' }]));

/** The formats known now, built-in first, then plugins' in the order they came (the array grows in place). */
export const FORMATS: readonly Format[] = [...registry.keys()];

/** Format names and extensions: what --format, file names and cache names can carry. */
const NAME = /^[a-z][a-z0-9-]{0,15}$/;
const EXTENSION = /^[a-z0-9][a-z0-9.-]{0,15}$/i;

/** Add a format. A name that is taken, or not a short lower-case word, is refused. */
export function registerWriter(format: string, entry: { extension: string; label?: string; origin?: string; load: () => Promise<Writer> | Writer }): void {
  const origin = entry.origin ?? 'the library';
  if (!NAME.test(format)) throw new ZhpressError(`format "${format}": a format's name is a short lower-case word (letters, digits, -)`, { file: entry.origin, exitCode: 2 });
  const taken = registry.get(format);
  if (taken) throw new ZhpressError(`format "${format}" is registered already (by ${taken.origin})`, { file: entry.origin, hint: 'give the writer another name', exitCode: 2 });
  if (!EXTENSION.test(entry.extension)) throw new ZhpressError(`format "${format}": extension "${entry.extension}" is not a file extension (letters and digits, no dot first)`, { file: entry.origin, exitCode: 2 });
  registry.set(format, { extension: entry.extension, label: entry.label ?? format, origin, fonts: false, cost: 1, load: async () => entry.load() });
  (FORMATS as Format[]).push(format);
}

/** What the registry says about a format (undefined for one it does not know). */
export function writerEntry(format: string): Readonly<WriterEntry> | undefined {
  return registry.get(format);
}

/** The file extension of a format, without the dot. */
export function extensionOf(format: Format): string {
  const entry = registry.get(format);
  if (!entry) throw new ZhpressError(`unknown format ${JSON.stringify(format)}; one of ${FORMATS.join(', ')}`);
  return entry.extension;
}

const loaded = new Map<Format, Promise<Writer>>();

/** The writer of a format, loaded once. */
export function loadWriter(format: Format): Promise<Writer> {
  const entry = registry.get(format);
  if (!entry) {
    return Promise.reject(new ZhpressError(`loadWriter(): unknown format ${JSON.stringify(format)}; one of ${FORMATS.join(', ')}`, { hint: 'see "Library" in README.md' }));
  }
  let writer = loaded.get(format);
  if (!writer) {
    writer = entry.load().then(guarded);
    loaded.set(format, writer);
  }
  return writer;
}

/** The writer, with its arguments checked: an edition, and a template from loadTemplate. */
function guarded(writer: Writer): Writer {
  return {
    ...writer,
    write(edition, context) {
      checkEdition(edition, 'write');
      const template = (context as { template?: { styles?: unknown; page?: unknown } } | undefined)?.template;
      if (!template?.styles || !template.page) {
        throw new ZhpressError('write() takes { template } as its second argument: loadTemplate(name, variant), e.g. loadTemplate(\'briefing\', \'zh-Hans\')', { hint: 'see "Library" in README.md' });
      }
      return writer.write(edition, context);
    },
  };
}
