// A web page's table flattened to text, as crawlers and page stores write it: every cell
// closed by " |" ("發文字號: |"), rows set apart by a line of a bar alone ("|", "---|").
// Where a text is written so (three such lines or more, a tenth of its lines), those bars are
// the table's borders, not text: a border line is a blank line, and a cell's closing bar ends
// its paragraph (the line is marked as a PDF dump marks a paragraph's last line); lines
// wrapped inside a cell are joined. Bars between the cells of a row ("1. | 第80号 | - | ……")
// stay: the row is kept as it stands (no head, no paragraph of prose).
import type { Change } from '../../model/types.js';
import { cutRanges, type Line } from './lines.js';
import { joinLines } from './line-slice.js';
import { startsAnew } from './line-shape.js';
import { CLOSING_END, TABLE_ROW } from '../../text/patterns.js';

const SPACE = '[ \\t\\u3000\\u00A0]';
/** A line of borders only: "|", "---|", "| --- | --- |". */
const BORDER_LINE = /^[|\-:\s\u3000]*\|[|\-:\s\u3000]*$/u;
const CELL_END = new RegExp(`${SPACE}+\\|$`, 'u');

export function tableCells(lines: Line[], report: Change[]): Line[] {
  const filled = lines.filter((line) => !line.blank);
  const borders = filled.filter((line) => BORDER_LINE.test(line.content) || CELL_END.test(line.content)).length;
  if (borders < 3 || borders < 0.1 * filled.length) return lines;
  let changed = 0;
  let first: Line | undefined;
  const out = lines.map((line) => {
    if (line.blank) return line;
    if (BORDER_LINE.test(line.content)) {
      changed++;
      first ??= line;
      return { ...line, content: '', offsets: [], columns: [], blank: true, trailing: undefined };
    }
    const end = CELL_END.exec(line.content);
    if (!end) return line;
    changed++;
    first ??= line;
    return { ...cutRanges(line, [[end.index, line.content.length]]), trailing: true };
  });
  const joined = joinInCells(out);
  if (joined.length < out.length) {
    report.push({ source: 'reader:text', kind: 'join-wrapped-lines', message: `joined ${out.length - joined.length} line(s) wrapped inside the cells of a flattened table (each goes on without punctuation up to its cell's closing bar)` });
  }
  if (changed > 0) {
    report.push({
      source: 'reader:text',
      kind: 'layout-whitespace',
      message: `read the bars of a flattened table as its borders on ${changed} line(s): a cell's closing bar ends its paragraph, a line of bars separates rows`,
      position: first && { start: { line: first.number, column: 1, offset: first.offsets[0] ?? 0 }, end: { line: first.number, column: 1, offset: first.offsets[0] ?? 0 } },
    });
  }
  return joined;
}

/** A line of prose that wraps inside its cell is at least this long (a cell's short lines are its own lines). */
const WRAPPED_MIN = 16;

/**
 * Lines wrapped inside a cell, as a print view sets a long cell: from a cell's first line (after a border line or
 * the end of the cell before) to its closing bar, every line that ends without punctuation, over a line that
 * starts nothing of its own, goes on in the next ("……每證以借閱二十冊為" / "限,借期為二十八日。 |"). Only a run
 * that reaches the cell's closing bar is a cell; a row's cells side by side are no prose.
 */
function joinInCells(lines: Line[]): Line[] {
  const wraps = (line: Line, next: Line | undefined) =>
    next !== undefined && !line.blank && !line.trailing && line.content.length >= WRAPPED_MIN && !CLOSING_END.test(line.content) && !TABLE_ROW.test(line.content) && !next.blank && !TABLE_ROW.test(next.content) && !startsAnew(next);
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    const opensCell = i > 0 && (lines[i - 1]!.blank || lines[i - 1]!.trailing === true);
    if (opensCell) {
      // The cell's lines, up to the one that closes it, each but the last paragraphs' own end.
      let end = i;
      while (end + 1 < lines.length && !lines[end]!.trailing && !lines[end]!.blank) end++;
      if (lines[end]!.trailing && end > i) {
        // (Each wrapped line joins the one before it; a line ending a sentence ends a paragraph of the cell.)
        for (let k = i; k < end; k++) {
          if (wraps(lines[k]!, lines[k + 1])) line = joinLines(line, lines[k + 1]!);
          else {
            out.push(line);
            line = lines[k + 1]!;
          }
        }
        out.push(line);
        i = end;
        continue;
      }
    }
    out.push(line);
  }
  return out;
}
