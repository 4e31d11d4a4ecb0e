// Font files read with their outlines left for later (src/fonts/lazy-outlines.ts):
// the bytes are the file's wherever they are read, and the PDFs are the same
// bytes as from fonts read whole (ZHPRESS_NO_PATCH=lazy-outlines).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFontFile, wholeFont } from '../../src/fonts/lazy-outlines.js';
import { outlineReader } from '../../src/fonts/outline-readers.js';
import { findFamily } from '../../src/fonts/index.js';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli/main.js');

/** The glyf table's place in an sfnt. */
function glyf(bytes: Buffer): { offset: number; length: number } {
  const count = bytes.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    if (bytes.toString('latin1', at, at + 4) === 'glyf') return { offset: bytes.readUInt32BE(at + 8), length: bytes.readUInt32BE(at + 12) };
  }
  throw new Error('no glyf table');
}

describe('a TrueType font read lazily', () => {
  const file = findFamily('Noto Sans SC')!.normal.file;
  const whole = readFileSync(file);
  const table = glyf(whole);

  it('holds every byte of the file outside glyf, zeros in glyf, and each outline once it is read', () => {
    const lazy = readFontFile(file, true);
    expect(lazy.length).toBe(whole.length);
    expect(lazy.subarray(0, table.offset).equals(whole.subarray(0, table.offset))).toBe(true);
    expect(lazy.subarray(table.offset + table.length).equals(whole.subarray(table.offset + table.length))).toBe(true);
    const middle = table.offset + 5_000_000;
    expect(lazy.subarray(middle, middle + 64).every((b) => b === 0)).toBe(true);
    const read = outlineReader(lazy);
    expect(read).toBeDefined();
    read!(5_000_000, 5_000_400);
    expect(lazy.subarray(middle, middle + 400).equals(whole.subarray(middle, middle + 400))).toBe(true);
    expect(lazy[middle + 400]).toBe(0);
    // Made whole in place, for a reader of the bytes themselves (Word's embedded subsets).
    expect(wholeFont(lazy)).toBe(lazy);
    expect(lazy.equals(whole)).toBe(true);
    expect(outlineReader(lazy)).toBeUndefined();
  });

  it('is read whole when not asked to wait, and a file it does not suit is read whole', () => {
    const now = readFontFile(file, false);
    expect(now.equals(whole)).toBe(true);
    expect(outlineReader(now)).toBeUndefined();
    // Truncated inside glyf: read whole, so that the file check names the cut table.
    const dir = mkdtempSync(join(tmpdir(), 'zhpress-lazy-'));
    const cut = join(dir, 'cut.ttf');
    writeFileSync(cut, whole.subarray(0, table.offset + 1000));
    const bytes = readFontFile(cut, true);
    expect(bytes.length).toBe(table.offset + 1000);
    expect(outlineReader(bytes)).toBeUndefined();
    // Not a font at all: its bytes as they are.
    const text = join(dir, 'text.ttf');
    writeFileSync(text, '不是字体'.repeat(10));
    expect(readFontFile(text, true).toString()).toBe('不是字体'.repeat(10));
  });
});

describe('PDFs from fonts read lazily', () => {
  it.each(['briefing', 'gbt9704', 'newspaper'])('are the same bytes as from fonts read whole (%s, Simplified and Taiwan)', (template) => {
    const inputs = [join(root, 'seeds/000_fb7c4685e6dc9c77.txt'), join(root, 'test/fixtures/kinds/05-feature-box-labels-section-heads.txt')];
    const digests = (env: NodeJS.ProcessEnv) => {
      const out = mkdtempSync(join(tmpdir(), `zhpress-lazy-${template}-`));
      const r = spawnSync(process.execPath, [cli, 'build', ...inputs, '--format', 'pdf', '--variant', 'zh-Hans,zh-Hant-TW', '--template', template, '--out', out, '--jobs', '1', '--quiet'], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 300_000 });
      expect(r.status, r.stderr).toBe(0);
      const pdfs = readdirSync(out).filter((f) => f.endsWith('.pdf')).sort();
      expect(pdfs).toHaveLength(4);
      return pdfs.map((f) => `${f} ${createHash('sha256').update(readFileSync(join(out, f))).digest('hex')}`);
    };
    expect(digests({})).toEqual(digests({ ZHPRESS_NO_PATCH: 'lazy-outlines' }));
  }, 300_000);
});
