// The PDF line breaker's handling of adjacent punctuation (chws) and the widths
// pdfmake will measure: every justified line must still come out flush.
import { describe, expect, it } from 'vitest';
import { findFamily, type FontFamily, openFace } from '../../src/fonts/index.js';
import { realLayout } from '../../src/patches/direct-layout.js';
import { breakLines, type Run } from '../../src/writers/pdf/linebreak.js';
import { writeFonts } from '../../src/fonts/write-fonts.js';
import { loadTemplate } from '../../src/templates/index.js';

const SERIF = 'Noto Serif SC';
const families = new Map<string, FontFamily>([[SERIF, findFamily(SERIF)!]]);
const fonts = writeFonts(loadTemplate('briefing'));
const size = 12;
// 可期。”习近平 … : a full stop followed by a closing quote, a comma before an opening one.
const text = '\u624B\u5E76\u8FDB\uFF0C\u8BA9\u6784\u5EFA\u4EBA\u7C7B\u547D\u8FD0\u5171\u540C\u4F53\u7684\u524D\u666F\u66F4\u52A0\u5149\u660E\u53EF\u671F\u3002\u201D\u4E60\u8FD1\u5E73\u4E3B\u5E2D\u5411\u66F4\u591A\u670B\u53CB\u548C\u4F19\u4F34\u53D1\u51FA\uFF0C\u201C\u4E0A\u6D77\u7CBE\u795E\u201D\u7684\u8BDA\u631A\u9080\u7EA6\u3002';

/** The width pdfmake gives each line: fontkit's own layout of each run (with its features) plus its spacing. */
function lineWidths(runs: Run[]): number[] {
  const font = openFace(families.get(SERIF)!.normal) as unknown as { unitsPerEm: number };
  const shape = realLayout(font)!;
  const widths: number[] = [0];
  for (const run of runs) {
    if (run.text === '\n') {
      widths.push(0);
      continue;
    }
    const laidOut = (shape(run.text, run.fontFeatures ?? []) as unknown as { advanceWidth: number }).advanceWidth;
    widths[widths.length - 1]! += (laidOut / font.unitsPerEm) * (run.fontSize ?? size) + (run.characterSpacing ?? 0) * (run.text.length - 1);
  }
  return widths;
}

describe('adjacent punctuation in the PDF line breaker', () => {
  const width = 20 * size;
  const out = breakLines([{ text, font: SERIF }], { width, indent: 0, size, justify: true, families, fonts });

  it('asks for the font\'s chws on the runs holding \u3002\u201D and \uFF0C\u201C, and only on those', () => {
    for (const pair of ['\u3002\u201D', '\uFF0C\u201C']) {
      const run = out.find((r) => r.text.includes(pair));
      expect(run?.fontFeatures, pair).toEqual(['chws']);
    }
    for (const run of out.filter((r) => r.fontFeatures)) expect(run.text).toMatch(/[\u3001\u3002\uFF0C\uFF1A\uFF1B\u201D\u300B][\u201C\u201D\u300A\uFF0C\u3002]/);
  });

  it('compresses the pair where a heading\'s marker meets its text (（一）“十四五”)', () => {
    const heading = breakLines([{ text: '\uFF08\u4E00\uFF09', font: SERIF }, { text: '\u201C\u5341\u56DB\u4E94\u201D\u89C4\u5212', font: SERIF }], { width, indent: 0, size, justify: false, families, fonts });
    const run = heading.find((r) => r.text.includes('\uFF09\u201C'));
    expect(run?.fontFeatures).toEqual(['chws']);
  });

  it('which closes each pair up by half an em in this font', () => {
    const font = openFace(families.get(SERIF)!.normal) as unknown as { unitsPerEm: number };
    const shape = realLayout(font)!;
    const advance = (t: string, f: string[]) => (shape(t, f) as unknown as { advanceWidth: number }).advanceWidth / font.unitsPerEm;
    expect(advance('\u53EF\u671F\u3002\u201D\u4E60', ['chws'])).toBeCloseTo(advance('\u53EF\u671F\u3002\u201D\u4E60', []) - 0.5, 5);
  });

  it('still ends every line but the last flush with the measure, as pdfmake measures the runs', () => {
    const widths = lineWidths(out);
    expect(widths.length).toBeGreaterThan(2);
    for (const w of widths.slice(0, -1)) expect(w).toBeCloseTo(width - 0.3, 3);
  });

  it('gives every gap of a line the same spacing (one value per line)', () => {
    let line: Run[] = [];
    for (const run of [...out, { text: '\n', font: SERIF }]) {
      if (run.text !== '\n') line.push(run);
      else {
        expect(new Set(line.map((r) => r.characterSpacing ?? 0)).size).toBe(1);
        line = [];
      }
    }
  });

  it('keeps every character in order', () => {
    expect(out.filter((r) => r.text !== '\n').map((r) => r.text).join('')).toBe(text);
  });

  it('compresses nothing on a grid (each character keeps its cell)', () => {
    const grid = breakLines([{ text, font: SERIF }], { width, indent: 0, size, justify: true, families, fonts, pitch: size });
    expect(grid.some((r) => r.fontFeatures)).toBe(false);
    expect(grid.filter((r) => r.text !== '\n').map((r) => r.text).join('')).toBe(text);
  });

  it('does not count a pair split by a line end: no line is wider than the measure', () => {
    // Left-aligned text whose break falls between \u3002 and \u201C (the reviewer's case).
    const ragged = '\u0061\u0062' + '\u4E2D'.repeat(18) + '\u3002\u201C\u597D\u201D';
    const lines = breakLines([{ text: ragged, font: SERIF }], { width: 240, indent: 0, size, justify: false, families, fonts });
    for (const w of lineWidths(lines)) expect(w).toBeLessThanOrEqual(240 + 1e-6);
  });

  it('ends lines holding kerned Latin flush too (AV, To, Wa are kerned in Noto)', () => {
    const latin = '\u4E2D\u6587AVATAR\u548CTower\u4E0EWAVE\u30012025\u5E74\u7684To\u4E0EWa\u3002'.repeat(4);
    const lines = breakLines([{ text: latin, font: SERIF }], { width, indent: 0, size, justify: true, families, fonts });
    const widths = lineWidths(lines);
    expect(widths.length).toBeGreaterThan(2);
    for (const w of widths.slice(0, -1)) expect(w).toBeCloseTo(width - 0.3, 3);
  });
});

describe('the two-em dash', () => {
  const width = 20 * size;
  // 他说——这是……——不应当被拆开: dashes at several places in justified lines.
  const dashed = ('\u4ED6\u8BF4\u2014\u2014\u8FD9\u662F\u4E00\u4E2A\u771F\u6B63\u7684\u4E24\u5B57\u7EBF'.repeat(5) + '\u3002');
  const out = breakLines([{ text: dashed, font: SERIF }], { width, indent: 0, size, justify: true, families, fonts });

  it('is set in the font\'s full-width form: one 2 em glyph, not Noto\'s 1.69 em ligature', () => {
    const dashes = out.filter((r) => r.text.includes('\u2014'));
    expect(dashes.length).toBe(5);
    const font = openFace(families.get(SERIF)!.normal) as unknown as { unitsPerEm: number };
    const shape = realLayout(font)!;
    for (const run of dashes) {
      expect(run.text).toBe('\u2014\u2014');
      expect(run.fontFeatures).toEqual(['fwid']);
      expect((shape(run.text, run.fontFeatures ?? []) as unknown as { advanceWidth: number }).advanceWidth / font.unitsPerEm).toBeCloseTo(2, 3);
    }
  });

  it('still ends every line but the last flush, and is never split', () => {
    const widths = lineWidths(out);
    for (const w of widths.slice(0, -1)) expect(w).toBeCloseTo(width - 0.3, 3);
    const lines = out.map((r) => r.text).join('').split('\n');
    for (const l of lines) expect(l.startsWith('\u2014')).toBe(false);
    expect(lines.join('')).toBe(dashed);
  });
});

describe('Latin words and numbers in a narrow column', () => {
  it('are never letter-spaced: the slack goes to the other gaps, and lines still end flush', () => {
    // 全省PM2.5平均浓度累计下降27.4%，GDP增长5.4% … in columns of 11 to 16 characters.
    const text = '\u5168\u7701PM2.5\u5E73\u5747\u6D53\u5EA6\u7D2F\u8BA1\u4E0B\u964D27.4%\uFF0CGDP\u589E\u957F5.4%\uFF0C\u5C45\u6C11\u6536\u516536439\u5143\u3002'.repeat(4);
    for (let chars = 11; chars <= 16; chars++) {
      const width = chars * size;
      const out = breakLines([{ text, font: SERIF }], { width, indent: 0, size, justify: true, families, fonts });
      for (const run of out.filter((r) => /[A-Za-z0-9]/.test(r.text))) {
        expect(run.text, `${chars}: ${run.text}`).toMatch(/^[A-Za-z0-9.,%]+$/);
        expect(run.characterSpacing ?? 0, run.text).toBe(0);
      }
      for (const w of lineWidths(out).slice(0, -1)) expect(w).toBeCloseTo(width - 0.3, 3);
    }
  });
});

describe('note markers', () => {
  it('never splits ［12］ and never starts a line with ］, whatever the measure', () => {
    // 文字［12］ again and again: at some widths a marker meets every place in a line.
    const noted = '\u6587\u5B57\u5185\u5BB9\uFF3B12\uFF3D'.repeat(30);
    for (let chars = 12; chars <= 24; chars++) {
      const out = breakLines([{ text: noted, font: SERIF }], { width: chars * size, indent: 2 * size, size, justify: true, families, fonts });
      const lines = out.map((r) => r.text).join('').split('\n');
      expect(lines.join('')).toBe(noted);
      for (const l of lines) {
        expect(l, `${chars}: ${l}`).not.toMatch(/^[\uFF3D0-9]|\uFF3B$|\uFF3B\d*$/);
        expect(l.split('\uFF3B').length, l).toBe(l.split('\uFF3D').length);
      }
    }
  });
});

describe('opening marks with a space after them', () => {
  it('never end a line, whatever the measure (“ 新跨越 ” from a PDF\u2019s text)', () => {
    // 紧紧围绕 “ 新跨越、进十强 ” 目标， again and again: at some width the space after “ meets every line end.
    const spaced = '\u7D27\u7D27\u56F4\u7ED5 \u201C \u65B0\u8DE8\u8D8A\u3001\u8FDB\u5341\u5F3A \u201D \u76EE\u6807\uFF0C'.repeat(20);
    for (let chars = 10; chars <= 24; chars++) {
      const out = breakLines([{ text: spaced, font: SERIF }], { width: chars * size, indent: 2 * size, size, justify: true, families, fonts });
      const lines = out.map((r) => r.text).join('').split('\n');
      expect(lines.join('').replace(/ /g, '')).toBe(spaced.replace(/ /g, ''));
      for (const l of lines) expect(l, `${chars}: ${l}`).not.toMatch(/\u201C\s*$|^\s*\u201D/u);
    }
  });
});

describe('runts and line-end spaces', () => {
  const width = 20 * size;
  const lines = (runs: Run[]) => runs.map((r) => r.text).join('').split('\n');

  it('takes characters down so that a paragraph never ends on a line of one or two characters', () => {
    // 39 characters on lines of 19 (20 em less a hair): the last line would hold one.
    const runt = '\u4E2D'.repeat(39);
    const out = lines(breakLines([{ text: runt, font: SERIF }], { width, indent: 0, size, justify: true, families, fonts }));
    expect(out.length).toBe(3);
    expect([...out.at(-1)!].length).toBeGreaterThanOrEqual(3);
    expect(out.join('')).toBe(runt);
    // The line that gave them up is still set to the measure.
    const widths = lineWidths(breakLines([{ text: runt, font: SERIF }], { width, indent: 0, size, justify: true, families, fonts }));
    for (const w of widths.slice(0, -1)) expect(w).toBeCloseTo(width - 0.3, 3);
  });

  it('takes them down from a line that squeezed closing punctuation in, with the punctuation', () => {
    // 19 characters and a semicolon squeezed in at the end of the first line: 及 would stand alone.
    const squeezed = '\u4E2D'.repeat(19) + '\uFF1B\u53CA';
    const out = lines(breakLines([{ text: squeezed, font: SERIF }], { width, indent: 0, size, justify: true, families, fonts }));
    expect(out).toEqual(['\u4E2D'.repeat(18), '\u4E2D\uFF1B\u53CA']);
    const widths = lineWidths(breakLines([{ text: squeezed, font: SERIF }], { width, indent: 0, size, justify: true, families, fonts }));
    expect(widths[0]).toBeCloseTo(width - 0.3, 3);
  });

  it('leaves a last line of three characters or more alone', () => {
    const fine = '\u4E2D'.repeat(40) + '\u3002';
    const out = lines(breakLines([{ text: fine, font: SERIF }], { width, indent: 0, size, justify: true, families, fonts }));
    expect(out.map((l) => [...l].length)).toEqual([19, 19, 3]);
  });

  it('sets no space at the end of a line that breaks after a Latin word', () => {
    const text = ('\u4E2D\u6587 Latin words \u548C ').repeat(12);
    const out = lines(breakLines([{ text, font: SERIF }], { width, indent: 0, size, justify: true, families, fonts }));
    expect(out.length).toBeGreaterThan(2);
    for (const l of out.slice(0, -1)) expect(l).not.toMatch(/ $/);
  });
});

describe('the Han\u2013Latin gap (hanLatinSpace)', () => {
  // 2024年我国GDP增长5.2%，5G网络（GDP）与“AI”发展
  const text = '2024\u5E74\u6211\u56FDGDP\u589E\u957F5.2%\uFF0C5G\u7F51\u7EDC\uFF08GDP\uFF09\u4E0E\u201CAI\u201D\u53D1\u5C55\u3002';
  const gaps = (runs: Run[]) => runs.filter((r) => r.text === ' ' && r.fontSize !== undefined);
  /** The text of each line, a gap written as "_". */
  const lines = (runs: Run[]) => runs.map((r) => (r.text === ' ' && r.fontSize !== undefined ? '_' : r.text)).join('').split('\n');

  it('puts a quarter em between Han and a Latin word or number, in either order, and none next to punctuation or brackets', () => {
    const out = breakLines([{ text, font: SERIF }], { width: 60 * size, indent: 0, size, justify: true, families, fonts, hanLatinSpace: 0.25 });
    expect(lines(out)).toEqual(['2024_\u5E74\u6211\u56FD_GDP_\u589E\u957F_5.2%\uFF0C5G_\u7F51\u7EDC\uFF08GDP\uFF09\u4E0E\u201CAI\u201D\u53D1\u5C55\u3002']);
    const font = openFace(families.get(SERIF)!.normal) as unknown as { unitsPerEm: number };
    const space = (realLayout(font)!(' ', []) as unknown as { advanceWidth: number }).advanceWidth / font.unitsPerEm;
    // Drawn as a space in the size that gives it 0.25 em of the text (Noto Serif's space is 0.256 em).
    for (const gap of gaps(out)) expect(gap.fontSize! * space).toBeCloseTo(0.25 * size, 6);
  });

  it('sets none without the setting, nor on a grid', () => {
    expect(gaps(breakLines([{ text, font: SERIF }], { width: 60 * size, indent: 0, size, justify: true, families, fonts }))).toEqual([]);
    expect(gaps(breakLines([{ text, font: SERIF }], { width: 28 * 16, indent: 0, size: 16, pitch: 16, justify: true, families, fonts, hanLatinSpace: 0.25 }))).toEqual([]);
  });

  it('is dropped where a line starts or ends, keeps the gap fixed and still ends lines flush', () => {
    // Han and Latin alternating: a break falls beside a gap at every width.
    const mixed = '\u4E2D\u6587ABC'.repeat(30);
    for (const columns of [9, 10, 11, 13, 17]) {
      const width = columns * size;
      const out = breakLines([{ text: mixed, font: SERIF }], { width, indent: 2 * size, size, justify: true, families, fonts, hanLatinSpace: 0.25 });
      const each = lines(out);
      expect(each.join('').replaceAll('_', '')).toBe(mixed);
      for (const line of each) {
        expect(line.startsWith('_'), line).toBe(false);
        expect(line.endsWith('_'), line).toBe(false);
      }
      const widths = lineWidths(out);
      widths.slice(0, -1).forEach((w, i) => expect(w, `${columns} columns, line ${i}`).toBeCloseTo(width - (i === 0 ? 2 * size : 0) - 0.3, 3));
      // The gap takes none of the justification spacing.
      for (const gap of gaps(out)) expect(gap.characterSpacing).toBeUndefined();
    }
  });
});
