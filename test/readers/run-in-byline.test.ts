// A byline run into the first paragraph ("农民日报·中国农网记者王小明 发自哈尔滨 ……") is in the
// article's meta (for the contents, the catalogue, the Markdown front matter) and stays in the
// text where it stands: no edition prints it a second time above the text.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepare, render } from '../../src/build.js';
import { unzip } from '../../src/writers/docx/zip.js';
import { clients, run } from '../helpers/clients.js';

const input = resolve(import.meta.dirname, '../fixtures/kinds/28-filed-from-byline.txt');
const REPORTER = '\u738b\u5c0f\u660e';
const count = (text: string) => text.split(REPORTER).length - 1;

describe('a byline run into the first paragraph', () => {
  it('is in the meta, marked as standing in the text', async () => {
    const { edition } = await prepare(input, {});
    const meta = edition.children[0]!.meta;
    expect(meta.byline).toBe('\u519c\u6c11\u65e5\u62a5\u00b7\u4e2d\u56fd\u519c\u7f51\u8bb0\u8005' + REPORTER);
    expect(meta.bylineInText).toBe(true);
    expect(meta.dateline).toMatchObject({ place: '\u54c8\u5c14\u6ee8' });
  });

  it('stands once in the Word edition', async () => {
    const { edition } = await prepare(input, {});
    const { data } = await render(edition, 'docx', 'zh-Hans', { template: 'briefing' });
    const xml = new TextDecoder().decode(unzip(data as Uint8Array).get('word/document.xml'));
    expect(count(xml)).toBe(1);
  });

  it.runIf(clients('pdftotext'))('stands once in the PDF edition (pdftotext)', async () => {
    const { edition } = await prepare(input, {});
    const { data } = await render(edition, 'pdf', 'zh-Hans', { template: 'briefing' });
    const file = join(mkdtempSync(join(tmpdir(), 'zhpress-byline-')), 'byline.pdf');
    writeFileSync(file, data as Uint8Array);
    expect(count(run('pdftotext', [file, '-']).replace(/\s+/gu, ''))).toBe(1);
  }, 60_000);
});
