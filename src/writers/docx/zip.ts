// The .docx package as a zip, through fflate: the docx library stamps every entry
// with the clock, so the package is rewritten with one fixed date on every entry
// and the entries in the order given, so the same input gives the same bytes.
// The entries are deflated by Node's zlib (level 9), as fflate's documentation
// suggests for a custom compressor (a ZipPassThrough whose process() compresses):
// fflate's own deflate, in JavaScript, took some 100 ms more for a process's first
// .docx (measured in fresh processes, seed, briefing template).
import { unzipSync, Zip, ZipPassThrough } from 'fflate';
import { deflateRawSync } from 'node:zlib';
import { ByteCache, madeOnce } from '../../byte-cache.js';

/** Parts a rebuild repeats (styles, settings, the theme, unchanged headers) are deflated once per process. */
const deflated = new ByteCache<string>();

/** The entries of a zip archive (stored or deflated), by name, in archive order. */
export function unzip(data: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(data)));
}

/** One entry, deflated by zlib; pushed whole, in one chunk (deflateRaw streams do not concatenate). */
class ZlibEntry extends ZipPassThrough {
  constructor(name: string, mtime: Date) {
    super(name);
    this.compression = 8;
    this.mtime = mtime;
  }

  protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    this.ondata(null, madeOnce(deflated, chunk, (bytes) => new Uint8Array(deflateRawSync(bytes, { level: 9 }))).made, final);
  }
}

/**
 * The date zip stores, given as fflate takes it: fflate writes a Date's local time,
 * so the UTC fields of `date` go into a local Date (the bytes do not depend on the
 * time zone). Zip dates run from 1980 to 2099 (fflate's range): earlier dates are
 * 1980-01-01, later ones 2099-12-31.
 */
function zipDate(date: Date): Date {
  const year = date.getUTCFullYear();
  if (year < 1980) return new Date(1980, 0, 1);
  if (year > 2099) return new Date(2099, 11, 31, 23, 59, 58);
  return new Date(year, date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
}

/** A zip archive of `files` in the given order, every entry dated `date`, deflated. */
export function zip(files: readonly [string, Uint8Array][], date: Date): Uint8Array {
  const chunks: Uint8Array[] = [];
  const failures: Error[] = [];
  // fflate calls back synchronously here: every entry is pushed whole.
  const archive = new Zip((error, chunk) => {
    if (error) failures.push(error);
    else chunks.push(chunk);
  });
  const mtime = zipDate(date);
  for (const [name, content] of files) {
    const entry = new ZlibEntry(name, mtime);
    archive.add(entry);
    entry.push(content, true);
  }
  archive.end();
  if (failures.length > 0) throw failures[0];
  const out = new Uint8Array(chunks.reduce((n, chunk) => n + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
