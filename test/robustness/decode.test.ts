// Robustness (issue 9): decoding heuristics, in process. Damaged UTF-8 must not
// be taken for GB18030; real GB18030 must still be detected.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isZhpressError } from '../../src/errors.js';
import { decode } from '../../src/io/decode.js';
import { readInput } from '../../src/io/read-input.js';
import { put, root, tmp } from './helpers.js';

const seeds = readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => join(root, 'seeds', f));
const fixtures = readdirSync(join(root, 'test/fixtures/text')).filter((f) => f.endsWith('.txt')).map((f) => join(root, 'test/fixtures/text', f));

function gb18030(text: string): Buffer | undefined {
  const result = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: Buffer.from(text, 'utf8') });
  return result.status === 0 ? result.stdout : undefined;
}

function thrown(fn: () => unknown): { message: string; line?: number } {
  try {
    fn();
  } catch (error) {
    if (isZhpressError(error)) return { message: error.message, line: error.line };
    throw error;
  }
  throw new Error('did not throw');
}

describe('decode: GB18030 versus damaged UTF-8', () => {
  for (const file of [...seeds, ...fixtures]) {
    const name = file.slice(root.length + 1);
    const text = readFileSync(file, 'utf8');

    it(`${name} in GB18030 is detected and decoded exactly`, () => {
      const bytes = gb18030(text);
      if (!bytes) return; // no iconv, or a character GB18030 lacks
      expect(decode(bytes, name)).toMatchObject({ text, encoding: 'gb18030', detected: true });
    });

    it(`${name} in UTF-8 with its last byte cut is refused at that character`, () => {
      const bytes = Buffer.from(text.trimEnd(), 'utf8');
      const cut = bytes.subarray(0, bytes.length - 1);
      if (decodeOk(cut)) return; // ended in ASCII
      const error = thrown(() => decode(cut, name));
      expect(error.message).toMatch(/^invalid UTF-8 at byte offset \d+$/);
      expect(error.line).toBe(text.trimEnd().split('\n').length);
    });

    it(`${name} in UTF-8 with one stray byte in the middle is refused with its offset`, () => {
      const bytes = Buffer.from(text, 'utf8');
      let at = Math.floor(bytes.length / 2);
      while ((bytes[at]! & 0xc0) === 0x80) at++;
      const bad = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xc3]), bytes.subarray(at)]);
      if (decodeOk(bad)) return;
      expect(thrown(() => decode(bad, name)).message).toBe(`invalid UTF-8 at byte offset ${at}`);
      const lenient = decode(bad, name, { lenient: true });
      expect(lenient.encoding).toBe('utf-8');
      expect(lenient.replaced).toMatchObject({ offset: at, count: 1 });
    });
  }
});

function decodeOk(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe('readInput: --lenient reports what it replaced', () => {
  it('one warning with the line of the first bad byte', async () => {
    const dir = tmp('decode-lenient');
    const file = put(dir, 'bad.txt', Buffer.concat([Buffer.from('\u3000\u3000第一段。\n\n\u3000\u3000第二'), Buffer.from([0xff, 0xfe]), Buffer.from('段。\n')]));
    await expect(readInput(file)).rejects.toThrow(/invalid UTF-8 at byte offset/);
    const { report, edition } = await readInput(file, { lenient: true });
    const warnings = report.filter((c) => c.severity === 'warning' && c.kind === 'invalid-bytes');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.position?.start.line).toBe(3);
    expect(warnings[0]!.message).toMatch(/U\+FFFD/);
    expect(JSON.stringify(edition)).toContain('\uFFFD');
  });
  it('no warning when nothing was replaced', async () => {
    const dir = tmp('decode-lenient-ok');
    const file = put(dir, 'good.txt', '\u3000\u3000正文。\n');
    const { report } = await readInput(file, { lenient: true });
    expect(report.filter((c) => c.kind === 'invalid-bytes')).toEqual([]);
  });
});
