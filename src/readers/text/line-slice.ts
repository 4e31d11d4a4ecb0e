// Cutting a line in two where two elements share it, e.g. "(接1版)正文……" or
// "……正文(下转2版)": positions stay those of the source.
import type { Position } from '../../model/types.js';
import { type Line, slicePosition } from './lines.js';

export function sliceLine(line: Line, from: number, to = line.content.length): Line {
  const content = line.content.slice(from, to);
  const joined = line.joined && line.joined.at > from && line.joined.at < to ? { ...line.joined, at: line.joined.at - from } : undefined;
  const number = line.joined && from >= line.joined.at ? line.joined.number : line.number;
  return {
    ...line,
    number,
    joined,
    content,
    offsets: line.offsets.slice(from, to),
    columns: line.columns.slice(from, to),
    blank: content === '',
  };
}

/** Drop whitespace at both ends of a slice (the spacing between a marker and its text). */
export function trimLine(line: Line): Line {
  const start = line.content.length - line.content.replace(/^[\s\u3000]+/u, '').length;
  const end = line.content.replace(/[\s\u3000]+$/u, '').length;
  return start === 0 && end === line.content.length ? line : sliceLine(line, start, Math.max(start, end));
}

export function linePosition(line: Line): Position {
  return slicePosition(line, 0, line.content.length);
}

export function spanPosition(first: Line, last: Line): Position {
  return { start: linePosition(first).start, end: linePosition(last).end };
}

/** Two lines read as one (a title wrapped in two lines): the content of both, positions kept per character. */
export function joinLines(a: Line, b: Line): Line {
  return {
    ...a,
    content: a.content + b.content,
    offsets: [...a.offsets, ...b.offsets],
    columns: [...a.columns, ...b.columns],
    joined: { number: b.number, at: a.content.length },
    blank: false,
    trailing: b.trailing,
  };
}
