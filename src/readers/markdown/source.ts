// The Markdown source as lines: where each line starts, so that markdown-it's
// line maps (0-based, end exclusive, counted after the front matter) become
// model positions (1-based lines, 0-based offsets into the decoded text).
import type { Position } from '../../model/types.js';

export interface SourceLines {
  /** The text, byte-order mark dropped. */
  text: string;
  /** Each line's content, without its line ending. */
  lines: string[];
  /** Offset of each line's first character. */
  starts: number[];
}

export function sourceLines(text: string): SourceLines {
  const lines: string[] = [];
  const starts: number[] = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (let found = breaks.exec(text); found; found = breaks.exec(text)) {
    lines.push(text.slice(start, found.index));
    starts.push(start);
    start = found.index + found[0].length;
  }
  lines.push(text.slice(start));
  starts.push(start);
  return { text, lines, starts };
}

/**
 * The position of file lines `first`..`last` (0-based, inclusive): column 1 of
 * the first to the end of the last. Lines past the end clamp to the last line.
 */
export function linesPosition(source: SourceLines, first: number, last: number): Position {
  const max = source.lines.length - 1;
  const a = Math.max(0, Math.min(first, max));
  const b = Math.max(a, Math.min(last, max));
  const endColumn = source.lines[b]!.length;
  return {
    start: { line: a + 1, column: 1, offset: source.starts[a]! },
    end: { line: b + 1, column: endColumn + 1, offset: source.starts[b]! + endColumn },
  };
}

/** Turns markdown-it maps (relative to the body after the front matter) into positions. */
export interface Locator {
  /** Position of a token map `[begin, end)` in body lines. */
  map(map: readonly [number, number] | null | undefined): Position | undefined;
  /** Position of one file line (0-based). */
  line(index: number): Position;
  /** 1-based file line number of a body line (0-based). */
  fileLine(bodyLine: number): number;
}

export function locator(source: SourceLines, bodyStart: number): Locator {
  return {
    map(map) {
      if (!map) return undefined;
      return linesPosition(source, map[0] + bodyStart, Math.max(map[0], map[1] - 1) + bodyStart);
    },
    line(index) {
      return linesPosition(source, index, index);
    },
    fileLine(bodyLine) {
      return bodyLine + bodyStart + 1;
    },
  };
}

export function spanOf(a: Position | undefined, b: Position | undefined): Position | undefined {
  if (!a) return b;
  if (!b) return a;
  return { start: a.start, end: b.end };
}
