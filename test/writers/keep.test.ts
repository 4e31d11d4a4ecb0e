// Where the PDF's pages and columns may break (src/writers/pdf/keep.ts): the pieces a
// paragraph is cut into, measured as lines per piece.
import { describe, expect, it } from 'vitest';
import { keepTogether } from '../../src/writers/pdf/keep.js';

type Node = Record<string, unknown>;
const F = 'Noto Serif SC';

/** A broken paragraph of `n` lines; the first one's runs bold when `lead`. */
function paragraph(n: number, lead: boolean): Node {
  const text: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    if (i === 0 && lead) text.push({ text: '\u4F18\u5316\u4F53\u5236\u673A\u5236\u3002', font: F, bold: true });
    else text.push({ text: '\u6B63\u6587'.repeat(5), font: F });
    if (i < n - 1) text.push({ text: '\n', font: F });
  }
  return { text, broken: true, style: 'body' };
}

/** Lines in each piece of the flow (a stack counts its pieces' lines). */
function linesPerPiece(flow: unknown[]): number[] {
  const lines = (node: Node): number =>
    Array.isArray(node.stack) ? (node.stack as Node[]).reduce((sum, n) => sum + lines(n), 0) : (node.text as { text: string }[]).filter((r) => r.text === '\n').length + 1;
  return (flow as Node[]).map(lines);
}

describe('keepTogether', () => {
  const spacing = () => [0, 0] as [number, number];

  it('keeps a paragraph\u2019s first two and last two lines together', () => {
    expect(linesPerPiece(keepTogether([paragraph(7, false)] as never, spacing))).toEqual([2, 3, 2]);
    expect(linesPerPiece(keepTogether([paragraph(3, false)] as never, spacing))).toEqual([3]);
  });

  it('keeps two lines of text under a first line that is all lead (bold), as under a heading', () => {
    expect(linesPerPiece(keepTogether([paragraph(7, true)] as never, spacing))).toEqual([3, 2, 2]);
    expect(linesPerPiece(keepTogether([paragraph(5, true)] as never, spacing))).toEqual([3, 2]);
    expect(linesPerPiece(keepTogether([paragraph(4, true)] as never, spacing))).toEqual([4]);
  });
});
