// Items set with a hanging indent, as a regulation's database prints them in a
// fixed width: the item's first line flush with its marker ("一、新竹縣政府……"),
// its wrapped lines indented under the text ("    與行政效率，特訂定本要點。"); or
// items nested at several depths, each one's wrapped lines indented deeper than it.
// Decided for the document: only where three items or more are set so, each first
// line full and stopping mid-sentence. Then an indented line under a line that
// stops mid-sentence goes on with it; one under a finished sentence is a paragraph
// of its own ("    前項文書之製作……" after "……均包括在內。"), as the source shows.
import type { Change } from '../../model/types.js';
import { plural } from '../../plural.js';
import { type Line } from './lines.js';
import { joinLines } from './line-slice.js';
import { startsAnew, width } from './line-shape.js';
import { CLOSING_END } from '../../text/patterns.js';

/** How far short of the widest lines a line may stop and still be full. */
const SLACK = 8;

export function hangingJoins(lines: Line[], report: Change[]): Line[] {
  const widths = lines.filter((l) => !l.blank && l.content.length >= 15).map(width).sort((a, b) => a - b);
  if (widths.length < 6) return lines;
  const full = widths[Math.floor(widths.length * 0.9)]! - SLACK;
  const column = (line: Line) => line.columns[0] ?? 1;
  const open = (line: Line) => width(line) >= full && !CLOSING_END.test(line.content);
  // An item's wrapped line: under a full line that starts an item, indented deeper than it, starting nothing.
  const wraps = (item: Line, next: Line | undefined) => next !== undefined && !next.blank && column(next) > column(item) && !startsAnew(next);
  // The evidence, for the document: three items or more whose first line is full, stops mid-sentence and
  // has its next line so indented (items flush, or nested at any depth: "      (五)公告:……" /
  // "            使用。").
  const items = new Set(lines.filter((line, i) => !line.blank && startsAnew(line) && open(line) && wraps(line, lines[i + 1])));
  if (items.size < 3) return lines;
  // The indentation of the wrapped lines under items that stand flush: there it marks a wrapped line
  // under any line that stops mid-sentence.
  const indents = new Map<number, number>();
  lines.forEach((line, i) => {
    if (column(line) === 1 && items.has(line)) indents.set(column(lines[i + 1]!), (indents.get(column(lines[i + 1]!)) ?? 0) + 1);
  });
  const [hang, count] = [...indents].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  const flushHang = count >= 3 ? hang : undefined;
  const out: Line[] = [];
  let joins = 0;
  let first: Line | undefined;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    let last = line;
    // (Each wrapped line of one item at the same indentation as its first.)
    let under: number | undefined;
    for (let next = lines[i + 1]; !line.blank && open(last) && next && !next.blank && !startsAnew(next); next = lines[i + 1]) {
      const at = column(next);
      if (!(at === flushHang || (wraps(line, next) && (under === undefined || at === under)))) break;
      under ??= at;
      i++;
      line = joinLines(line, next);
      first ??= next;
      last = next;
      joins++;
    }
    out.push(line);
  }
  if (joins) {
    report.push({
      source: 'reader:text',
      kind: 'join-wrapped-lines',
      message: `joined ${plural(joins, 'line')} wrapped under a hanging indent (items stand flush, their lines go on indented under their text)`,
      position: first && { start: { line: first.number, column: 1, offset: first.offsets[0] ?? 0 }, end: { line: first.number, column: 1, offset: first.offsets[0] ?? 0 } },
    });
  }
  return out;
}
