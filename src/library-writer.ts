// The library's loadWriter: the registry's writer, given the fonts for its
// template (writeFonts, resolved by the build layer as src/build.ts does) when the
// caller gives none, so `write(edition, { template })` works as it always has.
import { writeFonts } from './fonts/write-fonts.js';
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
