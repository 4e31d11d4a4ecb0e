// Chinese line breaking for the PDF, done here rather than by pdfmake:
// - a line may break between any two CJK characters, but never before closing
//   punctuation (，。、；：！？）」”…— …) nor after opening punctuation (“（「《 …),
//   and never inside a run of Latin letters or digits ("8900", "5G", "3.5%");
// - justified lines get their slack as even character spacing, so every full
//   line ends flush at the right edge; a grid (GB/T 9704) fixes the pitch;
// - a Han character and a Latin letter or digit beside it ("共2亿人") get the template's
//   space between them (clreq: about a quarter em; none on a grid), a fixed gap that
//   justification does not stretch and that a line's start or end drops;
// - adjacent punctuation (。” ，“ “《) takes 1.5 em, as the font's own
//   `chws` feature sets it (off the grid, and only where the font has chws);
//   the run is handed to pdfmake with that feature, so pdfkit closes the pair up.
// Each line then goes to pdfmake as unbreakable runs ending in a forced line
// break: pdfmake lays out a handful of runs per line instead of one per
// character, which is also much faster.
import type { Face, FontFamily, WriteFonts } from '../../fonts/types.js';
import { advance, fullWidthDashes, hasSpace, laidOutWidth, punctuationKern } from './measure.js';
import { CLOSING_MARKS, NO_LINE_END, NO_LINE_START } from '../../text/han.js';

export interface Run {
  text: string;
  font: string;
  bold?: boolean;
  noWrap?: boolean;
  /** Type size, pt, where a run is not in its style's (the Han–Latin gap's space). */
  fontSize?: number;
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
  /** The writer's fonts: a run's family by name when `families` lacks it, and its faces opened. */
  fonts: Pick<WriteFonts, 'family' | 'open'>;
  /** Space between a Han character and a Latin letter or digit beside it, em (0 or absent: none; ignored on a grid). */
  hanLatinSpace?: number;
  /**
   * Points off the measure while breaking (a paragraph set loose to run a line longer: the
   * newspaper's last page, balance.ts): lines are filled to `width - loose` and justified
   * to `width`, so their slack is spread in the character spacing.
   */
  loose?: number;
}

/** Text that fonts kern (Latin letters, digits): measured by laying it out. */
const KERNABLE = /[\p{Script=Latin}\p{Nd}]/v;

interface Char {
  ch: string;
  run: number;
  /** Width the character takes on the line (its pitch on a grid). */
  width: number;
  /** Width of its glyph as pdfmake measures it. */
  glyph: number;
  /** Space chws takes out between this character and the next when both are on one line (adjacent punctuation), pt. */
  kern: number;
  /** One of a run of dashes set in the font's full-width forms (fwid). */
  dash?: boolean;
  /** The Han–Latin gap (hanLatinSpace): drawn as a space of its own width; no character of the model's text. */
  gap?: boolean;
}

/** What the Han–Latin gap stands between: Han (and kana) on one side, Latin letters and ASCII digits on the other; never punctuation, nor full-width letters. */
const HAN_SIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/v;
const LATIN_SIDE = /(?![\uFF21-\uFF3A\uFF41-\uFF5A])[\p{Script=Latin}0-9]/v;

/** Two dashes or more: a 两字线 (or longer), set full-width. */
const DASHES = /[\u2014\u2015]{2,}/gu;

/** Full-width closing punctuation can be squeezed in at a line end (it is half blank). */
const SQUEEZABLE = CLOSING_MARKS;

const TIGHT = /[0-9A-Za-z.,%\-_/:+#@&'\u00B7]/;

/** May a line break fall between `a` and `b`? */
export function canBreak(a: string, b: string): boolean {
  if (NO_LINE_START.includes(b) || NO_LINE_END.includes(a)) return false;
  if (b === ' ' || b === '\u3000') return false;
  if (TIGHT.test(a) && TIGHT.test(b)) return false;
  return true;
}

/** Dots this many or more in a row are a leader (a contents line's "……  144/2012"), not a number's. */
const LEADER = 3;

/**
 * May a line break fall before `chars[i]`? As `canBreak`, and never after an opening mark that spaces stand
 * after ("紧紧围绕 “ 新跨越”" from a PDF's text: the spaces are dropped at the break, and “ would end the line).
 * A leader's dots may end a line before the number they lead to ("公告》 ……" over "144/2012"):
 * run on as one word, the dots and the number go down whole and may leave the entry's last
 * character alone on the line before.
 */
function breakBefore(chars: readonly Char[], i: number): boolean {
  let j = i - 1;
  while (j > 0 && chars[j]!.ch === ' ') j--;
  if (j < i - 1 && NO_LINE_END.includes(chars[j]!.ch)) return false;
  if (/[0-9]/.test(chars[i]!.ch) && i >= LEADER && chars.slice(i - LEADER, i).every((c) => c.ch === '.')) return true;
  return canBreak(chars[i - 1]!.ch, chars[i]!.ch);
}

function isFullWidth(em: number): boolean {
  return em > 0.9;
}

/** Break `runs` into lines; returns runs with line ends ("\n") and spacing set. */
export function breakLines(given: readonly Run[], options: BreakOptions): Run[] {
  const runs = merged(given);
  const chars: Char[] = [];
  const faces: (Face | undefined)[] = [];
  runs.forEach((run, index) => {
    const family = options.families.get(run.font) ?? options.fonts.family(run.font);
    const face = family && ((run.bold && family.bold) || family.normal);
    faces[index] = face;
    let previous: Char | undefined;
    // Dashes in runs of two or more, by index in the run's text, with their full-width advance.
    const dashes = new Map<number, number>();
    if (face) {
      for (const match of run.text.matchAll(DASHES)) {
        const full = fullWidthDashes(options.fonts, face, match[0]);
        if (full !== undefined) for (let k = 0; k < match[0].length; k++) dashes.set(match.index + k, full / match[0].length);
      }
    }
    let at = 0;
    for (const ch of run.text) {
      const dash = dashes.get(at);
      at += ch.length;
      const em = dash ?? (face ? advance(options.fonts, face, ch.codePointAt(0)!) : 1);
      const glyph = em * options.size;
      const width = options.pitch && isFullWidth(em) ? options.pitch : glyph;
      const char: Char = { ch, run: index, width, glyph, kern: 0 };
      if (dash !== undefined) char.dash = true;
      // On a grid every character keeps its cell; elsewhere the font says what adjacent punctuation gives up.
      if (previous && face && !options.pitch) previous.kern = punctuationKern(options.fonts, face, previous.ch, ch) * options.size;
      chars.push(char);
      previous = char;
    }
  });
  if (options.hanLatinSpace && !options.pitch) addHanLatinGaps(options.fonts, chars, faces, options.hanLatinSpace, options.size);
  const lineWidth = (index: number) => (index === 0 ? options.width - options.indent : options.width);
  // On a grid a full line is exactly so many pitches; otherwise keep a hair of slack.
  const fits = (index: number) => lineWidth(index) - (options.loose ?? 0) + (options.pitch ? 0.01 : -0.5);
  const lines: Char[][] = [];
  /** Lines that took squeezed-in punctuation: set to the measure even when last. */
  const tight = new Set<number>();
  let start = 0;
  while (start < chars.length) {
    const available = fits(lines.length);
    let used = 0;
    let end = start;
    let lastBreak = -1;
    // What a character adds to the line: its width, less the kern between it and the one before.
    const adds = (i: number) => chars[i]!.width + (i > start ? chars[i - 1]!.kern : 0);
    while (end < chars.length && used + adds(end) <= available) {
      used += adds(end);
      end++;
      // A line may end before a Han–Latin gap as after it (the gap is dropped either way).
      if (end < chars.length && (chars[end]!.gap || breakBefore(chars, end))) lastBreak = end;
    }
    // Closing punctuation that would start the next line is squeezed in instead
    // (full-width punctuation is half blank), rather than pushing a character down.
    let squeezed = 0;
    while (end < chars.length && end > start && SQUEEZABLE.includes(chars[end]!.ch) && used + adds(end) - available <= (squeezed + 2) * 0.5 * options.size) {
      used += adds(end);
      end++;
      squeezed++;
    }
    if (squeezed > 0 && end < chars.length && !breakBefore(chars, end)) {
      end -= squeezed; // it did not help: the next character cannot start a line either
      squeezed = 0;
    }
    if (squeezed === 0 && end < chars.length && lastBreak > start) end = lastBreak;
    if (end === start) end = start + 1; // a character wider than the line
    if (squeezed > 0) tight.add(lines.length);
    lines.push(chars.slice(start, end));
    start = end;
    while (start < chars.length && chars[start]!.ch === ' ') start++; // a space at a break is dropped
  }
  avoidRunt(lines, tight, options);
  // A space where a line breaks is not set: the line ends on its last visible character.
  for (const line of lines) while (line.length > 1 && line.at(-1)!.ch === ' ') line.pop();
  const out: Run[] = [];
  lines.forEach((line, i) => {
    const last = i === lines.length - 1;
    // One piece per run on the line. A piece holding adjacent punctuation is set with
    // the font's chws feature, which pdfkit lays out (and pdfmake measures) with those
    // pairs closed up, so the justification spacing stays the same in every gap.
    // Dashes set full-width are a piece of their own, with the font's fwid feature.
    // So are Latin words and numbers: they are never letter-spaced while the line has
    // other gaps to take its slack (in a narrow column "2024" or "GDP" would come apart).
    // A Han–Latin gap is a piece of its own: a space in a size that makes it the gap's width.
    const pieces: { run: number; text: string; width: number; chws: boolean; dash: boolean; latin: boolean; gap?: boolean }[] = [];
    line.forEach((c, k) => {
      const piece = pieces[pieces.length - 1];
      const kernBefore = k > 0 ? line[k - 1]!.kern : 0;
      const latin = TIGHT.test(c.ch);
      if (c.gap) pieces.push({ run: c.run, text: ' ', width: c.width, chws: false, dash: false, latin: false, gap: true });
      else if (piece && !piece.gap && piece.run === c.run && piece.dash === Boolean(c.dash) && piece.latin === latin) {
        piece.text += c.ch;
        piece.width += c.glyph + kernBefore;
        if (kernBefore < 0) piece.chws = true;
      } else pieces.push({ run: c.run, text: c.ch, width: c.glyph, chws: false, dash: Boolean(c.dash), latin });
    });
    // pdfmake measures a run as its laid-out width plus the spacing between its characters
    // (length - 1 gaps). Latin letters and digits may be kerned: such a piece is measured
    // as the font lays it out, so a justified line with them still ends flush.
    for (const piece of pieces) {
      const face = faces[piece.run];
      if (face && KERNABLE.test(piece.text)) piece.width = laidOutWidth(options.fonts, face, piece.text, piece.chws ? ['chws'] : []) * options.size;
    }
    const widths = pieces.reduce((sum, p) => sum + p.width, 0);
    const gaps = pieces.reduce((sum, p) => sum + p.text.length - 1, 0);
    const open = pieces.reduce((sum, p) => sum + (p.latin ? 0 : p.text.length - 1), 0);
    let spacing = options.pitch ? options.pitch - options.size : 0;
    /** Latin pieces keep their own letter fit when the other gaps can take the slack. */
    let latinSpacing = open > 0 ? 0 : spacing;
    // A line that ends in a leader before its number (the number on the next line) is set
    // as it comes: justified, its slack would go to the few Han gaps before the dots.
    const leader = !last && line.length >= LEADER && line.slice(-LEADER).every((c) => c.ch === '.') && /[0-9]/.test(lines[i + 1]![0]!.ch);
    if (((options.justify && !last && !leader) || tight.has(i)) && gaps > 0) {
      spacing = (lineWidth(i) - 0.3 - widths) / (open > 0 ? open : gaps);
      // A last line that took punctuation in but fits the measure as it is is not squeezed:
      // negative spacing on a pair chws closes up overlaps its marks by more than half an em
      // in the text layer, and poppler (pdftotext) then reads the line as two.
      if (last && !options.pitch && spacing < 0 && widths <= lineWidth(i) - 0.01) spacing = 0;
      latinSpacing = open > 0 ? 0 : spacing;
    }
    for (const piece of pieces) {
      // The features are decided here, per piece (a run's own are for pdfmake's line breaking).
      const { fontFeatures: _, ...source } = runs[piece.run]!;
      const run: Run = { ...source, text: piece.text, noWrap: true };
      if (piece.gap) {
        run.fontSize = piece.width / advance(options.fonts, faces[piece.run]!, 0x20);
        // No 着重号 under the gap: it is no character of the text.
        delete (run as Run & { decoration?: unknown }).decoration;
        delete (run as Run & { decorationStyle?: unknown }).decorationStyle;
        out.push(run);
        continue;
      }
      const pieceSpacing = piece.latin ? latinSpacing : spacing;
      if (Math.abs(pieceSpacing) > 1e-6) run.characterSpacing = pieceSpacing;
      if (piece.chws) run.fontFeatures = ['chws'];
      if (piece.dash) run.fontFeatures = ['fwid'];
      out.push(run);
    }
    if (!last) out.push({ text: '\n', font: runs[line[0]!.run]!.font });
  });
  return out;
}

/**
 * Puts a gap of `em` (of `size`) between each Han character and a Latin letter or digit next to it, in either order.
 */
function addHanLatinGaps(fonts: Pick<WriteFonts, 'open'>, chars: Char[], faces: readonly (Face | undefined)[], em: number, size: number): void {
  const out: Char[] = [];
  chars.forEach((c, i) => {
    out.push(c);
    const next = chars[i + 1];
    if (!next || !((HAN_SIDE.test(c.ch) && LATIN_SIDE.test(next.ch)) || (LATIN_SIDE.test(c.ch) && HAN_SIDE.test(next.ch)))) return;
    const face = faces[c.run];
    if (!face || !hasSpace(fonts, face)) return;
    // The space is drawn in a size that gives it the gap's width, never larger than the
    // text's (the line keeps its height): at most the face's own space (Noto Sans 0.224 em).
    const width = Math.min(em, advance(fonts, face, 0x20)) * size;
    out.push({ ch: ' ', run: c.run, width, glyph: width, kern: 0, gap: true });
  });
  chars.splice(0, chars.length, ...out);
}

/**
 * Neighbouring runs set alike are one: a heading's marker and its text ("（一）" "“十四五”"),
 * so the pair where they meet is compressed like any other (chws works within a run).
 */
function merged(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  const alike = (a: Run, b: Run) => {
    const { text: _, ...x } = a;
    const { text: __, ...y } = b;
    return JSON.stringify(x) === JSON.stringify(y);
  };
  for (const run of runs) {
    const last = out.at(-1);
    if (last && alike(last, run)) out[out.length - 1] = { ...last, text: last.text + run.text };
    else out.push(run);
  }
  return out;
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
function avoidRunt(lines: Char[][], tight: Set<number>, options: BreakOptions): void {
  const n = lines.length;
  if (n < 2) return;
  const last = lines[n - 1]!;
  const before = lines[n - 2]!;
  if (last.filter((c) => c.ch !== ' ').length > RUNT) return;
  for (let take = 1; take <= RUNT_TAKE + 1 && take < before.length - 4; take++) {
    const cut = before.length - take;
    if (!breakBefore(before, cut) || before[cut]!.ch === ' ') continue;
    const moved = before.slice(cut);
    const width = moved.reduce((sum, c) => sum + c.width, 0);
    if (width > RUNT_TAKE * options.size + 0.01) return;
    if (moved.length + last.length <= RUNT) continue;
    // A line that squeezed punctuation in gives it up with the characters taken down:
    // what stays is shorter than the measure, set out to it by the usual spacing.
    if (tight.has(n - 2) && !moved.some((c) => SQUEEZABLE.includes(c.ch))) continue;
    tight.delete(n - 2);
    lines[n - 2] = before.slice(0, cut);
    lines[n - 1] = [...moved, ...last];
    return;
  }
}
