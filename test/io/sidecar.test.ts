import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../src/io/read-input.js';
import { parseSidecar } from '../../src/io/sidecar.js';

const seed = readFileSync(join(import.meta.dirname, '../../seeds/000_fb7c4685e6dc9c77.txt'));

describe('sidecar metadata', () => {
  it('gives titles, date and publication; given titles are not derived', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhpress-sidecar-'));
    const input = join(dir, '人民日报.txt');
    writeFileSync(input, seed);
    writeFileSync(`${input}.meta.yaml`, ['title: 上合组织专题', 'publication: 人民日报', 'date: 2025-08-29', 'page: 2', 'articles:', '  - title: 携手前行', '  - {}', ''].join('\n'));
    const { edition } = await readInput(input);
    expect(edition.meta).toMatchObject({ title: '上合组织专题', publication: '人民日报', date: '2025-08-29', page: '2' });
    expect(edition.children[0]!.meta.title).toBe('携手前行');
    expect(edition.children[0]!.meta.titleDerived).toBeUndefined();
    expect(edition.children[1]!.meta.titleDerived).toBe(true);
  });
  it('reads page2.meta.yaml as well as page2.txt.meta.yaml; the whole-name one wins and the other is reported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhpress-sidecar-'));
    const input = join(dir, 'page2.txt');
    writeFileSync(input, seed);
    writeFileSync(join(dir, 'page2.meta.yaml'), 'title: 短名\npage: "2"\n');
    const short = await readInput(input);
    expect(short.edition.meta).toMatchObject({ title: '短名', page: '2' });
    expect(short.report.filter((c) => c.kind === 'sidecar-unused')).toEqual([]);
    writeFileSync(`${input}.meta.yaml`, 'title: 全名\n');
    const both = await readInput(input);
    expect(both.edition.meta.title).toBe('全名');
    expect(both.edition.meta.page).toBeUndefined();
    const unused = both.report.filter((c) => c.kind === 'sidecar-unused');
    expect(unused).toHaveLength(1);
    expect(unused[0]!.severity).toBe('warning');
    expect(unused[0]!.message).toContain(join(dir, 'page2.meta.yaml'));
  });
  it('says a sidecar beside a Markdown input is not used', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhpress-sidecar-'));
    const input = join(dir, 'brief.md');
    writeFileSync(input, '# 标题\n\n正文。\n');
    writeFileSync(join(dir, 'brief.meta.yaml'), 'title: 不用\n');
    const { edition, report } = await readInput(input);
    expect(edition.meta.title).not.toBe('不用');
    expect(report.find((c) => c.kind === 'sidecar-unused')?.message).toMatch(/front matter/);
  });
  it('names an unknown key, with the allowed ones', () => {
    expect(() => parseSidecar('titel: x\n', 'a.txt.meta.yaml')).toThrow(/titel: unknown key; allowed here: title, publication, date, page, lang, articles, reader/);
    expect(() => parseSidecar('articles:\n  - headline: x\n', 'a.txt.meta.yaml')).toThrow(/articles\[0\]\.headline: unknown key; allowed here: title, subtitle, kicker, kind/);
    try {
      parseSidecar('title: x\narticles:\n  - title: y\n    headline: x\n', 'a.txt.meta.yaml');
      expect.unreachable();
    } catch (error) {
      expect((error as { line?: number }).line).toBe(4);
    }
  });
  it('names a bad value and a YAML syntax error with its line', () => {
    expect(() => parseSidecar('date: 29.8.2025\n', 'm.yaml')).toThrow(/date: found "29\.8\.2025"; expected a date as YYYY-MM-DD/);
    expect(() => parseSidecar('lang: zh-TW\n', 'm.yaml')).toThrow(/lang: "zh-TW" is not allowed; allowed: zh-Hans, zh-Hant, zh-Hant-TW, zh-Hant-HK/);
    try {
      parseSidecar('title: a\n  bad: [\n', 'm.yaml');
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/not valid YAML/);
      expect((error as { line?: number }).line).toBeGreaterThan(0);
    }
  });
});
