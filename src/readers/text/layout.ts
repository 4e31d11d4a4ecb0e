// The layout of a text dumped from PDF: page headers and page numbers between
// the lines, and lines hard-wrapped at the width of the type area. Both are
// decided for the whole document first: a document is hard-wrapped only when many
// of its lines stop at one width in the middle of a sentence.
import type { Change } from '../../model/types.js';
import { plural } from '../../plural.js';
import { type Line } from './lines.js';
import { joinLines } from './line-slice.js';
import { hangingJoins } from './hanging.js';
import { startsAnew, width } from './line-shape.js';
import { tailJoins } from './wrap-tails.js';
import { CLOSING_END, PARAGRAPH_END } from '../../text/patterns.js';
import { isCourtSigner, PAGE_OF } from './roles.js';

/** Lines that repeat on every page (a running head with a date or a number), and bare page numbers beside them. */
function pageFurniture(lines: Line[]): Set<Line> {
  const shape = (line: Line) => line.content.replace(/[0-9\uFF10-\uFF19]+/gu, '#').replace(/[\s\u3000]+/gu, ' ');
  const counts = new Map<string, number>();
  for (const line of lines) {
    if (line.blank || line.content.length > 40 || !/[0-9\uFF10-\uFF19]/u.test(line.content)) continue;
    counts.set(shape(line), (counts.get(shape(line)) ?? 0) + 1);
  }
  const furniture = new Set<Line>();
  const pageNumber = (line: Line | undefined) => line !== undefined && /^[0-9\uFF10-\uFF19]{1,5}$/u.test(line.content);
  const running = (line: Line) => !line.blank && line.content.length <= 40 && (counts.get(shape(line)) ?? 0) >= 3 && !pageNumber(line);
  // A running head counts where a page number stands beside it: that is what a page break looks like.
  const nearest = (i: number, step: 1 | -1) => {
    let j = i + step;
    while (j >= 0 && j < lines.length && lines[j]!.blank) j += step;
    return j;
  };
  lines.forEach((line, i) => {
    if (!running(line)) return;
    for (const j of [nearest(i, -1), nearest(i, 1)]) {
      if (pageNumber(lines[j])) {
        furniture.add(line);
        furniture.add(lines[j]!);
      }
    }
  });
  for (const line of letterheads(lines, nearest)) furniture.add(line);
  // A page's count of pages ("第 1 頁，共 2 頁", "共2页 第1页"), and the binding line a Taiwan 公文 prints down
  // each page's margin, one character a line ("裝" / "訂" / "線").
  lines.forEach((line, i) => {
    if (PAGE_OF.test(line.content)) furniture.add(line);
    const three = [i, nearest(i, 1), nearest(nearest(i, 1), 1)].map((j) => lines[j]);
    if (three.every((l) => l !== undefined) && BINDING.every((mark, k) => mark.test(three[k]!.content))) for (const l of three) furniture.add(l!);
  });
  return furniture;
}

const BINDING = [/^[裝装]$/u, /^[訂订]$/u, /^[線线]$/u];

/**
 * A page's letterhead repeated at the top of every page of a dump, with no page number by it
 * ("地址：……" / "電郵：……" / "電話：……" / "傳真：……" four times over): a group of two or more
 * short distinct lines, one after another (blank lines between them or not), each of which stands as
 * often as the others, three times or more, the group set apart by blank lines each time.
 * (Not an agenda's lines said again under each of its items, "截至……的財務報表" / "(由……提交)":
 * they stand among the items' lines.)
 */
function letterheads(lines: Line[], nearest: (i: number, step: 1 | -1) => number): Line[] {
  const key = (line: Line) => line.content.replace(/[\s\u3000]+/gu, ' ');
  const counts = new Map<string, number>();
  for (const line of lines) if (!line.blank && line.content.length <= 40) counts.set(key(line), (counts.get(key(line)) ?? 0) + 1);
  // (A line that ends a sentence is text, however often it is said.)
  const repeated = (line: Line | undefined) => line !== undefined && !line.blank && line.content.length <= 40 && !PARAGRAPH_END.test(line.content) && (counts.get(key(line)) ?? 0) >= 3;
  const apart = (i: number) => i < 0 || i >= lines.length || lines[i]!.blank;
  const found: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!repeated(lines[i]) || !apart(i - 1)) continue;
    // The group from here: the next non-blank lines as long as they repeat as often, each a line of its own.
    const n = counts.get(key(lines[i]!));
    const group = [i];
    for (let j = nearest(i, 1); j >= 0 && j < lines.length && repeated(lines[j]) && counts.get(key(lines[j]!)) === n; j = nearest(j, 1)) group.push(j);
    const last = group[group.length - 1]!;
    if (group.length >= 2 && new Set(group.map((g) => key(lines[g]!))).size === group.length && apart(last + 1)) found.push(...group.map((g) => lines[g]!));
    i = last;
  }
  return found;
}

/** The width a hard-wrapped document breaks its lines at, or undefined when it is not hard-wrapped. */
function wrapWidth(lines: Line[]): { width: number; short: boolean } | undefined {
  const counts = new Map<number, number>();
  for (const line of lines) if (!line.blank && line.content.length >= 15) counts.set(width(line), (counts.get(width(line)) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const w of counts.keys()) {
    let n = 0;
    for (let d = -3; d <= 2; d++) n += counts.get(w + d) ?? 0;
    if (n > bestCount || (n === bestCount && w > best)) [best, bestCount] = [w, n];
  }
  const full = lines.filter((l) => !l.blank && Math.abs(width(l) - best) <= 3 && !CLOSING_END.test(l.content));
  const prose = full.filter((l) => /[\uFF0C,\u3001\uFF1B\u300C\u300D\u201C\u201D\uFF08\uFF09()]/u.test(l.content));
  const long = lines.filter((l) => !l.blank && l.content.length >= 15).length;
  // (A short text shows it in fewer lines, where most of its long lines stop at the width: a page's excerpt.)
  const enough = full.length >= 20 ? full.length >= 0.25 * long : full.length >= 8 && full.length >= 0.5 * long;
  return enough && prose.length >= 0.7 * full.length ? { width: best, short: full.length < 20 } : undefined;
}


/**
 * Whether blank lines separate the blocks of a wrapped text: then lines that follow one another
 * with no blank between are one paragraph, wherever its lines stop. Blank lines are many, and the
 * indented lines (where there are any) open a block after a blank line, almost never in one.
 */
function blankSeparated(lines: Line[]): boolean {
  let blanks = 0;
  let text = 0;
  let indentedInside = 0;
  let indented = 0;
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    if (b.blank) {
      blanks++;
      continue;
    }
    text++;
    if (b.indented) {
      indented++;
      if (!a.blank) indentedInside++;
    }
  }
  return blanks >= 0.3 * text && indentedInside <= 0.1 * Math.max(indented, 1);
}


/** A row of a table set with dot leaders, its number on a line of its own ("公告》 ......" / "138/2012"). */
const LEADERS_END = /(?:\.{5,}|\u2026{3,}|\u00B7{5,})$/u;
const ROW_NUMBER = /^[0-9\uFF10-\uFF19][0-9\uFF10-\uFF19/\-\s]*$/u;

/** Marks a line never starts with: a comma, a stop, a closing bracket or quote. */
const NO_LINE_START = /^[\uFF0C\u3001\u3002\uFF1B\uFF1A\uFF1F\uFF01\uFF09\u300D\u300F\u300B\u3009\u3011\u3015\u201D\u2019,]/u;

/** A title in 《 that the line leaves open: it goes on in the next line. */
function openTitle(content: string): boolean {
  return (content.match(/\u300A/gu) ?? []).length > (content.match(/\u300B/gu) ?? []).length;
}

export interface Layout {
  lines: Line[];
  /** Page headers and numbers: kept, as end matter where they stand. */
  furniture: Set<Line>;
}

/**
 * Whether whitespace at a line's end marks the last line of a paragraph, as some PDF dumps
 * write it: most lines that end a sentence carry it, and the full lines that stop mid-sentence
 * do not. Then a full line ending in 。 without it is a wrapped line that goes on.
 */
function trailingMarksEnds(lines: Line[], wrap: number): boolean {
  const ends = lines.filter((l) => !l.blank && PARAGRAPH_END.test(l.content));
  const cut = lines.filter((l) => !l.blank && Math.abs(width(l) - wrap) <= 3 && !CLOSING_END.test(l.content));
  if (ends.length < 10 || cut.length < 10) return false;
  const share = (ls: Line[]) => ls.filter((l) => l.trailing).length / ls.length;
  return share(ends) >= 0.8 && share(cut) <= 0.1;
}

/** Finds page furniture and joins hard-wrapped lines (all lines, blank ones included, in order). */
export function readLayout(lines: Line[], report: Change[]): Layout {
  const furniture = pageFurniture(lines);
  const found = wrapWidth(lines.filter((l) => !furniture.has(l)));
  if (found === undefined) return { lines: tailJoins(hangingJoins(lines, report), report), furniture };
  // (On the short evidence, items set with a hanging indent are the surer reading where the text shows them.)
  if (found.short) {
    const hung: Change[] = [];
    const joined = hangingJoins(lines, hung);
    if (hung.length > 0) {
      report.push(...hung);
      return { lines: joined, furniture };
    }
  }
  const wrap = found.width;
  // The blank lines around a page's furniture belong to the page break: a paragraph runs on across them,
  // and they say nothing of how the text's blocks are set apart.
  const breakLines = new Set(furniture);
  lines.forEach((line, i) => {
    if (line.blank && (furniture.has(lines[i - 1]!) || furniture.has(lines[i + 1]!))) breakLines.add(line);
  });
  const separated = blankSeparated(lines.filter((l) => !breakLines.has(l)));
  const marked = trailingMarksEnds(lines.filter((l) => !furniture.has(l)), wrap);
  // (Where whitespace marks the ends, a full line ending in 。 without it goes on; one with it ends.)
  // (The width that counts is the last line's, `tail`: once lines are joined, the join is wider than any.)
  const ends = (line: Line, tail: number) => (marked ? line.trailing === true || (tail < wrap - 5 && PARAGRAPH_END.test(line.content)) : PARAGRAPH_END.test(line.content));
  const out: Line[] = [];
  let joins = 0;
  let first: Line | undefined;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (line.blank || furniture.has(line)) {
      out.push(line);
      continue;
    }
    const deferred: Line[] = [];
    // (The last line's width; a piece the PDF cut off, "，為流", counts with the line it belongs to.)
    let tail = width(line);
    for (;;) {
      let j = i + 1;
      const skipped: Line[] = [];
      while (j < lines.length && breakLines.has(lines[j]!)) skipped.push(lines[j++]!);
      // A leader row's number after a blank line is the row's end.
      if (LEADERS_END.test(line.content)) {
        let k = j;
        while (k < lines.length && lines[k]!.blank) k++;
        if (k < lines.length && k - j <= 2 && ROW_NUMBER.test(lines[k]!.content)) {
          line = joinLines(line, lines[k]!);
          first ??= lines[k];
          joins++;
          i = k;
          continue;
        }
      }
      const next = lines[j];
      // (A judge's line under the last paragraph, "法　官　程欣儀", signs: it goes on with nothing.)
      if (!next || next.blank || startsAnew(next) || isCourtSigner(next.content)) break;
      // (A line that opens with a mark no line may start with, "，為網", is the rest of the one above, however short that is.)
      if ((openTitle(line.content) && !PARAGRAPH_END.test(line.content)) || NO_LINE_START.test(next.content)) {
        tail += width(next);
        line = joinLines(line, next);
        first ??= next;
        joins++;
        i = j;
        continue;
      }
      // Where blank lines separate the blocks, a line right under another goes on with it, full or not.
      // (Across a page break, only a full line that stops mid-sentence goes on.)
      // (Where whitespace marks the ends, a line without it goes on however short: a list's narrower column.)
      // (A full line that ends in a colon over a quotation, "……第502條第1項規定：" / "「法院認為……」", quotes the
      // statute in its sentence: it goes on.)
      const quoting = !marked && skipped.length === 0 && tail >= wrap - 5 && /[\uFF1A:]$/u.test(line.content) && /^[\u300C\u201C]/u.test(next.content);
      if (!quoting && (!separated || skipped.length > 0) && ((tail < wrap - 5 && !(marked && !line.trailing)) || ends(line, tail))) break;
      if (separated && next.indented) break;
      tail = width(next);
      line = joinLines(line, next);
      first ??= next;
      joins++;
      deferred.push(...skipped.filter((l) => !l.blank));
      i = j;
    }
    out.push(line, ...deferred);
  }
  if (joins) {
    report.push({
      source: 'reader:text',
      kind: 'join-wrapped-lines',
      message: `joined ${plural(joins, 'line')} hard-wrapped at ${wrap} columns (most lines of this text stop at that width in mid-sentence)`,
      position: first && { start: { line: first.number, column: 1, offset: first.offsets[0] ?? 0 }, end: { line: first.number, column: 1, offset: first.offsets[0] ?? 0 } },
    });
  }
  return { lines: out, furniture };
}
