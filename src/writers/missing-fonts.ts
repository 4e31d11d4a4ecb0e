// A writer that sets text in fonts is given them (WriteContext.fonts); called
// without, it says how to get them instead of finding files itself.
import { ZhpressError } from '../errors.js';

export function missingFonts(format: string): never {
  throw new ZhpressError(`the ${format} writer needs the fonts: write(edition, { template, fonts }) with fonts from writeFonts(template)`, {
    hint: 'loadWriter from zhpress resolves them when none are given; see "Library" in README.md',
  });
}
