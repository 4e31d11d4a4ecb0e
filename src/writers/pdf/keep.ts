// Where a page or column may break, as pdfmake unbreakable groups (no relayout):
// - a paragraph's first two lines stay together (no orphan), so do its last two
//   (no widow); a paragraph of two or three lines is never split; a page runs a
//   line short instead, as in typst and LaTeX; a first line all in bold (a run-in
//   lead that fills it) keeps two lines of text under it, as a heading does;
// - a heading, subhead or title (KEEP_WITH_NEXT) stays with the first lines of
//   what follows it, so it never ends a page or column.
// Blocks come from blocks.ts as text nodes whose lines are already broken
// (runs ending in "\n" between lines).
import type { Content } from 'pdfmake/interfaces.js';

/** Headings, subheads and titles carry a headline level: they keep with what follows. */
export const KEEP_WITH_NEXT = 1;

/** The key on a block's pdfmake nodes (and on the pieces cut from it here) naming its index among the article's blocks. */
export const BLOCK_INDEX = 'zhpressBlock';

type Node = Record<string, unknown>;
type Run = { text: string };

/** Lines a paragraph keeps together at its start and at its end. */
const KEEP_LINES = 2;

/** The runs of a broken text node, one array per line. */
function linesOf(node: Node): Run[][] | undefined {
  if (!node.broken || !Array.isArray(node.text)) return undefined;
  const lines: Run[][] = [[]];
  for (const run of node.text as Run[]) {
    if (run.text === '\n') lines.push([]);
    else lines.at(-1)!.push(run);
  }
  return lines;
}

/**
 * A line set ends with a forced break, except the last: in the font and line height of
 * the line's first run, as linebreak.ts and blocks.ts set it (a break in the style's own
 * line height would make its line a hair taller than the leading when the first run is
 * in another face, and move the baselines after it off the grid).
 */
function join(lines: Run[][], font: unknown): Run[] {
  return lines.flatMap((line, i) => {
    if (i === lines.length - 1) return line;
    const first = line[0] as (Run & { font?: unknown; lineHeight?: number }) | undefined;
    const lineBreak: Record<string, unknown> = { text: '\n', font: first?.font ?? font };
    if (first?.lineHeight !== undefined) lineBreak.lineHeight = first.lineHeight;
    return [...line, lineBreak as Run];
  });
}

/** Is every run of the line that shows text bold? */
function leadsOnly(line: Run[]): boolean {
  const shown = line.filter((run) => run.text.trim() !== '');
  return shown.length > 0 && shown.every((run) => (run as Run & { bold?: boolean }).bold === true);
}

/**
 * A block as the pieces a page may break between: [first lines, middle, last lines],
 * each a text node in the block's style. Its space above goes on the first piece and
 * its space below on the last.
 */
function pieces(node: Node, spaceBefore: number, spaceAfter: number): Node[] {
  const { broken: _, ...rest } = node;
  const lines = linesOf(node);
  // A first line all in bold (a run-in lead that fills it) reads as a head: two lines of text stay under it.
  const head = lines && leadsOnly(lines[0]!) ? KEEP_LINES + 1 : KEEP_LINES;
  if (!lines || lines.length <= head + KEEP_LINES - 1) return [{ ...rest, unbreakable: true }];
  const margin = (node.margin as number[] | undefined) ?? [0, spaceBefore, 0, spaceAfter];
  const font = (lines[0]![0] as { font?: unknown } | undefined)?.font;
  const part = (from: number, to: number, top: number, bottom: number, first: boolean): Node => {
    const piece: Node = { ...rest, text: join(lines.slice(from, to), font), margin: [margin[0], top, margin[2], bottom] };
    if (!first) delete piece.leadingIndent;
    // Only the first piece carries the block's anchor (a heading's id and contents entry).
    if (!first) for (const key of ['id', 'tocItem', 'tocMargin', 'tocStyle', 'outline', 'outlineText', 'outlineParentId', 'headlineLevel']) delete piece[key];
    return piece;
  };
  const n = lines.length;
  const out: Node[] = [{ ...part(0, head, margin[1]!, 0, true), unbreakable: true }];
  if (n > head + KEEP_LINES) out.push(part(head, n - KEEP_LINES, 0, 0, false));
  out.push({ ...part(n - KEEP_LINES, n, 0, margin[3]!, false), unbreakable: true });
  return out;
}

export interface Spacing {
  /** The space above and below a node in its style, pt. */
  (node: Node): [number, number];
}

/**
 * The flow of an article's blocks with its break rules applied: each block split into
 * pieces, and every run of headings grouped with the first piece after it.
 */
export function keepTogether(nodes: readonly Content[], spacing: Spacing): Content[] {
  const flat: { node: Node; keep: boolean }[] = [];
  for (const content of nodes) {
    const node = content as unknown as Node;
    const [before, after] = spacing(node);
    const keep = node.headlineLevel === KEEP_WITH_NEXT;
    for (const piece of pieces(node, before, after)) flat.push({ node: piece, keep });
  }
  const out: Node[] = [];
  for (let i = 0; i < flat.length; i++) {
    if (!flat[i]!.keep) {
      out.push(flat[i]!.node);
      continue;
    }
    const group: Node[] = [];
    while (i < flat.length && flat[i]!.keep) group.push(flat[i++]!.node);
    if (i < flat.length) group.push(flat[i]!.node);
    else i--; // nothing follows: the headings end the flow
    out.push(group.length === 1 ? group[0]! : { stack: group, unbreakable: true });
  }
  return out as unknown as Content[];
}

/** What pdfmake's layout leaves on a node (besides its own _-prefixed keys). */
const LAYOUT_STATE = new Set(['headlineLevel', 'positions', 'nodeInfo', 'pageBreakCalculated', 'resetXY', 'x', 'y', 'availableWidth']);

/**
 * A breakable text node (a paragraph's middle, keepTogether's second piece) cut before
 * its line `at`: the lines above, `between` (a column break), the lines below. The space
 * above stays on the first part, the space below on the second.
 */
export function splitLines(node: Node, at: number, between: Node): Node[] {
  const runs = node.text as Run[];
  const lines: Run[][] = [[]];
  for (const run of runs) {
    if (run.text === '\n') lines.push([]);
    else lines.at(-1)!.push(run);
  }
  if (at <= 0 || at >= lines.length) return [between, node];
  const margin = (node.margin as number[] | undefined) ?? [0, 0, 0, 0];
  const font = (lines[0]![0] as { font?: unknown } | undefined)?.font;
  // The node as zhpress made it: not the state pdfmake's layout left on it.
  const rest = Object.fromEntries(Object.entries(node).filter(([key]) => !key.startsWith('_') && !LAYOUT_STATE.has(key)));
  const above: Node = { ...rest, text: join(lines.slice(0, at), font), margin: [margin[0], margin[1], margin[2], 0] };
  const below: Node = { ...rest, text: join(lines.slice(at), font), margin: [margin[0], 0, margin[2], margin[3]] };
  delete below.leadingIndent;
  return [above, between, below];
}
