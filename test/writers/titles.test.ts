// Titles and document properties when the input has no metadata (issue 22, point 3;
// issue 20, "Titles when the input has none"): the cover and running heads show the
// edition's title or the first article's, never the file name; the author is the
// publication when given, else empty, never the input's path.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../src/io/read-input.js';
import { loadTemplate } from '../../src/templates/index.js';
import { runTransforms } from '../../src/index.js';
import { pdfWriter } from '../../src/writers/pdf/index.js';
import { docxWriter } from '../../src/writers/docx/index.js';
import { clients, run } from '../helpers/clients.js';
import { writeFonts } from '../../src/fonts/write-fonts.js';

const dir = mkdtempSync(join(tmpdir(), 'zhpress-titles-'));
const seedText = readFileSync(join(import.meta.dirname, '../../seeds/000_fb7c4685e6dc9c77.txt'));
const template = loadTemplate('briefing', 'zh-Hans');
const date = new Date('2025-08-29T00:00:00Z');

async function pdfOf(input: string): Promise<{ file: string; title: string | undefined }> {
  const { edition } = await readInput(input);
  const prepared = runTransforms(edition, {}).edition;
  const file = `${input}.pdf`;
  writeFileSync(file, (await pdfWriter.write(prepared, { template, date, fonts: writeFonts(template) })).data as Uint8Array);
  return { file, title: prepared.meta.title };
}

describe('titles without metadata', () => {
  it('a text without a sidecar is called after its first article, with no source', async () => {
    const input = join(dir, '000_fb7c4685e6dc9c77.txt');
    writeFileSync(input, seedText);
    const { edition } = await readInput(input);
    expect(edition.meta.title).toBe(edition.children[0]!.meta.title);
    expect(edition.meta.title).not.toMatch(/000_fb7c/);
    expect(edition.meta.source).toBeUndefined();
  });

  it('the Word core properties have the title and no author', async () => {
    const input = join(dir, 'plain.txt');
    writeFileSync(input, seedText);
    const edition = runTransforms((await readInput(input)).edition, {}).edition;
    const docx = Buffer.from((await docxWriter.write(edition, { template, date, fonts: writeFonts(template) })).data as Uint8Array);
    // The core properties are stored (not deflated) or deflated; check through unzip when present.
    if (!clients('unzip')) return;
    const file = join(dir, 'plain.docx');
    writeFileSync(file, docx);
    const core = run('unzip', ['-p', file, 'docProps/core.xml']);
    expect(core).toContain(`<dc:title>${edition.meta.title}</dc:title>`);
    expect(core).toContain('<dc:creator/>');
    expect(core).not.toContain('plain.txt');
  });
});

describe.runIf(clients('pdftotext', 'pdfinfo'))('the PDF without metadata (pdfinfo, pdftotext)', () => {
  it('cover and running heads show the first article title, not the file name; no Author', async () => {
    const input = join(dir, '000_fb7c4685e6dc9c77.txt');
    writeFileSync(input, seedText);
    const { file, title } = await pdfOf(input);
    const info = run('pdfinfo', [file]);
    expect(info).not.toMatch(/^Author:/m);
    expect(info).toMatch(new RegExp(`^Title:\\s+${title!.replace(/[()（）“”]/g, '.')}`, 'm'));
    const text = run('pdftotext', [file, '-']);
    expect(text).not.toContain('000_fb7c4685e6dc9c77');
    const cover = run('pdftotext', ['-f', '1', '-l', '1', file, '-']).replace(/\s/g, '');
    expect(cover).toContain(title!.replace(/\s/g, ''));
  });

  it('a Markdown brief with a front-matter title shows that title and never "brief.md"', async () => {
    const input = join(dir, 'brief.md');
    writeFileSync(input, '---\ntitle: 城镇化工作简报\n---\n\n# 优化现代化城市体系\n\n正文第一段。\n');
    const { file } = await pdfOf(input);
    const text = run('pdftotext', [file, '-']);
    expect(text).not.toContain('brief.md');
    expect(run('pdftotext', ['-f', '1', '-l', '1', file, '-'])).toContain('城镇化工作简报');
    expect(run('pdfinfo', [file])).not.toMatch(/^Author:/m);
  });

  it('the publication, when given, is the Author', async () => {
    const input = join(dir, 'page2.txt');
    writeFileSync(input, seedText);
    writeFileSync(join(dir, 'page2.meta.yaml'), 'publication: 人民日报\n');
    const { file } = await pdfOf(input);
    expect(run('pdfinfo', [file])).toMatch(/^Author:\s+人民日报/m);
  });

  it('a title derived from the heading under it is printed once and listed once in the contents', async () => {
    const input = join(dir, 'derived.md');
    // No `#`: the article's title is derived from its first heading.
    writeFileSync(input, '## 一、推进城市更新\n\n第一段正文，说明有关情况。\n\n## 二、加强安全韧性\n\n第二段正文。\n');
    const { file } = await pdfOf(input);
    const count = (page: number) => run('pdftotext', ['-f', String(page), '-l', String(page), file, '-']).split('推进城市更新').length - 1;
    // The cover (the edition's title), the contents (one entry, not two), the body page
    // (the heading, and the running head that shows the article title).
    expect([count(1), count(2), count(3)]).toEqual([1, 1, 2]);
    const outline = JSON.parse(run('qpdf', ['--json', '--json-key=outlines', file])) as { outlines: { title: string }[] };
    expect(outline.outlines.map((o) => o.title)).toEqual(['一、推进城市更新', '二、加强安全韧性']);
  });
});

describe.runIf(clients('pdftotext'))('the edition page in the newspaper head', () => {
  it('page: "2" in the sidecar prints 第2版 on every page, not the PDF page counter; no page, no 第…版', async () => {
    const input = join(dir, 'paper.txt');
    writeFileSync(input, seedText);
    writeFileSync(join(dir, 'paper.meta.yaml'), 'publication: 人民日报\npage: "2"\n');
    const newspaper = loadTemplate('newspaper', 'zh-Hans');
    const write = async (e: Awaited<ReturnType<typeof readInput>>['edition'], name: string) => {
      const file = join(dir, name);
      writeFileSync(file, (await pdfWriter.write(runTransforms(e, {}).edition, { template: newspaper, date, fonts: writeFonts(newspaper) })).data as Uint8Array);
      return file;
    };
    const withPage = await write((await readInput(input)).edition, 'paper.pdf');
    const pages = run('pdftotext', [withPage, '-']).split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain('第2版');
    expect(run('pdftotext', [withPage, '-'])).not.toMatch(/第[13-9]版/);
    const { edition } = await readInput(input);
    const without = await write({ ...edition, meta: { ...edition.meta, page: undefined } }, 'paper-nopage.pdf');
    expect(run('pdftotext', [without, '-'])).not.toMatch(/第\d*版/);
  });
});
