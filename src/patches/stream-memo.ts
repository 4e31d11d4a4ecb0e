// The same bytes in, the same bytes out, made once per process: pdfkit deflates
// every stream of every PDF it writes (a font subset of several hundred kB, each
// page's content, each ToUnicode map) and fontkit encodes every font subset anew,
// though a rebuild of an edited document (`zhpress watch`) repeats most of them
// exactly: the same glyphs in the subset, the same pages before the edit. Here
// both are kept, keyed by what they are made from, and reused: a deflated stream
// by the SHA-256 of its bytes (and zlib's default options, which pdfkit uses), a
// subset by its font and its glyph ids in order. The output is the same bytes.
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import { ByteCache, madeOnce } from '../byte-cache.js';
import { expectMembers, markInstalled, patchOn } from './expect.js';

const deflated = new ByteCache<string>();
const use = { streams: 0, reused: 0, subsets: 0, subsetsReused: 0 };

let enabled = true;

/** Turn the caches off and on (a test compares the bytes made both ways); once installed, they stay in place. */
export function useStreamMemo(on: boolean): void {
  enabled = on;
}

/** What the caches saved in this process (for tests and the bench). */
export function streamMemoUse(): typeof use {
  return { ...use };
}

/** zlib.deflateSync(bytes) with pdfkit's options (none), from the cache when these bytes were deflated before. */
function deflate(bytes: Buffer): Buffer {
  use.streams++;
  if (!enabled) return deflateSync(bytes);
  const { made, reused } = madeOnce(deflated, bytes, (b) => deflateSync(b));
  if (reused) use.reused++;
  return made;
}

interface PdfReference {
  compress: boolean;
  buffer: Uint8Array[] | Buffer;
  finalize(): void;
}

interface FontSubset {
  font: object;
  glyphs: number[];
  encode(): Uint8Array;
}

const subsets = new WeakMap<object, ByteCache<string>>();
/** Per font: a rebuild needs the subsets of the last document or two, a batch of different texts none. */
const SUBSET_BYTES = 4 * 1024 * 1024;
const patchedSubsets = new WeakSet<object>();

/**
 * A font subset's encode() from the cache when the same font was subset to the same
 * glyphs, in the same order, before. The key is taken before encoding, which may add
 * the parts of compound glyphs to `glyphs`: the same list in gives the same additions.
 */
export function memoSubsets(subset: object): void {
  const proto = Object.getPrototypeOf(subset) as FontSubset;
  if (!patchOn('stream-memo') || patchedSubsets.has(proto)) return;
  expectMembers('fontkit', 'Subset.prototype', proto, { encode: 'function' });
  expectMembers('fontkit', 'Subset', subset, { font: 'object', glyphs: 'object' });
  patchedSubsets.add(proto);
  const encode = proto.encode;
  proto.encode = function (this: FontSubset) {
    if (!enabled) return encode.call(this);
    use.subsets++;
    let cache = subsets.get(this.font);
    if (!cache) {
      cache = new ByteCache(SUBSET_BYTES);
      subsets.set(this.font, cache);
    }
    const key = this.glyphs.join(',');
    const found = cache.get(key);
    if (found) {
      use.subsetsReused++;
      return found;
    }
    const made = encode.call(this);
    cache.set(key, made);
    return made;
  };
}

let installed = false;

/**
 * Install the deflate cache in pdfkit's stream objects (PDFReference, which pdfkit
 * does not export: reached through PDFDocument.prototype.ref on a stand-in). Call
 * after pdfkit's fontkit is in place (writers/pdf/fonts.ts calls it after pdfmake loads).
 */
export function memoStreams(): void {
  if (installed || !patchOn('stream-memo')) return;
  installed = true;
  const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
  const PDFDocument = fromPdfmake('pdfkit') as { prototype: { ref(this: object, data?: object): PdfReference } };
  expectMembers('pdfkit', 'PDFDocument.prototype', PDFDocument.prototype, { ref: 'function' });
  const reference = PDFDocument.prototype.ref.call({ _offsets: [], _waiting: 0, compress: false });
  const proto = Object.getPrototypeOf(reference) as PdfReference;
  expectMembers('pdfkit', 'PDFReference.prototype', proto, { finalize: 'function' });
  expectMembers('pdfkit', 'PDFReference', reference, { buffer: 'object' });
  const finalize = proto.finalize;
  proto.finalize = function (this: PdfReference) {
    // pdfkit's own finalize concatenates and deflates when `compress`; given the
    // deflated bytes and `compress` off, it writes them as they are (its Filter is set).
    if (this.compress && Array.isArray(this.buffer) && this.buffer.length) {
      this.buffer = [deflate(Buffer.concat(this.buffer))];
      this.compress = false;
    }
    finalize.call(this);
  };
  markInstalled('stream-memo');
}
