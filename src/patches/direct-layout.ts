// A direct layout for text that OpenType shaping would not change, installed
// on each font the shared fontkit parses; fontkit's own layout stays for the rest.
import { chwsDistinguished, chwsGlyphs, type ShapingFont, shapedGlyphs } from './shaped-glyphs.js';
import { expectMembers, markInstalled } from './expect.js';

/**
 * Han, kana, Latin and common punctuation mostly need no OpenType shaping
 * (each code point is one glyph at its advance), while fontkit's shaper walks
 * the CJK fonts' large GSUB/GPOS tables for every line. A run in those scripts
 * none of whose glyphs a default feature can touch (shaped-glyphs.ts: in Noto
 * SC the dashes, kana, kerned Latin letters) gets a direct cmap layout;
 * anything else (complex scripts, combining marks, variation selectors,
 * characters fontkit hides such as soft hyphens and zero-width spaces,
 * explicit features, variable fonts) goes to the real shaper. The one feature
 * laid out directly is `chws` (adjacent punctuation at 1.5 em): the font's
 * adjustment for each adjacent pair, asked of the shaper once per pair (a fuzz
 * over Noto's punctuation found runs to compress exactly as their pairs do).
 */
const SIMPLE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}]*$/v;
/** Characters fontkit's shaper hides (soft hyphen, zero-width space, joiners, BOM): they take no room. */
export const HIDDEN = /\p{Default_Ignorable_Code_Point}/v;
const MARKS = /\p{M}/v;

interface TableMetrics {
  advance: number;
  bearing: number;
}
interface LayoutGlyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
  cbox: { maxY: number };
  _metrics?: object;
  _getTableMetrics(table: unknown): TableMetrics;
}
export interface LayoutFont {
  layout(text: string, features?: unknown, ...rest: unknown[]): { glyphs: LayoutGlyph[]; positions: object[]; advanceWidth: number };
  glyphsForString(text: string): LayoutGlyph[];
  glyphForCodePoint(codePoint: number): LayoutGlyph;
  unitsPerEm: number;
  hmtx: { metrics: { length: number; get(index: number): TableMetrics } };
  vmtx?: unknown;
  'OS/2'?: { version: number; typoAscender: number; typoDescender: number };
  hhea: { ascent: number; descent: number };
  directory: { tables: Record<string, unknown> };
  _cmapProcessor: { lookup(codePoint: number): number };
}

/**
 * A glyph's advance from the hmtx table. fontkit's own glyph.advanceWidth also
 * works out vertical metrics, decoding the outline for its bounding box: for a
 * CJK font without vmtx that is most of the cost of measuring a line.
 */
export function hmtxAdvance(font: unknown, glyphId: number): number {
  const { metrics } = (font as LayoutFont).hmtx;
  return metrics.get(Math.min(glyphId, metrics.length - 1)).advance;
}

/** The glyph id a code point maps to (0 when the font lacks it). */
export function glyphId(font: unknown, codePoint: number): number {
  return (font as LayoutFont)._cmapProcessor.lookup(codePoint);
}

/**
 * A glyph's advance, and its metrics as fontkit would work them out. Without a
 * vmtx table fontkit derives the vertical ones from the outline's bounding box,
 * decoding the outline to measure a line; those are left until asked for
 * (the same formula as fontkit's, from OS/2 or hhea).
 */
function primeMetrics(font: LayoutFont, glyph: LayoutGlyph): number {
  if (!glyph._metrics && !font.vmtx) {
    const { advance, bearing } = glyph._getTableMetrics(font.hmtx);
    const os2 = font['OS/2'];
    const ascent = os2 && os2.version > 0 ? os2.typoAscender : font.hhea.ascent;
    const descent = os2 && os2.version > 0 ? os2.typoDescender : font.hhea.descent;
    glyph._metrics = {
      advanceWidth: advance,
      leftBearing: bearing,
      advanceHeight: Math.abs(ascent - descent),
      get topBearing() {
        return ascent - glyph.cbox.maxY;
      },
    };
  }
  return glyph.advanceWidth;
}

const realLayouts = new WeakMap<object, LayoutFont['layout']>();
const chwsAdjusters = new WeakMap<object, (a: number, b: number) => number>();

/**
 * What the font's chws takes off (or adds to) the first of two adjacent
 * characters, in font units: what the direct layout applies under `chws`, so a
 * line measured with it matches what pdfkit draws. 0 for fonts laid out only
 * by fontkit.
 */
export function chwsAdjustment(font: unknown, a: number, b: number): number {
  return chwsAdjusters.get(font as object)?.(a, b) ?? 0;
}

/** fontkit's own layout of a font the shared fontkit parsed (for tests that compare it with the direct one). */
export function realLayout(font: unknown): LayoutFont['layout'] | undefined {
  return realLayouts.get(font as object);
}

/** The class of every Han character chws cannot tell apart (above any glyph id). */
const OTHER_HAN = 0x10000;
const HAN = /\p{Script=Han}/v;

/**
 * The font's chws adjustment of two adjacent glyphs (font units, on the first):
 * 0 unless one of them is in the feature's coverage, else asked of the shaper
 * (with the pair's text) once per pair of classes. A glyph's class is its id,
 * except that Han characters the chws lookups cannot tell apart share one: a
 * ， before 乌 and before 国 is the same question (the shaper picks its
 * script from the pair, so only characters of one script share a class).
 * For the seed's briefing PDF that is 55 questions instead of 826.
 */
function chwsAdjuster(font: LayoutFont, shape: LayoutFont['layout']): (a: number, b: number, aCode: number, bCode: number) => number {
  const chws = chwsGlyphs(font as unknown as ShapingFont);
  const distinguished = chws.size > 0 ? chwsDistinguished(font as unknown as ShapingFont) : undefined;
  const classOf = (glyph: number, code: number) => (distinguished && !distinguished.has(glyph) && HAN.test(String.fromCodePoint(code)) ? OTHER_HAN : glyph);
  const pairs = new Map<number, number>();
  return (a, b, aCode, bCode) => {
    if (!chws.has(a) && !chws.has(b)) return 0;
    const key = classOf(a, aCode) * (OTHER_HAN + 1) + classOf(b, bCode);
    let adjustment = pairs.get(key);
    if (adjustment === undefined) {
      const run = shape(String.fromCodePoint(aCode, bCode), ['chws']);
      const pairWidth = run.glyphs.length === 2 ? (run.positions as { xAdvance: number }[]).reduce((sum, p) => sum + p.xAdvance, 0) : undefined;
      adjustment = pairWidth === undefined ? 0 : pairWidth - hmtxAdvance(font, a) - hmtxAdvance(font, b);
      pairs.set(key, adjustment);
    }
    return adjustment;
  };
}

/** What this file (and the line measurer, through glyphId and hmtxAdvance) takes of fontkit's font and glyphs. */
export function expectLayout(font: object): void {
  const f = font as LayoutFont;
  expectMembers('fontkit', 'Font', f, { glyphsForString: 'function', glyphForCodePoint: 'function', unitsPerEm: 'number', hmtx: 'object', hhea: 'object', _cmapProcessor: 'object' });
  expectMembers('fontkit', 'Font.hmtx', f.hmtx, { metrics: 'object' });
  expectMembers('fontkit', 'Font.hmtx.metrics', f.hmtx.metrics, { get: 'function', length: 'number' });
  expectMembers('fontkit', 'Font._cmapProcessor', f._cmapProcessor, { lookup: 'function' });
  expectMembers('fontkit', 'Glyph', f.glyphForCodePoint(0x20), { id: 'number', codePoints: 'object', _getTableMetrics: 'function' });
}

/**
 * Measure chws pairs for the line breaker and, when `direct`, give `font` the
 * direct layout (fonts shaped some other way keep fontkit's).
 */
export function simplifyLayout(font: LayoutFont, direct: boolean): void {
  const shape = font.layout.bind(font);
  // Variable fonts adjust advances (HVAR) and outlines: always the shaper.
  if (font.directory.tables.fvar) return;
  const shaped = shapedGlyphs(font as unknown as ShapingFont);
  if (!shaped) return;
  realLayouts.set(font, shape);
  const adjust = chwsAdjuster(font, shape);
  chwsAdjusters.set(font, (a, b) => adjust(glyphId(font, a), glyphId(font, b), a, b));
  if (!direct) return;
  markInstalled('direct-layout');
  font.layout = (text, features, ...rest) => {
    const onlyChws = Array.isArray(features) && features.length === 1 && features[0] === 'chws';
    const hasFeatures = Array.isArray(features) ? features.length > 0 : features !== undefined && features !== null && Object.keys(features).length > 0;
    if ((hasFeatures && !onlyChws) || rest.length > 0 || !SIMPLE.test(text) || MARKS.test(text) || HIDDEN.test(text)) return shape(text, features, ...rest);
    const glyphs = font.glyphsForString(text);
    if (glyphs.some((glyph) => shaped.has(glyph.id))) return shape(text, features, ...rest);
    const positions = glyphs.map((glyph) => ({ xAdvance: primeMetrics(font, glyph), yAdvance: 0, xOffset: 0, yOffset: 0 }));
    for (let i = 1; onlyChws && i < glyphs.length; i++) {
      const [a, b] = [glyphs[i - 1]!, glyphs[i]!];
      positions[i - 1]!.xAdvance += adjust(a.id, b.id, a.codePoints[0]!, b.codePoints[0]!);
    }
    // A getter over the positions, as fontkit's GlyphRun has: pdfkit scales the positions in place.
    return {
      glyphs,
      positions,
      get advanceWidth() {
        let width = 0;
        for (const p of positions) width += p.xAdvance;
        return width;
      },
    };
  };
}
