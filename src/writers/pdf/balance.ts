// The newspaper's last page: its columns balanced. pdfmake fills snaking columns one
// after the other, so the last page would have a full first column and a short second.
// After a first layout pdfmake asks the page-break hook about every node with its
// position; the last article's blocks (tagged here) tell where each lies. Their heights
// are whole body lines (blocks.ts puts them on the grid), so the lines on the last page
// are counted, and a column break (a node whose top margin overflows the column: pdfmake
// moves to the next column) goes in at the block boundary that halves them best. The
// hook then asks pdfmake for one more layout. The column break is only added once.
import type { Content } from 'pdfmake/interfaces.js';

/** headlineLevel of the last article's blocks: this plus the block's index. */
export const BALANCE_TAG = 1000;

type Node = Record<string, unknown>;
interface Info {
  headlineLevel?: number;
  startPosition: { pageNumber: number; top: number; left: number };
  pageNumbers: number[];
  pages: number;
}

/** A block's height, pt: its lines at its line height, and its margins. */
function heightOf(node: Node, leadingOf: (style: unknown) => number): number {
  const margin = (node.margin as number[] | undefined) ?? [0, 0, 0, 0];
  if (Array.isArray(node.stack)) return (node.stack as Node[]).reduce((sum, n) => sum + heightOf(n, leadingOf), 0) + margin[1]! + margin[3]!;
  const lines = Array.isArray(node.text) ? (node.text as { text: string }[]).filter((r) => r.text === '\n').length + 1 : 1;
  return (Array.isArray(node.text) || typeof node.text === 'string' ? lines * leadingOf(node.style) : 0) + margin[1]! + margin[3]!;
}

export interface Balancer {
  /** To call from pdfmake's pageBreakBefore: true when it added the column break (lay out again). */
  check(info: Info): boolean;
}

/**
 * Tag the blocks of the last article's columns (`body`, the stack pdfmake lays out) and
 * return the hook that balances them. `middle` is the x of the page's middle, `grid` the
 * body leading.
 */
export function balancer(body: Content[], middle: number, areaTop: number, grid: number, leadingOf: (style: unknown) => number): Balancer {
  const nodes = body as unknown as Node[];
  nodes.forEach((node, i) => {
    node.headlineLevel = BALANCE_TAG + i;
  });
  // pdfmake marks the node the hook said yes for with a page break before it: here the
  // last block, which must not move. Its pageBreak ignores that.
  const tail = nodes.at(-1);
  if (tail) Object.defineProperty(tail, 'pageBreak', { get: () => undefined, set: () => undefined, configurable: true, enumerable: false });
  const seen = new Map<number, Info>();
  let done = false;
  return {
    check(info) {
      if (done || info.headlineLevel === undefined || info.headlineLevel < BALANCE_TAG) return false;
      const index = info.headlineLevel - BALANCE_TAG;
      seen.set(index, info);
      if (index !== nodes.length - 1) return false;
      done = true;
      const last = info.pages;
      // Blocks on the last page, in flow order; the first may have begun on the page before.
      const on = [...seen.entries()].filter(([, i]) => i.pageNumbers.includes(last)).sort((a, b) => a[0] - b[0]);
      if (on.length < 2) return false;
      const lines = (i: number) => Math.round(heightOf(nodes[i]!, leadingOf) / grid);
      const startsHere = on.filter(([, i]) => i.startPosition.pageNumber === last);
      const first = startsHere[0];
      if (!first || first[1].startPosition.left >= middle) return false; // the first column holds one block's end only
      // Lines of a block carried over from the page before: those above the first block that starts here.
      const carried = on[0]![1].startPosition.pageNumber < last ? on[0]![0] : -1;
      const top = startsHere.filter(([, i]) => i.startPosition.left < middle)[0]![1].startPosition.top;
      const carriedLines = carried >= 0 ? Math.round((top - areaTop) / grid) : 0;
      const blocks = startsHere.map(([k]) => ({ k, lines: lines(k) }));
      const total = carriedLines + blocks.reduce((sum, b) => sum + b.lines, 0);
      if (total < 4) return false;
      // The boundary where the first column holds at least half and the fewest lines more.
      let best: { at: number; first: number } | undefined;
      let sum = carriedLines;
      for (const b of blocks) {
        if (sum * 2 >= total && (!best || sum < best.first)) best = { at: b.k, first: sum };
        sum += b.lines;
      }
      const inSecond = startsHere.find(([, i]) => i.startPosition.left >= middle)?.[0];
      // Balanced already, or no better boundary than the one pdfmake found.
      if (!best || best.first === 0 || (inSecond !== undefined && best.at >= inSecond)) return false;
      const at = nodes.indexOf(nodes[best.at]!);
      nodes.splice(at, 0, { stack: [], margin: [0, 1e5, 0, 0] });
      return true;
    },
  };
}
