// Numbered items hard-wrapped by a dump that lost their indentation and whose
// widths vary with the depth they were set at, so no one wrap width shows: the
// item's first line long and stopping mid-word, without punctuation, and under
// it the rest of its sentence, a short line that finishes it ("（一）公告儘量使用
// 通俗……必須加註標點" / "符號。"), or full lines and then such a short one. Decided
// for the document: only where two items or more are cut so (one alone could be
// a long head over a one-line paragraph). Each join is reported.
import type { Change } from '../../model/types.js';
import { plural } from '../../plural.js';
import { type Line } from './lines.js';
import { joinLines } from './line-slice.js';
import { startsAnew } from './line-shape.js';
import { CLOSING_END, matchMarker } from '../../text/patterns.js';

/** A first line this long at least: a head is shorter. */
const LONG = 24;

/** The lines after item `i` that finish its sentence: full lines, then a short one closing it; none where they do not. */
function tailOf(lines: Line[], i: number): number {
  const first = lines[i]!;
  const length = first.content.length;
  if (first.blank || length < LONG || matchMarker(first.content) === undefined || /\p{P}$/v.test(first.content)) return 0;
  let k = i + 1;
  for (; k < lines.length && k <= i + 4; k++) {
    const line = lines[k]!;
    if (line.blank || startsAnew(line)) return 0;
    if (CLOSING_END.test(line.content)) return line.content.length < 0.6 * length ? k - i : 0;
    // (A line in the middle is as full as the first, and stops open too.)
    if (line.content.length < 0.8 * length || /[\u3002\uFF01\uFF1F]$/u.test(line.content)) return 0;
  }
  return 0;
}

export function tailJoins(lines: Line[], report: Change[]): Line[] {
  const cut = lines.map((_, i) => tailOf(lines, i));
  if (cut.filter((n) => n > 0).length < 2) return lines;
  const out: Line[] = [];
  let joins = 0;
  let first: Line | undefined;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    for (let k = 1; k <= cut[i]!; k++) {
      first ??= lines[i + k];
      line = joinLines(line, lines[i + k]!);
      joins++;
    }
    i += cut[i]!;
    out.push(line);
  }
  report.push({
    source: 'reader:text',
    kind: 'join-wrapped-lines',
    message: `joined ${plural(joins, 'line')} that finish a numbered item's sentence cut by a hard wrap (the item's long first line stops mid-word, the short line under it ends the sentence)`,
    position: first && { start: { line: first.number, column: 1, offset: first.offsets[0] ?? 0 }, end: { line: first.number, column: 1, offset: first.offsets[0] ?? 0 } },
  });
  return out;
}
