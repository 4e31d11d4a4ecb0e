// Quotation marks between the Mainland curly style (“” outside, ‘’ inside) and
// the corner brackets of Taiwan and Hong Kong (「」 outside, 『』 inside).
// Pair-aware: the level of nesting decides the mark, not the mark found, so
// “…‘…’…” becomes 「…『…』…」. An apostrophe between Latin letters (Xi’an,
// Taiwan’s) is left alone. A quotation over several paragraphs opens each of
// them and closes only at its end (“…。 / “…。 / “…。”, in Taiwan 「…。 / 「…。 /
// 「…。」): the paragraphs are read as one run, and the mark opening each
// paragraph after the first reopens the quotation (quoteStates).

export type QuoteStyle = 'source' | 'corner' | 'curly';

const LEFT_DOUBLE = '\u201C';
const RIGHT_DOUBLE = '\u201D';
const LEFT_SINGLE = '\u2018';
const RIGHT_SINGLE = '\u2019';
const LEFT_CORNER = '\u300C';
const RIGHT_CORNER = '\u300D';
const LEFT_WHITE_CORNER = '\u300E';
const RIGHT_WHITE_CORNER = '\u300F';

const OPENERS = new Set([LEFT_DOUBLE, LEFT_SINGLE, LEFT_CORNER, LEFT_WHITE_CORNER]);
const CLOSERS = new Set([RIGHT_DOUBLE, RIGHT_SINGLE, RIGHT_CORNER, RIGHT_WHITE_CORNER]);
/** Marks that are the inner pair in their own style. */
const SECONDARY = new Set([LEFT_SINGLE, RIGHT_SINGLE, LEFT_WHITE_CORNER, RIGHT_WHITE_CORNER]);

const MARKS: Record<'corner' | 'curly', { open: [string, string]; close: [string, string] }> = {
  corner: { open: [LEFT_CORNER, LEFT_WHITE_CORNER], close: [RIGHT_CORNER, RIGHT_WHITE_CORNER] },
  curly: { open: [LEFT_DOUBLE, LEFT_SINGLE], close: [RIGHT_DOUBLE, RIGHT_SINGLE] },
};

/** The open quotes of a run of text, carried from one text node to the next within a block. */
export interface QuoteState {
  /** The marks that opened, as found, innermost last. */
  stack: string[];
  /** How many marks were changed. */
  changed: number;
  /** Ordinals (0-based, among the quotation marks of the run) of marks without a partner. */
  unmatched: Set<number>;
  /** Quotation marks seen so far. */
  ordinal: number;
  /** Marks without a partner, kept as found. */
  kept: number;
  /** Ordinals of the marks that reopen a quotation carried over from the paragraph before, with their level. */
  reopening: Map<number, number>;
}

/**
 * The state for one run of text (a block, a list item); given the run's whole
 * text, marks without a partner are found first, so they can be kept as they are.
 */
export function newQuoteState(text = ''): QuoteState {
  return { stack: [], changed: 0, unmatched: unmatchedMarks(text), ordinal: 0, kept: 0, reopening: new Map() };
}

type Role = 'open' | 'close' | 'literal';

/** Whether the mark at `i` opens, closes, or is a letter (an apostrophe). */
function roleOf(text: string, i: number, innermost: string | undefined): Role {
  const ch = text[i]!;
  const prevLatin = i > 0 && LATIN.test(text[i - 1]!);
  const nextLatin = i + 1 < text.length && LATIN.test(text[i + 1]!);
  if (ch === LEFT_SINGLE && prevLatin && nextLatin) return 'literal'; // O‘Neill
  if (ch === RIGHT_SINGLE && prevLatin && (nextLatin || !SECONDARY.has(innermost ?? ''))) return 'literal'; // Xi’an, Taiwan’s
  return OPENERS.has(ch) ? 'open' : 'close';
}

/** A mark left open: in which text of a run it stands, its ordinal there, the mark. */
interface OpenMark {
  text: number;
  ordinal: number;
  ch: string;
}

/**
 * Walk the quotation marks of `text` (the `index`-th of a run) on from the open
 * marks `open`; the first `reopen` marks reopen levels already open instead of
 * opening new ones. Closing marks without a partner go into `unmatched`.
 */
function walkMarks(text: string, index: number, open: OpenMark[], reopen: number, unmatched: Set<number>): void {
  let ordinal = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!OPENERS.has(ch) && !CLOSERS.has(ch)) continue;
    const role = roleOf(text, i, open[open.length - 1]?.ch);
    if (role === 'literal') continue;
    if (ordinal < reopen) {
      // reopens a level carried over: it neither opens nor closes one
    } else if (role === 'open') open.push({ text: index, ordinal, ch });
    else if (open.length > 0) open.pop();
    else unmatched.add(ordinal);
    ordinal++;
  }
}

/** Ordinals of the quotation marks in `text` that have no partner. */
function unmatchedMarks(text: string): Set<number> {
  const unmatched = new Set<number>();
  const open: OpenMark[] = [];
  walkMarks(text, 0, open, 0, unmatched);
  for (const o of open) unmatched.add(o.ordinal);
  return unmatched;
}

/**
 * How many of the opening marks at the start of `text` reopen the levels of
 * `open`: the marks before any other text, each of the same kind (outer or
 * inner in its own style) as the level it reopens.
 */
function reopeningMarks(text: string, open: readonly OpenMark[]): number {
  let count = 0;
  for (const ch of text.trimStart()) {
    if (count >= open.length || !OPENERS.has(ch) || SECONDARY.has(ch) !== SECONDARY.has(open[count]!.ch)) break;
    count++;
  }
  return count;
}

/**
 * The quote states of a sequence of blocks (an article's), in order. A block
 * left with quotations open, followed by blocks that each open with the
 * quotation's mark until one closes it, is one quotation over several
 * paragraphs: those blocks share their marks, and the marks opening the
 * paragraphs after the first reopen it. Blocks outside such a run are read on
 * their own; `undefined` (a list) stands outside any run.
 */
export function quoteStates(texts: readonly (string | undefined)[]): QuoteState[] {
  const states = texts.map((text) => newQuoteState(text ?? ''));
  for (let first = 0; first < texts.length; first++) {
    const start = texts[first];
    if (start === undefined) continue;
    const open: OpenMark[] = [];
    const unmatched = texts.map(() => new Set<number>());
    const reopening: Map<number, number>[] = texts.map(() => new Map());
    const carried: string[][] = texts.map(() => []);
    walkMarks(start, first, open, 0, unmatched[first]!);
    let last = first;
    while (open.length > 0 && last + 1 < texts.length) {
      const next = texts[last + 1];
      const reopen = next === undefined ? 0 : reopeningMarks(next, open);
      if (next === undefined || reopen === 0) break;
      last++;
      carried[last] = open.map((o) => o.ch);
      for (let level = 0; level < reopen; level++) reopening[last]!.set(level, level);
      walkMarks(next, last, open, reopen, unmatched[last]!);
    }
    if (last === first || open.length > 0) continue; // no run, or one never closed: each block on its own
    for (let i = first; i <= last; i++) {
      states[i] = { ...states[i]!, stack: carried[i]!, unmatched: unmatched[i]!, reopening: reopening[i]! };
    }
    first = last;
  }
  return states;
}

const LATIN = /[0-9A-Za-z]/u;

/** Restyle the quotation marks of `text`; `state` carries open quotes across calls. */
export function convertQuotes(text: string, style: QuoteStyle, state: QuoteState): string {
  if (style === 'source') return text;
  const marks = MARKS[style];
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!OPENERS.has(ch) && !CLOSERS.has(ch)) {
      out += ch;
      continue;
    }
    const role = roleOf(text, i, state.stack[state.stack.length - 1]);
    let mark: string;
    const level = role === 'literal' ? undefined : state.reopening.get(state.ordinal);
    if (role === 'literal') {
      mark = ch;
    } else if (level !== undefined) {
      mark = marks.open[level % 2]!; // reopens a quotation carried over from the paragraph before
      state.ordinal++;
    } else if (state.unmatched.has(state.ordinal++)) {
      mark = ch; // no partner in its paragraph: kept as found, and reported
      state.kept++;
    } else if (role === 'open') {
      mark = marks.open[state.stack.length % 2]!;
      state.stack.push(ch);
    } else if (state.stack.length > 0) {
      state.stack.pop();
      mark = marks.close[state.stack.length % 2]!;
    } else {
      mark = marks.close[SECONDARY.has(ch) ? 1 : 0]!;
    }
    if (mark !== ch) state.changed++;
    out += mark;
  }
  return out;
}
