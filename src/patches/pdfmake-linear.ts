// pdfmake 0.3 lays out a text node in time quadratic in its number of runs: it
// flattens the runs by concatenating an ever longer array once per run
// (TextInlines' flattenTextArray), takes each run of a line off the front of the
// node's array (`_inlines.shift()`: a move of every run still to come, once the
// array is large) after copying all of them (`_inlines.slice(1)` in
// LayoutBuilder.buildNextLine, for a look-ahead that reads only the runs glued to
// the next one), and a word wider than the line (a title that is one long Latin
// "word") is cut line by line, measuring the whole rest of the word through the
// shaper after each cut. A paragraph is a few runs per line (linebreak.ts) and a
// centred title one run per character, so a 2 MB paragraph took minutes and a
// 100,000-character title tens of seconds.
//
// The methods are replaced here by copies that do the same work in linear
// time: the same runs in the same order, the same look-ahead, the same lines.
// Nothing else of pdfmake changes. The copies fit only the versions they were made
// from (pinned in package.json): another version, or a member below gone or changed
// in kind, stops the build with one line (expect.ts) instead of patching it blindly.
// ZHPRESS_NO_PATCH=pdfmake-linear leaves pdfmake's own methods in place.
//
// Private members of other packages this file touches (check them when pdfmake or
// pdfkit is updated):
// - pdfmake LayoutBuilder.prototype.buildNextLine (replaced), and the text node's
//   `_inlines` array it consumes (LayoutBuilder.processLeaf puts a line's runs back
//   with `_inlines.unshift` when snaking columns reflow: that array gets its own
//   `unshift`, see consume());
// - pdfmake TextInlines.prototype.buildInlines (replaced; calls TextInlines.measure,
//   TextBreaker.getBreaks, StyleContextStack.getStyleProperty as pdfmake's does);
// - pdfmake Line (hasEnoughSpaceForInline, getAvailableWidth, addInline, maxWidth,
//   lastLineInParagraph), TextInlines.widthOfText, an inline's `constructor`;
// - pdfmake PDFDocument.prototype.provideFont (wrapped, to reach pdfkit's font class);
// - pdfkit EmbeddedFont.prototype.layout (wrapped: a run laid out with OpenType
//   features, as chws pieces are, is cached like pdfkit already caches runs
//   without features, instead of being laid out again when pdfmake measures it,
//   pdfkit draws it and pdfkit advances past it), and its `layoutCache`,
//   `layoutRun`.
import { createRequire } from 'node:module';
import { expectMembers, markInstalled, patchBroken, patchOn } from './expect.js';

/** The pdfmake and pdfkit releases the copies below were made from. */
const PATCHED_VERSION = '0.3.11';
const PATCHED_PDFKIT = '0.19.1';

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
  maxWidth: number;
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

/** Install the linear methods on pdfmake's classes (once); false when ZHPRESS_NO_PATCH leaves them out. */
export function linearPdfmake(): boolean {
  if (applied !== undefined) return applied;
  applied = patchOn('pdfmake-linear');
  if (!applied) return false;
  const require = createRequire(import.meta.url);
  const version = (require('pdfmake/package.json') as { version: string }).version;
  if (version !== PATCHED_VERSION) throw patchBroken('pdfmake', `the linear layout copies pdfmake ${PATCHED_VERSION}'s methods, pdfmake ${version} is installed`);
  const pdfkitVersion = (createRequire(require.resolve('pdfmake/package.json'))('pdfkit/package.json') as { version: string }).version;
  if (pdfkitVersion !== PATCHED_PDFKIT) throw patchBroken('pdfkit', `the run cache wraps pdfkit ${PATCHED_PDFKIT}'s EmbeddedFont.layout, pdfkit ${pdfkitVersion} is installed`);
  const install = (target: Record<string, unknown>, linear: Record<string, unknown>) => {
    methods.push({ target, original: Object.fromEntries(Object.keys(linear).map((name) => [name, target[name]])), linear });
    Object.assign(target, linear);
  };
  const LayoutBuilder = require('pdfmake/js/LayoutBuilder.js') as Ctor<object>;
  const TextInlines = require('pdfmake/js/TextInlines.js') as Ctor<TextInlinesLike>;
  const Line = require('pdfmake/js/Line.js') as { default: new (maxWidth: number) => LineLike };
  const TextBreaker = require('pdfmake/js/TextBreaker.js') as { default: new () => { getBreaks(texts: unknown[], stack: unknown): Inline[] } };
  const StyleContextStack = require('pdfmake/js/StyleContextStack.js') as StyleContextStackModule;
  expectMembers('pdfmake', 'LayoutBuilder.prototype', LayoutBuilder.default?.prototype, { buildNextLine: 'function' });
  expectMembers('pdfmake', 'TextInlines.prototype', TextInlines.default?.prototype, { buildInlines: 'function', measure: 'function', widthOfText: 'function' });
  expectMembers('pdfmake', 'Line.prototype', Line.default?.prototype, { hasEnoughSpaceForInline: 'function', getAvailableWidth: 'function', addInline: 'function' });
  expectMembers('pdfmake', 'TextBreaker.prototype', TextBreaker.default?.prototype, { getBreaks: 'function' });
  expectMembers('pdfmake', 'StyleContextStack', StyleContextStack.default, { getStyleProperty: 'function' });

  const LEADING = /^(\s)+/g;
  const TRAILING = /(\s)+$/g;
  const isValue = (value: unknown) => value !== undefined && value !== null;
  /**
   * TextInlines.measure, asking the style stack once per property instead of once
   * per property and run: a run without a `style` of its own gets from the stack
   * what every such run of the node gets (getStyleProperty looks at the run's own
   * value, then its named styles, then the stack). pdfmake asks 20 properties of
   * each run, a centred title being one run per character.
   */
  function measure(textInlines: TextInlinesLike, array: Inline[], styleContextStack: unknown): Inline[] {
    const fromStack = new Map<string, unknown>();
    const property = (item: Inline, name: string, fallback: unknown): unknown => {
      if (isValue(item[name])) return item[name];
      if (!styleContextStack) return fallback;
      if (item.style) return StyleContextStack.default.getStyleProperty(item, styleContextStack, name, fallback);
      let value = fromStack.get(name);
      if (value === undefined && !fromStack.has(name)) {
        value = StyleContextStack.default.getStyleProperty({}, styleContextStack, name, undefined);
        fromStack.set(name, value);
      }
      return isValue(value) ? value : fallback;
    };
    if (array.length) {
      const leadingIndent = property(array[0]!, 'leadingIndent', 0) as number;
      if (leadingIndent) {
        array[0]!.leadingCut = -leadingIndent;
        array[0]!.leadingIndent = leadingIndent;
      }
    }
    const pdfDocument = (textInlines as unknown as { pdfDocument: { provideFont(font: unknown, bold: unknown, italics: unknown): { lineHeight(size: number): number } } }).pdfDocument;
    for (const item of array) {
      const font = property(item, 'font', 'Roboto');
      const bold = property(item, 'bold', false);
      const italics = property(item, 'italics', false);
      item.font = pdfDocument.provideFont(font, bold, italics);
      item.alignment = property(item, 'alignment', 'left');
      item.fontSize = property(item, 'fontSize', 12);
      item.fontFeatures = property(item, 'fontFeatures', null);
      item.characterSpacing = property(item, 'characterSpacing', 0);
      item.color = property(item, 'color', 'black');
      item.decoration = property(item, 'decoration', null);
      item.decorationColor = property(item, 'decorationColor', null);
      item.decorationStyle = property(item, 'decorationStyle', null);
      item.decorationThickness = property(item, 'decorationThickness', null);
      item.background = property(item, 'background', null);
      item.link = property(item, 'link', null);
      item.linkToPage = property(item, 'linkToPage', null);
      item.linkToDestination = property(item, 'linkToDestination', null);
      item.noWrap = property(item, 'noWrap', null) as boolean;
      item.opacity = property(item, 'opacity', 1);
      item.sup = property(item, 'sup', false);
      item.sub = property(item, 'sub', false);
      if (item.sup || item.sub) (item.fontSize as number) *= 0.58;
      const lineHeight = property(item, 'lineHeight', 1) as number;
      item.width = textInlines.widthOfText(item.text, item);
      item.height = (item.font as { lineHeight(size: number): number }).lineHeight(item.fontSize as number) * lineHeight;
      if (!item.leadingCut) item.leadingCut = 0;
      if (!property(item, 'preserveLeadingSpaces', false)) {
        const leadingSpaces = item.text.match(LEADING);
        if (leadingSpaces) item.leadingCut += textInlines.widthOfText(leadingSpaces[0], item);
      }
      item.trailingCut = 0;
      if (!property(item, 'preserveTrailingSpaces', false)) {
        const trailingSpaces = item.text.match(TRAILING);
        if (trailingSpaces) item.trailingCut = textInlines.widthOfText(trailingSpaces[0], item);
      }
    }
    return array;
  }

  install(TextInlines.default.prototype as Record<string, unknown>, {
    buildInlines(this: TextInlinesLike, textArray: unknown, styleContextStack: unknown) {
      const getTrimmedWidth = (item: { width: number; leadingCut?: number; trailingCut?: number }) =>
        Math.max(0, item.width - (item.leadingCut as number) - (item.trailingCut as number));
      let minWidth = 0;
      let maxWidth = 0;
      let currentLineWidth: { width: number; leadingCut?: number; trailingCut?: number } | null | undefined;
      const flattenedTextArray = flattenTextArray(textArray);
      const brokenText = new TextBreaker.default().getBreaks(flattenedTextArray, styleContextStack);
      const measuredText = measure(this, brokenText, styleContextStack);
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
      // The runs before the cursor are taken; the node is empty when the cursor reaches the end.
      let next = inlines ? (cursors.get(inlines) ?? 0) : 0;
      if (!inlines || next >= inlines.length) return null;
      const line = new Line.default(this.writer.context().availableWidth);
      const textInlines = new TextInlines.default(null as never);
      const measure = (text: string, inline: Inline) => textInlines.widthOfText(text, inline);
      let isForceContinue = false;
      while (next < inlines.length) {
        const candidate = settle(inlines[next]!, line.maxWidth, measure);
        const following = glued(inlines, next);
        for (const inline of following) settle(inline, line.maxWidth, measure);
        if (!(line.hasEnoughSpaceForInline(candidate, following) || isForceContinue)) break;
        let isHardWrap = false;
        const inline = candidate;
        if (!inline.noWrap && inline.text.length > 1 && inline.width > line.getAvailableWidth()) {
          const maxChars = findMaxFitLength(inline.text, line.getAvailableWidth(), (txt) => textInlines.widthOfText(txt, inline));
          if (maxChars < inline.text.length) {
            const newInline = cloneInline(inline);
            newInline.text = inline.text.substr(maxChars);
            inline.text = inline.text.substr(0, maxChars);
            newInline.width = restWidth(newInline, maxChars, line.maxWidth, measure);
            inline.width = textInlines.widthOfText(inline.text, inline);
            estimated.delete(inline);
            inlines[next] = newInline; // the rest of the run comes next
            isHardWrap = true;
          }
        }
        if (!isHardWrap) next++;
        line.addInline(inline);
        isForceContinue = Boolean(inline.noNewLine) && !isHardWrap;
      }
      consume(inlines, next);
      line.lastLineInParagraph = inlines.length === 0;
      return line;
    },
  });

  // pdfkit's font class is not exported: it is reached through the first font pdfmake provides.
  const PDFDocument = require('pdfmake/js/PDFDocument.js') as Ctor<{ provideFont(...args: unknown[]): object }>;
  expectMembers('pdfmake', 'PDFDocument.prototype', PDFDocument.default?.prototype, { provideFont: 'function' });
  const pdfmakeProvideFont = (PDFDocument.default.prototype as { provideFont: (...args: unknown[]) => object }).provideFont;
  install(PDFDocument.default.prototype as Record<string, unknown>, {
    provideFont(this: unknown, ...args: unknown[]) {
      const font = pdfmakeProvideFont.apply(this, args);
      cacheFeatureRuns(Object.getPrototypeOf(font) as PdfkitFont);
      return font;
    },
  });
  markInstalled('pdfmake-linear');
  return true;
}

/** A pdfkit EmbeddedFont, as far as it is used here. */
interface PdfkitFont {
  layout(text: string, features?: unknown, onlyWidth?: boolean): unknown;
  layoutRun?(text: string, features?: unknown): unknown;
  layoutCache?: object;
}

/** pdfkit font classes whose layout caches runs with features too; the runs by font, then features and text. */
const cachingClasses = new WeakSet<object>();
const featureRuns = new WeakMap<object, Map<string, unknown>>();

/**
 * pdfkit lays out a run with OpenType features (a chws piece) every time it is
 * asked: when pdfmake measures it, when pdfkit draws it and when it advances past
 * it. Such runs are cached here as pdfkit caches runs without features (and not
 * when a document turns pdfkit's cache off): the same run object, so the same
 * glyphs, positions and widths.
 */
function cacheFeatureRuns(proto: PdfkitFont): void {
  if (cachingClasses.has(proto) || typeof proto.layoutRun !== 'function' || !Object.hasOwn(proto, 'layout')) return;
  cachingClasses.add(proto);
  const pdfkitLayout = proto.layout;
  const linear = {
    layout(this: PdfkitFont, text: string, features?: unknown, onlyWidth?: boolean): unknown {
      if (!this.layoutCache || !Array.isArray(features) || features.length === 0 || !features.every((f) => typeof f === 'string')) {
        return pdfkitLayout.call(this, text, features, onlyWidth);
      }
      let runs = featureRuns.get(this);
      if (!runs) {
        runs = new Map();
        featureRuns.set(this, runs);
      }
      const key = `${features.join(',')}\0${text}`;
      let run = runs.get(key);
      if (run === undefined) {
        run = this.layoutRun!(text, features);
        runs.set(key, run);
      }
      return run;
    },
  };
  methods.push({ target: proto, original: { layout: pdfkitLayout }, linear });
  Object.assign(proto, linear);
}
/** For tests: lay out with pdfmake's own methods or the linear ones (which must give the same PDF). */
export function usePdfmakeLayout(kind: 'original' | 'linear'): void {
  linearPdfmake();
  for (const { target, original, linear } of methods) Object.assign(target, kind === 'original' ? original : linear);
}

/** Where each text node's array of runs is taken up to (runs before it belong to lines already built). */
const cursors = new WeakMap<Inline[], number>();

/**
 * Runs up to `next` are taken: the array is emptied when all are (as pdfmake's
 * shifting leaves it), otherwise the cursor moves, and the array gets an
 * `unshift` that puts runs back before the cursor (LayoutBuilder.processLeaf does
 * that with a line that moves to the next snaking column).
 */
function consume(inlines: Inline[], next: number): void {
  if (next >= inlines.length) {
    inlines.length = 0;
    cursors.delete(inlines);
    return;
  }
  cursors.set(inlines, next);
  if (!Object.hasOwn(inlines, 'unshift')) Object.defineProperty(inlines, 'unshift', { value: unshiftBeforeCursor, configurable: true, writable: true });
}

function unshiftBeforeCursor(this: Inline[], ...items: Inline[]): number {
  const at = cursors.get(this) ?? 0;
  if (items.length <= at) {
    const from = at - items.length;
    items.forEach((item, i) => (this[from + i] = item));
    cursors.set(this, from);
    return this.length - from;
  }
  this.splice(0, at);
  cursors.delete(this);
  return Array.prototype.unshift.apply(this, items);
}

/**
 * The rest of a run cut at a line end whose width is only known to be at least
 * what it holds (a lower bound: the width of its first few lines' worth of text),
 * so that a 100,000-letter word is not measured whole after every cut.
 */
const estimated = new WeakSet<Inline>();

/** TextInlines.widthOfText: a text's width in a run's font, size, features and letter-spacing. */
type Measure = (text: string, inline: Inline) => number;

/** Wider than this, a run cannot fit on a line of `maxWidth`, whatever else the line holds. */
const beyond = (inline: Inline, maxWidth: number) => 2 * maxWidth + (inline.trailingCut ?? 0);

/**
 * The width of the rest of a run cut after `cut` characters: measured, or, for a
 * rest many lines long, the width of its first 4 * cut + 64 characters when that
 * is already far wider than a line (marked as a lower bound, see settle()).
 */
function restWidth(rest: Inline, cut: number, maxWidth: number, measure: Measure): number {
  let probe = 4 * cut + 64;
  // (Negative letter-spacing could make the rest narrower than its start: it is measured whole.)
  if (rest.text.length > 2 * probe && !(Number(rest.characterSpacing ?? 0) < 0)) {
    const code = rest.text.charCodeAt(probe - 1);
    if (code >= 0xd800 && code <= 0xdbff) probe--; // not half a surrogate pair
    const lower = measure(rest.text.substring(0, probe), rest);
    if (lower > beyond(rest, maxWidth)) {
      estimated.add(rest);
      return lower;
    }
  }
  return measure(rest.text, rest);
}

/**
 * A run whose width is a lower bound gets its real width before any comparison
 * the bound could decide differently: every comparison on a line of `maxWidth`
 * asks whether a run fits, and one wider than beyond() never does.
 */
function settle(inline: Inline, maxWidth: number, measure: Measure): Inline {
  if (estimated.has(inline) && !(inline.width > beyond(inline, maxWidth))) {
    inline.width = measure(inline.text, inline);
    estimated.delete(inline);
  }
  return inline;
}

/** No runs (Line.hasEnoughSpaceForInline only reads the runs it is given). */
const NONE: Inline[] = [];

/**
 * What Line.hasEnoughSpaceForInline reads of the runs after the first: nothing
 * unless the first is glued to the next (noNewLine); then the runs up to and
 * including the first that is not glued (pdfmake copies all of them).
 */
function glued(inlines: readonly Inline[], first: number): Inline[] {
  if (!inlines[first]!.noNewLine) return NONE;
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
