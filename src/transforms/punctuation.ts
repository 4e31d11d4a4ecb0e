// punctuation: ASCII , ; : ? ! ( ) in Han context become full width (GB/T 15834).
// ASCII stays in Latin and number context: "1,000", "3.5", "10:30", "5G", URLs.
//
// A single space beside full-width punctuation between Chinese on both sides is dropped
// ("紧紧围绕 “ 新跨越”" from a PDF's text: full-width marks carry their own space); runs of
// spaces are layout (columns of names, a form's gaps) and stay.
//
// The decision is made on a whole block at once (its marker and all its text
// nodes, in order), so a comma at the edge of a lead still sees the Han
// character on the other side. Every replacement is one UTF-16 unit for one, so
// the block's text nodes keep their lengths and are cut back at the same places;
// the dropped spaces are then taken out of the part they stood in.
import type { Article, Block, Change, Edition, Inline, ListItem, Position, Text } from '../model/types.js';
import { CLOSING_MARKS, FULL_WIDTH, isCjk, NO_LINE_END } from '../text/han.js';
import type { Transform } from './types.js';

const SOURCE = 'punctuation';
const URL = /\b(?:https?|ftp):\/\/[^\s\u3000-\u303F\uFF01-\uFF5E]+|\bwww\.[^\s\u3000-\u303F\uFF01-\uFF5E]+/giu;

/** Whether an index in `value` falls inside a URL (and must not change). */
function protectedRanges(value: string): (index: number) => boolean {
  const matches = [...value.matchAll(URL)];
  if (matches.length === 0) return () => false;
  const inUrl = new Uint8Array(value.length);
  for (const match of matches) inUrl.fill(1, match.index, match.index + match[0].length);
  return (index) => inUrl[index] === 1;
}

/** The nearest character before/after `i` that is not an ASCII space. */
function neighbour(value: string, i: number, step: -1 | 1): string | undefined {
  for (let j = i + step; j >= 0 && j < value.length; j += step) {
    if (value[j] !== ' ') return value[j];
  }
  return undefined;
}

/** Matching ")" for each "(" (and back), by depth. Unmatched ones map to -1. */
function pairParentheses(value: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '(' || ch === '\uFF08') open.push(i);
    else if (ch === ')' || ch === '\uFF09') {
      const start = open.pop();
      if (start === undefined) pairs.set(i, -1);
      else {
        pairs.set(start, i);
        pairs.set(i, start);
      }
    }
  }
  for (const start of open) pairs.set(start, -1);
  return pairs;
}

const HAN_INSIDE = /\p{Script=Han}/v;

/**
 * Widen the half-width marks of one string; returns the new string (same
 * length). A widened mark is CJK context for its neighbours ("一,," widens
 * both), so this runs to a fixed point: the transform is idempotent.
 */
export function widen(value: string): string {
  let current = value;
  for (;;) {
    const next = widenOnce(current);
    if (next === current) return current;
    current = next;
  }
}

/** The marks widenOnce looks at (FULL_WIDTH's keys). */
const MARKS = /[,;:?!()]/g;

function widenOnce(value: string): string {
  if (!/[,;:?!()]/.test(value)) return value;
  const inUrl = protectedRanges(value);
  const pairs = pairParentheses(value);
  const cjkAround = (i: number) => isCjk(neighbour(value, i, -1)) || isCjk(neighbour(value, i, 1));
  // Only the marks are visited; the text between them is copied in slices.
  let out = '';
  let copied = 0;
  const widenAt = (i: number, wide: string) => {
    out += value.slice(copied, i) + wide;
    copied = i + 1;
  };
  for (const match of value.matchAll(MARKS)) {
    const i = match.index;
    const ch = match[0];
    const wide = FULL_WIDTH[ch];
    if (wide === undefined || inUrl(i)) continue;
    if (ch === '(' || ch === ')') {
      const other = pairs.get(i) ?? -1;
      if (other < 0) {
        if (cjkAround(i)) widenAt(i, wide);
        continue;
      }
      const [open, close] = ch === '(' ? [i, other] : [other, i];
      // A pair is Chinese when it holds Han text or touches Han text ("A (B) 类" is Latin: a space stands between).
      const chinese = HAN_INSIDE.test(value.slice(open + 1, close)) || isCjk(value[open - 1]) || isCjk(value[close + 1]);
      if (chinese) widenAt(i, wide);
      continue;
    }
    // "1,000" and "10:30" stay; a mark touching Han text or CJK punctuation widens.
    if (cjkAround(i)) widenAt(i, wide);
  }
  return out + value.slice(copied);
}

/** Full-width marks a space beside them is dropped at: the closing ones and the opening ones (no ASCII "(" "["). */
const TIGHT_MARKS = new Set([...CLOSING_MARKS, ...NO_LINE_END].filter((ch) => ch > '\u007F'));
const SPACE = /(?<=\S)[ \u00A0](?=\S)/gu;

/** Which characters of `value` stay: a lone space between a full-width mark and Chinese (either way round) goes. */
function spacesKept(value: string): Uint8Array | undefined {
  let keep: Uint8Array | undefined;
  for (const match of value.matchAll(SPACE)) {
    const i = match.index;
    const before = value[i - 1]!;
    const after = value[i + 1]!;
    if (!((TIGHT_MARKS.has(before) && isCjk(after)) || (TIGHT_MARKS.has(after) && isCjk(before)))) continue;
    keep ??= new Uint8Array(value.length).fill(1);
    keep[i] = 0;
  }
  return keep;
}

/** `value` without the spaces `spacesKept` drops. */
export function tighten(value: string): string {
  const keep = spacesKept(value);
  return keep ? dropAt(value, keep, 0) : value;
}

interface Slot {
  get(): string;
  set(value: string): void;
}

function textSlots(children: readonly Inline[], slots: Slot[]): Inline[] {
  return children.map((child) => {
    if (child.type === 'text') {
      const copy: Text = { ...child };
      slots.push({ get: () => copy.value, set: (v) => (copy.value = v) });
      return copy;
    }
    return { ...child, children: textSlots(child.children, slots) } as Inline;
  });
}

/** Widen across a marker and a run of inlines as one string; returns the new parts, what changed and the spaces dropped. */
function widenParts<T extends { marker?: string; children: Inline[] }>(node: T): { node: T; before: string; after: string; dropped: number } {
  const slots: Slot[] = [];
  const copy = { ...node, children: textSlots(node.children, slots) };
  if (copy.marker !== undefined) slots.unshift({ get: () => copy.marker!, set: (v) => (copy.marker = v) });
  const before = slots.map((s) => s.get()).join('');
  const after = widen(before);
  // (Indexes are UTF-16 units: a space is one, and a surrogate pair is never a space.)
  const keep = spacesKept(after);
  if (after === before && !keep) return { node, before, after, dropped: 0 };
  let at = 0;
  for (const slot of slots) {
    const length = slot.get().length;
    const part = after.slice(at, at + length);
    slot.set(keep ? dropAt(part, keep, at) : part);
    at += length;
  }
  return { node: copy, before, after, dropped: keep ? keep.length - keep.reduce((n, k) => n + k, 0) : 0 };
}

/** `part` (starting at `offset` of the whole) without the units `keep` drops. */
function dropAt(part: string, keep: Uint8Array, offset: number): string {
  let out = '';
  for (let k = 0; k < part.length; k++) if (keep[offset + k]) out += part[k];
  return out;
}

/** A short excerpt around the first difference, for the report. */
function excerpt(before: string, after: string): { before: string; after: string; count: number } {
  let first = -1;
  let count = 0;
  for (let i = 0; i < before.length; i++) {
    if (before[i] !== after[i]) {
      if (first < 0) first = i;
      count++;
    }
  }
  const from = Math.max(0, first - 6);
  return { before: before.slice(from, first + 7), after: after.slice(from, first + 7), count };
}

/**
 * Where the first changed mark stands: on a block that is one line of the source whose
 * span is its text (marker included) character for character, the mark's own column;
 * otherwise (a paragraph joined from several lines, dropped letter-spacing) the block's start.
 */
function firstChange(position: Position | undefined, before: string, after: string): Position | undefined {
  if (!position) return position;
  const { start, end } = position;
  let first = 0;
  while (first < before.length && before[first] === after[first]) first++;
  const leading = before.length - before.trimStart().length;
  const span = end.offset - start.offset;
  if (start.line !== end.line || (span !== before.length && span !== before.length - leading)) return position;
  const shift = span === before.length ? first : first - leading;
  if (shift < 0) return position;
  const point = { line: start.line, column: start.column + shift, offset: start.offset + shift };
  return { start: point, end: { ...point, column: point.column + 1, offset: point.offset + 1 } };
}

function widenBlock(block: Block, report: Change[]): Block {
  if (block.type === 'list') {
    const children = block.children.map((item) => widenBlockLike(item, report));
    return children.every((c, i) => c === block.children[i]) ? block : { ...block, children };
  }
  return widenBlockLike(block, report);
}

function widenBlockLike<T extends Exclude<Block, { type: 'list' }> | ListItem>(block: T, report: Change[]): T {
  const result = widenParts(block as T & { marker?: string; children: Inline[] });
  if (result.node === block) return block;
  if (result.after !== result.before) {
    const shown = excerpt(result.before, result.after);
    report.push({
      source: SOURCE,
      kind: 'width',
      message: `${shown.count} half-width mark(s) made full width`,
      position: firstChange(block.position, result.before, result.after),
      before: shown.before,
      after: shown.after,
    });
  }
  if (result.dropped > 0) {
    report.push({ source: SOURCE, kind: 'spacing', message: `${result.dropped} space(s) beside full-width punctuation dropped`, position: block.position });
  }
  return result.node as T;
}

function widenMeta<T extends object>(meta: T, keys: readonly (keyof T)[]): T {
  let copy: T | undefined;
  for (const key of keys) {
    const value = meta[key];
    if (typeof value !== 'string') continue;
    const wide = tighten(widen(value));
    if (wide !== value) {
      copy ??= { ...meta };
      copy[key] = wide as T[keyof T];
    }
  }
  return copy ?? meta;
}

function widenArticle(article: Article, report: Change[]): Article {
  const children = article.children.map((block) => widenBlock(block, report));
  let meta = widenMeta(article.meta, ['title', 'kicker', 'subtitle', 'byline']);
  const given = meta.notes;
  const notes = given?.map((note) => tighten(widen(note)));
  if (given && notes!.some((note, i) => note !== given[i])) meta = { ...meta, notes: notes! };
  if (meta.dateline) {
    const dateline = widenMeta(meta.dateline, ['raw']);
    if (dateline !== meta.dateline) meta = { ...meta, dateline };
  }
  const same = meta === article.meta && children.every((c, i) => c === article.children[i]);
  return same ? article : { ...article, meta, children };
}

export const punctuation: Transform = (edition: Edition) => {
  const report: Change[] = [];
  const children = edition.children.map((article) => widenArticle(article, report));
  const meta = widenMeta(edition.meta, ['title', 'publication']);
  const same = meta === edition.meta && children.every((c, i) => c === edition.children[i]);
  return { edition: same ? edition : { ...edition, meta, children }, report };
};
