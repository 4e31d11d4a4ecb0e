// One parsed font per file and face for the whole process, shared by the glyph
// check and pdfkit (which pdfmake drives). pdfkit calls fontkit.create(bytes)
// for every document and parses a 15 MB CJK font anew each time; installing
// this caching `create` in the module cache before pdfkit loads makes every
// document reuse the parsed font (its subset is still made per document).
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';

const parsed = new WeakMap<Uint8Array, Map<string, ReturnType<typeof Fontkit.create>>>();

let real: typeof Fontkit | undefined;

function create(buffer: Uint8Array, postscriptName?: string): ReturnType<typeof Fontkit.create> {
  let faces = parsed.get(buffer);
  if (!faces) {
    faces = new Map();
    parsed.set(buffer, faces);
  }
  const key = postscriptName ?? '';
  let font = faces.get(key);
  if (!font) {
    font = real!.create(buffer, postscriptName);
    if ('layout' in font) simplifyLayout(font as unknown as LayoutFont);
    faces.set(key, font);
  }
  return font;
}

/**
 * Han, kana, Latin and common punctuation need no OpenType shaping to be set
 * correctly (each code point is one glyph at its advance), while fontkit's
 * shaper walks the CJK fonts' large GSUB/GPOS tables for every line. Such text
 * gets a direct cmap layout; anything else (combining marks, variation
 * selectors, complex scripts, explicit features) goes to the real shaper.
 */
const SIMPLE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\p{Script=Hangul}\p{Script=Latin}\p{Script=Common}]*$/u;
const NEEDS_SHAPING = /[\p{M}\uFE00-\uFE0F\u200C\u200D]|\uDB40[\uDD00-\uDDEF]/u;

interface LayoutGlyph {
  id: number;
  advanceWidth: number;
  _metrics?: object;
}
interface LayoutFont {
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

function simplifyLayout(font: LayoutFont): void {
  const shape = font.layout.bind(font);
  font.layout = (text, features, ...rest) => {
    const hasFeatures = Array.isArray(features) ? features.length > 0 : features !== undefined && features !== null && Object.keys(features).length > 0;
    if (hasFeatures || rest.length > 0 || !SIMPLE.test(text) || NEEDS_SHAPING.test(text)) return shape(text, features, ...rest);
    const glyphs = font.glyphsForString(text);
    let advanceWidth = 0;
    const positions = glyphs.map((glyph) => {
      const advance = primeMetrics(font, glyph);
      advanceWidth += advance;
      return { xAdvance: advance, yAdvance: 0, xOffset: 0, yOffset: 0 };
    });
    return { glyphs, positions, advanceWidth };
  };
}

let shared: typeof Fontkit | undefined;

/**
 * fontkit as pdfkit loads it, with the caching `create` installed in the module
 * cache. Call before pdfkit is first loaded (writers/pdf/install-fontkit.ts);
 * nothing loads fontkit until then, so a Markdown build never does.
 */
export function sharedFontkit(): typeof Fontkit {
  if (!shared) {
    const require = createRequire(import.meta.url);
    const fromPdfkit = createRequire(require.resolve('pdfkit'));
    const path = fromPdfkit.resolve('fontkit');
    real = fromPdfkit('fontkit') as typeof Fontkit;
    shared = { ...real, create } as typeof Fontkit;
    const cached = require.cache[path];
    if (cached) cached.exports = shared;
  }
  return shared;
}
