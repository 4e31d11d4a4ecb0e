// The lines of a block, remembered: breaking a paragraph into lines (linebreak.ts)
// measures every character, and a rebuild of an edited document (`zhpress watch`)
// breaks the same paragraphs again, all but the edited one. The result depends only
// on the runs, the options and the fonts the families name, so it is kept under
// those and handed out as a copy (pdfmake writes into the content it is given).
import type { FontFamily } from '../../fonts/types.js';
import { type BreakOptions, breakLines, type Run } from './linebreak.js';

/** Blocks remembered at most; past it the memory is emptied and gathered again. */
const MAX_BLOCKS = 5_000;

const known = new Map<string, Run[]>();
const use = { asked: 0, reused: 0 };
let enabled = true;

/** Turn the memory off and on (a test compares the PDFs made both ways). */
export function useLineMemo(on: boolean): void {
  enabled = on;
}

/** Blocks broken and blocks found broken before (for tests and the bench). */
export function lineMemoUse(): typeof use {
  return { ...use };
}

const faceKey = (family: FontFamily) => `${family.name}\u0001${family.normal.file}\u0001${family.normal.postscriptName ?? ''}\u0001${family.bold?.file ?? ''}\u0001${family.bold?.postscriptName ?? ''}`;

/** breakLines(given, options), from memory when the same runs were broken the same way with the same fonts. */
export function rememberedLines(given: readonly Run[], options: BreakOptions): Run[] {
  if (!enabled) return breakLines(given, options);
  use.asked++;
  // (The fonts' functions are no key: the families name the files, which is what the lines depend on.)
  const { families, fonts: _fonts, ...rest } = options;
  const key = JSON.stringify([given, rest, [...families.values()].map(faceKey)]);
  const found = known.get(key);
  if (found) {
    use.reused++;
    return structuredClone(found);
  }
  const lines = breakLines(given, options);
  if (known.size >= MAX_BLOCKS) known.clear();
  known.set(key, structuredClone(lines));
  return lines;
}
