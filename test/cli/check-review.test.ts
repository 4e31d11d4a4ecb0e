// zhpress check --variant: the conversion's decisions for an editor to review,
// from the built CLI (npm test builds it first).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli/main.js');

function check(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, 'check', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ZHPRESS_DEBUG: '' } });
  return { code: result.status, stdout: result.stdout };
}

const dir = mkdtempSync(join(tmpdir(), 'zhpress-review-'));
const file = join(dir, '评论.txt');
writeFileSync(file, '坚定制度自信\n\n　　奠定制度基石，坚定制度自信。他的头发白了，深化改革发展。\n\n　　大数据中心建设加快，网络安全得到加强。\n');

describe('zhpress check --variant zh-Hant-TW', () => {
  it('lists the characters whose form the context chose, grouped by character and form, with counts, contexts and lines', () => {
    const { code, stdout } = check(file, '--variant', 'zh-Hant-TW');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    const at = lines.findIndex((l) => l.includes('places where the context chose the form of a character'));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at]).toContain(`${file}: zh-Hant-TW: `);
    const institution = lines.find((l) => /^ {2}制 → 制 ×3 /u.test(l));
    expect(institution).toMatch(/定\[制\]度自 ×2 \(1, 3\)/u);
    expect(institution).toMatch(/奠定\[制\]度基 \(3\)/u);
    expect(lines.some((l) => /^ {2}发 → 髮 ×1 .*頭\[髮\]白了 \(3\)/u.test(l))).toBe(true);
    expect(lines.some((l) => /^ {2}发 → 發 ×1 .*改革\[發\]展 \(3\)/u.test(l))).toBe(true);
    expect(stdout).not.toMatch(/regional vocabulary changed/u);
  });

  it('with --vocabulary, also every word the Taiwan vocabulary changed (数据 → 資料)', () => {
    const { stdout } = check(file, '--variant', 'zh-Hant-TW', '--vocabulary');
    expect(stdout).toMatch(/zh-Hant-TW: \d+ words the regional vocabulary changed/u);
    expect(stdout).toMatch(/^ {2}数据 → 資料 ×1 .*大\[資料\]中心 \(5\)/mu);
    expect(stdout).toMatch(/^ {2}网络 → 網路 ×1 /mu);
  });

  it('and for Hong Kong', () => {
    const { stdout } = check(file, '--variant', 'zh-Hant-HK');
    expect(stdout).toMatch(/zh-Hant-HK: \d+ places where the context chose/u);
    expect(stdout).toMatch(/^ {2}发 → 髮 ×1 /mu);
  });
});
