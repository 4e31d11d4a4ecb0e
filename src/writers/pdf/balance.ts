// The newspaper's last page: its columns balanced. pdfmake fills snaking columns one
// after the other, so the last page would have a full first column and a short second.
// After a first layout pdfmake asks the page-break hook about every node; by then each
// node of the last article (tagged here) knows where pdfmake put it (its `positions`:
// one per line of a breakable text, the block's top for an unbreakable one). The rows
// of the last page are laid out in flow order, and a column break (a node whose top
// margin overflows the column: pdfmake moves on to the next column) goes in where the
// two columns come out closest in height (the first the longer by a line when the count
// is odd): between two blocks, or between two lines of a paragraph's middle (keep.ts
// keeps its first and last two lines together, so no widow or orphan comes of it). The
// hook then asks pdfmake for one more layout. The column break is only added once.
import type { Content } from 'pdfmake/interfaces.js';
import { splitLines } from './keep.js';

/** headlineLevel of the last article's blocks: this plus the block's index. */
export const BALANCE_TAG = 1000;

type Node = Record<string, unknown>;
interface Position {
  pageNumber: number;
  left: number;
  top: number;
}
interface Info {
  headlineLevel?: number;
  pages: number;
}

const lineCount = (node: Node) => (Array.isArray(node.text) ? (node.text as { text: string }[]).filter((r) => r.text === '\n').length + 1 : typeof node.text === 'string' ? 1 : 0);
const positionsOf = (node: Node) => ((node.positions as Position[] | undefined) ?? []).filter((p) => p && typeof p.top === 'number');

/** One line on the last page: where it stands, and whether a column may break above it. */
interface Row {
  /** The block (index into the body) and, in a breakable text, the line's index. */
  node: number;
  line?: number;
  column: number;
  top: number;
  bottom: number;
  /** A column may break between this row and the one before. */
  breakable: boolean;
}

/** A named style's leading and space above and below, pt. */
export type StyleOf = (name: unknown) => { leading: number; spaceBefore: number; spaceAfter: number };

export interface Balancer {
  /** To call from pdfmake's pageBreakBefore: true when it added the column break (lay out again). */
  check(info: Info): boolean;
}

/**
 * Tag the blocks of the last article's columns (`body`, the stack pdfmake lays out) and
 * return the hook that balances them. `middle` is the x of the page's middle, `area` the
 * type area, `grid` the body leading, `style` what a named style sets.
 */
export function balancer(body: Content[], middle: number, area: Area, grid: number, style: StyleOf): Balancer {
  const nodes = body as unknown as Node[];
  nodes.forEach((node, i) => {
    node.headlineLevel = BALANCE_TAG + i;
  });
  // pdfmake marks the node the hook said yes for with a page break before it: here the
  // last block, which must not move. Its pageBreak ignores that.
  const tail = nodes.at(-1);
  if (tail) Object.defineProperty(tail, 'pageBreak', { get: () => undefined, set: () => undefined, configurable: true, enumerable: false });
  let done = false;
  return {
    check(info) {
      if (done || info.headlineLevel !== BALANCE_TAG + nodes.length - 1) return false;
      done = true;
      const rows = lastPageRows(nodes, info.pages, middle, area, style);
      if (rows.length < 4) return false;
      const at = balancePoint(rows, grid, area.bottom - Math.min(...rows.map((r) => r.top)));
      if (!at) return false;
      const node = nodes[at.node]!;
      const breaker = { stack: [], margin: [0, 1e5, 0, 0] };
      if (at.line === undefined) nodes.splice(at.node, 0, breaker);
      else nodes.splice(at.node, 1, ...splitLines(node, at.line, breaker));
      return true;
    },
  };
}

/** The type area's top and bottom, pt. */
export interface Area {
  top: number;
  bottom: number;
}

/**
 * The rows of the body on the last page, in flow order. A breakable text's positions are
 * its lines as pdfmake set them. An unbreakable block's all report the place pdfmake
 * tried it at, and keep it when the block did not fit and went to the head of the next
 * column (the first column of the next page after the last): so its place is worked out
 * from where the block before it ended, as pdfmake does.
 */
function lastPageRows(nodes: Node[], last: number, middle: number, area: Area, style: StyleOf): Row[] {
  const leadingOf = (name: unknown) => style(name).leading;
  // A node's margin, or its style's space above and below (pdfmake applies the style's).
  const marginOf = (node: Node) => (node.margin as number[] | undefined) ?? [0, style(node.style).spaceBefore, 0, style(node.style).spaceAfter];
  const rows: Row[] = [];
  /** Where the columns begin on a page (below a title across on the page the body starts). */
  const columnTop = new Map<number, number>();
  let cursor: { page: number; column: number; y: number } | undefined;
  nodes.forEach((node, index) => {
    const margin = marginOf(node);
    if (!node.unbreakable) {
      const leading = leadingOf(node.style);
      positionsOf(node).forEach((p, line) => {
        const column = p.left < middle ? 0 : 1;
        if (column === 0 && !columnTop.has(p.pageNumber)) columnTop.set(p.pageNumber, p.top);
        if (p.pageNumber === last) rows.push({ node: index, line, column, top: p.top, bottom: p.top + leading, breakable: true });
        cursor = { page: p.pageNumber, column, y: p.top + leading + margin[3]! };
      });
      return;
    }
    const leaves = Array.isArray(node.stack) ? (node.stack as Node[]) : [node];
    // The block's lines below its top: a stack's leaves bring their own space above and below.
    const offsets: { top: number; leading: number }[] = [];
    let y = 0;
    for (const leaf of leaves) {
      const inner = leaf !== node ? marginOf(leaf) : [0, 0, 0, 0];
      y += inner[1]!;
      const leading = leadingOf(leaf.style);
      // Lines pdfmake broke itself (centred and right-set text) are as many as its positions.
      for (let k = 0; k < Math.max(lineCount(leaf), positionsOf(leaf).length); k++) {
        offsets.push({ top: y, leading });
        y += leading;
      }
      y += inner[3]!;
    }
    if (!cursor) {
      // The body's first block: where pdfmake tried it, less its space above.
      const tried = [node, ...leaves].flatMap(positionsOf).sort((a, b) => a.pageNumber - b.pageNumber)[0];
      if (!tried) return;
      cursor = { page: tried.pageNumber, column: tried.left < middle ? 0 : 1, y: tried.top - margin[1]! };
    }
    let { page, column } = cursor;
    let top = cursor.y + margin[1]!;
    const content = y;
    // It does not fit at the foot of this column: pdfmake sets it at the head of the next.
    if (top + content > area.bottom + 0.5) {
      if (column === 0) column = 1;
      else {
        page++;
        column = 0;
      }
      top = column === 1 ? (columnTop.get(page) ?? area.top) : area.top;
    }
    if (column === 0 && !columnTop.has(page)) columnTop.set(page, top);
    cursor = { page, column, y: top + content + margin[3]! };
    if (page !== last) return;
    offsets.forEach((o, k) => rows.push({ node: index, column, top: top + o.top, bottom: top + o.top + o.leading, breakable: k === 0 }));
  });
  // A break above a block's first row is a break between blocks; the very first row has nothing above it.
  if (rows[0]) rows[0].breakable = false;
  return rows;
}

/**
 * Where to break the first column: the break that makes the two columns' heights closest
 * (flow coordinates: the first column, then the second below it), the first column the
 * longer of the two when a line is odd. Undefined when they are balanced already (the
 * first at most a line longer) or no break does better.
 */
function balancePoint(rows: Row[], grid: number, room: number): { node: number; line?: number } | undefined {
  const top = Math.min(...rows.map((r) => r.top));
  const firstColumn = rows.filter((r) => r.column === 0);
  if (firstColumn.length === 0) return undefined;
  const columnEnd = Math.max(...firstColumn.map((r) => r.bottom)) - top;
  // Both columns start at one height; the second goes on where the first ends.
  const flow = (y: number, column: number) => (column === 0 ? y - top : columnEnd + y - top);
  const last = rows.at(-1)!;
  const height = flow(last.bottom, last.column);
  // How far from balanced a first column of this height is: a shorter first column costs half a line more.
  const cost = (first: number) => Math.abs(2 * first - height) + (2 * first < height - 0.5 ? grid / 2 : 0);
  let best = { row: -1, cost: cost(columnEnd) };
  if (best.cost <= grid + 0.5) return undefined;
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]!;
    const before = rows[i - 1]!;
    if (!row.breakable || before.column !== 0) continue;
    const first = flow(before.bottom, 0);
    // The second column must hold the rest.
    if (height - first > room + 0.5) continue;
    if (cost(first) < best.cost - 0.5) best = { row: i, cost: cost(first) };
  }
  if (best.row < 0) return undefined;
  const row = rows[best.row]!;
  return row.line === undefined || row.line === 0 ? { node: row.node } : { node: row.node, line: row.line };
}
