// Whether a font file is whole: its table directory read from the bytes, every
// table inside the file. A truncated or garbled file in fonts/ was skipped without
// a word, or (when its header still parsed) taken for its family and failed
// mid-document with an internal error.

const SFNT = new Set([0x00010000, 0x4f54544f /* OTTO */, 0x74727565 /* true */]);
const TTCF = 0x74746366;

function tag(view: DataView, at: number): string {
  return String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
}

/** What is wrong with one table directory at `offset`, or undefined. */
function directoryProblem(view: DataView, offset: number, size: number): string | undefined {
  if (offset + 12 > size) return `the file ends inside its table directory (${size} bytes)`;
  const version = view.getUint32(offset);
  if (!SFNT.has(version)) return 'it is not a TrueType or OpenType font (no font signature at its start)';
  const tables = view.getUint16(offset + 4);
  if (offset + 12 + tables * 16 > size) return `the file ends inside its table directory (${size} bytes)`;
  const seen = new Set<string>();
  for (let i = 0; i < tables; i++) {
    const record = offset + 12 + i * 16;
    const name = tag(view, record);
    const start = view.getUint32(record + 8);
    const length = view.getUint32(record + 12);
    if (start + length > size) return `it is truncated: its "${name.trim()}" table ends at byte ${start + length}, the file has ${size} bytes`;
    seen.add(name);
  }
  for (const needed of ['cmap', 'name']) if (!seen.has(needed)) return `it has no "${needed}" table`;
  return undefined;
}

/** Why the bytes of a .ttf, .otf or .ttc file cannot be used as a font, or undefined when they can. */
export function fontFileProblem(bytes: Uint8Array): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = bytes.byteLength;
  if (size < 12) return size === 0 ? 'the file is empty' : `the file has only ${size} bytes`;
  if (view.getUint32(0) !== TTCF) return directoryProblem(view, 0, size);
  const faces = view.getUint32(8);
  if (12 + faces * 4 > size) return `the file ends inside its collection header (${size} bytes)`;
  for (let i = 0; i < faces; i++) {
    const problem = directoryProblem(view, view.getUint32(12 + i * 4), size);
    if (problem) return `face ${i + 1}: ${problem}`;
  }
  return undefined;
}
