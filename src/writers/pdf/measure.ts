// What text measures in the face that draws it, in em, as pdfkit will set it:
// a character's advance (nothing for characters the shaper hides), a run laid
// out by the font (kerning included), and what adjacent punctuation gives up
// under the font's `chws` feature (。” ，“ “《 take 1.5 em in the Simplified
// Noto fonts; the Traditional ones centre ，。 and compress nothing there).
import { chwsAdjustment, glyphId, HIDDEN, hmtxAdvance } from '../../patches/direct-layout.js';
import type { Face, WriteFonts } from '../../fonts/types.js';

/** Where a face is opened: the writer's fonts. */
type Fonts = Pick<WriteFonts, 'open'>;

/** Advances by face object (the build layer gives each face once per process), then code point. */
const advances = new WeakMap<Face, Map<number, number>>();

/** A character's advance. */
export function advance(fonts: Fonts, face: Face, codePoint: number): number {
  let table = advances.get(face);
  if (!table) {
    table = new Map();
    advances.set(face, table);
  }
  let em = table.get(codePoint);
  if (em === undefined) {
    const font = fonts.open(face);
    em = HIDDEN.test(String.fromCodePoint(codePoint)) ? 0 : hmtxAdvance(font, glyphId(font, codePoint)) / font.unitsPerEm;
    table.set(codePoint, em);
  }
  return em;
}

/** A run's width as the font lays it out (what pdfkit and pdfmake use), with the features given (chws, fwid). */
export function laidOutWidth(fonts: Fonts, face: Face, text: string, features: readonly string[] = []): number {
  const font = fonts.open(face) as unknown as { unitsPerEm: number; layout(text: string, features?: string[]): { advanceWidth: number } };
  return font.layout(text, features.length ? [...features] : undefined).advanceWidth / font.unitsPerEm;
}

/**
 * A run of dashes ("——") as the full-width forms the font's fwid feature gives: the Noto
 * fonts map U+2014 to a proportional 0.89 em dash and join two into one 1.69 em glyph;
 * with fwid, two make one 2 em dash, the true 两字线 (clreq). Its width, em, or undefined
 * when the font has no such form (its dash is full-width already).
 */
export function fullWidthDashes(fonts: Fonts, face: Face, dashes: string): number | undefined {
  const plain = laidOutWidth(fonts, face, dashes);
  const full = laidOutWidth(fonts, face, dashes, ['fwid']);
  return Math.abs(full - plain) > 1e-3 ? full : undefined;
}

/** The space chws takes out between `a` and `b` (0 for most pairs; negative where marks close up). */
export function punctuationKern(fonts: Fonts, face: Face, a: string, b: string): number {
  const font = fonts.open(face);
  return chwsAdjustment(font, a.codePointAt(0)!, b.codePointAt(0)!) / font.unitsPerEm;
}

/** Has the face a glyph for the space (the Han–Latin gap is drawn as one)? */
export function hasSpace(fonts: Fonts, face: Face): boolean {
  return glyphId(fonts.open(face), 0x20) !== 0;
}
