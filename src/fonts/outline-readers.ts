// Which font bytes still wait for their outlines, and the function that reads an
// outline into them: set by lazy-outlines.ts (the build layer's, which reads files),
// asked by the shared fontkit (patches/fontkit-shared.ts), which reads none itself:
// what a writer loads imports no file system (test/architecture/no-file-io.test.ts).
const readers = new WeakMap<Uint8Array, (start: number, end: number) => void>();

/** Say how the outlines of `bytes` are read (offsets into its glyf table, as loca gives them), or that they are whole (undefined). */
export function setOutlineReader(bytes: Uint8Array, read: ((start: number, end: number) => void) | undefined): void {
  if (read) readers.set(bytes, read);
  else readers.delete(bytes);
}

/**
 * For bytes whose outlines are read as glyphs are asked for: a function that reads
 * the outline bytes from `start` to `end` into place. Undefined for bytes that are whole.
 */
export function outlineReader(bytes: Uint8Array): ((start: number, end: number) => void) | undefined {
  return readers.get(bytes);
}
