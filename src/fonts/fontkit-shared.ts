// One parsed font per file and face for the whole process, shared by the glyph
// check and pdfkit (which pdfmake drives). pdfkit calls fontkit.create(bytes)
// for every document and parses a 15 MB CJK font anew each time; installing
// this caching `create` in the module cache before pdfkit loads makes every
// document reuse the parsed font (its subset is still made per document).
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import { type CmapFont, fastCmap, primeTables, type TableFont } from './fast-tables.js';
import { type ShapingFont, shapedGlyphs } from './shaped-glyphs.js';

const parsed = new WeakMap<Uint8Array, Map<string, ReturnType<typeof Fontkit.create>>>();

let real: typeof Fontkit | undefined;

const use = { requests: 0, parsed: 0 };

/** Fonts asked of the shared fontkit (pdfkit asks once per font per document) and fonts actually parsed. */
export function fontkitUse(): { requests: number; parsed: number } {
  return { ...use };
}

function create(buffer: Uint8Array, postscriptName?: string): ReturnType<typeof Fontkit.create> {
  use.requests++;
  let faces = parsed.get(buffer);
  if (!faces) {
    faces = new Map();
    parsed.set(buffer, faces);
  }
  const key = postscriptName ?? '';
  let font = faces.get(key);
  if (!font) {
    font = real!.create(buffer, postscriptName);
    use.parsed++;
    if ('directory' in font) primeTables(font as unknown as TableFont);
    if ('_cmapProcessor' in font) fastCmap(font as unknown as CmapFont);
    if ('layout' in font) simplifyLayout(font as unknown as LayoutFont);
    if ('createSubset' in font) lightSubsets(font as unknown as SubsettingFont);
    faces.set(key, font);
  }
  return font;
}

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

const realLayouts = new WeakMap<object, LayoutFont['layout']>();

/** fontkit's own layout of a font the shared fontkit parsed (for tests that compare it with the direct one). */
export function realLayout(font: unknown): LayoutFont['layout'] | undefined {
  return realLayouts.get(font as object);
}

function simplifyLayout(font: LayoutFont): void {
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

interface SubsetGlyph {
  id: number;
  _decode(): unknown;
  __structure?: { numberOfContours: number } | null;
}
interface SubsettingFont {
  directory: { tables: Record<string, { offset: number } | undefined> };
  stream: { buffer: Uint8Array };
  loca: { offsets: ArrayLike<number> };
  getGlyph(id: number): SubsetGlyph;
  createSubset(): object;
}
interface TrueTypeSubset {
  font: SubsettingFont;
  _addGlyph(gid: number): number;
}
const patchedSubsets = new WeakSet<object>();

/**
 * What fontkit's TrueType subsetter needs of a glyph: whether it is compound
 * and, if so, its parts. fontkit decodes every outline point for that; for a
 * simple glyph the contour count in its header is enough. Kept on fontkit's
 * glyph object (one per font and glyph id), so later documents reuse it.
 */
function glyphStructure(font: SubsettingFont, glyph: SubsetGlyph): { numberOfContours: number } | null {
  const offsets = font.loca.offsets;
  const start = offsets[glyph.id]!;
  if (start === offsets[glyph.id + 1]) return null;
  const { buffer } = font.stream;
  const at = font.directory.tables.glyf!.offset + start;
  const numberOfContours = (((buffer[at]! << 8) | buffer[at + 1]!) << 16) >> 16;
  if (numberOfContours < 0) return glyph._decode() as { numberOfContours: number };
  return { numberOfContours };
}

/** Subsets of TrueType fonts without variations read only what they need of each glyph (glyphStructure). */
function lightSubsets(font: SubsettingFont): void {
  if (font.directory.tables.fvar || !font.directory.tables.glyf) return;
  const proto = Object.getPrototypeOf(font.createSubset()) as TrueTypeSubset;
  if (patchedSubsets.has(proto)) return;
  patchedSubsets.add(proto);
  const addGlyph = proto._addGlyph;
  proto._addGlyph = function (this: TrueTypeSubset, gid: number) {
    const { font: owner } = this;
    if (owner.directory.tables.fvar || !owner.directory.tables.glyf) return addGlyph.call(this, gid);
    const glyph = owner.getGlyph(gid);
    if (glyph.__structure === undefined) glyph.__structure = glyphStructure(owner, glyph);
    const structure = glyph.__structure;
    glyph._decode = () => structure;
    try {
      return addGlyph.call(this, gid);
    } finally {
      delete (glyph as Partial<SubsetGlyph>)._decode;
    }
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
    // pdfkit binds fontkit when it loads: loaded first, it would parse every font per document.
    if (require.cache[require.resolve('pdfkit')]) throw new Error('internal: pdfkit was loaded before the shared fontkit was installed (import writers/pdf/fonts.js first)');
    real = fromPdfkit('fontkit') as typeof Fontkit;
    shared = { ...real, create } as typeof Fontkit;
    const cached = require.cache[path];
    if (cached) cached.exports = shared;
  }
  return shared;
}
