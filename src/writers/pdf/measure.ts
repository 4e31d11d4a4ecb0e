// What text measures in the face that draws it, in em, as pdfkit will set it:
// a character's advance (nothing for characters the shaper hides), a run laid
// out by the font (kerning included), and what adjacent punctuation gives up
// under the font's `chws` feature (。” ，“ “《 take 1.5 em in the Simplified
// Noto fonts; the Traditional ones centre ，。 and compress nothing there).
import { openFace } from '../../fonts/index.js';
import { chwsAdjustment, glyphId, HIDDEN, hmtxAdvance } from '../../patches/direct-layout.js';
import type { Face } from '../../fonts/registry.js';

/** Advances by face object (faces are cached by the registry), then code point. */
const advances = new WeakMap<Face, Map<number, number>>();

/** A character's advance. */
export function advance(face: Face, codePoint: number): number {
  let table = advances.get(face);
  if (!table) {
    table = new Map();
    advances.set(face, table);
  }
  let em = table.get(codePoint);
  if (em === undefined) {
    const font = openFace(face);
    em = HIDDEN.test(String.fromCodePoint(codePoint)) ? 0 : hmtxAdvance(font, glyphId(font, codePoint)) / font.unitsPerEm;
    table.set(codePoint, em);
  }
  return em;
}

/** A run's width as the font lays it out (what pdfkit and pdfmake use), with or without chws. */
export function laidOutWidth(face: Face, text: string, chws: boolean): number {
  const font = openFace(face) as unknown as { unitsPerEm: number; layout(text: string, features?: string[]): { advanceWidth: number } };
  return font.layout(text, chws ? ['chws'] : undefined).advanceWidth / font.unitsPerEm;
}

/** The space chws takes out between `a` and `b` (0 for most pairs; negative where marks close up). */
export function punctuationKern(face: Face, a: string, b: string): number {
  const font = openFace(face);
  return chwsAdjustment(font, a.codePointAt(0)!, b.codePointAt(0)!) / font.unitsPerEm;
}
