import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { article, edition, paragraph } from '../../src/model/builders.js';
import type { Edition } from '../../src/model/types.js';
import { plainText } from '../../src/model/visit.js';
import { readText } from '../../src/readers/text/index.js';
import { loadTemplate, mmToPt } from '../../src/templates/index.js';
import { runTransforms } from '../../src/index.js';
import { NO_LINE_END, NO_LINE_START } from '../../src/text/han.js';
import { pdfWriter } from '../../src/writers/pdf/index.js';
import { fontkitUse } from '../../src/patches/fontkit-shared.js';
import { clients, han, isSubsequence, run } from '../helpers/clients.js';
import { writeFonts } from '../../src/fonts/write-fonts.js';

const seedPath = join(import.meta.dirname, '../../seeds/000_fb7c4685e6dc9c77.txt');
const dir = mkdtempSync(join(tmpdir(), 'zhpress-pdf-'));
const date = new Date('2025-08-29T00:00:00Z');
const template = loadTemplate('briefing', 'zh-Hans');
const seed: Edition = runTransforms(readText({ text: readFileSync(seedPath, 'utf8'), path: seedPath }).edition, {}).edition;

async function write(e: Edition, name: string): Promise<{ file: string; data: Uint8Array; report: import('../../src/model/types.js').Change[]; pages?: number }> {
  const result = await pdfWriter.write(e, { template, date, fonts: writeFonts(template) });
  const file = join(dir, name);
  writeFileSync(file, result.data);
  return { file, data: result.data as Uint8Array, report: result.report, pages: result.pages };
}

describe('fonts for the PDF writer', () => {
  it('are parsed once: a second document goes through the shared fontkit and parses nothing', async () => {
    await pdfWriter.write(seed, { template, date, fonts: writeFonts(template) });
    const before = fontkitUse();
    await pdfWriter.write(seed, { template, date, fonts: writeFonts(template) });
    const after = fontkitUse();
    expect(after.requests).toBeGreaterThan(before.requests);
    expect(after.parsed).toBe(before.parsed);
  }, 60_000);
});

describe.runIf(clients('pdftotext'))('text copied out of a PDF', () => {
  it('is that document\'s own, whatever an earlier PDF of the process drew with the same glyphs', async () => {
    // Noto draws \u2026 and \u22EF, \u4E00 and \u2F00 with one glyph each: the ToUnicode map must follow each document's text.
    const doc = (body: string) => edition({ lang: 'zh-Hans', title: 'T' }, [article('a1', { title: 'T' }, [paragraph([body])])]);
    await write(doc('\u4E2D\u6587\u22EF\u22EF\u5728\u8FD9\u91CC\u2F00\u6837\u3002'), 'first.pdf');
    const second = await write(doc('\u4E2D\u6587\u2026\u2026\u5728\u8FD9\u91CC\u4E00\u6837\u3002'), 'second.pdf');
    const copied = run('pdftotext', [second.file, '-']);
    expect(copied).toContain('\u4E2D\u6587\u2026\u2026\u5728\u8FD9\u91CC\u4E00\u6837');
    expect(copied).not.toMatch(/[\u22EF\u2F00]/);
  }, 60_000);
});

describe.runIf(clients('pdftotext', 'pdffonts', 'qpdf'))('PDF edition of the seed, read by poppler and qpdf', () => {
  let pdf: Awaited<ReturnType<typeof write>>;
  beforeAll(async () => {
    pdf = await write(seed, 'seed.pdf');
  }, 60_000);

  it('passes qpdf --check', () => {
    expect(run('qpdf', ['--check', pdf.file])).toMatch(/No syntax or stream encoding errors/);
  });

  it('embeds and subsets every font, with ToUnicode maps', () => {
    const rows = run('pdffonts', [pdf.file]).split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row).toMatch(/\byes\s+yes\s+yes\s+\d+\s+\d+$/);
  });

  it('gives back every Han character of the model, in order', () => {
    const text = run('pdftotext', [pdf.file, '-']);
    const result = isSubsequence(han(plainText(seed)), han(text));
    expect(result.at).toBe(han(plainText(seed)).length);
  });

  it('has an outline with both articles and their headings, and page numbers "\u2014 N \u2014"', () => {
    const json = JSON.parse(run('qpdf', ['--json', '--json-key=outlines', pdf.file])) as { outlines: { title: string; kids: { title: string }[] }[] };
    // Both articles' titles are derived from the heading under them (（二）“回应……”, 二、优化……):
    // each heading is the only entry and bookmark (none for the title), at the top level.
    const titles = seed.children.map((a) => a.meta);
    expect(titles.every((t) => t.titleDerived)).toBe(true);
    const all = json.outlines.flatMap((o) => [o.title, ...(o.kids ?? []).map((k) => k.title)]);
    for (const t of titles) expect(all.filter((title) => title.endsWith(t.title!))).toHaveLength(1);
    expect(json.outlines.map((o) => o.title)).toContain('\u4e8c\u3001\u4f18\u5316\u73b0\u4ee3\u5316\u57ce\u5e02\u4f53\u7cfb');
    const text = run('pdftotext', ['-layout', pdf.file, '-']);
    expect(text).toMatch(/\u2014\s*3\s*\u2014/);
    expect(text).toContain('\u76ee\u5f55');
  });

  it('starts no line with closing punctuation and ends none with an opening one (pdftotext -layout)', () => {
    const starts = new Set(plainText(seed).split('\n').map((l) => l.slice(0, 1)));
    const lines = run('pdftotext', ['-layout', pdf.file, '-']).split('\n').map((l) => l.trim()).filter(Boolean);
    const bad = lines.filter((l) => {
      if (/^\u2014\s*\d+\s*\u2014$/.test(l)) return false; // the page number
      const first = l[0]!;
      const startsBlock = starts.has(first) && plainText(seed).includes(`\n${l.slice(0, 12)}`);
      return (NO_LINE_START.includes(first) && !startsBlock) || NO_LINE_END.includes(l[l.length - 1]!);
    });
    expect(bad).toEqual([]);
  });

  it('is byte-identical on a second run and carries metadata and the language', async () => {
    const again = await pdfWriter.write(seed, { template, date, fonts: writeFonts(template) });
    expect(Buffer.compare(Buffer.from(again.data as Uint8Array), Buffer.from(pdf.data))).toBe(0);
    const info = run('pdfinfo', [pdf.file]);
    expect(info).toMatch(/Creator:\s+zhpress/);
    expect(info).toMatch(/CreationDate:.*2025/);
    expect(Buffer.from(pdf.data).toString('latin1')).toMatch(/\/Lang \(zh-Hans\)/);
    expect(pdf.pages).toBeGreaterThan(5);
  });

  it('draws characters the role font lacks from an installed font that has them, and sets 〓 for those no font has, reported', async () => {
    const odd = edition({ lang: 'zh-Hans', title: 'T' }, [article('a1', { title: 'T' }, [paragraph(['\u6d4b\u8bd5\ud842\udfb7\u5b57\u{1FAF8}\u3002'])])]);
    const out = await write(odd, 'odd.pdf');
    const missing = out.report.filter((c) => c.kind === 'missing-glyph');
    expect(missing.map((c) => c.message)).toEqual([expect.stringContaining('U+1FAF8')]);
    expect(missing[0]!.message).toContain('the PDF sets \u3013 in its place');
    const text = run('pdftotext', [out.file, '-']);
    // The one no font has is set as 〓, visible and in the text layer (a box the text layer lacked before).
    expect(text).toContain('\u6d4b\u8bd5\ud842\udfb7\u5b57\u3013\u3002');
  });
});

/** Lines of each page from pdftotext -bbox-layout: y, x range, height and text. */
function bboxLines(file: string): { page: number; y: number; xMin: number; xMax: number; height: number; text: string }[][] {
  const html = run('pdftotext', ['-bbox-layout', file, '-']);
  return html
    .split('<page ')
    .slice(1)
    .map((page, i) =>
      [...page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((m) => ({
        page: i + 1,
        xMin: Number(m[1]),
        y: Number(m[2]),
        xMax: Number(m[3]),
        height: Number(m[4]) - Number(m[2]),
        text: [...m[5]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
      })),
    );
}

describe.runIf(clients('pdftotext'))('templates in the PDF', () => {
  it('gbt9704: 22 body lines on most full pages (20 or 21 where a page runs short), 28 characters on every full line of Han text, page numbers right then left', async () => {
    const result = await pdfWriter.write(seed, { template: loadTemplate('gbt9704', 'zh-Hans'), date, fonts: writeFonts(loadTemplate('gbt9704', 'zh-Hans')) });
    const file = join(dir, 'gbt9704.pdf');
    writeFileSync(file, result.data);
    const pages = bboxLines(file);
    // Full pages: not an article's first (its title takes two grid lines: 22 pt and the
    // space after) nor its last (the next page starts the next article, or there is none).
    const titles = seed.children.map((a) => a.meta.title);
    // (The seed's titles are derived from the heading under them, which opens the article in their place.)
    const opens = (lines: (typeof pages)[number] | undefined) => lines?.some((l) => titles.some((t) => l.text.replace(/\s/g, '').endsWith(t!))) ?? true;
    const full = pages.filter((lines, i) => !opens(lines) && !opens(pages[i + 1]));
    expect(full.length).toBeGreaterThan(5);
    const area = { left: mmToPt(28), right: mmToPt(28 + 156), bottom: mmToPt(37 + 225) };
    // A page may run short (a paragraph's last two lines kept together: one line; a heading
    // kept with two lines of its text: up to two), never long; most hold all 22 lines of the grid.
    const counts = full.map((lines) => new Set(lines.filter((l) => l.y < area.bottom).map((l) => Math.round(l.y))).size);
    for (const n of counts) expect([20, 21, 22]).toContain(n);
    expect(counts.filter((n) => n === 22).length * 2).toBeGreaterThan(counts.length);
    for (const lines of full) {
      const folio = lines.find((l) => l.y > area.bottom)!;
      expect(folio.text).toMatch(/^\u2014\s*\d+\s*\u2014$/);
      const page = Number(folio.text.replace(/\D/g, ''));
      if (page % 2 === 1) expect(folio.xMax).toBeGreaterThan(area.right - 40);
      else expect(folio.xMin).toBeLessThan(area.left + 40);
    }
    const fullLines = full.flat().filter((l) => l.xMax > area.right - 4 && l.xMin < area.left + 4 && /^[\p{Script=Han}\u3001\u3002\uff0c\uff1b\uff1a\u201c\u201d]+$/u.test(l.text));
    const pureHan = fullLines.filter((l) => /^\p{Script=Han}+$/u.test(l.text));
    expect(pureHan.length).toBeGreaterThan(0);
    expect(fullLines.length).toBeGreaterThan(100);
    for (const l of pureHan) expect([...l.text].length).toBe(28);
    // Lines with punctuation hold 28 cells, 29 characters with closing punctuation squeezed in
    // (30 when two closing marks end the line, 。” in the serif face), or 27 when an opening
    // quote had to move to the next line.
    for (const l of fullLines) {
      const n = [...l.text].length;
      if (n === 30) expect(l.text, l.text).toMatch(/[\u3001\u3002\uff0c\uff1b\uff1a\u201d]{2}$/u);
      else expect([27, 28, 29], l.text).toContain(n);
    }
  });

  it('newspaper: the text flows in two columns', async () => {
    const result = await pdfWriter.write(seed, { template: loadTemplate('newspaper', 'zh-Hans'), date, fonts: writeFonts(loadTemplate('newspaper', 'zh-Hans')) });
    const file = join(dir, 'newspaper.pdf');
    writeFileSync(file, result.data);
    const lines = bboxLines(file)[0]!;
    const middle = mmToPt(105);
    expect(lines.filter((l) => l.xMax < middle && l.text.length > 10).length).toBeGreaterThan(20);
    expect(lines.filter((l) => l.xMin > middle && l.text.length > 10).length).toBeGreaterThan(20);
    expect(han(run('pdftotext', [file, '-'])).length).toBeGreaterThanOrEqual(han(plainText(seed)).length);
  });
});

/** A notice as the text reader gives it: title block with a note and a byline, then the parts around its body. */
const notice = edition({ lang: 'zh-Hans', title: '\u901a\u77e5' }, [
  article('a1', { title: '\u56fd\u52a1\u9662\u529e\u516c\u5385\u5173\u4e8e\u5370\u53d1\u5de5\u4f5c\u65b9\u6848\u7684\u901a\u77e5', notes: ['\uff082018\u5e7412\u670829\u65e5\uff09'], byline: '\u7701\u957f\u3000\u674e\u70b3\u519b' }, [
    paragraph(['\u56fd\u529e\u53d1\u30142018\u3015128\u53f7'], { role: 'header' }),
    paragraph(['\u5404\u7701\u3001\u81ea\u6cbb\u533a\u3001\u76f4\u8f96\u5e02\u4eba\u6c11\u653f\u5e9c\uff0c\u56fd\u52a1\u9662\u5404\u90e8\u59d4\u3001\u5404\u76f4\u5c5e\u673a\u6784\uff1a'], { role: 'address' }),
    paragraph(['\u300a\u5de5\u4f5c\u65b9\u6848\u300b\u5df2\u7ecf\u56fd\u52a1\u9662\u540c\u610f\uff0c\u73b0\u5370\u53d1\u7ed9\u4f60\u4eec\uff0c\u8bf7\u7ed3\u5408\u5b9e\u9645\u8ba4\u771f\u8d2f\u5f7b\u6267\u884c\u3002'.repeat(2)]),
    // 附件：1.人民法院司法建议书制作规范…（long enough to wrap） / 2.文书样式
    paragraph(['\u9644\u4ef6\uff1a1.' + '\u4eba\u6c11\u6cd5\u9662\u53f8\u6cd5\u5efa\u8bae\u4e66\u5236\u4f5c\u89c4\u8303'.repeat(5)], { role: 'attachment' }),
    paragraph(['2.\u6587\u4e66\u6837\u5f0f'], { role: 'attachment' }),
    paragraph(['\u56fd\u52a1\u9662\u529e\u516c\u5385'], { role: 'signature' }),
    paragraph(['2018\u5e7412\u670829\u65e5'], { role: 'signature' }),
    paragraph(['\uff08\u6b64\u4ef6\u516c\u5f00\u53d1\u5e03\uff09'], { role: 'annotation' }),
    paragraph(['\u6284\u9001\uff1a\u515a\u4e2d\u592e\u5404\u90e8\u95e8\u3002'], { role: 'record' }),
  ]),
]);

describe.runIf(clients('pdftotext'))('the parts of an official document in the PDF (pdftotext -bbox-layout)', () => {
  for (const name of ['briefing', 'gbt9704']) {
    it(`${name}: notes and byline centred under the title, signature and date at the right margin a line below, address, attachment and end matter flush left`, async () => {
      const template = loadTemplate(name, 'zh-Hans');
      const result = await pdfWriter.write(notice, { template, date, fonts: writeFonts(template) });
      const file = join(dir, `notice-${name}.pdf`);
      writeFileSync(file, result.data);
      const lines = bboxLines(file).find((page) => page.some((l) => l.text.startsWith('\u56fd\u529e\u53d1')))!;
      const find = (start: string, exact = false) => {
        const found = lines.find((l) => (exact ? l.text === start : l.text.startsWith(start)));
        expect(found, start).toBeDefined();
        return found!;
      };
      /** The whole line a piece stands on (pdftotext splits "省长　李炳军" at the gap). */
      const whole = (piece: (typeof lines)[number]) => {
        const row = lines.filter((l) => Math.abs(l.y - piece.y) < 1);
        return { xMin: Math.min(...row.map((l) => l.xMin)), xMax: Math.max(...row.map((l) => l.xMax)) };
      };
      const m = template.page.margins;
      const left = mmToPt(m.left);
      const right = mmToPt(210 - m.right);
      const em = template.styles.body.size;
      const near = (value: number, expected: number, tolerance = em * 0.15) => expect(Math.abs(value - expected), `${value} \u2248 ${expected}`).toBeLessThan(tolerance);

      for (const centred of [find('\uff082018'), find('\u7701\u957f')].map(whole)) near((centred.xMin + centred.xMax) / 2, (left + right) / 2, em * 0.6);
      near(find('\u56fd\u529e\u53d1').xMin, left);
      near(find('\u5404\u7701').xMin, left);
      near(find('\u300a\u5de5\u4f5c').xMin, left + 2 * em, em * 0.3);
      // The attachment note hangs: its label stands out, the names and the next item line up after it.
      const note = find('\u9644\u4ef6');
      near(note.xMin, left);
      const wrapped = lines[lines.indexOf(note) + 1]!;
      near(wrapped.xMin, left + 3 * em, em * 0.3);
      const item = find('2.');
      near(item.xMin, left + 3 * em, em * 0.3);
      // Signature and date flush right, one blank line below the attachment note, the date under the signer.
      const signer = find('\u56fd\u52a1\u9662\u529e\u516c\u5385', true);
      const signed = find('2018\u5e7412\u670829\u65e5', true);
      for (const l of [signer, signed]) near(l.xMax, right, em * 0.5);
      expect(signer.y - item.y).toBeGreaterThan(template.styles.body.leading * 1.8);
      near(signed.y - signer.y, template.styles.body.leading, 1);
      near(find('\uff08\u6b64\u4ef6').xMin, left);
      const record = find('\u6284\u9001');
      near(record.xMin, left);
      expect(record.height).toBeLessThan(find('\u5404\u7701').height);
      // Every Han character, in order.
      const text = run('pdftotext', [file, '-']);
      expect(isSubsequence(han(plainText(notice)), han(text)).ok).toBe(true);
      const again = await pdfWriter.write(notice, { template, date, fonts: writeFonts(template) });
      expect(Buffer.from(again.data).equals(Buffer.from(result.data))).toBe(true);
    });
  }
});
