// Bytes to text. UTF-8 (with or without BOM) and UTF-16 with BOM are read as
// they are; text that is not valid UTF-8 but is valid GB18030 (the superset of
// GBK and GB2312 that Chinese systems still write) is read as GB18030 and said
// so. Binary files and invalid bytes are refused with the byte offset.
import { ZhpressError } from '../errors.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export const ENCODINGS: readonly Encoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'];

export interface DecodeOptions {
  /** Force an encoding instead of detecting one. */
  encoding?: Encoding;
  /** Replace invalid sequences with U+FFFD instead of refusing the file. */
  lenient?: boolean;
}

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Set when the encoding was guessed rather than marked (no BOM, not UTF-8). */
  detected?: boolean;
  /** With `lenient`: where the first invalid byte was (replaced with U+FFFD), and how many sequences were replaced. */
  replaced?: { offset: number; line: number; count: number };
}

function decodeStrict(bytes: Uint8Array, encoding: Encoding): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Length of the UTF-8 sequence a lead byte starts (0 for ASCII, -1 for a byte that cannot lead). */
function sequenceLength(b: number): number {
  return b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
}

/** Valid multi-byte UTF-8 sequences, invalid ones (a bad or cut sequence counts once) and the first invalid offset. */
function utf8Census(bytes: Uint8Array): { valid: number; invalid: number; first: number } {
  let valid = 0;
  let invalid = 0;
  let first = -1;
  let i = 0;
  while (i < bytes.length) {
    const need = sequenceLength(bytes[i]!);
    if (need === 0) {
      i++;
      continue;
    }
    let k = 1;
    while (need > 0 && k <= need && bytes[i + k] !== undefined && (bytes[i + k]! & 0xc0) === 0x80) k++;
    if (need > 0 && k === need + 1) {
      valid++;
      i += k;
    } else {
      invalid++;
      if (first < 0) first = i;
      i += Math.max(1, k);
    }
  }
  return { valid, invalid, first };
}

/** Offset of the first byte that is not valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  return utf8Census(bytes).first;
}

/** 1-based line of a byte offset (LF, CRLF or CR line endings). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

/**
 * Text that is mostly well-formed UTF-8 with a few bad sequences (a file cut in
 * the middle of a character, a stray byte) is damaged UTF-8, even when the same
 * bytes happen to decode as GB18030 mojibake. Real GBK/GB18030 text forms a
 * valid multi-byte UTF-8 sequence only about once in four bad ones.
 */
function looksLikeDamagedUtf8(bytes: Uint8Array): boolean {
  const { valid, invalid } = utf8Census(bytes);
  return valid >= 2 * invalid;
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  return sample.includes(0);
}

function invalidUtf8(bytes: Uint8Array, file: string): ZhpressError {
  const offset = firstInvalidUtf8(bytes);
  return new ZhpressError(`invalid UTF-8 at byte offset ${offset}`, {
    file,
    line: offset >= 0 ? lineAt(bytes, offset) : undefined,
    hint: 'convert the file to UTF-8, set --encoding, or pass --lenient to replace bad bytes with U+FFFD',
  });
}

function lenientUtf8(bytes: Uint8Array): Decoded {
  const { invalid, first } = utf8Census(bytes);
  const decoded: Decoded = { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  if (first >= 0) decoded.replaced = { offset: first, line: lineAt(bytes, first), count: invalid };
  return decoded;
}

export function decode(bytes: Uint8Array, file: string, options: DecodeOptions = {}): Decoded {
  const hasUtf16Bom = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  const encoding = options.encoding ?? hasUtf16Bom;
  if (encoding) {
    if (encoding === 'utf-8') {
      if (options.lenient) return lenientUtf8(bytes);
      const text = decodeStrict(bytes, 'utf-8');
      if (text === undefined) throw invalidUtf8(bytes, file);
      return { text, encoding };
    }
    const text = options.lenient ? new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes) : decodeStrict(bytes, encoding);
    if (text === undefined) {
      throw new ZhpressError(`not valid ${encoding.toUpperCase()} text`, {
        file,
        hint: 'set the right --encoding (utf-8, utf-16le, utf-16be, gb18030), or --lenient to replace bad bytes',
      });
    }
    if (options.lenient && text !== decodeStrict(bytes, encoding)) {
      const at = text.indexOf('\uFFFD');
      const line = text.slice(0, Math.max(0, at)).split(/\r\n|\r|\n/).length;
      return { text, encoding, replaced: { offset: -1, line, count: (text.match(/\uFFFD/g) ?? []).length } };
    }
    return { text, encoding };
  }
  if (looksBinary(bytes)) {
    const offset = bytes.indexOf(0);
    throw new ZhpressError(`not a text file (NUL byte at offset ${offset})`, {
      file,
      hint: 'zhpress reads plain text (.txt), Markdown (.md) and its JSON model (.json)',
    });
  }
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  if (!looksLikeDamagedUtf8(bytes)) {
    const gb = decodeStrict(bytes, 'gb18030');
    if (gb !== undefined && /\p{Script=Han}/v.test(gb)) return { text: gb, encoding: 'gb18030', detected: true };
  }
  if (options.lenient) return lenientUtf8(bytes);
  throw invalidUtf8(bytes, file);
}
