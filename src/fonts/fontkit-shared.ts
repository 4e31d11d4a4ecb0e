// One parsed font per file and face for the whole process, shared by the glyph
// check and pdfkit (which pdfmake drives). pdfkit calls fontkit.create(bytes)
// for every document and parses a 15 MB CJK font anew each time; installing
// this caching `create` in the module cache before pdfkit loads makes every
// document reuse the parsed font (its subset is still made per document).
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';

const require = createRequire(import.meta.url);
const fromPdfkit = createRequire(require.resolve('pdfkit'));
const path = fromPdfkit.resolve('fontkit');
const real = fromPdfkit('fontkit') as typeof Fontkit;

const parsed = new WeakMap<Uint8Array, Map<string, ReturnType<typeof Fontkit.create>>>();

function create(buffer: Uint8Array, postscriptName?: string): ReturnType<typeof Fontkit.create> {
  let faces = parsed.get(buffer);
  if (!faces) {
    faces = new Map();
    parsed.set(buffer, faces);
  }
  const key = postscriptName ?? '';
  let font = faces.get(key);
  if (!font) {
    font = real.create(buffer, postscriptName);
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
  advanceWidth: number;
}
interface LayoutFont {
  layout(text: string, features?: unknown, ...rest: unknown[]): { glyphs: LayoutGlyph[]; positions: object[]; advanceWidth: number };
  glyphsForString(text: string): LayoutGlyph[];
}

function simplifyLayout(font: LayoutFont): void {
  const shape = font.layout.bind(font);
  font.layout = (text, features, ...rest) => {
    const hasFeatures = Array.isArray(features) ? features.length > 0 : features !== undefined && features !== null && Object.keys(features).length > 0;
    if (hasFeatures || rest.length > 0 || !SIMPLE.test(text) || NEEDS_SHAPING.test(text)) return shape(text, features, ...rest);
    const glyphs = font.glyphsForString(text);
    let advanceWidth = 0;
    const positions = glyphs.map((glyph) => {
      advanceWidth += glyph.advanceWidth;
      return { xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 };
    });
    return { glyphs, positions, advanceWidth };
  };
}

const shared = { ...real, create } as typeof Fontkit;
const cached = require.cache[path];
if (cached) cached.exports = shared;

export const fontkit = shared;
