// pdfmake 0.3 lays out a text node in time quadratic in its number of runs: it
// flattens the runs by concatenating an ever longer array once per run
// (TextInlines' flattenTextArray), and takes each run of a line off the node
// after copying all the runs still to come (`_inlines.slice(1)` in
// LayoutBuilder.buildNextLine, for a look-ahead that reads only the runs glued to
// the next one). A paragraph is a few runs per line (linebreak.ts) and a centred
// title one run per character, so a 2 MB paragraph took minutes and a
// 100,000-character title tens of seconds.
//
// The two methods are replaced here by copies that do the same work in linear
// time: the same runs in the same order, the same look-ahead, the same lines.
// Nothing else of pdfmake changes, and only the version these copies were made
// from is patched (another version keeps its own code, slower on huge paragraphs).
import { createRequire } from 'node:module';

/** The pdfmake release the copies below were made from. */
const PATCHED_VERSION = '0.3.11';

interface Inline {
  text: string;
  width: number;
  noWrap?: boolean;
  noNewLine?: boolean;
  trailingCut?: number;
  leadingCut?: number;
  lineEnd?: boolean;
  constructor: () => Inline;
  [key: string]: unknown;
}
interface TextNode {
  _inlines?: Inline[];
}
interface LineLike {
  hasEnoughSpaceForInline(inline: Inline, nextInlines?: Inline[]): boolean;
  getAvailableWidth(): number;
  addInline(inline: Inline): void;
  lastLineInParagraph?: boolean;
}
interface TextInlinesLike {
  widthOfText(text: string, inline: Inline): number;
  measure(array: Inline[], styleContextStack: unknown): Inline[];
}
type Ctor<T> = { default: new (...args: never[]) => T; prototype?: unknown };
interface StyleContextStackModule {
  default: { getStyleProperty(item: object, stack: unknown, property: string, fallback: unknown): unknown };
}

let applied: boolean | undefined;
/** pdfmake's own methods, and the linear ones, by class (for usePdfmakeLayout). */
const methods: { target: object; original: object; linear: object }[] = [];

/** Install the linear methods on pdfmake's classes (once); false when pdfmake is not the version they copy. */
export function linearPdfmake(): boolean {
  if (applied !== undefined) return applied;
  const require = createRequire(import.meta.url);
  const version = (require('pdfmake/package.json') as { version: string }).version;
  applied = version === PATCHED_VERSION;
  if (!applied) return false;
  const install = (target: Record<string, unknown>, linear: Record<string, unknown>) => {
    methods.push({ target, original: Object.fromEntries(Object.keys(linear).map((name) => [name, target[name]])), linear });
    Object.assign(target, linear);
  };
  const LayoutBuilder = require('pdfmake/js/LayoutBuilder.js') as Ctor<object>;
  const TextInlines = require('pdfmake/js/TextInlines.js') as Ctor<TextInlinesLike>;
  const Line = require('pdfmake/js/Line.js') as { default: new (maxWidth: number) => LineLike };
  const TextBreaker = require('pdfmake/js/TextBreaker.js') as { default: new () => { getBreaks(texts: unknown[], stack: unknown): Inline[] } };
  const StyleContextStack = require('pdfmake/js/StyleContextStack.js') as StyleContextStackModule;

  install(TextInlines.default.prototype as Record<string, unknown>, {
    buildInlines(this: TextInlinesLike, textArray: unknown, styleContextStack: unknown) {
      const getTrimmedWidth = (item: { width: number; leadingCut?: number; trailingCut?: number }) =>
        Math.max(0, item.width - (item.leadingCut as number) - (item.trailingCut as number));
      let minWidth = 0;
      let maxWidth = 0;
      let currentLineWidth: { width: number; leadingCut?: number; trailingCut?: number } | null | undefined;
      const flattenedTextArray = flattenTextArray(textArray);
      const brokenText = new TextBreaker.default().getBreaks(flattenedTextArray, styleContextStack);
      const measuredText = this.measure(brokenText, styleContextStack);
      measuredText.forEach((inline) => {
        minWidth = Math.max(minWidth, getTrimmedWidth(inline));
        if (!currentLineWidth) currentLineWidth = { width: 0, leadingCut: inline.leadingCut, trailingCut: 0 };
        currentLineWidth.width += inline.width;
        currentLineWidth.trailingCut = inline.trailingCut;
        maxWidth = Math.max(maxWidth, getTrimmedWidth(currentLineWidth));
        if (inline.lineEnd) currentLineWidth = null;
      });
      if (StyleContextStack.default.getStyleProperty({}, styleContextStack, 'noWrap', false)) minWidth = maxWidth;
      return { items: measuredText, minWidth, maxWidth };
    },
  });

  install(LayoutBuilder.default.prototype as Record<string, unknown>, {
    buildNextLine(this: { writer: { context(): { availableWidth: number } } }, textNode: TextNode) {
      function cloneInline(inline: Inline): Inline {
        const newInline = inline.constructor();
        for (const key in inline) newInline[key] = inline[key];
        return newInline;
      }
      // pdfmake searches the whole run for the longest prefix that fits, measuring prefixes up
      // to half the run: quadratic for a long word cut over many lines. Widths grow with
      // the prefix, so the search can stop at the first doubling that no longer fits: the
      // same prefix is found, and only text about a line long is measured.
      function findMaxFitLength(text: string, maxWidth: number, measureFn: (part: string) => number): number {
        let low = 1;
        let high = text.length;
        for (let bound = 64; bound < text.length; bound *= 2) {
          if (measureFn(text.substring(0, bound)) > maxWidth) {
            high = bound;
            break;
          }
        }
        let bestFit = 1;
        while (low <= high) {
          const mid = Math.floor((low + high) / 2);
          if (measureFn(text.substring(0, mid)) <= maxWidth) {
            bestFit = mid;
            low = mid + 1;
          } else high = mid - 1;
        }
        return bestFit;
      }
      const inlines = textNode._inlines;
      if (!inlines || inlines.length === 0) return null;
      const line = new Line.default(this.writer.context().availableWidth);
      const textInlines = new TextInlines.default(null as never);
      let isForceContinue = false;
      // The runs the line takes are counted and removed at once, not shifted off one by one.
      let next = 0;
      while (next < inlines.length && (line.hasEnoughSpaceForInline(inlines[next]!, glued(inlines, next)) || isForceContinue)) {
        let isHardWrap = false;
        const inline = inlines[next]!;
        if (!inline.noWrap && inline.text.length > 1 && inline.width > line.getAvailableWidth()) {
          const maxChars = findMaxFitLength(inline.text, line.getAvailableWidth(), (txt) => textInlines.widthOfText(txt, inline));
          if (maxChars < inline.text.length) {
            const newInline = cloneInline(inline);
            newInline.text = inline.text.substr(maxChars);
            inline.text = inline.text.substr(0, maxChars);
            newInline.width = textInlines.widthOfText(newInline.text, newInline);
            inline.width = textInlines.widthOfText(inline.text, inline);
            inlines[next] = newInline; // the rest of the run comes next
            isHardWrap = true;
          }
        }
        if (!isHardWrap) next++;
        line.addInline(inline);
        isForceContinue = Boolean(inline.noNewLine) && !isHardWrap;
      }
      inlines.splice(0, next);
      line.lastLineInParagraph = inlines.length === 0;
      return line;
    },
  });
  return true;
}

/** For tests: lay out with pdfmake's own methods or the linear ones (which must give the same PDF). */
export function usePdfmakeLayout(kind: 'original' | 'linear'): void {
  linearPdfmake();
  for (const { target, original, linear } of methods) Object.assign(target, kind === 'original' ? original : linear);
}

/**
 * What Line.hasEnoughSpaceForInline reads of the runs after the first: nothing
 * unless the first is glued to the next (noNewLine); then the runs up to and
 * including the first that is not glued (pdfmake copies all of them).
 */
function glued(inlines: readonly Inline[], first: number): Inline[] {
  if (!inlines[first]!.noNewLine) return [];
  let end = first + 1;
  while (end < inlines.length && inlines[end]!.noNewLine) end++;
  return inlines.slice(first + 1, end + 1);
}

/**
 * pdfmake's flattenTextArray, appending instead of concatenating: an item whose
 * text is an array stands for its flattened items, an array for its items.
 */
function flattenTextArray(array: unknown): unknown[] {
  const flatten = (items: unknown[]): unknown[] => {
    const out: unknown[] = [];
    items.forEach((cur) => {
      const text = (cur as { text?: unknown }).text;
      const current = Array.isArray(text) ? flatten(text) : cur;
      const more = ([] as unknown[]).concat(current).some(Array.isArray);
      const value = more ? flatten(current as unknown[]) : current;
      if (Array.isArray(value)) for (const item of value) out.push(item);
      else out.push(value);
    });
    return out;
  };
  return flatten(Array.isArray(array) ? array : [array]);
}
