// The newspaper's columns balanced where an article's end: on the last page, and above
// the next article's title across the columns (a band partway down a page, as in a
// newspaper or LaTeX's multicol). pdfmake fills snaking columns one after the other, so
// that page would have a full first column and a short (or empty) second. After a first
// layout pdfmake asks the page-break hook about every node; by then each node of an
// article (tagged here) knows where pdfmake put it (its `positions`: one per line of a
// breakable text, the block's top for an unbreakable one). The rows of the article's
// last page are laid out in flow order, and a column break (a strut taller than what is
// left of the first column: pdfmake moves on to the next column) goes in where the
// two columns come out closest in height (the first the longer by a line when the count
// is odd): between two blocks, or between two lines of a paragraph's middle (keep.ts
// keeps its first and last two lines together, so no widow or orphan comes of it).
// Where no break on the last page comes within a line (a paragraph of two or three
// lines, or a heading with the lines it keeps with, stands across the middle: the
// breaks the blocks allow are two lines apart), the page before runs a line or two
// short, as a page does for a widow or an orphan: the last lines of its second column
// go over to the last page (a page break where keep.ts allows one), which changes the
// count there, and the last page is balanced with them. Only when that balances it, and
// no further than two lines short of a full column (one that ran short already, where a
// block did not fit at its foot, gives no more).
// Where neither balances the last page (an article that starts on it has no page before to
// run short, or the page before ran short already: blocks of two or three lines, never
// split, stand across the middle, the breaks they allow two lines apart), one paragraph
// wholly on the last page is set loose to run a line longer (as 追い出し in Japanese
// setting: its lines filled a quarter em to an em short of the measure and justified to
// it, at most LOOSEST_SPACING, 0.08 em, between two characters; blocks.ts), which moves
// every break after it by a line: the one that comes out least loose first, at most
// MAX_LOOSE of them one after the other. When none balances the page, or the article
// would run onto another page, the body goes back as it was (no loose paragraph for
// nothing).
// The hook then asks pdfmake for one more layout. The breaks are only added once, an
// article at a time in flow order (pdfmake asks about each node once): each article is
// balanced on the pages the ones before it left.
import type { Content } from 'pdfmake/interfaces.js';
import { BLOCK_INDEX, splitLines } from './keep.js';

/** headlineLevel of the last article's blocks: this plus the block's index. */
export const BALANCE_TAG = 1000;

/** At most this many body lines the page before the last may run short to balance it. */
const PULL_LINES = 2;

/** At most this many paragraphs are tried loose, one at a time, to balance the last page. */
const MAX_LOOSE = 3;

/** What a balancer may ask of the body's maker: a paragraph set loose to run a line longer. */
export interface Loosen {
  /** How loose the block (its index among the article's blocks) comes out set to run one line longer: the most space between two characters, em; undefined: it cannot be. */
  spacing(block: number): number | undefined;
  /** The body afresh, with that block set loose (undefined: none). */
  body(block?: number): Content[];
}

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

/** One line of an article's columns: where pdfmake set it, and where it stands in the flow. */
interface Row {
  /** The block (index into the body) and, in a breakable text, the line's index. */
  node: number;
  line?: number;
  page: number;
  column: number;
  /** On the page, pt. */
  top: number;
  bottom: number;
  /** In the flow: the blocks one under the other, each with its space above and below, pt. */
  y: number;
  yEnd: number;
  /** A column may break between this row and the one before. */
  breakable: boolean;
  /** The first row of its block. */
  first: boolean;
}

/** Where a block stands in the flow: its top (its space above included) and its end (its space below included). */
interface Placed {
  y: number;
  yEnd: number;
}

/** A named style's leading and space above and below, pt. */
export type StyleOf = (name: unknown) => { leading: number; spaceBefore: number; spaceAfter: number };

export interface Balancer {
  /** To call from pdfmake's pageBreakBefore: true when it changed the flow (lay out again). */
  check(info: Info): boolean;
  /** The headline levels this balancer's blocks carry: BALANCE_TAG + offset onwards. */
  readonly tags: number;
  /**
   * Where the columns' last line on a page ends (pt from the page's top), as the layout
   * pdfmake is finishing set it; undefined when none of the article's lines is on it. Its
   * nodes know their places once the body is laid out: a footer (drawn after the body) may
   * ask.
   */
  columnsEnd(page: number): number | undefined;
}

/** The type area's top and bottom, pt. */
export interface Area {
  top: number;
  bottom: number;
}

/**
 * Tag the blocks of the last article's columns (`body`, the stack pdfmake lays out) and
 * return the hook that balances them. `middle` is the x of the page's middle, `area` the
 * type area, `grid` the body leading, `style` what a named style sets.
 */
export function balancer(body: Content[], middle: number, area: Area, grid: number, style: StyleOf, offset = 0, loosen?: Loosen): Balancer {
  const nodes = body as unknown as Node[];
  const tags = nodes.length;
  const tag = () => {
    nodes.forEach((node, i) => {
      node.headlineLevel = BALANCE_TAG + offset + i;
    });
    // pdfmake marks the node the hook said yes for with a page break before it: here the
    // last block, which must not move. Its pageBreak ignores that.
    const tail = nodes.at(-1);
    if (tail) Object.defineProperty(tail, 'pageBreak', { get: () => undefined, set: () => undefined, configurable: true, enumerable: false });
  };
  tag();
  /** The body replaced (a paragraph set loose, or back as it was): its new nodes are asked about afresh. */
  const replace = (fresh: Content[]) => {
    nodes.splice(0, nodes.length, ...(fresh as unknown as Node[]));
    tag();
    done = false;
  };
  let done = false;
  /** The blocks tried loose; the one set loose now; the page the article ended on as first laid out. */
  const tried = new Set<number>();
  let loose: number | undefined;
  let lastAsLaid: number | undefined;
  return {
    tags,
    check(info) {
      if (done || info.headlineLevel !== BALANCE_TAG + offset + nodes.length - 1) return false;
      done = true;
      // The page the columns end on (the document's last, for the last article): where the
      // flow puts the last row (an unbreakable tail's own positions may be where pdfmake
      // tried it, on the page before).
      const laid = place(nodes, middle, area, style);
      const last = laid.rows.at(-1)?.page ?? info.pages;
      lastAsLaid ??= last;
      const plan = last === lastAsLaid ? balancePlan(laid, last, area, grid) : { breaks: undefined, balanced: false };
      const maker = loosen;
      if (!plan.balanced && maker) {
        const next = looseCandidates(nodes, laid.rows, lastAsLaid).filter((b) => !tried.has(b));
        // The one that comes out least loose first.
        const ranked = next.map((b) => ({ b, spacing: maker.spacing(b) })).filter((c): c is { b: number; spacing: number } => c.spacing !== undefined);
        ranked.sort((x, y) => x.spacing - y.spacing);
        if (ranked[0] && tried.size < MAX_LOOSE) {
          tried.add(ranked[0].b);
          loose = ranked[0].b;
          replace(maker.body(loose));
          return true;
        }
        if (loose !== undefined) {
          // No paragraph set loose balanced it: the body as it was, balanced as far as it goes.
          loose = undefined;
          replace(maker.body());
          loosen = undefined;
          return true;
        }
      }
      const breaks = plan.breaks;
      if (!breaks?.length) return false;
      // The later break first: the earlier one's indices stay as they were.
      for (const at of [...breaks].sort((a, b) => b.node - a.node || (b.line ?? 0) - (a.line ?? 0))) {
        const breaker = at.column === undefined ? { stack: [], margin: [0, 1e5, 0, 0] } : strut(at.column);
        if (at.line === undefined) nodes.splice(at.node, 0, breaker);
        else nodes.splice(at.node, 1, ...splitLines(nodes[at.node]!, at.line, breaker));
      }
      return true;
    },
    columnsEnd(page) {
      let end: number | undefined;
      const visit = (node: Node) => {
        if (node.canvas) return;
        if (Array.isArray(node.stack)) return (node.stack as Node[]).forEach(visit);
        const leading = style(node.style).leading;
        const positions = positionsOf(node);
        const here = positions.filter((p) => p.pageNumber === page);
        if (!here.length) return;
        // Its lines on this page stand one under the other from the first; in an unbreakable
        // block they all report the block's top, or the text its top only.
        const lines = here.length === positions.length ? Math.max(here.length, lineCount(node)) : here.length;
        end = Math.max(end ?? 0, Math.min(...here.map((p) => p.top)) + lines * leading);
      };
      nodes.forEach(visit);
      return end;
    },
  };
}

/**
 * The blocks (indices among the article's) all of whose lines stand on the last page, in
 * flow order: those a paragraph set loose may be taken from (one partly on the page before
 * would change that page too).
 */
function looseCandidates(nodes: Node[], rows: Row[], last: number): number[] {
  const blocksOf = (node: Node): number[] => (Array.isArray(node.stack) ? (node.stack as Node[]).flatMap(blocksOf) : typeof node[BLOCK_INDEX] === 'number' ? [node[BLOCK_INDEX] as number] : []);
  const pages = new Map<number, Set<number>>();
  for (const row of rows) for (const b of blocksOf(nodes[row.node]!)) (pages.get(b) ?? pages.set(b, new Set()).get(b)!).add(row.page);
  return [...pages].filter(([, on]) => on.size === 1 && on.has(last)).map(([b]) => b);
}

/**
 * How tall a body's first block stands, its space above included (pt): the least room its
 * columns need under a title (pdfmake sets no part of an unbreakable block). Undefined for
 * a block that is not text alone.
 */
export function firstBlockHeight(body: Content[], style: StyleOf): number | undefined {
  const node = body[0] as unknown as Node | undefined;
  if (!node) return undefined;
  const marginOf = (n: Node) => (n.margin as number[] | undefined) ?? [0, style(n.style).spaceBefore, 0, style(n.style).spaceAfter];
  const leaves = Array.isArray(node.stack) ? (node.stack as Node[]) : [node];
  // A group of a heading and what it keeps with (keep.ts) is a stack with no space of its own.
  let height = leaves !== (node.stack as unknown) ? 0 : ((node.margin as number[] | undefined)?.[1] ?? 0);
  for (const [k, leaf] of leaves.entries()) {
    if (lineCount(leaf) === 0) return undefined;
    const margin = marginOf(leaf);
    height += margin[1]! + lineCount(leaf) * style(leaf.style).leading + (k < leaves.length - 1 ? margin[3]! : 0);
  }
  return height;
}

/**
 * A column break that ends the first column where its text ends. A node whose space above
 * overflows the column (the page break's breaker) would do it too, but pdfmake first
 * moves down what is left of the column, and the columns would end at the foot: a title
 * after them would go over to the next page. An empty strut taller than what is left
 * does not fit, so pdfmake moves on to the next column from where the text stopped; set
 * there, its space below, as negative as it is tall, takes its height back.
 */
function strut(height: number): Node {
  // Filled, not stroked (pdfmake strokes a vector with no colour in black): no width, nothing shows.
  return { canvas: [{ type: 'rect', x: 0, y: 0, w: 0, h: height, color: '#ffffff' }], margin: [0, 0, 0, -height] };
}

/**
 * Where pdfmake set each block of a body and its lines, in flow order. A breakable text's
 * positions are its lines as pdfmake set them. An unbreakable block's all report the place
 * pdfmake tried it at, and keep it when the block did not fit and went to the head of the
 * next column (the first column of the next page after the last): so its place is worked
 * out from where the block before it ended, as pdfmake does. The flow places every block
 * under the one before it with its space above and below, whatever the columns.
 */
function place(nodes: Node[], middle: number, area: Area, style: StyleOf): { rows: Row[]; placed: (Placed | undefined)[]; columnTop: Map<number, number> } {
  const leadingOf = (name: unknown) => style(name).leading;
  // A node's margin, or its style's space above and below (pdfmake applies the style's).
  const marginOf = (node: Node) => (node.margin as number[] | undefined) ?? [0, style(node.style).spaceBefore, 0, style(node.style).spaceAfter];
  const rows: Row[] = [];
  const placed: (Placed | undefined)[] = [];
  /** Where the columns begin on a page (below a title across on the page the body starts). */
  const columnTop = new Map<number, number>();
  let cursor: { page: number; column: number; y: number } | undefined;
  let flow = 0;
  nodes.forEach((node, index) => {
    const margin = marginOf(node);
    if (!node.unbreakable) {
      const leading = leadingOf(node.style);
      const positions = positionsOf(node);
      if (!positions.length) return;
      const y = flow;
      positions.forEach((p, line) => {
        const column = p.left < middle ? 0 : 1;
        if (column === 0 && !columnTop.has(p.pageNumber)) columnTop.set(p.pageNumber, p.top);
        const top = y + margin[1]! + line * leading;
        rows.push({ node: index, line, page: p.pageNumber, column, top: p.top, bottom: p.top + leading, y: top, yEnd: top + leading, breakable: true, first: line === 0 });
        cursor = { page: p.pageNumber, column, y: p.top + leading + margin[3]! };
      });
      flow = y + margin[1]! + positions.length * leading + margin[3]!;
      placed[index] = { y, yEnd: flow };
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
    const at = flow;
    offsets.forEach((o, k) => {
      const fy = at + margin[1]! + o.top;
      rows.push({ node: index, page, column, top: top + o.top, bottom: top + o.top + o.leading, y: fy, yEnd: fy + o.leading, breakable: k === 0, first: k === 0 });
    });
    flow = at + margin[1]! + content + margin[3]!;
    placed[index] = { y: at, yEnd: flow };
  });
  // A break above a block's first row is a break between blocks; the very first row has nothing above it.
  if (rows[0]) rows[0].breakable = false;
  return { rows, placed, columnTop };
}

interface Break {
  node: number;
  line?: number;
  /**
   * A break from the first column to the second: the height of the strut that does it,
   * pt (taller than what is left of the first column, no taller than the second). A page
   * break (from the second column of the page before) has none.
   */
  column?: number;
}

/**
 * The column breaks that balance the last page: where the page starts (when the page
 * before runs short: the first of its rows that go over) and where its first column
 * ends. None when the last page is balanced as pdfmake set it, or no break does
 * better; `balanced` false when no break brings it within a line. Two heights of a column count: where its last line ends (what a reader sees
 * of the balance, both columns starting at one height) and how tall its lines stand
 * from the first one's top (the space above a heading at a column's head, which the
 * heading keeps to stay on the body's grid, left out). A break balances the page when
 * both come within a line; of those, the one whose ends are closest.
 */
function balancePlan(laid: ReturnType<typeof place>, last: number, area: Area, grid: number): { breaks: Break[] | undefined; balanced: boolean } {
  const { rows, placed } = laid;
  const start = rows.findIndex((r) => r.page === last);
  if (start < 0) return { breaks: undefined, balanced: true };
  const end = rows.length - 1;
  // The columns' head on the last page: the type area's top, or below the title when the article starts there.
  const columnHead = rows[0]!.page < last ? area.top : (laid.columnTop.get(last) ?? area.top);
  const room = area.bottom - columnHead;
  const nodeEnd = (i: number) => (rows[i + 1]?.node !== rows[i]!.node ? placed[rows[i]!.node]!.yEnd : rows[i]!.yEnd);
  // A column that starts at row s: the flow's y at its head (a block there keeps its space
  // above after a column break; pdfmake's own page break left it as the first layout shows).
  const head = (s: number, natural: boolean) => {
    const r = rows[s]!;
    if (natural) return r.y - (r.top - columnHead);
    return r.first ? placed[r.node]!.y : r.y;
  };
  // The columns of a page that starts at row s with its second column from row `at` (end + 1: none).
  const evaluate = (s: number, natural: boolean, at: number) => {
    const top = head(s, natural);
    // The first column must hold its part, space below the last block included; so must the second.
    if (nodeEnd(at - 1) - top > room + 0.5) return undefined;
    const ends = [rows[at - 1]!.yEnd - top, 0];
    const lines = [rows[at - 1]!.yEnd - rows[s]!.y, 0];
    if (at <= end) {
      const top2 = head(at, false);
      if (placed[rows[end]!.node]!.yEnd - top2 > room + 0.5) return undefined;
      ends[1] = rows[end]!.yEnd - top2;
      lines[1] = rows[end]!.yEnd - rows[at]!.y;
    }
    const diff = ends[0]! - ends[1]!;
    const balanced = Math.abs(diff) <= grid + 0.5 && Math.abs(lines[0]! - lines[1]!) < 1.5 * grid - 1;
    // A shorter first column costs half a line more; one that is not balanced, more than any that is.
    return { at, balanced, cost: Math.abs(diff) + (diff < -0.5 ? grid / 2 : 0) + (balanced ? 0 : 1e4) };
  };
  const best = (s: number, natural: boolean) => {
    let choice: ReturnType<typeof evaluate>;
    for (let at = s + 1; at <= end + 1; at++) {
      if (at <= end && !rows[at]!.breakable) continue;
      const c = evaluate(s, natural, at);
      if (c && (!choice || c.cost < choice.cost - 0.5)) choice = c;
    }
    return choice;
  };
  const breakAt = (i: number): Break => (rows[i]!.line === undefined || rows[i]!.line === 0 ? { node: rows[i]!.node } : { node: rows[i]!.node, line: rows[i]!.line });
  const columnBreak = (i: number): Break => ({ ...breakAt(i), column: room - grid / 2 });
  // As pdfmake set it: the second column from the last page's first row in it.
  const natural = rows.findIndex((r, i) => i > start && r.page === last && r.column === 1);
  const naturalAt = natural < 0 ? end + 1 : natural;
  const asSet = evaluate(start, true, naturalAt);
  if (asSet?.balanced && asSet.cost <= grid + 0.5) return { breaks: undefined, balanced: true };
  const own = best(start, true);
  if (own?.balanced) return { breaks: own.at <= end ? [columnBreak(own.at)] : undefined, balanced: true };
  // The page before runs short: its second column's last rows go over, a line or two at
  // most; the fewer the better (a quarter line each), and a last page balanced with them.
  // Short of a full column: of the last body line the type area holds (a column that ran
  // short already, where a block did not fit at its foot, may run no shorter than that).
  const before = laid.columnTop.get(last - 1) ?? area.top;
  const full = before + Math.floor((area.bottom - before) / grid + 0.01) * grid;
  let pull: { s: number; at: number; cost: number } | undefined;
  for (let s = start - 1; s > 0 && rows[s]!.page === last - 1 && rows[s]!.column === 1; s--) {
    if (rows[s - 1]!.page !== last - 1 || rows[s - 1]!.column !== 1) break;
    const short = full - rows[s - 1]!.bottom;
    if (short > PULL_LINES * grid + 0.5) break;
    if (!rows[s]!.breakable) continue;
    const c = best(s, false);
    if (c?.balanced && (!pull || c.cost + short / 4 < pull.cost - 0.5)) pull = { s, at: c.at, cost: c.cost + short / 4 };
  }
  if (pull) return { breaks: [breakAt(pull.s), ...(pull.at <= end ? [columnBreak(pull.at)] : [])], balanced: true };
  if (!own || own.at === naturalAt || (asSet && own.cost >= asSet.cost - 0.5)) return { breaks: undefined, balanced: false };
  return { breaks: own.at <= end ? [columnBreak(own.at)] : undefined, balanced: false };
}
