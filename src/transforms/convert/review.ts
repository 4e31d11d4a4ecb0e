// For editors: what a conversion to Traditional decided, grouped so that a
// hundred decisions are read in a minute (zhpress check --variant zh-Hant-TW).
//
// - Characters: every place where a character with several Traditional forms
//   (发 → 發 / 髮, 制 → 制 / 製, …) was written in one of them, found by comparing
//   the source with the character-mode edition character by character (the
//   conversion writes one character for one); grouped by character and form,
//   with counts and contexts.
// - Vocabulary (--vocabulary): every place the regional vocabulary changed a
//   word (数据 → 資料), found by comparing the character-mode edition with the
//   vocabulary edition.
// Nothing here converts by itself: both editions come from convertEdition.
import { opencc } from '../../lazy.js';
import type { Article, ArticleMeta, Change, Edition, Lang, Node } from '../../model/types.js';
import type { BuiltInDictionaries, LoadedDictionaries } from './dictionary.js';
import { convertEdition } from './index.js';
import { words } from './segment.js';

/**
 * The characters reviewed: those with several Traditional forms that news and
 * policy text meets, where the context decides the form.
 */
export const REVIEWED_CHARACTERS = [...'干发后里台制历冲钟签几斗胡并采面余复系只划松准征出别'];
const REVIEWED = new Set(REVIEWED_CHARACTERS);

export interface ReviewContext {
  /** The output text around the place, the decided part in brackets: 奠定[製]度. */
  text: string;
  count: number;
  /** Source lines where it stands (the block's first line), in order, each once. */
  lines: number[];
}

export interface ReviewGroup {
  /** The source's character or phrase (Simplified). */
  source: string;
  /** What the edition writes for it. */
  form: string;
  count: number;
  /** Distinct contexts, the most frequent first. */
  contexts: ReviewContext[];
}

export interface ConversionReview {
  variant: Lang;
  /** Decided characters, by character (in REVIEWED_CHARACTERS order), then by count. */
  characters: ReviewGroup[];
  /** Vocabulary changes (with vocabulary only), by count. */
  vocabulary: ReviewGroup[];
}

/** One text in two editions that share their structure: source and converted. */
interface Pair {
  before: string;
  after: string;
  line?: number;
}

function metaPairs(a: ArticleMeta, b: ArticleMeta, line: number | undefined, out: Pair[]): void {
  for (const key of ['kicker', 'title', 'subtitle', 'byline'] as const) {
    const x = a[key];
    const y = b[key];
    if (typeof x === 'string' && typeof y === 'string') out.push({ before: x, after: y, line });
  }
  a.notes?.forEach((note, i) => {
    const converted = b.notes?.[i];
    if (converted !== undefined) out.push({ before: note, after: converted, line });
  });
  if (a.dateline && b.dateline) out.push({ before: a.dateline.raw, after: b.dateline.raw, line });
}

function nodePairs(a: Node, b: Node, line: number | undefined, out: Pair[]): void {
  const here = a.position?.start.line ?? line;
  if (a.type === 'text' && b.type === 'text') {
    out.push({ before: a.value, after: b.value, line: here });
    return;
  }
  const markerA = 'marker' in a && typeof a.marker === 'string' ? a.marker : undefined;
  const markerB = 'marker' in b && typeof b.marker === 'string' ? b.marker : undefined;
  if (markerA !== undefined && markerB !== undefined) out.push({ before: markerA, after: markerB, line: here });
  if ('children' in a && 'children' in b) {
    const ca = a.children as Node[];
    const cb = b.children as Node[];
    for (let i = 0; i < Math.min(ca.length, cb.length); i++) nodePairs(ca[i]!, cb[i]!, here, out);
  }
}

/** The texts of two editions of one document, side by side. */
function pairs(a: Edition, b: Edition): Pair[] {
  const out: Pair[] = [];
  for (const key of ['title', 'publication'] as const) {
    const x = a.meta[key];
    const y = b.meta[key];
    // An edition titled after its article (a title derived from it) is one place, not two.
    if (key === 'title' && a.children.some((article) => article.meta.title === x)) continue;
    if (x !== undefined && y !== undefined) out.push({ before: x, after: y });
  }
  a.children.forEach((article: Article, i) => {
    const other = b.children[i];
    if (!other) return;
    metaPairs(article.meta, other.meta, article.position?.start.line, out);
    article.children.forEach((block, j) => {
      const converted = other.children[j];
      if (converted) nodePairs(block, converted, undefined, out);
    });
  });
  return out;
}

/** An edit script between two arrays: runs of equal items and replacements (Myers' O(ND) diff). */
export interface Hunk {
  /** [start, end) in a and in b. */
  a: [number, number];
  b: [number, number];
}

/** Beyond this many edits two texts are taken as one replacement (the trace grows with them). */
const MAX_EDITS = 1000;

export function hunks(a: readonly string[], b: readonly string[]): Hunk[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return middleHunks(a.slice(head, a.length - tail), b.slice(head, b.length - tail)).map((h) => ({
    a: [h.a[0] + head, h.a[1] + head],
    b: [h.b[0] + head, h.b[1] + head],
  }));
}

function middleHunks(a: readonly string[], b: readonly string[]): Hunk[] {
  if (a.length === 0 && b.length === 0) return [];
  if (a.length === 0 || b.length === 0) return [{ a: [0, a.length], b: [0, b.length] }];
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= Math.min(max, MAX_EDITS) && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  if (!found) return [{ a: [0, n], b: [0, m] }];
  // Walk back through the trace: the points where the path leaves the diagonal.
  const equal: boolean[] = new Array<boolean>(n).fill(false);
  const matchB: number[] = new Array<number>(n).fill(-1);
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const t = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && t[offset + k - 1]! < t[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : t[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      equal[x] = true;
      matchB[x] = y;
    }
    if (d > 0) {
      x = prevX;
      y = prevY;
    }
  }
  const out: Hunk[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && equal[i] && matchB[i] === j) {
      i++;
      j++;
      continue;
    }
    const start: [number, number] = [i, j];
    while (i < n && !(equal[i] && matchB[i]! >= j)) i++;
    const nextB = i < n ? matchB[i]! : m;
    j = nextB;
    out.push({ a: [start[0], i], b: [start[1], j] });
  }
  return out;
}

/** Where the characters of `before` stand in `after`, one for one; -1 where they do not. */
function alignment(before: readonly string[], after: readonly string[]): number[] {
  if (before.length === after.length) return before.map((_, i) => i);
  const at = before.map(() => -1);
  let i = 0;
  let j = 0;
  for (const h of hunks(before, after)) {
    for (; i < h.a[0]; i++, j++) at[i] = j;
    if (h.a[1] - h.a[0] === h.b[1] - h.b[0]) for (let k = 0; k < h.a[1] - h.a[0]; k++) at[h.a[0] + k] = h.b[0] + k;
    i = h.a[1];
    j = h.b[1];
  }
  for (; i < before.length; i++, j++) at[i] = j;
  return at;
}

const WORD = /[\p{L}\p{N}]/v;
const SPAN = 2;

/** The output around [start, end): up to two letters either side, not past punctuation; the part itself in brackets. */
function contextOf(chars: readonly string[], start: number, end: number): string {
  let from = start;
  while (from > 0 && start - from < SPAN && WORD.test(chars[from - 1]!)) from--;
  let to = end;
  while (to < chars.length && to - end < SPAN && WORD.test(chars[to]!)) to++;
  return `${chars.slice(from, start).join('')}[${chars.slice(start, end).join('')}]${chars.slice(end, to).join('')}`;
}

/** The most frequent first; then alike words together (by what follows the bracket, then what precedes it). */
function byContext(x: ReviewContext, y: ReviewContext): number {
  const split = (c: ReviewContext) => {
    const at = c.text.indexOf('[');
    return [c.text.slice(at), [...c.text.slice(0, at)].reverse().join('')] as const;
  };
  const [xr, xl] = split(x);
  const [yr, yl] = split(y);
  return y.count - x.count || (xr < yr ? -1 : xr > yr ? 1 : xl < yl ? -1 : xl > yl ? 1 : 0);
}

class Groups {
  private readonly map = new Map<string, { group: ReviewGroup; contexts: Map<string, ReviewContext> }>();

  add(source: string, form: string, context: string, line: number | undefined): void {
    const key = `${source}\0${form}`;
    let entry = this.map.get(key);
    if (!entry) this.map.set(key, (entry = { group: { source, form, count: 0, contexts: [] }, contexts: new Map() }));
    entry.group.count++;
    let found = entry.contexts.get(context);
    if (!found) entry.contexts.set(context, (found = { text: context, count: 0, lines: [] }));
    found.count++;
    if (line !== undefined && !found.lines.includes(line)) found.lines.push(line);
  }

  list(order: (a: ReviewGroup, b: ReviewGroup) => number): ReviewGroup[] {
    return [...this.map.values()]
      .map(({ group, contexts }) => ({ ...group, contexts: [...contexts.values()].sort(byContext) }))
      .sort(order);
  }
}

/** Each reviewed character of the source with the form the edition gave it. */
function characterGroups(source: Edition, converted: Edition): ReviewGroup[] {
  const groups = new Groups();
  for (const { before, after, line } of pairs(source, converted)) {
    const a = [...before];
    if (!a.some((ch) => REVIEWED.has(ch))) continue;
    const b = [...after];
    const at = alignment(a, b);
    a.forEach((ch, i) => {
      const j = at[i]!;
      if (!REVIEWED.has(ch) || j < 0) return;
      groups.add(ch, b[j]!, contextOf(b, j, j + 1), line);
    });
  }
  const rank = (g: ReviewGroup) => REVIEWED_CHARACTERS.indexOf(g.source);
  return groups.list((x, y) => rank(x) - rank(y) || y.count - x.count || x.form.localeCompare(y.form));
}

/** Words a vocabulary replaces: OpenCC's phrase table (keys in Traditional) and zhpress's own file (keys in Simplified). */
interface Table {
  traditional: Set<string>;
  simplified: Set<string>;
  longest: number;
}
const tables = new Map<string, Table>();

function vocabularyKeys(region: 'tw' | 'hk', dictionaries: BuiltInDictionaries): Table {
  let table = tables.get(region);
  if (!table) {
    const traditional = new Set<string>();
    // Locale.to.twp is [[TWPhrases, …], [variants…]]: only the phrase groups map words.
    const groups = (opencc().Locale.to as unknown as Record<string, string[][]>)[`${region}p`] ?? [];
    for (const dict of groups[0] ?? []) {
      for (const pair of String(dict).split('|')) {
        const [from, to] = pair.split(' ');
        if (from && to && from !== to && [...from].length > 1) traditional.add(from);
      }
    }
    const simplified = new Set(dictionaries.vocabulary(region).entries.map((e) => e.simplified));
    table = { traditional, simplified, longest: Math.max(1, ...[...traditional, ...simplified].map((k) => [...k].length)) };
    tables.set(region, table);
  }
  return table;
}

/** The shortest word of the table around the change [start, end): in the character edition `chars`, or the aligned source. */
function widenByTable(chars: readonly string[], source: readonly string[] | undefined, start: number, end: number, table: Table): [number, number] | undefined {
  let best: [number, number] | undefined;
  for (let from = Math.max(0, end - table.longest); from <= start; from++) {
    for (let to = Math.max(end, from + 2); to <= Math.min(chars.length, from + table.longest); to++) {
      if (best && to - from >= best[1] - best[0]) break;
      if (table.traditional.has(chars.slice(from, to).join('')) || (source && table.simplified.has(source.slice(from, to).join('')))) best = [from, to];
    }
  }
  return best;
}

/** Without a word to go by, a change of one character takes a neighbour. */
function widenByNeighbour(chars: readonly string[], start: number, end: number): [number, number] {
  if (end - start >= 2) return [start, end];
  if (start > 0 && WORD.test(chars[start - 1]!)) return [start - 1, end];
  return end < chars.length && WORD.test(chars[end]!) ? [start, end + 1] : [start, end];
}

/** A changed span [start, end) widened to the words of the source it touches (the vocabulary replaces whole words). */
function widenByWords(starts: readonly number[], length: number, start: number, end: number): [number, number] {
  const first = start < end ? start : Math.max(0, start - 1);
  const last = start < end ? end - 1 : Math.min(length - 1, start);
  let from = 0;
  for (const s of starts) if (s <= first) from = s;
  let to = length;
  for (const s of starts) {
    if (s > last) {
      to = s;
      break;
    }
  }
  return [Math.min(from, start), Math.max(to, end)];
}

/** Each place the vocabulary edition writes a word otherwise than the character edition. */
function vocabularyGroups(source: Edition, characters: Edition, vocabulary: Edition, variant: Lang, dictionaries: BuiltInDictionaries): ReviewGroup[] {
  const table = vocabularyKeys(variant === 'zh-Hant-HK' ? 'hk' : 'tw', dictionaries);
  const groups = new Groups();
  const sourcePairs = pairs(source, characters);
  pairs(characters, vocabulary).forEach(({ before, after, line }, n) => {
    if (before === after) return;
    const a = [...before];
    const b = [...after];
    const original = sourcePairs[n]?.before ?? before;
    const s = [...original];
    // The source's words, where the source and the character edition stand one for one.
    let starts: number[] | undefined;
    if (s.length === a.length) {
      starts = [];
      let at = 0;
      for (const word of words(original)) {
        starts.push(at);
        at += [...word].length;
      }
    }
    // The change widened to the vocabulary's word that made it, else to the source's words, else to a neighbour.
    const widen = (h: Hunk): [number, number] =>
      widenByTable(a, starts ? s : undefined, h.a[0], h.a[1], table) ?? (starts ? widenByWords(starts, a.length, h.a[0], h.a[1]) : widenByNeighbour(a, h.a[0], h.a[1]));
    const spans = hunks(a, b).map((h) => ({ h, span: widen(h) }));
    // Changes within one word (or one widened span) are one change.
    const merged: { first: Hunk; last: Hunk; from: number; to: number }[] = [];
    for (const { h, span } of spans) {
      const previous = merged[merged.length - 1];
      if (previous && span[0] < previous.to) {
        previous.last = h;
        previous.to = Math.max(previous.to, span[1]);
      } else merged.push({ first: h, last: h, from: span[0], to: span[1] });
    }
    for (const { first, last, from, to } of merged) {
      const b0 = first.b[0] - (first.a[0] - from);
      const b1 = last.b[1] + (to - last.a[1]);
      groups.add((starts ? s : a).slice(from, to).join(''), b.slice(b0, b1).join(''), contextOf(b, b0, b1), line);
    }
  });
  return groups.list((x, y) => y.count - x.count || x.source.localeCompare(y.source));
}

export interface ReviewOptions {
  vocabulary?: boolean;
  /** The dictionaries, loaded by the build layer (loadDictionaries, src/io/dictionaries.ts). */
  loaded: LoadedDictionaries;
}

/**
 * What converting `edition` (Simplified) to `variant` decides: its reviewed
 * characters, and with `vocabulary` its regional words. Empty for other directions.
 */
export function conversionReview(edition: Edition, variant: Lang, options: ReviewOptions): ConversionReview {
  const review: ConversionReview = { variant, characters: [], vocabulary: [] };
  if (edition.meta.lang !== 'zh-Hans' || variant === 'zh-Hans') return review;
  const { loaded } = options;
  const characters = convertEdition(edition, { variant, quotes: 'source', loaded }).edition;
  review.characters = characterGroups(edition, characters);
  if (options.vocabulary && (variant === 'zh-Hant-TW' || variant === 'zh-Hant-HK')) {
    const vocabulary = convertEdition(edition, { variant, vocabulary: true, quotes: 'source', loaded }).edition;
    review.vocabulary = vocabularyGroups(edition, characters, vocabulary, variant, loaded);
  }
  return review;
}

/** The vocabulary changes of a conversion as report entries, the most frequent first. */
export function phraseReview(edition: Edition, variant: 'zh-Hant-TW' | 'zh-Hant-HK', loaded: LoadedDictionaries): Change[] {
  return conversionReview(edition, variant, { vocabulary: true, loaded }).vocabulary.map((group) => ({
    source: 'convert',
    kind: 'vocabulary',
    message: `${variant === 'zh-Hant-TW' ? 'Taiwan' : 'Hong Kong'} vocabulary writes ${group.source} as ${group.form} (\u00D7${group.count}): ${group.contexts.map((c) => c.text).join(', ')}; a keep (=) or mapping entry in a dictionary (--dictionary) changes it`,
    before: group.source,
    after: group.form,
    severity: 'info' as const,
  }));
}
