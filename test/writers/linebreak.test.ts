// The PDF line breaker's handling of adjacent punctuation (chws) and the widths
// pdfmake will measure: every justified line must still come out flush.
import { describe, expect, it } from 'vitest';
import { findFamily, type FontFamily } from '../../src/fonts/index.js';
import { breakLines, type Run } from '../../src/writers/pdf/linebreak.js';

const SERIF = 'Noto Serif SC';
const families = new Map<string, FontFamily>([[SERIF, findFamily(SERIF)!]]);
const size = 12;
// 可期。”习近平 … : a full stop followed by a closing quote, a comma before an opening one.
const text = '\u624B\u5E76\u8FDB\uFF0C\u8BA9\u6784\u5EFA\u4EBA\u7C7B\u547D\u8FD0\u5171\u540C\u4F53\u7684\u524D\u666F\u66F4\u52A0\u5149\u660E\u53EF\u671F\u3002\u201D\u4E60\u8FD1\u5E73\u4E3B\u5E2D\u5411\u66F4\u591A\u670B\u53CB\u548C\u4F19\u4F34\u53D1\u51FA\uFF0C\u201C\u4E0A\u6D77\u7CBE\u795E\u201D\u7684\u8BDA\u631A\u9080\u7EA6\u3002';

/** The width pdfmake gives a line: each piece's glyphs plus its spacing between them. */
function lineWidths(runs: Run[]): number[] {
  const widths: number[] = [0];
  for (const run of runs) {
    if (run.text === '\n') {
      widths.push(0);
      continue;
    }
    const glyphs = [...run.text].length * size; // every character here is one em wide in Noto Serif SC
    widths[widths.length - 1]! += glyphs + (run.characterSpacing ?? 0) * (run.text.length - 1);
  }
  return widths;
}

describe('adjacent punctuation in the PDF line breaker', () => {
  const width = 20 * size;
  const out = breakLines([{ text, font: SERIF }], { width, indent: 0, size, justify: true, families });

  it('sets \u3002\u201D and \uFF0C\u201C as pairs half an em closer than the text around them', () => {
    for (const pair of ['\u3002\u201D', '\uFF0C\u201C']) {
      const piece = out.find((r) => r.text === pair);
      expect(piece, pair).toBeDefined();
      const line = out.slice(0, out.indexOf(piece!)).filter((r) => r.text === '\n').length;
      const others = out.filter((r, k) => r.text !== pair && r.text !== '\n' && out.slice(0, k).filter((x) => x.text === '\n').length === line && r.text.length > 1);
      const base = others[0]?.characterSpacing ?? 0;
      expect(piece!.characterSpacing).toBeCloseTo(base - size / 2, 5);
    }
  });

  it('still ends every line but the last flush with the measure', () => {
    const widths = lineWidths(out);
    expect(widths.length).toBeGreaterThan(2);
    for (const w of widths.slice(0, -1)) expect(w).toBeCloseTo(width - 0.3, 3);
  });

  it('keeps every character in order', () => {
    expect(out.filter((r) => r.text !== '\n').map((r) => r.text).join('')).toBe(text);
  });

  it('compresses nothing on a grid (each character keeps its cell)', () => {
    const grid = breakLines([{ text, font: SERIF }], { width, indent: 0, size, justify: true, families, pitch: size });
    expect(grid.some((r) => r.text === '\u3002\u201D' || r.text === '\uFF0C\u201C')).toBe(false);
    expect(grid.filter((r) => r.text !== '\n').map((r) => r.text).join('')).toBe(text);
  });
});
