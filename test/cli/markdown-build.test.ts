// Issue 5: a Markdown briefing written by hand builds to PDF and Word with its structures.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clients, run } from '../helpers/clients.js';

const root = join(import.meta.dirname, '../..');
const input = join(root, 'test/fixtures/cli/briefing-by-hand.md');
const out = mkdtempSync(join(tmpdir(), 'zhpress-mdbuild-'));

describe.runIf(clients('qpdf', 'pandoc'))('a hand-written Markdown briefing', () => {
  beforeAll(() => {
    const result = spawnSync(process.execPath, [join(root, 'dist/cli/main.js'), 'build', input, '--format', 'pdf,docx', '--out', out, '--quiet'], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
  }, 60_000);

  it('writes a PDF whose outline has the article and its heading', () => {
    expect(readdirSync(out).filter((f) => !f.startsWith('.')).sort()).toEqual(['briefing-by-hand.zh-Hans.docx', 'briefing-by-hand.zh-Hans.pdf']);
    const json = JSON.parse(run('qpdf', ['--json', '--json-key=outlines', join(out, 'briefing-by-hand.zh-Hans.pdf')])) as { outlines: { title: string; kids: { title: string }[] }[] };
    expect(json.outlines[0]!.title).toBe('\u4f18\u5316\u73b0\u4ee3\u5316\u57ce\u5e02\u4f53\u7cfb');
    expect(json.outlines[0]!.kids.map((k) => k.title)).toEqual(['\u4e8c\u3001\u4f18\u5316\u73b0\u4ee3\u5316\u57ce\u5e02\u4f53\u7cfb']);
  });

  it('writes a .docx in which pandoc finds the headings, the lead, the quote and the dash items', () => {
    const doc = JSON.parse(run('pandoc', ['-f', 'docx', '-t', 'json', join(out, 'briefing-by-hand.zh-Hans.docx')])) as { blocks: { t: string; c: unknown }[] };
    const text = (node: unknown): string =>
      Array.isArray(node) ? node.map(text).join('') : node && typeof node === 'object' ? ((node as { t: string }).t === 'Str' ? String((node as { c: string }).c) : (node as { t: string }).t === 'Space' ? ' ' : text((node as { c: unknown }).c)) : '';
    const headers = doc.blocks.filter((b) => b.t === 'Header').map((b) => [(b.c as [number])[0], text((b.c as unknown[])[2])]);
    expect(headers).toContainEqual([1, '\u4f18\u5316\u73b0\u4ee3\u5316\u57ce\u5e02\u4f53\u7cfb']);
    expect(headers).toContainEqual([2, '\u4e8c\u3001\u4f18\u5316\u73b0\u4ee3\u5316\u57ce\u5e02\u4f53\u7cfb']);
    const all = text(doc.blocks);
    expect(all).toContain('\u7a33\u59a5\u6709\u5e8f\u63a8\u52a8\u57ce\u5e02\u7fa4\u4e00\u4f53\u5316\u53d1\u5c55');
    expect(all).toContain('\u2014\u2014\u89e3\u51b3\u56fd\u9645\u4e0a\u7684\u4e8b\u60c5');
    expect(all).toContain('\u201c\u5730\u533a\u5404\u56fd\u4eba\u6c11\u8fc7\u4e0a\u597d\u65e5\u5b50');
  });
});
