// A TrueType font read without its outlines. In Noto Serif SC the glyf table is
// 14.3 MB of the file's 14.8 MB, and a document draws a few thousand of its
// 65,000 glyphs; reading every font whole was some 70 MB and a fifth of a PDF's
// cold start. Here the file's other tables are read into a buffer of the file's
// size and the glyf table is left as zeros (never touched, so the system does not
// even commit those pages); each glyph's outline is read into its place the
// first time it is asked for (patches/fontkit-shared.ts asks before fontkit
// returns a glyph). The buffer is then byte for byte the file wherever fontkit
// and pdfkit read it, so the PDF is the same as from the whole file.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { ZhpressError } from '../errors.js';
import { setOutlineReader } from './outline-readers.js';

/** Below this the glyf table is read with the rest: a few reads cost more than they save. */
const LAZY_FROM = 1 << 20;
const TRUETYPE = new Set([0x00010000, 0x74727565 /* true */]);
/** Tables whose glyphs fontkit reaches without asking the font for them (colour layers, bitmaps) or through variations. */
const NOT_LAZY = ['COLR', 'sbix', 'fvar', 'CFF ', 'CFF2'];

interface Outlines {
  file: string;
  fd: number;
  /** Where the glyf table starts in the file (and in the buffer). */
  base: number;
  end: number;
  /** Every outline read: the bytes are the whole file. */
  whole: boolean;
}

const waiting = new WeakMap<Uint8Array, Outlines>();

/** Read `length` bytes at `position` into `bytes` at the same place, all of them. */
function readInto(fd: number, bytes: Uint8Array, position: number, length: number): void {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, bytes, position + done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
}

/** The glyf table of a TrueType file's directory, when the file suits lazy outlines. */
function glyfTable(directory: Uint8Array, size: number): { offset: number; length: number } | undefined {
  const view = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const count = view.getUint16(4);
  if (directory.byteLength < 12 + count * 16) return undefined;
  let glyf: { offset: number; length: number } | undefined;
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(directory[at]!, directory[at + 1]!, directory[at + 2]!, directory[at + 3]!);
    if (NOT_LAZY.includes(tag)) return undefined;
    if (tag === 'glyf') glyf = { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) };
  }
  // A truncated table is left to the whole-file check, which names it.
  if (!glyf || glyf.length < LAZY_FROM || glyf.offset + glyf.length > size) return undefined;
  return glyf;
}

/**
 * A font file's bytes: with `lazy`, a TrueType font with a large glyf table as
 * described above (its outlines read through outline-readers.ts); any other file whole.
 */
export function readFontFile(file: string, lazy: boolean): Buffer {
  if (!lazy) return readFileSync(file);
  const fd = openSync(file, 'r');
  let kept = false;
  try {
    const size = fstatSync(fd).size;
    const header = Buffer.alloc(Math.min(size, 12));
    readInto(fd, header, 0, header.length);
    if (header.length < 12 || !TRUETYPE.has(header.readUInt32BE(0))) return readFileSync(fd);
    const directory = Buffer.alloc(Math.min(size, 12 + header.readUInt16BE(4) * 16));
    readInto(fd, directory, 0, directory.length);
    const glyf = glyfTable(directory, size);
    if (!glyf) return readFileSync(fd);
    const end = glyf.offset + glyf.length;
    const bytes = Buffer.alloc(size);
    readInto(fd, bytes, 0, glyf.offset);
    readInto(fd, bytes, end, size - end);
    const outlines: Outlines = { file, fd, base: glyf.offset, end, whole: false };
    waiting.set(bytes, outlines);
    setOutlineReader(bytes, readerOf(outlines, bytes));
    kept = true;
    return bytes;
  } finally {
    if (!kept) closeSync(fd);
  }
}

/** Read `length` bytes of the font file at `from` into place, or say which file could not be read. */
function readOutlines(outlines: Outlines, bytes: Uint8Array, from: number, length: number): void {
  try {
    readInto(outlines.fd, bytes, from, length);
  } catch (error) {
    throw new ZhpressError(`the font file could not be read: ${(error as Error).message}`, { file: outlines.file, hint: 'was it removed or replaced while zhpress ran?' });
  }
}

/** The function that reads outlines of `bytes` into place (offsets into the glyf table, as loca gives them). */
function readerOf(outlines: Outlines, bytes: Uint8Array): (start: number, end: number) => void {
  const { base, end: limit } = outlines;
  return (start, end) => {
    if (outlines.whole) return;
    const from = base + start;
    const length = Math.min(base + end, limit) - from;
    if (length > 0) readOutlines(outlines, bytes, from, length);
  };
}

/** The bytes made whole, in place (every outline read now; what was read before is read again, the same): for whoever reads the font's bytes directly. */
export function wholeFont<T extends Uint8Array>(bytes: T): T {
  const outlines = waiting.get(bytes);
  if (outlines && !outlines.whole) {
    readOutlines(outlines, bytes, outlines.base, outlines.end - outlines.base);
    outlines.whole = true;
    setOutlineReader(bytes, undefined);
  }
  return bytes;
}
