// How much adjacent full-width punctuation gives up, as the font itself says
// with its `chws` feature (contextual half-width spacing): in the Simplified
// Chinese Noto fonts 。” ，“ “《 take 1.5 em instead of 2, while the
// Traditional ones centre ，。 and compress nothing there. A font without chws
// keeps every mark at full width.
import { openFace } from '../../fonts/index.js';
import { glyphId, hmtxAdvance } from '../../fonts/direct-layout.js';
import type { Face } from '../../fonts/registry.js';
import { CLOSING_MARKS, NO_LINE_END } from '../../transforms/han.js';

/** Full-width punctuation that may stand next to another (ASCII marks are never compressed). */
const PUNCTUATION = new Set([...CLOSING_MARKS, ...NO_LINE_END].filter((ch) => ch.charCodeAt(0) > 0x2000));

interface ShapingFont {
  unitsPerEm: number;
  GPOS?: { featureList: { tag: string }[] };
  layout(text: string, features: string[]): { positions: { xAdvance: number; xOffset: number }[] };
}

const kerns = new WeakMap<Face, Map<string, number>>();
const withChws = new WeakMap<Face, boolean>();

function hasChws(face: Face, font: ShapingFont): boolean {
  let has = withChws.get(face);
  if (has === undefined) {
    has = Boolean(font.GPOS?.featureList.some((record) => record.tag === 'chws'));
    withChws.set(face, has);
  }
  return has;
}

/** The space taken out between `a` and `b` in `face`, in em (0, or negative). */
export function punctuationKern(face: Face, a: string, b: string): number {
  if (!PUNCTUATION.has(a) || !PUNCTUATION.has(b)) return 0;
  let table = kerns.get(face);
  if (!table) {
    table = new Map();
    kerns.set(face, table);
  }
  const pair = a + b;
  let kern = table.get(pair);
  if (kern === undefined) {
    kern = 0;
    const font = openFace(face) as unknown as ShapingFont;
    if (hasChws(face, font)) {
      const shaped = font.layout(pair, ['chws']).positions;
      const plain = [a, b].reduce((sum, ch) => sum + hmtxAdvance(font, glyphId(font, ch.codePointAt(0)!)), 0);
      const total = shaped.reduce((sum, p) => sum + p.xAdvance, 0);
      kern = Math.min(0, (total - plain) / font.unitsPerEm);
    }
    table.set(pair, kern);
  }
  return kern;
}
