// Glyph coverage: every character is checked against the font that will draw
// it. Uncovered characters go to the first other family that has them; those
// no family has are reported (character, code point, where) and set as 〓 (the
// PDF writer's runs; the Word edition keeps the character for a reader's font).
import type { Change, Position } from '../../model/types.js';
import type { FontFamily, WriteFonts } from '../../fonts/types.js';

export interface Run {
  text: string;
  /** The family to draw the run with. */
  family: FontFamily;
}

/** 〓 (U+3013, GETA MARK): what the PDF sets for a character no font has. */
const GETA = 0x3013;
const GETA_MARK = '\u3013';

/** Characters that are layout, not glyphs: no font needs them. */
const INVISIBLE = /[\n\r\t\u200B-\u200D\u2060\uFEFF]/u;

function covers(fonts: WriteFonts, family: FontFamily, codePoint: number, bold: boolean): boolean {
  return fonts.open((bold && family.bold) || family.normal).hasGlyphForCodePoint(codePoint);
}

/**
 * Split `text` into runs by the family that covers each character: `primary`
 * where it can, else the first of `fallbacks`. Missing glyphs are pushed to `report`.
 */
export function splitByCoverage(
  fonts: WriteFonts,
  text: string,
  primary: FontFamily,
  /** Families to try; one found through fontconfig for a character is added here. */
  fallbacks: FontFamily[],
  bold: boolean,
  report: Change[],
  position?: Position,
): Run[] {
  const runs: Run[] = [];
  let offset = 0;
  for (const ch of text) {
    const codePoint = ch.codePointAt(0)!;
    let family = primary;
    let drawn = ch;
    if (!INVISIBLE.test(ch) && ch !== ' ' && !covers(fonts, primary, codePoint, bold)) {
      let other = fallbacks.find((f) => f !== primary && covers(fonts, f, codePoint, bold));
      // A character a Traditional font lacks (a Simplified-only form): the bundled SC fonts have it.
      other ??= fonts.bundled().find((f) => f !== primary && covers(fonts, f, codePoint, bold));
      if (other && !fallbacks.includes(other)) fallbacks.push(other);
      if (!other) {
        other = fonts.forCharacter(codePoint);
        if (other && !fallbacks.includes(other)) fallbacks.push(other);
      }
      if (other) family = other;
      else {
        // Set as 〓, the mark Chinese typesetting puts where a character cannot be set: visible,
        // and in the PDF's text layer (a glyph the font lacks would draw a box the text layer
        // leaves out, so copied text and pdftotext would lose the place).
        const placeholder = covers(fonts, primary, GETA, bold);
        if (placeholder) drawn = GETA_MARK;
        report.push({
          source: 'fonts',
          kind: 'missing-glyph',
          message: `no font has a glyph for "${ch}" (U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}); ${placeholder ? `the PDF sets ${GETA_MARK} in its place` : 'it is kept in the text and may show as a box'}`,
          severity: 'warning',
          position: position && { start: { ...position.start, offset: position.start.offset + offset }, end: position.end },
        });
      }
    }
    const last = runs[runs.length - 1];
    if (last && last.family === family) last.text += drawn;
    else runs.push({ text: drawn, family });
    offset += ch.length;
  }
  return runs;
}
