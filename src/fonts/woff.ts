// WOFF 1.0 to the sfnt it wraps (W3C WOFF File Format 1.0, section 3-5): the
// tables, each zlib-compressed or stored, under a new sfnt table directory.
// Fonts shipped on npm for the web (LXGW WenKai in @fontsource) come as WOFF;
// decoded once, they are ordinary TrueType bytes for fontkit, pdfkit's
// subsetter and the direct table readers (fast-tables.ts).
import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'

export function isWoff(bytes: Uint8Array): boolean {
  return bytes.length >= 44 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0) === WOFF_SIGNATURE;
}

interface Table {
  tag: number;
  checksum: number;
  data: Uint8Array;
}

/** The sfnt (TrueType or CFF OpenType) inside a WOFF file. Throws on a malformed file. */
export function woffToSfnt(bytes: Uint8Array): Buffer {
  const woff = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isWoff(bytes)) throw new Error('not a WOFF file');
  const flavor = woff.getUint32(4);
  const numTables = woff.getUint16(12);
  const tables: Table[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const tag = woff.getUint32(at);
    const offset = woff.getUint32(at + 4);
    const compLength = woff.getUint32(at + 8);
    const origLength = woff.getUint32(at + 12);
    const checksum = woff.getUint32(at + 16);
    if (offset + compLength > bytes.byteLength) throw new Error('a WOFF table runs past the end of the file');
    const stored = bytes.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(stored) : stored;
    if (data.length !== origLength) throw new Error('a WOFF table does not inflate to its stated length');
    tables.push({ tag, checksum, data });
  }
  // The sfnt header's binary-search fields (OpenType spec, "Table directory").
  const power = 2 ** Math.floor(Math.log2(Math.max(1, numTables)));
  const directory = 12 + numTables * 16;
  const size = tables.reduce((total, t) => total + ((t.data.length + 3) & ~3), directory);
  const out = Buffer.alloc(size);
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(numTables * 16 - power * 16, 10);
  let offset = directory;
  tables.forEach((table, i) => {
    const at = 12 + i * 16;
    out.writeUInt32BE(table.tag, at);
    out.writeUInt32BE(table.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(table.data.length, at + 12);
    out.set(table.data, offset);
    offset += (table.data.length + 3) & ~3;
  });
  return out;
}
