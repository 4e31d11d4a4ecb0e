// LXGW WenKai TC comes from npm in 116 WOFF pieces (one per range of characters);
// merged into one TrueType font, every character of every piece keeps its outline
// and advance, composite glyphs included, and the result is a font fontkit, the
// table checks and the light tables read like any other.
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { fontFileProblem } from '../../src/fonts/check-file.js';
import { findFamily, fontBytes, openFace } from '../../src/fonts/index.js';
import { mergePieces } from '../../src/fonts/merge-pieces.js';
import { woffToSfnt } from '../../src/fonts/woff.js';

const family = findFamily('LXGW WenKai TC');
if (family?.source !== 'npm') {
  const message = 'LXGW WenKai TC is not installed (npm install without --omit=optional)';
  if (process.env.CI) throw new Error(message);
  console.warn(`skipping: ${message}`);
}

type Glyph = { id: number; advanceWidth: number; path: { commands: unknown[] }; bbox: { minX: number; maxX: number; minY: number; maxY: number } };
type Font = { numGlyphs: number; characterSet: number[]; familyName: string; glyphForCodePoint(cp: number): Glyph; hasGlyphForCodePoint(cp: number): boolean };

describe.runIf(family?.source === 'npm')('a font merged from web font pieces', () => {
  const pieces = family!.normal.pieces!;
  const sfnts = pieces.map((file) => woffToSfnt(readFileSync(file)));

  it('finds the face as its pieces, read only when asked for', () => {
    expect(pieces.length).toBeGreaterThan(100);
    expect(family!.bold?.pieces?.length).toBe(pieces.length);
  });

  it('keeps every character of every piece with its outline and advance (composites too)', () => {
    const merged = fontkit.create(mergePieces(sfnts)) as unknown as Font;
    expect(merged.familyName).toBe('LXGW WenKai TC');
    let characters = 0;
    let composites = 0;
    const wrong: string[] = [];
    for (const sfnt of sfnts) {
      const piece = fontkit.create(sfnt) as unknown as Font & { getGlyph(id: number): Glyph };
      // Composite glyphs, from the piece's glyf header bytes (numberOfContours < 0).
      const raw = piece as unknown as { loca: { offsets: number[] }; directory: { tables: { glyf: { offset: number } } }; stream: { buffer: Buffer } };
      const composite = (id: number) => {
        const at = raw.loca.offsets[id]!;
        return raw.loca.offsets[id + 1]! > at && raw.stream.buffer.readInt16BE(raw.directory.tables.glyf.offset + at) < 0;
      };
      let n = 0;
      for (const cp of piece.characterSet) {
        const a = piece.glyphForCodePoint(cp);
        if (a.id === 0) continue;
        const b = merged.glyphForCodePoint(cp);
        characters++;
        // Every glyph's advance; the whole outline of every composite and of every 25th other (decoding all takes half a minute).
        const outline = composite(a.id) ? ++composites > 0 : n++ % 25 === 0;
        if (b.id === 0 || a.advanceWidth !== b.advanceWidth || (outline && JSON.stringify(b.path.commands) !== JSON.stringify(a.path.commands))) wrong.push(`U+${cp.toString(16)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(characters).toBeGreaterThan(14_000);
    // Composite glyphs among them, whose components were renumbered.
    expect(composites).toBeGreaterThan(0);
  }, 60_000);

  it('is a whole font: table directory, checksums, and the face opens through the registry', () => {
    const merged = mergePieces(sfnts);
    expect(fontFileProblem(merged)).toBeUndefined();
    // The whole-file checksum with head.checkSumAdjustment is 0xB1B0AFBA.
    let sum = 0;
    for (let i = 0; i < merged.length; i += 4) sum = (sum + merged.readUInt32BE(i)) >>> 0;
    expect(sum).toBe(0xb1b0afba);
    const face = openFace(family!.normal);
    expect(fontBytes(family!.normal.file).equals(merged)).toBe(true);
    expect(face.hasGlyphForCodePoint(0x8aaa)).toBe(true); // 說
  }, 60_000);

  it('centres ，。 as a Taiwan kai should (LXGW WenKai, Simplified, sets them low left)', () => {
    const across = (font: Font, ch: string) => {
      const glyph = font.glyphForCodePoint(ch.codePointAt(0)!);
      return { x: (glyph.bbox.minX + glyph.bbox.maxX) / 2 / glyph.advanceWidth, y: (glyph.bbox.minY + glyph.bbox.maxY) / 2 };
    };
    const tc = openFace(family!.normal) as unknown as Font;
    for (const ch of ['\uFF0C', '\u3002', '\u3001']) expect(Math.abs(across(tc, ch).x - 0.5), ch).toBeLessThan(0.1);
    const sc = findFamily('LXGW WenKai');
    if (sc) expect(across(openFace(sc.normal) as unknown as Font, '\uFF0C').x).toBeLessThan(0.3);
  });

  it('says which piece is not a font', () => {
    expect(() => mergePieces([sfnts[0]!, Buffer.from('not a font at all, just text')])).toThrow(/not a TrueType font/);
    expect(() => mergePieces([])).toThrow(/no pieces/);
  });
});
