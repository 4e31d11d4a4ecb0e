// Items set with a hanging indent, as a regulation's database prints them in a
// fixed width: the item's first line flush with its marker ("一、新竹縣政府……"),
// its wrapped lines indented under the text ("    與行政效率，特訂定本要點。").
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
  const flush = (line: Line) => (line.columns[0] ?? 1) === 1;
  const open = (line: Line) => width(line) >= full && !CLOSING_END.test(line.content);
  // The indentation of the wrapped lines under items that stand flush.
  const indents = new Map<number, number>();
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    if (!line.blank && flush(line) && startsAnew(line) && open(line) && next && !next.blank && !flush(next) && !startsAnew(next)) indents.set(next.columns[0]!, (indents.get(next.columns[0]!) ?? 0) + 1);
  });
  const [hang, count] = [...indents].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  if (count < 3) return lines;
  const out: Line[] = [];
  let joins = 0;
  let first: Line | undefined;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    let last = line;
    while (!line.blank && open(last) && lines[i + 1] && !lines[i + 1]!.blank && lines[i + 1]!.columns[0] === hang && !startsAnew(lines[i + 1]!)) {
      const next = lines[++i]!;
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
