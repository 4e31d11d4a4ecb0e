// The convert transform: an edition in one Chinese variant to another, by
// OpenCC, with the built-in news dictionary and the user's dictionaries
// protecting phrases OpenCC gets wrong, and quotation marks restyled for the
// region (「」 in Taiwan and Hong Kong).
import type { Article, ArticleMeta, Block, Change, DatelineMeta, Edition, EditionMeta, Lang, Node, Position } from '../../model/types.js';
import type { Transform, TransformContext, TransformResult } from '../types.js';
import { plural } from '../../plural.js';
import type { Dictionary, LoadedDictionaries } from './dictionary.js';
import { ZhpressError } from '../../errors.js';
import { converter, direction, type ConverterFunction } from './opencc.js';
import { segmenterProblem } from './segment.js';
import { buildProtector, protect, restore, type Protection, type Protector } from './protect.js';
import { convertQuotes, newQuoteState, quoteStates, type QuoteState, type QuoteStyle } from './quotes.js';

export type { QuoteStyle } from './quotes.js';
export { parseDictionary } from './dictionary.js';
export type { BuiltInDictionaries, Dictionary, DictionaryEntry, LoadedDictionaries } from './dictionary.js';

/** The transform context with the fields the convert transform adds. */
export interface ConvertContext extends TransformContext {
  /**
   * The dictionaries, loaded by the build layer (loadDictionaries, src/io/dictionaries.ts):
   * the built-in ones and the user's, in the line format of dictionaries/news.txt. The
   * user's entries win over the built-in ones, later files over earlier ones; both win
   * over OpenCC. Needed to convert; an edition already in the variant needs none.
   */
  loaded?: LoadedDictionaries;
  /**
   * Quotation marks: 'corner' (「」『』), 'curly' (“”‘’) or 'source' (as found).
   * By default Simplified → Taiwan or Hong Kong makes them corner brackets,
   * Traditional → Simplified makes them curly, and anything else keeps them.
   */
  quotes?: QuoteStyle;
}

const SOURCE = 'convert';

/** A URL is never converted: http(s):// and what may follow it in a URL. */
const URL = /https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/gu;

const protectors = new Map<string, Protector>();

function protectorFor(from: Lang, to: Lang, loaded: LoadedDictionaries, user: readonly Dictionary[]): Protector {
  if (user.length > 0) return buildProtector([loaded.news(), ...user], from, to, loaded);
  const key = `${from}>${to}`;
  let protector = protectors.get(key);
  if (!protector) {
    protector = buildProtector([loaded.news()], from, to, loaded);
    protectors.set(key, protector);
  }
  return protector;
}

function defaultQuotes(from: Lang, to: Lang): QuoteStyle {
  if (from === 'zh-Hans' && (to === 'zh-Hant-TW' || to === 'zh-Hant-HK')) return 'corner';
  if (from !== 'zh-Hans' && to === 'zh-Hans') return 'curly';
  return 'source';
}

/** Code points of `after` that are not in `before`, by a longest common subsequence. */
function changedCharacters(before: string, after: string): number {
  if (before === after) return 0;
  const a = [...before];
  const b = [...after];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  if (x.length === y.length) return x.reduce((n, ch, i) => n + (ch === y[i] ? 0 : 1), 0);
  if (x.length * y.length > 4_000_000) return Math.max(x.length, y.length);
  let previous = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const row = new Array<number>(y.length + 1).fill(0);
    for (let j = 1; j <= y.length; j++) {
      row[j] = x[i - 1] === y[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!);
    }
    previous = row;
  }
  return y.length - previous[y.length]!;
}

interface Run {
  /** Convert a run of text; `quotes` carries open quotation marks along a block. */
  text(value: string, quotes: QuoteState): string;
  characters: number;
  /** Quotation marks changed. */
  quotes: number;
  /** Blocks with quotation marks that have no partner, kept as found. */
  unpaired: { count: number; position?: Position }[];
  hits: Map<string, Map<string, number>>;
}

function makeRun(opencc: ConverterFunction, protector: Protector, quotes: QuoteStyle): Run {
  const run: Run = {
    characters: 0,
    quotes: 0,
    unpaired: [],
    hits: new Map(),
    text(value, state) {
      const hit = (p: Protection) => {
        let byPhrase = run.hits.get(p.dictionary);
        if (!byPhrase) run.hits.set(p.dictionary, (byPhrase = new Map()));
        byPhrase.set(p.phrase, (byPhrase.get(p.phrase) ?? 0) + 1);
      };
      const part = (s: string): string => {
        if (s === '') return s;
        const guarded = protect(s, protector);
        return restore(opencc(guarded.text), guarded.slots, hit);
      };
      let converted = '';
      let last = 0;
      for (const match of value.matchAll(URL)) {
        converted += part(value.slice(last, match.index)) + match[0];
        last = match.index + match[0].length;
      }
      converted += part(value.slice(last));
      run.characters += changedCharacters(value, converted);
      const before = state.changed;
      const quoted = convertQuotes(converted, quotes, state);
      run.quotes += state.changed - before;
      return quoted;
    },
  };
  return run;
}

/** The text of a node in the order convertNode visits it (marker first), for finding unpaired quotation marks. */
function quoteText(node: Node): string {
  if (node.type === 'text') return node.value;
  const marker = 'marker' in node && typeof node.marker === 'string' ? node.marker : '';
  return marker + ('children' in node ? (node.children as Node[]).map(quoteText).join('') : '');
}

/** A node with its text (text values and markers) converted; the same node if nothing changed. */
function convertNode<T extends Node>(node: T, run: Run, quotes: QuoteState): T {
  if (node.type === 'text') {
    const value = run.text(node.value, quotes);
    return (value === node.value ? node : { ...node, value }) as T;
  }
  let copy: T = node;
  if ('marker' in node && typeof node.marker === 'string') {
    const marker = run.text(node.marker, quotes);
    if (marker !== node.marker) copy = { ...node, marker };
  }
  if ('children' in node) {
    let changed = false;
    const children = (node.children as Node[]).map((child) => {
      // Each list item starts afresh, as each block does.
      const next = convertNode(child, run, child.type === 'listItem' ? newQuoteState(quoteText(child)) : quotes);
      if (next !== child) changed = true;
      return next;
    });
    if (changed) copy = { ...copy, children };
  }
  return copy;
}

/** `obj` with the named optional string fields converted; the same object if none changed. */
function convertFields<T extends object>(obj: T, keys: readonly (keyof T)[], run: Run): T {
  let copy = obj;
  for (const key of keys) {
    const value = obj[key];
    if (typeof value !== 'string') continue;
    const converted = run.text(value, newQuoteState(value));
    if (converted !== value) copy = { ...copy, [key]: converted };
  }
  return copy;
}

function convertArticleMeta(meta: ArticleMeta, run: Run): ArticleMeta {
  let copy = convertFields(meta, ['title', 'kicker', 'subtitle', 'byline'], run);
  const given = meta.notes;
  if (given) {
    const notes = given.map((note) => run.text(note, newQuoteState(note)));
    if (notes.some((note, i) => note !== given[i])) copy = { ...copy, notes };
  }
  if (meta.dateline) {
    const dateline = convertFields<DatelineMeta>(meta.dateline, ['raw', 'agency', 'place', 'date'], run);
    if (dateline !== meta.dateline) copy = { ...copy, dateline };
  }
  return copy;
}

function convertArticle(article: Article, run: Run): Article {
  const meta = convertArticleMeta(article.meta, run);
  let changed = meta !== article.meta;
  // A quotation may run over several blocks; a list's items each start afresh.
  const states = quoteStates(article.children.map((block) => (block.type === 'list' ? undefined : quoteText(block))));
  const children = article.children.map((block: Block, i) => {
    const state = states[i]!;
    const next = convertNode(block, run, state);
    if (state.kept > 0) run.unpaired.push({ count: state.kept, position: block.position });
    if (next !== block) changed = true;
    return next;
  });
  return changed ? { ...article, meta, children } : article;
}

function summarise(hits: Map<string, number>): string {
  const sorted = [...hits].sort((a, b) => b[1] - a[1]);
  const shown = sorted.slice(0, 5).map(([phrase, n]) => (n > 1 ? `${phrase} \u00D7${n}` : phrase));
  return shown.join(', ') + (sorted.length > 5 ? `, and ${sorted.length - 5} more` : '');
}

/**
 * Keep entries (=词) of the user's dictionaries that met the text and gave what
 * the conversion gives the phrase without them: now that =词 converts characters, an entry
 * written to keep a phrase in Simplified does nothing, and says so.
 */
function idleKeepEntries(run: Run, user: readonly Dictionary[], protector: Protector, opencc: ConverterFunction, to: Lang): Change[] {
  const found: Change[] = [];
  if (to === 'zh-Hans') return found; // read backwards, the phrase met is a Traditional form
  for (const dictionary of user) {
    const hits = run.hits.get(dictionary.name);
    if (!hits) continue;
    for (const entry of dictionary.entries) {
      if (!entry.keep || entry.verbatim || !hits.has(`=${entry.simplified}`)) continue;
      const target = protector.phrases.get(entry.simplified)?.target;
      if (target === undefined || opencc(entry.simplified) !== target) continue;
      found.push({
        source: SOURCE,
        kind: 'idle-keep-entry',
        message: `${dictionary.name}:${entry.line}: =${entry.simplified} changes nothing in ${to} (converted without it, it is ${target} too); ==${entry.simplified} keeps it exactly as written`,
        severity: 'info',
      });
    }
  }
  return found;
}

/** Convert an edition to `context.variant`; see ConvertContext for the options. */
export function convertEdition(edition: Edition, context: ConvertContext): TransformResult {
  const from = edition.meta.lang;
  const to = context.variant;
  if (!to || to === from) return { edition, report: [] };

  const { loaded } = context;
  if (!loaded) {
    throw new ZhpressError(`the convert transform needs its dictionaries to convert to ${to}: { variant, loaded: loadDictionaries(files) }`, {
      hint: 'runTransforms from zhpress loads them; see "Library" in README.md',
    });
  }
  const user = loaded.user();
  const way = direction(from, to, context.vocabulary ?? false);
  const opencc = converter(way.from, way.to, loaded);
  const protector = protectorFor(from, to, loaded, user);
  const quoteStyle = context.quotes ?? defaultQuotes(from, to);
  const run = makeRun(opencc, protector, quoteStyle);

  const meta: EditionMeta = { ...convertFields(edition.meta, ['title', 'publication'], run), lang: to };
  const children = edition.children.map((article) => convertArticle(article, run));
  const result: Edition = { ...edition, meta, children };

  const report: Change[] = [
    {
      source: SOURCE,
      kind: 'script',
      message: `converted ${plural(run.characters, 'character')} to ${to}`,
      severity: 'info',
    },
  ];
  for (const [dictionary, hits] of run.hits) {
    const total = [...hits.values()].reduce((a, b) => a + b, 0);
    report.push({
      source: SOURCE,
      kind: 'dictionary',
      message: `${total} phrase${total === 1 ? '' : 's'} from the ${dictionary === 'built-in' ? 'built-in dictionary' : `dictionary ${dictionary}`}: ${summarise(hits)}`,
      severity: 'info',
    });
  }
  report.push(...idleKeepEntries(run, user, protector, opencc, to));
  const problem = from === 'zh-Hans' ? segmenterProblem() : undefined;
  if (problem) {
    report.push({ source: SOURCE, kind: 'segmenter', message: `${problem}; converted with OpenCC's own phrase matching, which reads across words`, severity: 'warning' });
  }
  for (const { count, position } of run.unpaired) {
    report.push({
      source: SOURCE,
      kind: 'unpaired-quotes',
      message: `${count} quotation mark${count === 1 ? '' : 's'} without a partner in this paragraph, kept as written`,
      position,
      severity: 'warning',
    });
  }
  if (run.quotes > 0) {
    report.push({
      source: SOURCE,
      kind: 'quotes',
      message: `changed ${run.quotes} quotation mark${run.quotes === 1 ? '' : 's'} to ${quoteStyle === 'corner' ? 'corner brackets' : 'curly quotes'}`,
      severity: 'info',
    });
  }
  return { edition: result, report };
}

/** The convert transform (ConvertContext's fields are read when present). */
export const convert: Transform = convertEdition;
