// The Word edition in LibreOffice is as full as the PDF (issue 22, point 8): converted
// with `soffice --convert-to pdf`, each page of the seed's briefing holds the PDF's lines
// (lines counted from `pdftotext -bbox`, not from the layout code), not 3-5 lines fewer as
// when the briefing's .docx carried a line grid that snapped headings to two grid lines.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/readers/text/index.js';
import { loadTemplate } from '../../src/templates/index.js';
import { runTransforms } from '../../src/index.js';
import { docxWriter } from '../../src/writers/docx/index.js';
import { pdfWriter } from '../../src/writers/pdf/index.js';
import { clients } from '../helpers/clients.js';
import { dashBelowTypeArea } from '../helpers/footer-dash.js';
import { writeFonts } from '../../src/fonts/write-fonts.js';

const seedPath = join(import.meta.dirname, '../../seeds/000_fb7c4685e6dc9c77.txt');

/** Lines per page: distinct word baselines (within 3 pt) from pdftotext -bbox. */
function linesPerPage(pdf: string): number[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return [...xml.matchAll(/<page [\s\S]*?<\/page>/g)].map((page) => {
    const bottoms = [...page[0].matchAll(/<word [^>]*yMax="([\d.]+)"/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
    let lines = 0;
    let last = -Infinity;
    for (const y of bottoms) {
      if (y - last > 3) lines++;
      last = y;
    }
    return lines;
  });
}

/** The words of each page below `below` (pt from the top): the footer's, from pdftotext -bbox. */
function footerWords(pdf: string, below: number): { xMin: number; xMax: number }[][] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return [...xml.matchAll(/<page [\s\S]*?<\/page>/g)].map((page) =>
    [...page[0].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"/g)].filter((m) => Number(m[2]) > below).map((m) => ({ xMin: Number(m[1]), xMax: Number(m[3]) })),
  );
}

describe.runIf(clients('soffice', 'pdftotext'))('the Word edition in LibreOffice, against the PDF', () => {
  it('briefing: no line grid in the .docx; each body page at most one line short of the PDF', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhpress-fullness-'));
    const edition = runTransforms(readText({ text: readFileSync(seedPath, 'utf8') }).edition, {}).edition;
    const template = loadTemplate('briefing', 'zh-Hans');
    const date = new Date('2025-08-29T00:00:00Z');
    return Promise.all([docxWriter.write(edition, { template, date, fonts: writeFonts(template) }), pdfWriter.write(edition, { template, date, fonts: writeFonts(template) })]).then(([docx, pdf]) => {
      writeFileSync(join(dir, 'word.docx'), docx.data as Uint8Array);
      writeFileSync(join(dir, 'direct.pdf'), pdf.data as Uint8Array);
      const result = spawnSync('soffice', [`-env:UserInstallation=file://${dir}/lo`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'word.docx')], {
        encoding: 'utf8',
        timeout: 180_000,
      });
      expect(result.status, result.stderr).toBe(0);
      const direct = linesPerPage(join(dir, 'direct.pdf'));
      const office = linesPerPage(join(dir, 'word.pdf'));
      // Pages 3 on (after the cover and the contents), up to the shorter document's end.
      const pages = Math.min(direct.length, office.length);
      expect(pages).toBeGreaterThan(8);
      const short = [];
      for (let p = 2; p < pages - 1; p++) if (office[p]! < direct[p]! - 1) short.push(`page ${p + 1}: ${office[p]} lines, PDF ${direct[p]}`);
      expect(short, `LibreOffice ${office.join(' ')} / PDF ${direct.join(' ')}`).toEqual([]);
    });
  }, 240_000);

  // GB/T 9704: the page number's dash 7 mm below the type area in the Word edition too, as
  // LibreOffice sets it (20.1 mm before the footer's distance was derived from it), and the
  // pages still full (22 body lines, the header-less footer line besides).
  it.skipIf(!clients('pdftoppm'))('gbt9704: the page number\u2019s dash 7 mm below the type area, one character in from the outer side, full pages of 22 lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhpress-gbt-footer-'));
    const edition = runTransforms(readText({ text: readFileSync(seedPath, 'utf8') }).edition, {}).edition;
    const template = loadTemplate('gbt9704', 'zh-Hans');
    const docx = await docxWriter.write(edition, { template, date: new Date('2025-08-29T00:00:00Z'), fonts: writeFonts(template) });
    writeFileSync(join(dir, 'word.docx'), docx.data as Uint8Array);
    const result = spawnSync('soffice', [`-env:UserInstallation=file://${dir}/lo`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'word.docx')], { encoding: 'utf8', timeout: 180_000 });
    expect(result.status, result.stderr).toBe(0);
    const below = dashBelowTypeArea(join(dir, 'word.pdf'), 2, template.page.margins.bottom, template.styles.footer.size);
    expect(below).toBeDefined();
    expect(Math.abs(below! - 7)).toBeLessThanOrEqual(0.5);
    // GB/T 9704 7.5: odd pages' number on the right, even pages' on the left, one character in from the
    // type area (LibreOffice set it flush before: 519.9 and 79.5 pt on the seed).
    const mm = 72 / 25.4;
    const { margins } = template.page;
    const footer = footerWords(join(dir, 'word.pdf'), 297 * mm - margins.bottom * mm);
    const char = template.styles.footer.size;
    expect(footer[0]!.length).toBeGreaterThan(0);
    expect(Math.max(...footer[0]!.map((w) => w.xMax))).toBeCloseTo(210 * mm - margins.right * mm - char, 0);
    expect(Math.min(...footer[1]!.map((w) => w.xMin))).toBeCloseTo(margins.left * mm + char, 0);
    const lines = linesPerPage(join(dir, 'word.pdf'));
    // Full pages: 22 body lines and the page number's line.
    expect(lines.filter((n) => n === 23).length, lines.join(' ')).toBeGreaterThanOrEqual(Math.floor(lines.length / 2));
  }, 240_000);
});
