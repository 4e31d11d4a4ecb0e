// Two tables fontkit decodes slowly through restructure on a large CJK font,
// read directly from the bytes instead and handed to fontkit's table cache:
// loca (one offset per glyph, 65,536 of them; the subsetter needs it) and post
// (pdfkit reads only its header, but fontkit decodes every glyph name with it;
// here the names are decoded only if something asks for them). Together they
// were about 80 ms of the first PDF of a process.

interface TableEntry {
  offset: number;
  length: number;
}
export interface TableFont {
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

/** Put fast readings of loca and post in the font's table cache (TrueType outlines only). */
export function primeTables(font: TableFont): void {
  const { loca, post, glyf } = font.directory.tables;
  if (glyf && loca && !('loca' in font._tables)) primeLoca(font, loca);
  if (post && !('post' in font._tables)) primePost(font, post);
}
