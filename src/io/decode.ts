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
}

function decodeStrict(bytes: Uint8Array, encoding: Encoding): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Offset of the first byte that is not valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  return sample.includes(0);
}

export function decode(bytes: Uint8Array, file: string, options: DecodeOptions = {}): Decoded {
  const hasUtf16Bom = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  const encoding = options.encoding ?? hasUtf16Bom;
  if (encoding) {
    const text = options.lenient ? new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes) : decodeStrict(bytes, encoding);
    if (text === undefined) {
      throw new ZhpressError(`not valid ${encoding.toUpperCase()} text`, {
        file,
        hint: 'set the right --encoding (utf-8, utf-16le, utf-16be, gb18030), or --lenient to replace bad bytes',
      });
    }
    return { text, encoding };
  }
  if (looksBinary(bytes)) {
    throw new ZhpressError(`not a text file (NUL byte at offset ${bytes.indexOf(0)})`, {
      file,
      hint: 'zhpress reads plain text (.txt), Markdown (.md) and its JSON model (.json)',
    });
  }
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const gb = decodeStrict(bytes, 'gb18030');
  if (gb !== undefined && /\p{Script=Han}/u.test(gb)) return { text: gb, encoding: 'gb18030', detected: true };
  if (options.lenient) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  throw new ZhpressError(`invalid UTF-8 at byte offset ${firstInvalidUtf8(bytes)}`, {
    file,
    hint: 'convert the file to UTF-8, set --encoding, or pass --lenient to replace bad bytes with U+FFFD',
  });
}
