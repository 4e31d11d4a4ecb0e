// 着重号 in the PDF: emphasis draws one dot under each character that is not
// punctuation, and nothing else draws them. Counted from the page's own drawing
// operators (qpdf --qdf leaves the content stream uncompressed): a dot is a filled
// circle, four Bézier segments.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readers } from '../../src/index.js';
import { loadTemplate } from '../../src/templates/index.js';
import { pdfWriter } from '../../src/writers/pdf/index.js';
import { clients } from '../helpers/clients.js';
import { writeFonts } from '../../src/fonts/write-fonts.js';

const out = mkdtempSync(join(tmpdir(), 'zhpress-emphasis-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Bézier segments drawn on the body pages (the cover and contents draw none). */
async function curves(markdown: string): Promise<number> {
  const { edition } = readers.markdown!({ text: markdown, path: 'emphasis.md' });
  const pdf = await pdfWriter.write(edition, { template: loadTemplate('briefing'), fonts: writeFonts(loadTemplate('briefing') ) });
  const file = join(out, 'e.pdf');
  writeFileSync(file, pdf.data);
  const qdf = join(out, 'e.qdf');
  const run = spawnSync('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
  expect(run.status).toBe(0);
  return (readFileSync(qdf, 'latin1').match(/ c\n/g) ?? []).length;
}

describe.skipIf(!clients('qpdf'))('emphasis in the PDF', () => {
  it('puts a dot under each emphasised character, none under its punctuation, none elsewhere', async () => {
    const plain = await curves('# \u6807\u9898\n\n\u6B63\u6587\u91CC\u6709\u9700\u8981\u5F3A\u8C03\u7684\u5B57\uFF0C\u4E5F\u6709**\u52A0\u7C97\u7684\u5B57**\u3002\n');
    // 需要强调，的字: six characters and a comma emphasised.
    const emphasised = await curves('# \u6807\u9898\n\n\u6B63\u6587\u91CC\u6709*\u9700\u8981\u5F3A\u8C03\uFF0C\u7684\u5B57*\uFF0C\u4E5F\u6709**\u52A0\u7C97\u7684\u5B57**\u3002\n');
    expect(emphasised - plain).toBe(6 * 4);
  });
});
