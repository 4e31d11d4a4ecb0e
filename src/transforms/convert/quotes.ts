// Quotation marks between the Mainland curly style (“” outside, ‘’ inside) and
// the corner brackets of Taiwan and Hong Kong (「」 outside, 『』 inside).
// Pair-aware: the level of nesting decides the mark, not the mark found, so
// “…‘…’…” becomes 「…『…』…」. An apostrophe between Latin letters (Xi’an,
// Taiwan’s) is left alone.

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
}

export function newQuoteState(): QuoteState {
  return { stack: [], changed: 0 };
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
    const prev = text[i - 1];
    const next = text[i + 1];
    const prevLatin = prev !== undefined && LATIN.test(prev);
    const nextLatin = next !== undefined && LATIN.test(next);
    let mark: string;
    if (ch === LEFT_SINGLE && prevLatin && nextLatin) {
      mark = ch; // a letter, not a quotation: O‘Neill
    } else if (ch === RIGHT_SINGLE && prevLatin && (nextLatin || !SECONDARY.has(state.stack[state.stack.length - 1] ?? ''))) {
      mark = ch; // an apostrophe: Xi’an, Taiwan’s, the 1990’s
    } else if (OPENERS.has(ch)) {
      mark = marks.open[state.stack.length % 2]!;
      state.stack.push(ch);
    } else if (state.stack.length > 0) {
      state.stack.pop();
      mark = marks.close[state.stack.length % 2]!;
    } else {
      // A closing mark with nothing open: keep its level as found.
      mark = marks.close[SECONDARY.has(ch) ? 1 : 0]!;
    }
    if (mark !== ch) state.changed++;
    out += mark;
  }
  return out;
}
