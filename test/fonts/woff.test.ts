// A WOFF font (compressed tables) must load and subset as fontkit does it: the
// shortcuts that read tables straight from the file's bytes are for plain sfnt only.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import * as pristine from 'fontkit';
import { describe, expect, it } from 'vitest';
import { findFamily, openFace } from '../../src/fonts/index.js';

/** The same font as WOFF 1.0: every table zlib-compressed. */
function toWoff(sfnt: Buffer): Buffer {
  const count = sfnt.readUInt16BE(4);
  const directory = Buffer.alloc(20 * count);
  const parts: Buffer[] = [];
  let at = 44 + 20 * count;
  for (let i = 0; i < count; i++) {
    const entry = 12 + i * 16;
    const offset = sfnt.readUInt32BE(entry + 8);
    const length = sfnt.readUInt32BE(entry + 12);
    const data = sfnt.subarray(offset, offset + length);
    let packed = deflateSync(data, { level: 1 });
    if (packed.length >= data.length) packed = Buffer.from(data);
    sfnt.copy(directory, i * 20, entry, entry + 4);
    directory.writeUInt32BE(at, i * 20 + 4);
    directory.writeUInt32BE(packed.length, i * 20 + 8);
    directory.writeUInt32BE(length, i * 20 + 12);
    directory.writeUInt32BE(sfnt.readUInt32BE(entry + 4), i * 20 + 16);
    const pad = Buffer.alloc((4 - (packed.length % 4)) % 4);
    parts.push(packed, pad);
    at += packed.length + pad.length;
  }
  const header = Buffer.alloc(44);
  header.write('wOFF', 0, 'latin1');
  header.writeUInt32BE(sfnt.readUInt32BE(0), 4);
  header.writeUInt32BE(at, 8);
  header.writeUInt16BE(count, 12);
  header.writeUInt32BE(sfnt.length, 16);
  header.writeUInt16BE(1, 20);
  return Buffer.concat([header, directory, ...parts]);
}

interface SubsetFont {
  glyphForCodePoint(cp: number): { id: number };
  createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array };
  loca: { offsets: ArrayLike<number> };
}

describe('a WOFF font', () => {
  const ttf = findFamily('Noto Serif SC')!.normal.file;
  const file = join(mkdtempSync(join(tmpdir(), 'zhpress-woff-')), 'NotoSerifSC.woff');
  writeFileSync(file, toWoff(readFileSync(ttf)));
  const theirs = pristine.create(readFileSync(file)) as unknown as SubsetFont;

  it('opens, maps characters and subsets exactly as fontkit does', () => {
    const ours = openFace({ file }) as unknown as SubsetFont;
    // fontkit inflates a WOFF table on every read: a few characters keep this quick.
    const text = '\u4E2D\u3002';
    const ids = [...text].map((ch) => ours.glyphForCodePoint(ch.codePointAt(0)!).id);
    expect(ids).toEqual([...text].map((ch) => theirs.glyphForCodePoint(ch.codePointAt(0)!).id));
    expect(Array.from(ours.loca.offsets).slice(0, 100)).toEqual(Array.from(theirs.loca.offsets).slice(0, 100));
    const subset = (font: SubsetFont) => {
      const s = font.createSubset();
      for (const id of ids) s.includeGlyph(id);
      return Buffer.from(s.encode());
    };
    expect(subset(ours).equals(subset(theirs))).toBe(true);
  }, 60_000);
});
