// Chinese line breaking for the PDF, done here rather than by pdfmake:
// - a line may break between any two CJK characters, but never before closing
//   punctuation (，。、；：！？）」”…— …) nor after opening punctuation (“（「《 …),
//   and never inside a run of Latin letters or digits ("8900", "5G", "3.5%");
// - justified lines get their slack as even character spacing, so every full
//   line ends flush at the right edge; a grid (GB/T 9704) fixes the pitch.
// Each line then goes to pdfmake as unbreakable runs ending in a forced line
// break: pdfmake lays out a handful of runs per line instead of one per
// character, which is also much faster.
import { openFace } from '../../fonts/index.js';
import type { FontFamily } from '../../fonts/registry.js';
import { NO_LINE_END, NO_LINE_START } from '../../transforms/han.js';

export interface Run {
  text: string;
  font: string;
  bold?: boolean;
  noWrap?: boolean;
  characterSpacing?: number;
}

export interface BreakOptions {
  /** Width of a full line, pt. */
  width: number;
  /** First-line indent, pt. */
  indent: number;
  size: number;
  justify: boolean;
  /** Fixed advance of a full-width character (grid), pt. */
  pitch?: number;
  families: ReadonlyMap<string, FontFamily>;
}

const advances = new Map<string, Map<number, number>>();

/** Advance width of a character in em, from the face that draws it. */
function advance(family: FontFamily, bold: boolean, codePoint: number): number {
  const face = (bold && family.bold) || family.normal;
  const key = `${face.file}#${face.postscriptName ?? ''}`;
  let table = advances.get(key);
  if (!table) {
    table = new Map();
    advances.set(key, table);
  }
  let em = table.get(codePoint);
  if (em === undefined) {
    const font = openFace(face) as unknown as { unitsPerEm: number; glyphForCodePoint(cp: number): { advanceWidth: number } };
    em = font.glyphForCodePoint(codePoint).advanceWidth / font.unitsPerEm;
    table.set(codePoint, em);
  }
  return em;
}

interface Char {
  ch: string;
  run: number;
  width: number;
}

const TIGHT = /[0-9A-Za-z.,%\-_/:+#@&'\u00B7]/;

/** May a line break fall between `a` and `b`? */
export function canBreak(a: string, b: string): boolean {
  if (NO_LINE_START.includes(b) || NO_LINE_END.includes(a)) return false;
  if (b === ' ' || b === '\u3000') return false;
  if (TIGHT.test(a) && TIGHT.test(b)) return false;
  return true;
}

function isFullWidth(em: number): boolean {
  return em > 0.9;
}

/** Break `runs` into lines; returns runs with line ends ("\n") and spacing set. */
export function breakLines(runs: readonly Run[], options: BreakOptions): Run[] {
  const chars: Char[] = [];
  runs.forEach((run, index) => {
    const family = options.families.get(run.font);
    for (const ch of run.text) {
      const em = family ? advance(family, Boolean(run.bold), ch.codePointAt(0)!) : 1;
      const width = options.pitch && isFullWidth(em) ? options.pitch : em * options.size;
      chars.push({ ch, run: index, width });
    }
  });
  const lines: Char[][] = [];
  let start = 0;
  while (start < chars.length) {
    const available = (lines.length === 0 ? options.width - options.indent : options.width) - 0.5;
    let used = 0;
    let end = start;
    let lastBreak = -1;
    while (end < chars.length && used + chars[end]!.width <= available) {
      used += chars[end]!.width;
      end++;
      if (end < chars.length && canBreak(chars[end - 1]!.ch, chars[end]!.ch)) lastBreak = end;
    }
    if (end < chars.length && lastBreak > start) end = lastBreak;
    if (end === start) end = start + 1; // a character wider than the line
    lines.push(chars.slice(start, end));
    start = end;
    while (start < chars.length && chars[start]!.ch === ' ') start++; // a space at a break is dropped
  }
  const out: Run[] = [];
  lines.forEach((line, i) => {
    const last = i === lines.length - 1;
    const available = (i === 0 ? options.width - options.indent : options.width) - 0.5;
    // Group the line's characters back into runs.
    const pieces: { run: number; text: string; natural: number; full: number; count: number }[] = [];
    for (const c of line) {
      const piece = pieces[pieces.length - 1];
      const natural = c.width;
      if (piece && piece.run === c.run) {
        piece.text += c.ch;
        piece.natural += natural;
        piece.count++;
      } else pieces.push({ run: c.run, text: c.ch, natural, full: 0, count: 1 });
    }
    const natural = pieces.reduce((sum, p) => sum + p.natural, 0);
    // pdfmake measures a run as its glyphs plus spacing between them (count - 1 gaps).
    const gaps = pieces.reduce((sum, p) => sum + p.text.length - 1, 0);
    const base = options.pitch ? 0 : 0;
    let spacing = base;
    if (options.justify && !last && gaps > 0) spacing = Math.max(0, (available - natural) / (gaps + pieces.length - 1));
    for (const piece of pieces) {
      const source = runs[piece.run]!;
      const run: Run = { ...source, text: piece.text, noWrap: true };
      const pitchSpacing = options.pitch ? pitchAdjust(piece, options) : 0;
      if (spacing + pitchSpacing !== 0) run.characterSpacing = spacing + pitchSpacing;
      out.push(run);
    }
    if (!last) out.push({ text: '\n', font: runs[line[0]!.run]!.font });
  });
  return out;
}

/** On a grid, full-width characters are drawn `pitch` apart: spacing makes up the difference. */
function pitchAdjust(piece: { natural: number; count: number }, options: BreakOptions): number {
  // `natural` already counts full-width characters at the pitch; the glyphs themselves are `size` wide.
  return options.pitch! - options.size;
}
