// Character classes of Chinese text, shared by readers, transforms and writers.
// Full-width punctuation is written as escapes: typed, it has been seen to arrive as ASCII.

// Patterns with Unicode properties (\p{Script=Han}) are written with the v flag, not u.
// V8 compiles a property class under u into alternatives of surrogate pairs and unrolls a
// bounded repeat ("[\p{Script=Han}]{2,4}") over them: about 1 ms a pattern the first time it
// runs, against under 0.1 ms under v (measured on Node 20). The reader holds about a hundred
// such patterns, so a first read of the seed took 137 ms under u and takes about 75 ms under v;
// what they match is the same (checked over every test and corpus text). Inside a v class,
// ( ) [ ] { } / | - are escaped. test/architecture/unicode-sets.test.ts keeps it so.
/** Han ideographs, all extensions included (𠮷 too). */
export const HAN = /\p{Script=Han}/v;

/** CJK punctuation: the full-width forms, CJK symbols, quotation marks and the dash. */
const CJK_PUNCTUATION = /[\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65\u2014\u2015\u2018\u2019\u201C\u201D\u2026\u00B7\uFE10-\uFE1F\uFE30-\uFE4F]/u;

/** Han characters and CJK punctuation: the context in which punctuation is full width. */
export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && (HAN.test(ch) || CJK_PUNCTUATION.test(ch) || /[\u3040-\u30FF\uAC00-\uD7AF]/u.test(ch));
}

/** Full-width closing punctuation: never at a line start, squeezed in at a line end, the end of a run-in lead. */
export const CLOSING_MARKS = '\u3001\u3002\uFF0C\uFF1A\uFF1B\uFF01\uFF1F\uFF09\u300D\u300F\u201D\u2019\u300B\u3009\u3011';

/** What may close a run-in lead ("记者：", "……发展。"): closing marks, the ellipsis and their ASCII forms. */
export const LEAD_CLOSING = `${CLOSING_MARKS}\u2026.,:;!?)`;

/** Characters that must not start a line (GB/T 15834, clreq): closing punctuation (］〕〗 too, so a note marker ［12］ stays whole). */
export const NO_LINE_START = `${CLOSING_MARKS}\uFF3D\u3015\u3017\u2026\u2014,.;:!?)]`;

/** Characters that must not end a line: opening quotes and brackets. */
export const NO_LINE_END = '\u201C\u2018\uFF08\u300C\u300E\u300A\u3008\u3010\uFF3B\u3014\u3016([';

/** ASCII punctuation and its full-width form in Han context. */
export const FULL_WIDTH: Readonly<Record<string, string>> = {
  ',': '\uFF0C',
  ';': '\uFF1B',
  ':': '\uFF1A',
  '?': '\uFF1F',
  '!': '\uFF01',
  '(': '\uFF08',
  ')': '\uFF09',
};
