// A face's vertical metrics (head.unitsPerEm, hhea ascent and descent, the
// values fontkit gives) read from a few hundred bytes of its file, so a writer
// can lay out styles in every role without reading or parsing the fonts of the
// roles a document never sets text in (a 10 MB kai face, a 20 MB TC one).
import { closeSync, openSync, readSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import type { Face, VerticalMetrics } from './types.js';

export type { VerticalMetrics } from './types.js';

function read(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const got = readSync(fd, buffer, 0, length, position);
  if (got < length) throw new Error('the font file is shorter than its table directory says');
  return buffer;
}

/** The bytes of the tables `head` and `hhea` of the sfnt or WOFF file open as `fd`; undefined for another kind (a collection). */
function headTables(fd: number): { head: Buffer; hhea: Buffer } | undefined {
  const header = read(fd, 0, 12);
  const signature = header.readUInt32BE(0);
  const woff = signature === 0x774f4646;
  if (!woff && signature !== 0x00010000 && signature !== 0x4f54544f && signature !== 0x74727565) return undefined;
  const count = header.readUInt16BE(woff ? 12 : 4);
  const entry = woff ? 20 : 16;
  const directory = read(fd, woff ? 44 : 12, count * entry);
  const found: Record<string, Buffer> = {};
  for (let i = 0; i < count; i++) {
    const at = i * entry;
    const tag = directory.toString('latin1', at, at + 4);
    if (tag !== 'head' && tag !== 'hhea') continue;
    if (woff) {
      const offset = directory.readUInt32BE(at + 4);
      const compressed = directory.readUInt32BE(at + 8);
      const length = directory.readUInt32BE(at + 12);
      const stored = read(fd, offset, compressed);
      found[tag] = compressed < length ? inflateSync(stored) : stored;
    } else {
      found[tag] = read(fd, directory.readUInt32BE(at + 8), directory.readUInt32BE(at + 12));
    }
  }
  return found.head && found.hhea ? { head: found.head, hhea: found.hhea } : undefined;
}

const known = new Map<string, VerticalMetrics | null>();

/** The metrics of a single-face file (TrueType, OpenType or WOFF); undefined for a collection face or an unreadable file. */
export function verticalMetrics(face: Face): VerticalMetrics | undefined {
  if (face.postscriptName) return undefined;
  let metrics = known.get(face.file);
  if (metrics === undefined) {
    metrics = null;
    let fd: number | undefined;
    try {
      // A face merged from pieces has the same head and hhea in each.
      fd = openSync(face.pieces?.[0] ?? face.file, 'r');
      const tables = headTables(fd);
      if (tables) metrics = { unitsPerEm: tables.head.readUInt16BE(18), ascent: tables.hhea.readInt16BE(4), descent: tables.hhea.readInt16BE(6) };
    } catch {
      metrics = null;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    known.set(face.file, metrics);
  }
  return metrics ?? undefined;
}
