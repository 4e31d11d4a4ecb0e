// Two tables fontkit decodes slowly through restructure on a large CJK font,
// read directly from the bytes instead and handed to fontkit's table cache:
// loca (one offset per glyph, 65,536 of them; the subsetter needs it) and post
// (pdfkit reads only its header, but fontkit decodes every glyph name with it;
// here the names are decoded only if something asks for them). Together they
// were about 80 ms of the first PDF of a process.
import { expectMembers, patchBroken } from './expect.js';

interface TableEntry {
  offset: number;
  length: number;
}
export interface TableFont {
  /** 'TTF' for an sfnt read as it is on disk; WOFF and WOFF2 compress their tables. */
  type: string;
  directory: { tables: Record<string, TableEntry | undefined> };
  stream: { buffer: Uint8Array };
  head: { indexToLocFormat: number };
  _tables: Record<string, unknown>;
  _decodeTable(table: TableEntry): Record<string, unknown>;
}

function view(font: TableFont, table: TableEntry): DataView {
  const { buffer } = font.stream;
  return new DataView(buffer.buffer, buffer.byteOffset + table.offset, table.length);
}

function primeLoca(font: TableFont, table: TableEntry): void {
  const data = view(font, table);
  const version = font.head.indexToLocFormat;
  const size = version === 0 ? 2 : 4;
  const offsets = new Array<number>(Math.floor(table.length / size));
  for (let i = 0; i < offsets.length; i++) offsets[i] = version === 0 ? data.getUint16(i * 2) * 2 : data.getUint32(i * 4);
  // _processed: fontkit's own loca has its short offsets doubled already, as these are.
  font._tables.loca = { version, offsets, _processed: true };
}

/** Everything after the post header (glyph names), decoded by fontkit on first use. */
const POST_REST = ['numberOfGlyphs', 'glyphNameIndex', 'names', 'offsets', 'map'];

function primePost(font: TableFont, table: TableEntry): void {
  if (table.length < 32) return;
  const data = view(font, table);
  const post: Record<string, unknown> = {
    version: data.getInt32(0) / 65536,
    italicAngle: data.getInt32(4) / 65536,
    underlinePosition: data.getInt16(8),
    underlineThickness: data.getInt16(10),
    isFixedPitch: data.getUint32(12),
    minMemType42: data.getUint32(16),
    maxMemType42: data.getUint32(20),
    minMemType1: data.getUint32(24),
    maxMemType1: data.getUint32(28),
  };
  let full: Record<string, unknown> | undefined;
  for (const key of POST_REST) {
    Object.defineProperty(post, key, { enumerable: true, get: () => (full ??= font._decodeTable(table))[key] });
  }
  font._tables.post = post;
}

/** What this file takes of fontkit's font: its table cache and decoder, its bytes, its cmap processor. */
export function expectTables(font: object): void {
  const f = font as TableFont & CmapFont;
  expectMembers('fontkit', 'Font', f, { _tables: 'object', _decodeTable: 'function', _cmapProcessor: 'object' });
  expectMembers('fontkit', 'Font.stream', f.stream, { buffer: 'object' });
  expectMembers('fontkit', 'Font._cmapProcessor', f._cmapProcessor, { lookup: 'function' });
  if (!('cmap' in f._cmapProcessor)) throw patchBroken('fontkit', 'Font._cmapProcessor.cmap is missing');
}

/** Put fast readings of loca and post in the font's table cache (TrueType outlines only). */
export function primeTables(font: TableFont): void {
  if (font.type !== 'TTF') return; // table offsets are into compressed data
  const { loca, post, glyf } = font.directory.tables;
  if (glyf && loca && !('loca' in font._tables)) primeLoca(font, loca);
  if (post && !('post' in font._tables)) primePost(font, post);
}

interface LazyArray {
  base: number;
  length: number;
  stream: { view: DataView };
}
interface CmapSubtable {
  version: number;
  nGroups?: number;
  groups?: LazyArray;
  segCount?: number;
  startCode?: LazyArray;
  endCode?: LazyArray;
  idDelta?: LazyArray;
  idRangeOffset?: LazyArray;
  glyphIndexArray?: LazyArray;
}
interface CmapProcessor {
  cmap: CmapSubtable | null;
  encoding?: unknown;
  lookup(codePoint: number, variationSelector?: number): number;
}
export interface CmapFont {
  directory: { tables: Record<string, unknown> };
  _cmapProcessor: CmapProcessor;
}

const fontkitLookups = new WeakMap<object, CmapProcessor['lookup']>();

/** fontkit's own cmap lookup of a font whose lookup was replaced (for tests that compare the two). */
export function fontkitLookup(font: CmapFont): CmapProcessor['lookup'] | undefined {
  return fontkitLookups.get(font);
}

/** Format 12 (and 13): groups of 12 bytes, searched in place. */
function groupsLookup(cmap: CmapSubtable): ((codePoint: number) => number) | undefined {
  const groups = cmap.groups;
  if (!groups || cmap.nGroups === undefined) return undefined;
  const { view } = groups.stream;
  const { base } = groups;
  const last = cmap.nGroups - 1;
  const many = cmap.version === 13;
  return (codePoint) => {
    let low = 0;
    let high = last;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const at = base + mid * 12;
      const start = view.getUint32(at);
      if (codePoint < start) high = mid - 1;
      else if (codePoint > view.getUint32(at + 4)) low = mid + 1;
      else return many ? view.getUint32(at + 8) : view.getUint32(at + 8) + codePoint - start;
    }
    return 0;
  };
}

/** Format 4: segments over the BMP, searched in place (fontkit's arithmetic, byte for byte). */
function segmentsLookup(cmap: CmapSubtable): ((codePoint: number) => number) | undefined {
  const { startCode, endCode, idDelta, idRangeOffset, glyphIndexArray, segCount } = cmap;
  if (!startCode || !endCode || !idDelta || !idRangeOffset || !glyphIndexArray || segCount === undefined) return undefined;
  const { view } = startCode.stream;
  return (codePoint) => {
    let low = 0;
    let high = segCount - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const start = view.getUint16(startCode.base + mid * 2);
      if (codePoint < start) high = mid - 1;
      else if (codePoint > view.getUint16(endCode.base + mid * 2)) low = mid + 1;
      else {
        const rangeOffset = view.getUint16(idRangeOffset.base + mid * 2);
        const delta = view.getInt16(idDelta.base + mid * 2);
        if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
        const index = rangeOffset / 2 + (codePoint - start) - (segCount - mid);
        const glyph = index >= 0 && index < glyphIndexArray.length ? view.getUint16(glyphIndexArray.base + index * 2) : 0;
        return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
      }
    }
    return 0;
  };
}

/**
 * Code point to glyph straight from the cmap bytes. fontkit decodes the
 * subtable lazily, an entry at a time through restructure, which made looking
 * up a document's characters a noticeable part of its first PDF. Formats 4 and
 * 12 (what CJK fonts use) are read in place; others, legacy encodings and
 * variation selectors stay with fontkit.
 */
export function fastCmap(font: CmapFont): void {
  if (!font.directory.tables.cmap) return;
  const processor = font._cmapProcessor;
  const cmap = processor.cmap;
  if (!cmap || processor.encoding) return;
  const direct = cmap.version === 12 || cmap.version === 13 ? groupsLookup(cmap) : cmap.version === 4 ? segmentsLookup(cmap) : undefined;
  if (!direct) return;
  const lookup = processor.lookup.bind(processor);
  fontkitLookups.set(font, lookup);
  processor.lookup = (codePoint, variationSelector) => (variationSelector ? lookup(codePoint, variationSelector) : direct(codePoint));
}
