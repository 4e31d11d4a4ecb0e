// The library's entry points that need files read first, in the build layer:
// writers and transforms do no file I/O, so a caller who gives no fonts or only
// dictionary file names gets them resolved and read here, as src/build.ts does.
// - loadWriter: the registry's writer, given writeFonts(template) when the context has no fonts;
// - runTransforms, conversionReview, phraseReview: `dictionaries` (files) loaded for convert.
import { writeFonts } from './fonts/write-fonts.js';
import { loadDictionaries } from './io/dictionaries.js';
import type { Change, Edition, Lang } from './model/types.js';
import { conversionReview as review, type ConversionReview, phraseReview as phrases } from './transforms/convert/review.js';
import { type PipelineOptions, runTransforms as run } from './transforms/index.js';
import { type Format, loadWriter as registryWriter, writerEntry } from './writers/index.js';
import type { Writer } from './writers/types.js';

export async function loadWriter(format: Format): Promise<Writer> {
  const writer = await registryWriter(format);
  if (!writerEntry(format)?.fonts) return writer;
  return {
    ...writer,
    write(edition, context) {
      const template = (context as { template?: unknown } | undefined)?.template;
      // Without a template the registry's guard says what write() takes.
      return writer.write(edition, context?.fonts || !template ? context : { ...context, fonts: writeFonts(context.template) });
    },
  };
}

/** Dictionary files for conversion, as the library takes them: they win over the built-in ones, later over earlier. */
export interface DictionaryFiles {
  dictionaries?: readonly string[];
}

/** The transforms in order (src/transforms/index.ts), with `dictionaries` read from their files. */
export function runTransforms(edition: Edition, options: PipelineOptions & DictionaryFiles = {}): { edition: Edition; report: Change[] } {
  const { dictionaries, ...rest } = options;
  return run(edition, { ...rest, loaded: rest.loaded ?? loadDictionaries(dictionaries) });
}

export function conversionReview(edition: Edition, variant: Lang, options: { vocabulary?: boolean } & DictionaryFiles = {}): ConversionReview {
  return review(edition, variant, { vocabulary: options.vocabulary, loaded: loadDictionaries(options.dictionaries) });
}

export function phraseReview(edition: Edition, variant: 'zh-Hant-TW' | 'zh-Hant-HK', dictionaries: readonly string[] = []): Change[] {
  return phrases(edition, variant, loadDictionaries(dictionaries));
}
