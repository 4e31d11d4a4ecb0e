// Chinese line breaking for the PDF, done here rather than by pdfmake:
// - a line may break between any two CJK characters, but never before closing
//   punctuation (，。、；：！？）」”…— …) nor after opening punctuation (“（「《 …),
//   and never inside a run of Latin letters or digits ("8900", "5G", "3.5%");
// - justified lines get their slack as even character spacing, so every full
//   line ends flush at the right edge; a grid (GB/T 9704) fixes the pitch;
// - adjacent punctuation (。” ，“ “《) takes 1.5 em, as the font's own
//   `chws` feature sets it (off the grid, and only where the font has chws);
//   the run is handed to pdfmake with that feature, so pdfkit closes the pair up.
// Each line then goes to pdfmake as unbreakable runs ending in a forced line
// break: pdfmake lays out a handful of runs per line instead of one per
// character, which is also much faster.
import { findFamily } from '../../fonts/index.js';
import type { Face, FontFamily } from '../../fonts/registry.js';
import { advancesOf, kernsOf, laidOutWidth } from './measure.js';
import { CLOSING_MARKS, NO_LINE_END, NO_LINE_START } from '../../text/han.js';

export interface Run {
  text: string;
  font: string;
  bold?: boolean;
  noWrap?: boolean;
  characterSpacing?: number;
  /** OpenType features pdfkit applies to the run (chws where adjacent punctuation closes up). */
  fontFeatures?: string[];
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

/** Text that fonts kern (Latin letters, digits): measured by laying it out. */
const KERNABLE = /[\p{Script=Latin}\p{Nd}]/u;

/** Full-width closing punctuation can be squeezed in at a line end (it is half blank). */
const SQUEEZABLE = CLOSING_MARKS;

const TIGHT = /[0-9A-Za-z.,%\-_/:+#@&'\u00B7]/;

function isFullWidth(em: number): boolean {
  return em > 0.9;
}

// What canBreak and the rest ask of a single character, as bits of its class.
const NOT_START = 1; // never starts a line
const NOT_END = 2; // never ends a line
const SPACE_LIKE = 4; // ' ' or U+3000: no break before it
const TIGHT_BIT = 8; // part of a Latin word or number
const SQUEEZE = 16; // closing punctuation that may be squeezed in at a line end
const SPACE = 32; // ' ': dropped where a line breaks
const KERN_BIT = 64; // kerned by the font: the piece holding it is laid out
const classes = new Map<number, number>();

/** The class bits of a code point (the strings above asked once per code point). */
function classOf(codePoint: number): number {
  let bits = classes.get(codePoint);
  if (bits === undefined) {
    const ch = String.fromCodePoint(codePoint);
    bits =
      (NO_LINE_START.includes(ch) ? NOT_START : 0) |
      (NO_LINE_END.includes(ch) ? NOT_END : 0) |
      (ch === ' ' || ch === '\u3000' ? SPACE_LIKE : 0) |
      (TIGHT.test(ch) ? TIGHT_BIT : 0) |
      (SQUEEZABLE.includes(ch) ? SQUEEZE : 0) |
      (ch === ' ' ? SPACE : 0) |
      (KERNABLE.test(ch) ? KERN_BIT : 0);
    classes.set(codePoint, bits);
  }
  return bits;
}

/** May a line break fall between the characters `a` and `b`? */
export function canBreak(a: string, b: string): boolean {
  return breakable(classOf(a.codePointAt(0)!), classOf(b.codePointAt(0)!));
}

/**
 * canBreak by class bits: never before closing punctuation nor a space, never
 * after opening punctuation, never inside a Latin word or a number.
 */
function breakable(a: number, b: number): boolean {
  return (b & (NOT_START | SPACE_LIKE)) === 0 && (a & NOT_END) === 0 && !((a & TIGHT_BIT) !== 0 && (b & TIGHT_BIT) !== 0);
}

/**
 * The characters of a paragraph, one entry per code point in parallel arrays
 * (a paragraph of a million characters makes no million objects).
 */
interface Chars {
  length: number;
  /** Class bits (classOf). */
  bits: Uint8Array;
  /** The run the character belongs to, and where it starts in that run's text (UTF-16). */
  run: Uint32Array;
  at: Uint32Array;
  /** UTF-16 length of the character (2 for a surrogate pair). */
  units: Uint8Array;
  /** Width the character takes on the line (its pitch on a grid). */
  width: Float64Array;
  /** Width of its glyph as pdfmake measures it. */
  glyph: Float64Array;
  /** Space chws takes out between this character and the next when both are on one line (adjacent punctuation), pt. */
  kern: Float64Array;
}

/** A line: ranges [from, to) of characters, usually one (two when a runt took characters down). */
type Line = number[];

function measureChars(runs: readonly Run[], faces: (Face | undefined)[], options: BreakOptions): Chars {
  let total = 0;
  for (const run of runs) total += run.text.length;
  const chars: Chars = {
    length: 0,
    bits: new Uint8Array(total),
    run: new Uint32Array(total),
    at: new Uint32Array(total),
    units: new Uint8Array(total),
    width: new Float64Array(total),
    glyph: new Float64Array(total),
    kern: new Float64Array(total),
  };
  let n = 0;
  runs.forEach((run, index) => {
    const family = options.families.get(run.font) ?? findFamily(run.font);
    const face = family && ((run.bold && family.bold) || family.normal);
    faces[index] = face;
    if (run.text.length === 0) return;
    const advanceOf = face && advancesOf(face);
    // On a grid every character keeps its cell; elsewhere the font says what adjacent punctuation gives up.
    const kernOf = face && !options.pitch ? kernsOf(face) : undefined;
    const text = run.text;
    let previous = -1;
    for (let i = 0; i < text.length; ) {
      const codePoint = text.codePointAt(i)!;
      const units = codePoint > 0xffff ? 2 : 1;
      const em = advanceOf ? advanceOf(codePoint) : 1;
      const glyph = em * options.size;
      chars.bits[n] = classOf(codePoint);
      chars.run[n] = index;
      chars.at[n] = i;
      chars.units[n] = units;
      chars.glyph[n] = glyph;
      chars.width[n] = options.pitch && isFullWidth(em) ? options.pitch : glyph;
      if (kernOf && previous >= 0) chars.kern[n - 1] = kernOf(previous, codePoint) * options.size;
      previous = codePoint;
      n++;
      i += units;
    }
  });
  chars.length = n;
  return chars;
}

/** Break `runs` into lines; returns runs with line ends ("\n") and spacing set. */
export function breakLines(runs: readonly Run[], options: BreakOptions): Run[] {
  const faces: (Face | undefined)[] = [];
  const chars = measureChars(runs, faces, options);
  const { bits, width, kern } = chars;
  const count = chars.length;
  const lineWidth = (index: number) => (index === 0 ? options.width - options.indent : options.width);
  // On a grid a full line is exactly so many pitches; otherwise keep a hair of slack.
  const fits = (index: number) => lineWidth(index) + (options.pitch ? 0.01 : -0.5);
  const lines: Line[] = [];
  /** Lines that took squeezed-in punctuation: set to the measure even when last. */
  const tight = new Set<number>();
  let start = 0;
  while (start < count) {
    const available = fits(lines.length);
    let used = 0;
    let end = start;
    let lastBreak = -1;
    // What a character adds to the line: its width, less the kern between it and the one before.
    const adds = (i: number) => width[i]! + (i > start ? kern[i - 1]! : 0);
    while (end < count && used + adds(end) <= available) {
      used += adds(end);
      end++;
      if (end < count && breakable(bits[end - 1]!, bits[end]!)) lastBreak = end;
    }
    // Closing punctuation that would start the next line is squeezed in instead
    // (full-width punctuation is half blank), rather than pushing a character down.
    let squeezed = 0;
    while (end < count && end > start && (bits[end]! & SQUEEZE) !== 0 && used + adds(end) - available <= (squeezed + 2) * 0.5 * options.size) {
      used += adds(end);
      end++;
      squeezed++;
    }
    if (squeezed > 0 && end < count && !breakable(bits[end - 1]!, bits[end]!)) {
      end -= squeezed; // it did not help: the next character cannot start a line either
      squeezed = 0;
    }
    if (squeezed === 0 && end < count && lastBreak > start) end = lastBreak;
    if (end === start) end = start + 1; // a character wider than the line
    if (squeezed > 0) tight.add(lines.length);
    lines.push([start, end]);
    start = end;
    while (start < count && (bits[start]! & SPACE) !== 0) start++; // a space at a break is dropped
  }
  avoidRunt(lines, tight, chars, options);
  // A space where a line breaks is not set: the line ends on its last visible character.
  for (const line of lines) {
    while (size(line) > 1 && (bits[line[line.length - 1]! - 1]! & SPACE) !== 0) {
      line[line.length - 1]!--;
      if (line[line.length - 1] === line[line.length - 2]) line.length -= 2;
    }
  }
  const out: Run[] = [];
  lines.forEach((line, i) => {
    const last = i === lines.length - 1;
    // One piece per run on the line. A piece holding adjacent punctuation is set with
    // the font's chws feature, which pdfkit lays out (and pdfmake measures) with those
    // pairs closed up, so the justification spacing stays the same in every gap.
    const pieces: Piece[] = [];
    let before = -1;
    for (let r = 0; r < line.length; r += 2) {
      for (let c = line[r]!; c < line[r + 1]!; c++) {
        const piece = pieces[pieces.length - 1];
        const kernBefore = before >= 0 ? kern[before]! : 0;
        if (piece && piece.run === chars.run[c]) {
          if (c !== piece.to) {
            piece.text += sliceOf(runs, chars, piece.from, piece.to);
            piece.from = c;
          }
          piece.to = c + 1;
          piece.width += chars.glyph[c]! + kernBefore;
          if (kernBefore < 0) piece.chws = true;
          piece.bits |= bits[c]!;
        } else pieces.push({ run: chars.run[c]!, text: '', from: c, to: c + 1, width: chars.glyph[c]!, chws: false, bits: bits[c]! });
        before = c;
      }
    }
    for (const piece of pieces) piece.text += sliceOf(runs, chars, piece.from, piece.to);
    // pdfmake measures a run as its laid-out width plus the spacing between its characters
    // (length - 1 gaps). Latin letters and digits may be kerned: such a piece is measured
    // as the font lays it out, so a justified line with them still ends flush.
    for (const piece of pieces) {
      const face = faces[piece.run];
      if (face && (piece.bits & KERN_BIT) !== 0) piece.width = laidOutWidth(face, piece.text, piece.chws) * options.size;
    }
    const widths = pieces.reduce((sum, p) => sum + p.width, 0);
    const gaps = pieces.reduce((sum, p) => sum + p.text.length - 1, 0);
    let spacing = options.pitch ? options.pitch - options.size : 0;
    if (((options.justify && !last) || tight.has(i)) && gaps > 0) spacing = (lineWidth(i) - 0.3 - widths) / gaps;
    for (const piece of pieces) {
      const run: Run = { ...runs[piece.run]!, text: piece.text, noWrap: true };
      if (Math.abs(spacing) > 1e-6) run.characterSpacing = spacing;
      if (piece.chws) run.fontFeatures = ['chws'];
      out.push(run);
    }
    if (!last) out.push({ text: '\n', font: runs[chars.run[line[0]!]!]!.font });
  });
  return out;
}

interface Piece {
  run: number;
  /** The piece's text before its current stretch [from, to) of characters. */
  text: string;
  from: number;
  to: number;
  width: number;
  chws: boolean;
  /** Class bits of its characters, or'ed. */
  bits: number;
}

/** The text of characters [from, to), all of one run and in a row. */
function sliceOf(runs: readonly Run[], chars: Chars, from: number, to: number): string {
  return runs[chars.run[from]!]!.text.slice(chars.at[from]!, chars.at[to - 1]! + chars.units[to - 1]!);
}

/** Characters on a line. */
function size(line: Line): number {
  let n = 0;
  for (let r = 0; r < line.length; r += 2) n += line[r + 1]! - line[r]!;
  return n;
}

/** A last line this short (characters) is a runt. */
const RUNT = 2;
/** At most this much (em) of the line before goes down to the last one. */
const RUNT_TAKE = 3;

/**
 * A paragraph's last line of one or two characters takes characters down from the
 * line before, at a place where a line may break, when that line stays loose enough
 * (it gives up at most three characters' width, spread over its gaps).
 */
function avoidRunt(lines: Line[], tight: ReadonlySet<number>, chars: Chars, options: BreakOptions): void {
  const n = lines.length;
  if (n < 2 || tight.has(n - 2)) return;
  const last = lines[n - 1]!;
  const before = lines[n - 2]!; // one range: only the last line ever has two
  const { bits, width } = chars;
  let visible = 0;
  for (let r = 0; r < last.length; r += 2) for (let c = last[r]!; c < last[r + 1]!; c++) if ((bits[c]! & SPACE) === 0) visible++;
  if (visible > RUNT) return;
  const [from, to] = [before[0]!, before[1]!];
  const length = to - from;
  for (let take = 1; take <= RUNT_TAKE + 1 && take < length - 4; take++) {
    const cut = to - take;
    if (!breakable(bits[cut - 1]!, bits[cut]!) || (bits[cut]! & SPACE) !== 0) continue;
    let moved = 0;
    for (let c = cut; c < to; c++) moved += width[c]!;
    if (moved > RUNT_TAKE * options.size + 0.01) return;
    if (take + size(last) <= RUNT) continue;
    lines[n - 2] = [from, cut];
    lines[n - 1] = last[0] === to ? [cut, ...last.slice(1)] : [cut, to, ...last];
    return;
  }
}
