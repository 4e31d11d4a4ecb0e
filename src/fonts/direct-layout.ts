// A direct layout for text that OpenType shaping would not change, installed
// on each font the shared fontkit parses; fontkit's own layout stays for the rest.
import { type ShapingFont, shapedGlyphs } from './shaped-glyphs.js';

/**
 * Han, kana, Latin and common punctuation mostly need no OpenType shaping
 * (each code point is one glyph at its advance), while fontkit's shaper walks
 * the CJK fonts' large GSUB/GPOS tables for every line. A run in those scripts
 * none of whose glyphs a default feature can touch (shaped-glyphs.ts: in Noto
 * SC the dashes, kana, kerned Latin letters) gets a direct cmap layout;
 * anything else (complex scripts, combining marks, variation selectors,
 * explicit features) goes to the real shaper.
 */
const SIMPLE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}]*$/u;
const NEEDS_SHAPING = /[\p{M}\uFE00-\uFE0F\u200C\u200D]|\uDB40[\uDD00-\uDDEF]/u;

interface LayoutGlyph {
  id: number;
  advanceWidth: number;
  _metrics?: object;
}
export interface LayoutFont {
  layout(text: string, features?: unknown, ...rest: unknown[]): { glyphs: LayoutGlyph[]; positions: object[]; advanceWidth: number };
  glyphsForString(text: string): LayoutGlyph[];
  unitsPerEm: number;
  hmtx: { metrics: { length: number; get(index: number): { advance: number; bearing: number } } };
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

/** Give a glyph its horizontal metrics from hmtx, so nothing decodes its outline for them. */
function primeMetrics(font: LayoutFont, glyph: LayoutGlyph): number {
  if (!glyph._metrics) {
    const { metrics } = font.hmtx;
    const m = metrics.get(Math.min(glyph.id, metrics.length - 1));
    glyph._metrics = { advanceWidth: m.advance, advanceHeight: font.unitsPerEm, leftBearing: m.bearing, topBearing: 0 };
  }
  return glyph.advanceWidth;
}

const realLayouts = new WeakMap<object, LayoutFont['layout']>();

/** fontkit's own layout of a font the shared fontkit parsed (for tests that compare it with the direct one). */
export function realLayout(font: unknown): LayoutFont['layout'] | undefined {
  return realLayouts.get(font as object);
}

/** Give `font` the direct layout (fonts shaped some other way keep fontkit's). */
export function simplifyLayout(font: LayoutFont): void {
  const shape = font.layout.bind(font);
  const shaped = shapedGlyphs(font as unknown as ShapingFont);
  if (!shaped) return;
  realLayouts.set(font, shape);
  font.layout = (text, features, ...rest) => {
    const hasFeatures = Array.isArray(features) ? features.length > 0 : features !== undefined && features !== null && Object.keys(features).length > 0;
    if (hasFeatures || rest.length > 0 || !SIMPLE.test(text) || NEEDS_SHAPING.test(text)) return shape(text, features, ...rest);
    const glyphs = font.glyphsForString(text);
    if (glyphs.some((glyph) => shaped.has(glyph.id))) return shape(text, features, ...rest);
    const positions = glyphs.map((glyph) => ({ xAdvance: primeMetrics(font, glyph), yAdvance: 0, xOffset: 0, yOffset: 0 }));
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
