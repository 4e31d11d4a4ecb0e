// Page-level typesetting, measured from the PDFs themselves (pdftohtml -xml: every
// text piece with its box and font; test/helpers/page-measure.ts), over the seed, a
// sample and corpus texts with many headings, in the three built-in templates: no
// heading at a page or column foot, no orphan, no widow, no page with only the running
// head and foot, no prohibited line start or end, no runt; in the newspaper, the two
// columns' baselines on one grid. The whole set: `npx tsx scripts/measure-pages.ts`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/model/types.js';
import { loadTemplate } from '../../src/templates/index.js';
import { lineHeightFor, pdfFonts, registerFamilies, renderPdf } from '../../src/writers/pdf/fonts.js';
import { breakLines } from '../../src/writers/pdf/linebreak.js';
import { clients } from '../helpers/clients.js';
import { type Fault, measurePdf } from '../helpers/page-measure.js';
import { dashBelowTypeArea } from '../helpers/footer-dash.js';
import { minutesText } from '../helpers/minutes.js';
import { writeFonts } from '../../src/fonts/write-fonts.js';

const root = resolve(import.meta.dirname, '../..');
const shared = resolve(root, '../shared');
const inputs = [
  join(root, 'seeds/000_fb7c4685e6dc9c77.txt'),
  join(shared, 'samples/03_rmrb-2020-government-work-report.txt'),
  join(shared, 'corpus/11_law-npc-2021-administrative-penalty.txt'),
  join(shared, 'corpus/29_feature-xinhua-2019-urban-party-building-dash-subheads.txt'),
  join(shared, 'corpus/47_plan-cpc-sc-2020-shenzhen-pilot-dash-list.txt'),
  join(shared, 'corpus/28_news-rmrb-2020-yangtze-symposium-square-bullets.txt'),
];
const have = clients('pdftohtml');
const haveText = clients('pdftotext');
const out = mkdtempSync(join(tmpdir(), 'zhpress-pages-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const minutes = join(out, 'minutes-speaker-labels.txt');
writeFileSync(minutes, minutesText()); // a name alone over its turn must not end a page or column
inputs.push(minutes);

const NEVER: Fault['kind'][] = ['heading-at-foot', 'orphan', 'widow', 'empty-page', 'bad-start', 'bad-end', 'runt'];

/** Millimetres in points. */
const mm = (v: number) => (v * 72) / 25.4;

/** A template's type area as the page measurer takes it (top and bottom margins in points, the columns). */
const geometryOf = (template: ReturnType<typeof loadTemplate>) => ({ top: mm(template.page.margins.top), bottom: mm(template.page.margins.bottom), columns: template.page.columns });

/** Builds one input to a Simplified newspaper PDF in `dir` with the built CLI, and gives its path. */
function newspaperPdf(input: string, dir: string): string {
  const run = spawnSync(process.execPath, [join(root, 'dist/cli/main.js'), 'build', input, '--format', 'pdf', '--variant', 'zh-Hans', '--template', 'newspaper', '--out', dir, '--quiet'], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return join(dir, readdirSync(dir).find((f) => f.endsWith('.pdf'))!);
}

// Simplified and Traditional (Taiwan): Traditional sets ，。 centred in their cells, and its
// text runs to other lengths, so its breaks fall elsewhere.
const cases = ['briefing', 'gbt9704', 'newspaper'].flatMap((name) => ['zh-Hans', 'zh-Hant-TW'].map((variant) => [name, variant] as const));

describe.skipIf(!have).each(cases)('pages of the %s template, %s', (name, variant) => {
  const template = loadTemplate(name, variant as Lang);
  const geometry = geometryOf(template);
  const dir = join(out, `${name}-${variant}`);
  const built = () => {
    const run = spawnSync(process.execPath, [join(root, 'dist/cli/main.js'), 'build', ...inputs, '--format', 'pdf', '--variant', variant, '--template', name, '--out', dir, '--quiet', '--jobs', '1'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    return readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort().map((f) => ({ file: f, report: measurePdf(join(dir, f), geometry) }));
  };
  let reports: ReturnType<typeof built> | undefined;
  const all = () => (reports ??= built());

  it('has no heading at a foot, orphan, widow, runt, empty page or prohibited line start or end', () => {
    const found = all().flatMap(({ file, report }) => report.faults.filter((f) => NEVER.includes(f.kind)).map((f) => `${file} p${f.page} ${f.kind}: ${f.text}`));
    expect(all().length).toBe(inputs.length);
    expect(found).toEqual([]);
  }, 240_000);

  // Measured 75-98 % of body lines over the seed and samples (17-21 % before the grid);
  // two-line headings still come out a few points off (README, "Page breaking").
  // (Only templates with columns have a second column to line up: the test exists for those alone.)
  if (template.page.columns > 1) it('puts most baselines of both columns on one grid', () => {
    for (const { file, report } of all()) expect(report.gridShare, file).toBeGreaterThanOrEqual(0.7);
  }, 240_000);

  // Measured 0-1 lines over these inputs (the seed's last page was 6 lines out before a
  // paragraph could be split between the columns; 2 in the plan and the news report, where
  // the blocks allowed no closer break on the last page, before the page before it could
  // run a line or two short: the news report's last page held one paragraph of two lines).
  if (template.page.columns > 1) it('balances the columns of the last page', () => {
    for (const { file, report } of all()) expect(report.lastPageImbalance, file).toBeLessThanOrEqual(1);
  }, 240_000);

  // GB/T 9704 (7.5): the page number's dashes stand 7 mm below the type area, measured from
  // their ink on page 2 of the seed (7.7 mm before the grid's point of slack was taken off the
  // footer's offset instead of added to it).
  if (name === 'gbt9704') it.skipIf(!clients('pdftoppm'))('sets the page number\u2019s dashes 7 mm below the type area', () => {
    all();
    const pdf = join(dir, readdirSync(dir).find((f) => f.startsWith('000_') && f.endsWith('.pdf'))!);
    const below = dashBelowTypeArea(pdf, 2, template.page.margins.bottom, template.styles.footer.size);
    expect(below).toBeDefined();
    expect(Math.abs(below! - 7)).toBeLessThanOrEqual(0.2);
  }, 240_000);

  // The rule between the columns stops where the columns stop on the last page (a line
  // below their last line, as in a newspaper), not at the foot of a page they leave half
  // empty. Measured on the page itself: pdftoppm at 72 dpi (1 px = 1 pt) in grey, the rule's
  // column of pixels against the lowest word of the type area (pdftotext -bbox).
  if (template.page.columns > 1 && template.page.columnRule) it.skipIf(!clients('pdftoppm', 'pdftotext'))('ends the column rule with the columns on the last page', () => {
    const margins = template.page.margins;
    for (const { file } of all()) {
      const pdf = join(dir, file);
      const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1]);
      const stem = join(dir, `${file}-last`);
      expect(spawnSync('pdftoppm', ['-f', String(pages), '-l', String(pages), '-r', '72', '-gray', '-singlefile', pdf, stem]).status).toBe(0);
      const pgm = readFileSync(`${stem}.pgm`);
      const header = /^P5\s+(\d+)\s+(\d+)\s+\d+\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
      const [w, h, start] = [Number(header[1]), Number(header[2]), header[0].length];
      const top = mm(margins.top), foot = h - mm(margins.bottom);
      const gap = mm(template.page.columnGap);
      const column = (w - mm(margins.left) - mm(margins.right) - gap * (template.page.columns - 1)) / template.page.columns;
      const x = Math.round(mm(margins.left) + column + gap / 2 - 0.5);
      const words = [...spawnSync('pdftotext', ['-f', String(pages), '-l', String(pages), '-bbox', pdf, '-'], { encoding: 'utf8' }).stdout.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)]
        .map((m) => [Number(m[1]), Number(m[2])] as const)
        .filter(([yMin, yMax]) => yMin >= top - 1 && yMax <= foot + 1);
      const last = Math.max(...words.map(([, yMax]) => yMax));
      const dark = (y: number) => [x - 1, x, x + 1].some((px) => pgm[start + y * w + px]! < 128);
      const below = Array.from({ length: Math.max(0, Math.floor(foot) - Math.ceil(last + template.styles.body.leading)) }, (_, i) => Math.ceil(last + template.styles.body.leading) + i).filter(dark);
      const above = Array.from({ length: Math.max(0, Math.floor(last) - Math.ceil(top)) }, (_, i) => Math.ceil(top) + i).filter(dark);
      expect(below, `${file}: rule below the last line (${last.toFixed(1)} pt) on page ${pages}`).toEqual([]);
      expect(above.length, `${file}: no rule beside the last page's lines`).toBeGreaterThan(0);
    }
  }, 240_000);
});

describe.skipIf(!have)('the page measurer', () => {
  it('finds the heading at a foot, the widow and the orphan of a PDF made without break rules', async () => {
    // pdfmake straight, lines of exactly 20 pt in a type area of 8 lines (300 x 200 pt page, 20 pt margins).
    const template = loadTemplate('briefing');
    const fonts = pdfFonts(writeFonts(template));
    registerFamilies(fonts.fallbacks);
    const serif = fonts.roles.serif.family;
    const families = new Map(fonts.fallbacks.map((f) => [f.name, f]));
    const size = 12;
    const paragraph = (lines: number) => {
      const text = '\u4E2D'.repeat(19 + 21 * (lines - 2) + 5);
      return { text: breakLines([{ text, font: serif.name }], { width: 260, indent: 2 * size, size, justify: true, families, fonts: fonts.source }), leadingIndent: 2 * size };
    };
    const heading = { text: '\u4E00\u3001\u6807\u9898', font: fonts.roles.sans.family.name, bold: true };
    const content = [paragraph(7), heading, paragraph(11), paragraph(5), paragraph(9), paragraph(6), paragraph(3)];
    const pdf = await renderPdf({
      pageSize: { width: 300, height: 200 },
      pageMargins: [20, 20, 20, 19.5],
      content,
      defaultStyle: { font: serif.name, fontSize: size, lineHeight: lineHeightFor(fonts.source, serif, size, 20) },
    } as never, fonts.source);
    const file = join(out, 'made.pdf');
    writeFileSync(file, pdf);
    const report = measurePdf(file, { top: 20, bottom: 19.5, columns: 1 });
    expect(report.pages).toBe(6);
    expect(report.faults.map((f) => `${f.kind} p${f.page}`)).toEqual(['heading-at-foot p1', 'widow p5', 'orphan p5']);
  });
});

/** pdftotext -bbox word boxes: text, left and right edges and top, pt. */
function wordBoxes(pdf: string): { text: string; xMin: number; xMax: number; yMin: number }[] {
  const run = spawnSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return [...run.stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({ text: m[4]!, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]) }));
}

describe.skipIf(!haveText)('the space between Han and Latin text, measured in the PDF', () => {
  // 2024年我国GDP增长5.2%，5G网络覆盖全国（GDP）与“AI”发展。 then a long line of mixed text.
  const body =
    '2024\u5E74\u6211\u56FDGDP\u589E\u957F5.2%\uFF0C5G\u7F51\u7EDC\u8986\u76D6\u5168\u56FD\uFF08GDP\uFF09\u4E0E\u201CAI\u201D\u53D1\u5C55\u3002' +
    '\u5176\u4E2D\u5305\u542BOpenAI\u548CDeepSeek\u7B49\u82F1\u6587\u8BCD\u8BED\u4EE5\u53CA\u6570\u5B57123456\u7B49\u5185\u5BB9\u3002'.repeat(6);
  const input = join(out, 'mixed.txt');
  writeFileSync(input, `\u6D4B\u8BD5\n\n${body}\n`);
  const pdf = (name: string, variant: string) => {
    const dir = join(out, `mixed-${name}-${variant}`);
    const run = spawnSync(process.execPath, [join(root, 'dist/cli/main.js'), 'build', input, '--format', 'pdf', '--variant', variant, '--template', name, '--out', dir, '--quiet'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    return join(dir, readdirSync(dir).find((f) => f.endsWith('.pdf'))!);
  };
  /** Gaps from a Han word's end to the Latin word after it, and from a Latin word to the Han one after it, on one line. */
  const gaps = (file: string, size: number) => {
    const words = wordBoxes(file);
    const out: number[] = [];
    words.forEach((w, i) => {
      const next = words[i + 1];
      // Words of one line of one column (the next column's line, the running head's other end, are further off).
      if (!next || next.yMin !== w.yMin || next.xMin - w.xMax > size) return;
      const a = [...w.text].at(-1)!;
      const z = [...next.text][0]!;
      if ((/\p{Script=Han}/u.test(a) && /[A-Za-z0-9]/.test(z)) || (/[A-Za-z0-9]/.test(a) && /\p{Script=Han}/u.test(z))) out.push(next.xMin - w.xMax);
    });
    return { out, words };
  };

  it.each([
    ['briefing', 'zh-Hans'],
    ['newspaper', 'zh-Hans'],
    ['briefing', 'zh-Hant-TW'],
  ])('%s (%s): a quarter em of the body between each Han character and Latin word or number, none beside punctuation; the text reads back whole', (name, variant) => {
    const size = loadTemplate(name, variant as Lang).styles.body.size;
    const file = pdf(name, variant);
    const { out: found, words } = gaps(file, size);
    // 2024|年 国|GDP GDP|增 长|5.2% 5G|网, then 含|OpenAI OpenAI|和 和|DeepSeek DeepSeek|等 字|123456 123456|等 six times, a few lost to line ends.
    expect(found.length).toBeGreaterThan(30);
    // A Han word's box ends at its advance; a Latin word's box starts at its origin: the gap is the space set.
    for (const gap of found) expect(gap).toBeCloseTo(0.25 * size, 1);
    // None beside punctuation: ，5G and （GDP） stay whole words.
    expect(words.some((w) => w.text.includes('\uFF0C5G'))).toBe(true);
    expect(words.some((w) => /[\uFF08]GDP[\uFF09]/u.test(w.text))).toBe(true);
    // The text comes back (in drawing order: -raw) with spaces only where words part: no character lost or inserted.
    const text = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout;
    const compact = (s: string) => s.replace(/\s+/g, '');
    const latin = (s: string) => s.match(/[A-Za-z0-9.%]+/g)!.join(' ');
    const han = (s: string) => s.match(/\p{Script=Han}/gu)!.length;
    const page = compact(text).slice(compact(text).indexOf('2024'));
    expect(latin(page).startsWith(latin(body)), latin(page)).toBe(true);
    expect(han(page.slice(0, page.lastIndexOf('\u3002') + 1))).toBe(han(body));
    if (variant === 'zh-Hans') expect(compact(text)).toContain(compact(body));
  }, 120_000);

  it('gbt9704: no gap at all (the GB/T 9704 grid): Han and Latin run on in one word', () => {
    const { out: found, words } = gaps(pdf('gbt9704', 'zh-Hans'), 16);
    expect(found).toEqual([]);
    expect(words.some((w) => w.text.includes('\u6211\u56FDGDP\u589E\u957F'))).toBe(true);
  }, 120_000);
});

// A title across the newspaper's columns partway down a page (an annex after its cover
// letter, the next annex after one) has the columns above it balanced, as on the last
// page: both end within a line of each other (the first the longer when the count is
// odd). Measured from the PDF (the columns' last lines above each such title). Before,
// pdfmake filled the first column and left the second empty above the title: the made-up
// letter's band was 18.8 lines out, the traffic-police annexes' 8.8 to 33.8.
describe.skipIf(!have)('bands above a title across the newspaper columns', () => {
  const template = loadTemplate('newspaper');
  const geometry = geometryOf(template);
  const paragraph = (k: number, n: number) => `\u3000\u3000${`\u8FD9\u662F\u7B2C${k}\u6BB5\u7528\u6765\u6D4B\u8BD5\u5206\u680F\u5E73\u8861\u7684\u6B63\u6587\u5185\u5BB9\uFF0C`.repeat(n)}\u4EE5\u53E5\u53F7\u7ED3\u675F\u3002`;
  // 关于印发测试办法的通知 / 各有关单位： / five paragraphs / 测试办公室 2024年1月1日 / 附件 测试办法 / 29 paragraphs.
  const letter = [
    '\u5173\u4E8E\u5370\u53D1\u6D4B\u8BD5\u529E\u6CD5\u7684\u901A\u77E5',
    '\u5404\u6709\u5173\u5355\u4F4D\uFF1A',
    ...Array.from({ length: 5 }, (_, k) => paragraph(k + 1, 3)),
    '\u6D4B\u8BD5\u529E\u516C\u5BA4\n2024\u5E741\u67081\u65E5',
    '\u9644\u4EF6',
    '\u6D4B\u8BD5\u529E\u6CD5',
    ...Array.from({ length: 29 }, (_, k) => paragraph(k + 1, 4)),
  ].join('\n\n');
  const input = join(out, 'band.txt');
  writeFileSync(input, `${letter}\n`);
  const annexes = join(shared, 'corpus/13_rules-mps-2018-traffic-police-duty-annexes.txt');
  const build = (file: string) => newspaperPdf(file, join(out, `band-${file.replace(/\W/g, '')}`));

  it('balances the columns above the annex title under a cover letter, draws nothing else between them, and loses no text', () => {
    const pdf = build(input);
    const report = measurePdf(pdf, geometry);
    expect(report.bands?.length, 'the annex title stands partway down the first page').toBe(1);
    expect(report.bands![0]!.imbalance, JSON.stringify(report.bands)).toBeLessThanOrEqual(1);
    expect(report.faults.filter((f) => NEVER.includes(f.kind))).toEqual([]);
    expect(report.lastPageImbalance).toBeLessThanOrEqual(1);
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    const han = (s: string) => s.match(/\p{Script=Han}/gu)!.length;
    // Every character of the text, the running head's title besides (it repeats the first title).
    expect(han(text)).toBeGreaterThanOrEqual(han(letter));
    for (const k of [1, 5, 29]) expect(text).toContain(paragraph(k, 1).slice(2, 12));
    // The column break is no visible mark (a stroke down the second column's left edge, as an
    // unfilled canvas rect draws).
    if (!clients('pdftoppm')) return;
    const stem = join(out, 'band-page1');
    expect(spawnSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '72', '-gray', '-singlefile', pdf, stem]).status).toBe(0);
    const pgm = readFileSync(`${stem}.pgm`);
    const header = /^P5\s+(\d+)\s+(\d+)\s+\d+\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
    const [w, h, start] = [Number(header[1]), Number(header[2]), header[0].length];
    const gap = mm(template.page.columnGap);
    const column = (w - mm(template.page.margins.left) - mm(template.page.margins.right) - gap) / 2;
    const second = mm(template.page.margins.left) + column + gap;
    // The second column's left edge (glyphs stand a little in from it; a stroke there, down the band, would not).
    const xs = [Math.floor(second) - 1, Math.floor(second)];
    const words = [...spawnSync('pdftotext', ['-f', '1', '-l', '1', '-bbox', pdf, '-'], { encoding: 'utf8' }).stdout.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"/g)].map((m) => m.slice(1).map(Number) as [number, number, number]);
    // Down the band: from the second column's first line to the annex title (the first word over the page's middle below it).
    const top = Math.min(...words.filter(([x0]) => x0 >= second - 2).map(([, y0]) => y0));
    const title = Math.min(...words.filter(([x0, y0, x1]) => y0 > top && x0 < w / 2 && x1 > w / 2).map(([, y0]) => y0));
    expect(title).toBeLessThan(h / 2);
    const dark = Array.from({ length: Math.floor(title - top) }, (_, i) => Math.ceil(top) + i).filter((y) => xs.some((x) => pgm[start + y * w + x]! < 128));
    expect(dark.length, `dark at x ${xs.join(', ')} over ${Math.round(title - top)} pt: ${dark.join(' ')}`).toBeLessThan((title - top) / 10);
  }, 120_000);

  it.skipIf(!existsSync(annexes))('balances the bands above the traffic-police annexes 3 to 6 to within the breaks the blocks allow', () => {
    const report = measurePdf(build(annexes), geometry);
    const bands = report.bands ?? [];
    for (const n of ['3', '4', '5', '6']) expect(bands.some((b) => b.title.includes(`\u9644\u4EF6${n}`)), `a band above 附件${n}`).toBe(true);
    // Within a line, or two where its last blocks are paragraphs of two or three lines (never split).
    for (const b of bands) expect(b.imbalance, `${b.title} p${b.page}`).toBeLessThanOrEqual(2);
    expect(bands.filter((b) => b.imbalance <= 1).length).toBeGreaterThanOrEqual(bands.length / 2);
    expect(report.faults.filter((f) => NEVER.includes(f.kind))).toEqual([]);
  }, 120_000);
});

// A text of one newspaper page has no page before its last to run a line short: where its
// blocks allow no column break within a line (here paragraphs of two and three lines, never
// split, over a middle that falls inside one of them: 5 lines against 3, or 2 against 6),
// a paragraph wholly on the page is set loose to run a line longer (its lines a character
// short of the measure, justified to it), and the page balances 5 against 4. Measured from
// the PDF; before, the columns stood 2 lines apart.
describe.skipIf(!have)('the last page of a newspaper text of one page', () => {
  const template = loadTemplate('newspaper');
  const geometry = geometryOf(template);
  // 分栏平衡测试用的正文内容由汉字组成, cut to n characters and ended with 。: 32 characters
  // are two lines, 56 three with a short last line, 70 three full lines (22 after the
  // indent, then 24 and 24).
  const words = '\u5206\u680F\u5E73\u8861\u6D4B\u8BD5\u7528\u7684\u6B63\u6587\u5185\u5BB9\u7531\u6C49\u5B57\u7EC4\u6210';
  const paragraph = (n: number) => `\u3000\u3000${words.repeat(10).slice(0, n - 1)}\u3002`;
  const text = ['\u5206\u680F\u5E73\u8861\u6D4B\u8BD5', paragraph(32), paragraph(56), paragraph(70)].join('\n\n');
  const input = join(out, 'one-page.txt');
  writeFileSync(input, `${text}\n`);

  it('balances the columns within a line by setting a paragraph loose, with no widow, orphan or runt, and loses no text', () => {
    const pdf = newspaperPdf(input, join(out, 'one-page'));
    const report = measurePdf(pdf, geometry);
    expect(report.pages).toBe(1);
    expect(report.lastPageImbalance).toBeLessThanOrEqual(1);
    expect(report.faults.filter((f) => NEVER.includes(f.kind))).toEqual([]);
    const han = (s: string) => s.match(/\p{Script=Han}/gu)!.length;
    const read = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    // Every character of the text, and the running head's title.
    expect(han(read)).toBeGreaterThanOrEqual(han(text));
    for (const n of [32, 56, 70]) expect(read).toContain(paragraph(n).slice(2, 20));
  }, 120_000);
});

// A contents entry of an order paper: title, leader dots and the notice's number, the dots
// run on into the number (one word to the line breaker). Before, the dots and the number
// went down whole, longer than what was left of the line, leaving the title's last
// character alone above them ("公" over "告》 ……") and the number's last digit below (2
// runts, as in 25_hansard's contents); now the dots may end a line before the number, and
// that line is set as it comes, not justified (the slack would gape between 公, 告 and 》).
describe.skipIf(!have)('a contents entry with leader dots in a newspaper column', () => {
  const template = loadTemplate('newspaper');
  const geometry = geometryOf(template);
  // 《二〇一二年预防及控制疾病条例修订附表一及二公告》, 54 dots, 144/2012 (the title fills the first line but 公告》).
  const entry = `\u3000\u3000\u300A\u4E8C\u3007\u4E00\u4E8C\u5E74\u9884\u9632\u53CA\u63A7\u5236\u75BE\u75C5\u6761\u4F8B\u4FEE\u8BA2\u9644\u8868\u4E00\u53CA\u4E8C\u516C\u544A\u300B  ${'.'.repeat(54)}144/2012`;
  const input = join(out, 'leader.txt');
  writeFileSync(input, `\u9644\u5C5E\u6CD5\u4F8B\u516C\u544A\n\n${entry}\n`);

  it('leaves no character alone on a line, and the number whole', () => {
    const pdf = newspaperPdf(input, join(out, 'leader'));
    const report = measurePdf(pdf, geometry);
    expect(report.faults.filter((f) => NEVER.includes(f.kind))).toEqual([]);
    const words = wordBoxes(pdf).map((w) => w.text);
    expect(words).toContain('144/2012');
    expect(words.some((w) => w.startsWith('\u516C\u544A\u300B'))).toBe(true);
  }, 120_000);
});
