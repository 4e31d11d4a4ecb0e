// The library's build: one input to every requested format and variant.
// Reading and the variant-independent transforms happen once per input; the
// conversion and the writers once per variant.
import { basename, extname, join } from 'node:path';
import { ZhpressError } from './errors.js';
import { readInput, type ReadInputOptions } from './io/read-input.js';
import { ensureFolder, writeAtomic } from './io/write-atomic.js';
import type { Change, Edition, Lang } from './model/types.js';
import { convertTemplateText } from './transforms/convert/template-text.js';
import { runTransforms, sharedTransforms } from './transforms/index.js';
import { loadTemplate } from './templates/index.js';
import { extensionOf, type Format, loadWriter, writerEntry } from './writers/index.js';
import { writeFonts } from './fonts/write-fonts.js';
import { loadDictionaries } from './io/dictionaries.js';

export interface BuildOptions extends ReadInputOptions {
  formats: readonly Format[];
  variants: readonly Lang[];
  /** Template name or path. */
  template: string;
  /** Output folder. */
  out: string;
  vocabulary?: boolean;
  /** User dictionaries for conversion (files). */
  dictionaries?: readonly string[];
  /** Transforms to leave out, by name. */
  skip?: readonly string[];
  /** The Word edition embeds the PDF's fonts (subset to its characters). */
  embedFonts?: boolean;
}

export interface Output {
  path: string;
  format: Format;
  variant: Lang;
  bytes: number;
  pages?: number;
}

export interface BuildResult {
  input: string;
  outputs: Output[];
  report: Change[];
}

/** The date documents carry: the edition's own, else SOURCE_DATE_EPOCH, else a fixed one. Never the clock. */
export function documentDate(edition: Edition): Date {
  if (edition.meta.date && !Number.isNaN(Date.parse(edition.meta.date))) return new Date(`${edition.meta.date.slice(0, 10)}T00:00:00Z`);
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  if (process.env.SOURCE_DATE_EPOCH && Number.isFinite(epoch)) return new Date(epoch * 1000);
  return new Date('2000-01-01T00:00:00Z');
}

/** "<stem>.<variant>.<ext>": all variants of one input sit side by side. */
export function outputName(input: string, variant: Lang, format: Format): string {
  const stem = basename(input, extname(input));
  return `${stem}.${variant}.${extensionOf(format)}`;
}

/** Render one edition (already read) to one format and variant, in memory. */
export async function render(
  prepared: Edition,
  format: Format,
  variant: Lang,
  options: Pick<BuildOptions, 'template' | 'vocabulary' | 'dictionaries' | 'skip' | 'embedFonts'>,
): Promise<{ data: Uint8Array | string; pages?: number; report: Change[] }> {
  const template = loadTemplate(options.template, variant);
  // The dictionaries' files are read here (the built-in ones once per process), not by the transform.
  const loaded = loadDictionaries(options.dictionaries);
  const converted = options.skip?.includes('convert')
    ? { edition: prepared, report: [] }
    : runTransforms(prepared, {
        variant,
        vocabulary: options.vocabulary,
        loaded,
        // The template's quotation marks for this variant; "source" leaves the choice to the
        // direction of conversion (corner brackets into TW/HK, curly quotes into Simplified).
        quotes: template.quotes === 'source' ? undefined : template.quotes,
        skip: sharedTransforms(),
      });
  // The template's own text (contents title, cover label, header and footer) in the edition's language.
  const localised = convertTemplateText(template, converted.edition.meta.lang, {
    vocabulary: options.vocabulary,
    loaded,
    quotes: template.quotes === 'source' ? undefined : template.quotes,
  });
  // Fonts are resolved here, for the writers that set text in them (the registry reads each file once per process).
  const fonts = writerEntry(format)?.fonts ? writeFonts(localised) : undefined;
  const written = await (await loadWriter(format)).write(converted.edition, { template: localised, date: documentDate(converted.edition), embedFonts: options.embedFonts, fonts });
  return { data: written.data, pages: written.pages, report: [...converted.report, ...written.report] };
}

/** Read one input and apply the transforms every variant shares. */
export async function prepare(input: string, options: ReadInputOptions & Pick<BuildOptions, 'skip'>) {
  const read = await readInput(input, options);
  const transformed = runTransforms(read.edition, { skip: [...(options.skip ?? []), ...(read.skip ?? []), 'convert'] });
  return { edition: transformed.edition, report: [...read.report, ...transformed.report] };
}

export async function buildInput(input: string, options: BuildOptions): Promise<BuildResult> {
  const prepared = await prepare(input, options);
  const report = [...prepared.report];
  const outputs: Output[] = [];
  for (const variant of options.variants) {
    for (const format of options.formats) {
      let rendered;
      try {
        rendered = await render(prepared.edition, format, variant, options);
      } catch (error) {
        throw error instanceof ZhpressError ? error.inFile(input) : error;
      }
      const path = join(options.out, outputName(input, variant, format));
      // The output folder itself may not exist yet (writeAtomic makes only the folders inside it).
      await ensureFolder(options.out);
      await writeAtomic(path, rendered.data, options.out);
      report.push(...rendered.report);
      const bytes = typeof rendered.data === 'string' ? Buffer.byteLength(rendered.data) : rendered.data.byteLength;
      outputs.push({ path, format, variant, bytes, pages: rendered.pages });
    }
  }
  return { input, outputs, report };
}
