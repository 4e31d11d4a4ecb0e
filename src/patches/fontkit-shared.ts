// One parsed font per file and face for the whole process, shared by the glyph
// check and pdfkit (which pdfmake drives). pdfkit calls fontkit.create(bytes)
// for every document and parses a 15 MB CJK font anew each time; installing
// this caching `create` in the module cache before pdfkit loads makes every
// document reuse the parsed font (its subset is still made per document).
// Each font parsed here is also made quicker to use, with results unchanged:
// tables read from the bytes (fast-tables.ts), a direct layout where shaping
// changes nothing (direct-layout.ts), lighter subsets (light-subsets.ts).
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import { type CmapFont, expectTables, fastCmap, primeTables, type TableFont } from './fast-tables.js';
import { expectLayout, type LayoutFont, simplifyLayout } from './direct-layout.js';
import { lightSubsets, sharedReturnStubs, type SubsettingFont } from './light-subsets.js';
import { expectMembers, markInstalled, patchBroken, patchOn } from './expect.js';
import { memoSubsets } from './stream-memo.js';
import { outlineReader } from '../fonts/outline-readers.js';

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
    // A collection (.ttc) is not patched; its faces are, as create(bytes, name) gives them.
    if (!('fonts' in font)) patchFont(font);
    faces.set(key, font);
  }
  return font;
}

/** Make a parsed font quicker to use (each patch checks what it needs of fontkit's font first). */
function patchFont(font: object): void {
  expectMembers('fontkit', 'Font', font, { type: 'string', directory: 'object', stream: 'object', getGlyph: 'function', createSubset: 'function', layout: 'function' });
  expectMembers('fontkit', 'Font.directory', (font as TableFont).directory, { tables: 'object' });
  if (patchOn('fast-tables')) {
    expectTables(font);
    primeTables(font as TableFont);
    fastCmap(font as CmapFont);
    markInstalled('fast-tables');
  }
  expectLayout(font);
  simplifyLayout(font as LayoutFont, patchOn('direct-layout'));
  if (patchOn('light-subsets') && lightSubsets(font as SubsettingFont)) markInstalled('light-subsets');
  if (patchOn('cff-return-stubs') && sharedReturnStubs(font as SubsettingFont)) markInstalled('cff-return-stubs');
  memoSubsets((font as SubsettingFont).createSubset());
  lazyOutlines(font as Pick<SubsettingFont, 'stream' | 'loca'> & GlyphSource);
  ownCodePoints(font as GlyphSource);
}

/**
 * A font whose outlines were left unread (fonts/lazy-outlines.ts): each glyph's
 * outline is read into the font's bytes before fontkit first hands out the glyph.
 * Everything that reads an outline (the subsetter, a glyph's box, compound parts)
 * gets the glyph from getGlyph first.
 */
function lazyOutlines(font: Pick<SubsettingFont, 'stream' | 'loca'> & GlyphSource): void {
  const read = outlineReader(font.stream.buffer);
  if (!read) return;
  const offsets = font.loca.offsets;
  const loaded = new Uint8Array(offsets.length);
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id, codePoints) => {
    if (loaded[id] === 0 && id < offsets.length - 1) {
      read(offsets[id]!, offsets[id + 1]!);
      loaded[id] = 1;
    }
    return getGlyph(id, codePoints);
  };
  markInstalled('lazy-outlines');
}

interface GlyphSource {
  getGlyph(id: number, codePoints?: number[]): { codePoints: number[] } | null;
}

function sameCodePoints(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((cp, i) => cp === b[i]);
}

/**
 * fontkit keeps one glyph object per id, carrying the characters of whichever
 * text asked for it first, and pdfkit writes each PDF's ToUnicode map from
 * those. With the font shared across documents, a glyph drawn for … in one PDF
 * would be copied out as the ⋯ of an earlier one (Noto maps several code
 * points to one glyph). A request that names other characters gets a view of
 * the glyph with its own.
 */
function ownCodePoints(font: GlyphSource): void {
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id, codePoints = []) => {
    const glyph = getGlyph(id, codePoints);
    if (!glyph || codePoints.length === 0 || sameCodePoints(glyph.codePoints, codePoints)) return glyph;
    return Object.create(glyph, { codePoints: { value: codePoints, enumerable: true } }) as typeof glyph;
  };
}

let shared: typeof Fontkit | undefined;
/** Whether pdfkit parses its fonts through the shared fontkit (installed before pdfkit loaded). */
let pdfkitShares = false;

/**
 * Whether a font file may be read with its outlines left for later
 * (fonts/lazy-outlines.ts): only when every parse of it, pdfkit's included, goes
 * through the shared fontkit, whose fonts read each outline before handing it out.
 */
export function outlinesMayWait(): boolean {
  sharedFontkit();
  return pdfkitShares && patchOn('lazy-outlines');
}

/**
 * fontkit as pdfkit loads it, with the caching `create` installed in the module
 * cache. Call before pdfkit is first loaded (writers/pdf/fonts.ts does);
 * nothing loads fontkit until then, so a Markdown build never does.
 */
export function sharedFontkit(): typeof Fontkit {
  if (!shared) {
    // pdfkit and fontkit as pdfmake loads them, wherever npm put them.
    const require = createRequire(import.meta.url);
    const fromPdfmake = createRequire(require.resolve('pdfmake'));
    const pdfkit = fromPdfmake.resolve('pdfkit');
    const fromPdfkit = createRequire(pdfkit);
    const path = fromPdfkit.resolve('fontkit');
    // pdfkit binds fontkit when it loads: loaded first (by a program using zhpress as a
    // library), it parses every font again for every document. Still correct, only slower.
    const preloaded = Boolean(require.cache[pdfkit]);
    if (preloaded) {
      process.emitWarning('pdfkit was loaded before zhpress installed its shared fonts: every PDF will parse its fonts again', { code: 'ZHPRESS_FONTS_NOT_SHARED' });
    }
    real = fromPdfkit('fontkit') as typeof Fontkit;
    expectMembers('fontkit', 'the fontkit module', real, { create: 'function' });
    shared = { ...real, create } as typeof Fontkit;
    const cached = require.cache[path];
    // fontkit's CommonJS build is what pdfkit requires: its entry in the module cache is what pdfkit gets.
    if (!cached) throw patchBroken('fontkit', `${path} is not in the CommonJS module cache after require()`);
    if (patchOn('fontkit-shared')) {
      cached.exports = shared;
      markInstalled('fontkit-shared');
      pdfkitShares = !preloaded;
    }
  }
  return shared;
}
