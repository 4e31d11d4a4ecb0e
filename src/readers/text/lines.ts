// Splits decoded text into lines and separates layout whitespace from content.
// Indentation (U+3000, spaces, tabs, no-break spaces), trailing whitespace and
// no-break spaces used to letter-space short headings ("一、综\u00A0\u00A0合") are
// layout: they are dropped here and reported in aggregate or one by one.
import type { Change, Point, Position } from '../../model/types.js';

export interface Line {
  /** 1-based line number in the source. */
  number: number;
  /** Where two lines were read as one: the number of the second, and where its content starts. */
  joined?: { number: number; at: number };
  /** Content without layout whitespace. */
  content: string;
  /** Offset (in the source) of each character of `content`. */
  offsets: number[];
  /** Column (1-based) of each character of `content`. */
  columns: number[];
  /** The line had leading whitespace. */
  indented: boolean;
  /** The line is empty or only whitespace. */
  blank: boolean;
  /** The line ended in whitespace (a PDF dump may mark a paragraph's last line so). */
  trailing?: boolean;
  /** A blank line stands before this one. */
  afterBlank?: boolean;
}

/** Layout whitespace at a line's start and end (indentation, trailing spaces). */
export const LEADING = /^[\u0020\u0009\u3000\u00A0\u2002\u2003\u2007\u202F]+/;
export const TRAILING = /[\u0020\u0009\u3000\u00A0\u2002\u2003\u2007\u202F]+$/;
// Spaces between two Han characters. They are letter-spacing ("综  合", "国 家 粮 食",
// "王  五") when a single character stands on each side; between two words
// ("砥砺奋进 再创佳绩", "省长 李炳军") they are a gap, and kept.
const HAN_GAP = /(?<=\p{Script=Han})[\u00A0\u2002\u2003\u2007\u202F]+(?=\p{Script=Han})/gv;
const HAN = /\p{Script=Han}/v;

function hanRun(text: string, from: number, step: 1 | -1): number {
  let n = 0;
  for (let i = from; i >= 0 && i < text.length && HAN.test(text[i]!); i += step) n++;
  return n;
}

function letterSpacing(body: string): RegExpMatchArray[] {
  return [...body.matchAll(HAN_GAP)].filter((m) => {
    const at = m.index ?? 0;
    return hanRun(body, at - 1, -1) === 1 && hanRun(body, at + m[0].length, 1) === 1;
  });
}

/** The line without the letter-spacing between single Han characters ("总\u2003\u2003则"), positions kept. */
export function dropLetterSpacing(line: Line): Line {
  return cutRanges(line, letterSpacing(line.content).map((gap) => [gap.index!, gap.index! + gap[0].length]));
}

/** The line without the characters [from, to) of its content, each character kept keeping its place in the source. */
export function cutRanges(line: Line, ranges: readonly (readonly [number, number])[]): Line {
  if (ranges.length === 0) return line;
  const drop = new Uint8Array(line.content.length);
  for (const [from, to] of ranges) drop.fill(1, from, to);
  let content = '';
  const offsets: number[] = [];
  const columns: number[] = [];
  for (let i = 0; i < line.content.length; i++) {
    if (drop[i]) continue;
    content += line.content[i];
    offsets.push(line.offsets[i]!);
    columns.push(line.columns[i]!);
  }
  return { ...line, content, offsets, columns, blank: content === '' };
}

interface Tally {
  lines: number;
  first?: Position;
}

function pointAt(line: number, column: number, offset: number): Point {
  return { line, column, offset };
}

/** Positions of a slice [from, to) of a line's content. */
export function slicePosition(line: Line, from: number, to: number): Position {
  const lastIndex = Math.max(from, to - 1);
  const startOffset = line.offsets[from] ?? line.offsets[line.offsets.length - 1] ?? 0;
  const startColumn = line.columns[from] ?? line.columns[line.columns.length - 1] ?? 1;
  const endOffset = (line.offsets[lastIndex] ?? startOffset) + (to > from ? 1 : 0);
  const endColumn = (line.columns[lastIndex] ?? startColumn) + (to > from ? 1 : 0);
  // A joined line: characters from `joined.at` on belong to the second line.
  const lineOf = (index: number) => (line.joined && index >= line.joined.at ? line.joined.number : line.number);
  const startLine = lineOf(from);
  const endLine = lineOf(lastIndex);
  return { start: pointAt(startLine, startColumn, startOffset), end: pointAt(endLine, endColumn, endOffset) };
}

export interface SplitResult {
  lines: Line[];
  report: Change[];
}

export function splitLines(source: string): SplitResult {
  const report: Change[] = [];
  const lines: Line[] = [];
  const indentation: Tally = { lines: 0 };
  const trailing: Tally = { lines: 0 };
  let offset = 0;
  let number = 0;
  // "_x000D_": a carriage return as a spreadsheet or an OOXML export escapes it, where the text's breaks were;
  // then it breaks the line as the character would. (Looked for only in a text that holds one.)
  const escaped = source.includes('_x000');
  const pattern = escaped ? /((?:(?!_x000[DdAa]_)[^\r\n])*)(\r\n|\r|\n|_x000[DdAa]_|$)/g : /([^\r\n]*)(\r\n|\r|\n|$)/g;
  let escapes = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(source)) !== null) {
    const raw = match[1] ?? '';
    const ending = match[2] ?? '';
    number++;
    if (raw === '' && ending === '' && match.index >= source.length) break;

    const lead = LEADING.exec(raw)?.[0] ?? '';
    const rest = raw.slice(lead.length);
    const tail = TRAILING.exec(rest)?.[0] ?? '';
    const body = rest.slice(0, rest.length - tail.length);
    const base = offset + lead.length;
    if (body && lead) {
      indentation.lines++;
      indentation.first ??= {
        start: pointAt(number, 1, offset),
        end: pointAt(number, lead.length + 1, base),
      };
    }
    if (body && tail) {
      trailing.lines++;
      trailing.first ??= {
        start: pointAt(number, lead.length + body.length + 1, base + body.length),
        end: pointAt(number, raw.length + 1, offset + raw.length),
      };
    }

    // Keep, for every character of the content, where it stood in the source.
    let content = '';
    const offsets: number[] = [];
    const columns: number[] = [];
    let cursor = 0;
    for (const spacing of letterSpacing(body)) {
      const at = spacing.index ?? 0;
      content += body.slice(cursor, at);
      for (let i = cursor; i < at; i++) {
        offsets.push(base + i);
        columns.push(lead.length + i + 1);
      }
      cursor = at + spacing[0].length;
      report.push({
        source: 'reader:text',
        kind: 'layout-whitespace',
        message: `dropped ${spacing[0].length} letter-spacing space(s) between Han characters`,
        position: {
          start: pointAt(number, lead.length + at + 1, base + at),
          end: pointAt(number, lead.length + cursor + 1, base + cursor),
        },
        before: body.slice(Math.max(0, at - 2), cursor + 2),
        after: body.slice(Math.max(0, at - 2), at) + body.slice(cursor, cursor + 2),
      });
    }
    content += body.slice(cursor);
    for (let i = cursor; i < body.length; i++) {
      offsets.push(base + i);
      columns.push(lead.length + i + 1);
    }

    if (ending.startsWith('_')) escapes++;
    lines.push({ number, content, offsets, columns, indented: lead.length > 0, blank: content === '', ...(tail && content ? { trailing: true } : {}) });
    offset += raw.length + ending.length;
    if (ending === '') break;
  }

  if (escapes) {
    report.push({ source: 'reader:text', kind: 'layout-whitespace', message: `read ${escapes} "_x000D_" (a carriage return as an export escapes it) as line breaks` });
  }
  if (indentation.lines) {
    report.push({
      source: 'reader:text',
      kind: 'layout-whitespace',
      message: `dropped paragraph indentation on ${indentation.lines} line(s); the templates indent paragraphs themselves`,
      position: indentation.first,
    });
  }
  if (trailing.lines) {
    report.push({
      source: 'reader:text',
      kind: 'layout-whitespace',
      message: `dropped trailing whitespace on ${trailing.lines} line(s)`,
      position: trailing.first,
    });
  }
  return { lines, report };
}
