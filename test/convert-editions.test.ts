// The issue's table (issue 16) through a whole build: every edition uses the same
// convert transform, so the Markdown, Word and PDF editions of a small text with the
// table's phrases carry the right characters in Taiwan and Hong Kong.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepare, render } from '../src/build.js';
import type { Lang } from '../src/model/types.js';
import { unzip } from '../src/writers/docx/zip.js';
import { clients, run } from './helpers/clients.js';

// [Simplified, Taiwan, Hong Kong]; the wrong forms zhpress wrote are in the issue.
const TABLE: [string, string, string][] = [
  ['奠定制度基石', '奠定制度基石', '奠定制度基石'],
  ['坚定制度自信', '堅定制度自信', '堅定制度自信'],
  ['重要论断发人深省', '重要論斷發人深省', '重要論斷發人深省'],
  ['深刻把握发展', '深刻把握發展', '深刻把握發展'],
  ['伟大历程', '偉大歷程', '偉大歷程'],
  ['统揽伟大斗争', '統攬偉大鬥爭', '統攬偉大鬥爭'],
  ['经济增长几近停滞', '經濟增長幾近停滯', '經濟增長幾近停滯'],
  ['并发出通知', '並發出通知', '並發出通知'],
  ['服务业，并为内地', '服務業，並為內地', '服務業，並為內地'],
  ['珠江干支流', '珠江幹支流', '珠江幹支流'],
  ['租赁合同网签', '租賃合同網簽', '租賃合同網簽'],
  ['过境免签', '過境免簽', '過境免簽'],
  ['十几分钟', '十幾分鐘', '十幾分鐘'],
  ['暂时别着急', '暫時別著急', '暫時別着急'],
  ['14天后，两次', '14天後，兩次', '14天後，兩次'],
  ['消息一出', '消息一出', '消息一出'],
  ['没有采纳', '沒有採納', '沒有採納'],
  ['新闻发布会', '新聞發布會', '新聞發布會'],
];

const dir = mkdtempSync(join(tmpdir(), 'zhpress-convert-editions-'));
const input = join(dir, '转换.txt');
// One paragraph a phrase, under a title, each closed with 。 so that none is read as a heading.
writeFileSync(input, `转换检查\n\n${TABLE.map(([s]) => `\u3000\u3000我们看到${s}。`).join('\n\n')}\n`);

/** The text of a .docx edition's body, its runs joined. */
function docxText(data: Uint8Array): string {
  const xml = new TextDecoder().decode(unzip(data).get('word/document.xml'));
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((m) => m[1]).join('');
}

describe('the issue\u2019s table in every edition', () => {
  for (const [variant, column] of [
    ['zh-Hant-TW', 1],
    ['zh-Hant-HK', 2],
  ] as [Lang, 1 | 2][]) {
    for (const format of ['md', 'docx'] as const) {
      it(`${format}, ${variant}`, async () => {
        const { edition } = await prepare(input, {});
        const { data } = await render(edition, format, variant, { template: 'briefing' });
        const text = format === 'md' ? String(data) : docxText(data as Uint8Array);
        for (const row of TABLE) expect(text, row[0]).toContain(`我們看到${row[column]}。`);
      });
    }
  }
});

describe.runIf(clients('pdftotext'))('the issue\u2019s table in the PDF edition (pdftotext)', () => {
  for (const [variant, column] of [
    ['zh-Hant-TW', 1],
    ['zh-Hant-HK', 2],
  ] as [Lang, 1 | 2][]) {
    it(`pdf, ${variant}`, async () => {
      const { edition } = await prepare(input, {});
      const { data } = await render(edition, 'pdf', variant, { template: 'briefing' });
      const file = join(dir, `${variant}.pdf`);
      writeFileSync(file, data as Uint8Array);
      // Lines break anywhere in the PDF: compare the Han characters of the body, in order.
      const text = run('pdftotext', [file, '-']).replace(/[^\p{Script=Han}]/gu, '');
      for (const row of TABLE) expect(text, row[0]).toContain(`我們看到${row[column]}`.replace(/[^\p{Script=Han}]/gu, ''));
    }, 60_000);
  }
});
