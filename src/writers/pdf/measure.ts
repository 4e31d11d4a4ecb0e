// What text measures in the face that draws it, in em, as pdfkit will set it:
// a character's advance (nothing for characters the shaper hides), a run laid
// out by the font (kerning included), and what adjacent punctuation gives up
// under the font's `chws` feature (。” ，“ “《 take 1.5 em in the Simplified
// Noto fonts; the Traditional ones centre ，。 and compress nothing there).
import { openFace } from '../../fonts/index.js';
import { chwsAdjustment, glyphId, HIDDEN, hmtxAdvance } from '../../fonts/direct-layout.js';
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

/** `advance` for one face, for measuring many characters: the face's table looked up once. */
export function advancesOf(face: Face): (codePoint: number) => number {
  let table = advances.get(face);
  if (!table) {
    table = new Map();
    advances.set(face, table);
  }
  const known = table;
  return (codePoint) => known.get(codePoint) ?? advance(face, codePoint);
}

/** What chws takes out between two code points, by face, then the first, then the second (em). */
const kerns = new WeakMap<Face, Map<number, Map<number, number>>>();

/**
 * The space the font's `chws` takes out between two code points (0 for most pairs;
 * negative where marks close up), in em, for one face: each pair asked of the font once.
 */
export function kernsOf(face: Face): (a: number, b: number) => number {
  let table = kerns.get(face);
  if (!table) {
    table = new Map();
    kerns.set(face, table);
  }
  const byFirst = table;
  const font = openFace(face);
  return (a, b) => {
    let after = byFirst.get(a);
    if (!after) {
      after = new Map();
      byFirst.set(a, after);
    }
    let em = after.get(b);
    if (em === undefined) {
      em = chwsAdjustment(font, a, b) / font.unitsPerEm;
      after.set(b, em);
    }
    return em;
  };
}

/** A run's width as the font lays it out (what pdfkit and pdfmake use), with or without chws. */
export function laidOutWidth(face: Face, text: string, chws: boolean): number {
  const font = openFace(face) as unknown as { unitsPerEm: number; layout(text: string, features?: string[]): { advanceWidth: number } };
  return font.layout(text, chws ? ['chws'] : undefined).advanceWidth / font.unitsPerEm;
}
