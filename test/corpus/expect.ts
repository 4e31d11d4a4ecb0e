// The corpus expectation format (FORMAT.md): parse `.expect` files, project a
// model onto the same records, and compare the two sequences.
import type { Article, Block, Edition, ParagraphRole } from '../../src/model/types.js';
import { inlineText } from '../../src/model/visit.js';

/** One line of an expectation: a tag and its fields, already normalised. */
export interface Rec {
  tag: string;
  fields: string[];
  /** Line in the .expect file (expected records only). */
  line?: number;
}

const PREFIX = 8;
const norm = (s: string) => s.replace(/[\s\u3000\u00A0\u2002\u2003\u2007\u202F]+/gu, '');

const ROLE_TAG: Record<ParagraphRole, string> = {
  header: 'hdr',
  address: 'addr',
  attachment: 'att',
  signature: 'sig',
  annotation: 'ann',
  record: 'rec',
};
const ROLE_TAGS = new Set(Object.values(ROLE_TAG));
const META_TAGS = new Set(['kicker', 'title', 'subtitle', 'note', 'byline', 'dateline', 'from', 'to']);
/** Tags whose last field is a prefix of the block's text. */
const PREFIXED = new Set(['h', 'p', 'sub', 'quote', 'li', 'toc', 'date', ...ROLE_TAGS]);

/** Meta records in the order FORMAT.md gives, whatever order an expectation wrote them in. */
const META_ORDER = ['kicker', 'title', 'subtitle', 'note', 'byline', 'dateline', 'from', 'to', 'truncated'];

function canonical(recs: Rec[]): Rec[] {
  // An article's meta lines, wherever its expectation wrote them, stand right after "== article".
  const out: Rec[] = [];
  let article: Rec[] = [];
  const flush = () => {
    const [head, ...rest] = article;
    const meta = rest.filter((r) => META_ORDER.includes(r.tag)).sort((x, y) => META_ORDER.indexOf(x.tag) - META_ORDER.indexOf(y.tag));
    if (head) out.push(head);
    out.push(...meta, ...rest.filter((r) => !META_ORDER.includes(r.tag)));
    article = [];
  };
  for (const rec of recs) {
    if (rec.tag === 'article') flush();
    article.push(rec);
  }
  flush();
  return out;
}

export function parseExpect(source: string): Rec[] {
  return canonical(parseLines(source));
}

function parseLines(source: string): Rec[] {
  const out: Rec[] = [];
  source.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const at = index + 1;
    if (line === '== article') return void out.push({ tag: 'article', fields: [], line: at });
    if (line === 'truncated') return void out.push({ tag: 'truncated', fields: [], line: at });
    const meta = /^([a-z]+):\s?(.*)$/.exec(line);
    if (meta && META_TAGS.has(meta[1]!)) {
      const value = meta[2]!;
      const fields = meta[1] === 'dateline' ? value.split('|').map(norm) : [norm(value)];
      return void out.push({ tag: meta[1]!, fields, line: at });
    }
    const space = line.indexOf(' ');
    let tag = space < 0 ? line : line.slice(0, space);
    const rest = space < 0 ? '' : line.slice(space + 1);
    let fields: string[];
    const depth = /^h([1-4])$/.exec(tag);
    if (depth) {
      fields = [depth[1]!, ...splitFields(rest, 2)];
      tag = 'h';
    } else if (tag === 'p') {
      fields = splitFields(rest, 3);
      // "第一条|第一条|…": the provision number written as both marker and lead is a lead.
      if (fields[0] !== '' && norm(fields[0]!) === norm(fields[1]!)) fields[0] = '';
    }
    else if (tag === 'li' || tag === 'cont') fields = splitFields(rest, 2);
    else if (tag === 'list') fields = [rest.trim()];
    else fields = [rest];
    fields = fields.map(norm);
    if (PREFIXED.has(tag)) fields[fields.length - 1] = fields[fields.length - 1]!.slice(0, PREFIX);
    out.push({ tag, fields, line: at });
  });
  return out;
}

function splitFields(rest: string, count: number): string[] {
  const parts = rest.split('|');
  while (parts.length < count) parts.unshift('');
  if (parts.length > count) return [...parts.slice(0, count - 1), parts.slice(count - 1).join('|')];
  return parts;
}

function blockRecords(block: Block, out: Rec[]): void {
  const text = (b: { children: Parameters<typeof inlineText>[0] }) => norm(inlineText(b.children));
  switch (block.type) {
    case 'heading':
      out.push({ tag: 'h', fields: [String(block.depth), norm(block.marker ?? ''), text(block)] });
      return;
    case 'paragraph': {
      const [first, ...others] = block.children;
      const lead = first?.type === 'lead' ? norm(inlineText(first.children)) : '';
      const body = norm(inlineText(lead ? others : block.children));
      if (block.role) out.push({ tag: ROLE_TAG[block.role], fields: [norm((block.marker ?? '') + lead + body)] });
      else out.push({ tag: 'p', fields: [norm(block.marker ?? ''), lead, body] });
      return;
    }
    case 'subhead':
      out.push({ tag: block.data?.role === 'contents' ? 'toc' : 'sub', fields: [text(block)] });
      return;
    case 'list':
      if (block.data?.role !== 'contents') out.push({ tag: 'list', fields: [block.style] });
      for (const item of block.children) out.push({ tag: 'li', fields: [norm(item.marker ?? ''), text(item)] });
      return;
    case 'quote':
      out.push({ tag: 'quote', fields: [text(block)] });
      return;
    case 'dateline':
      out.push({ tag: 'date', fields: [text(block)] });
      return;
    case 'continuation':
      out.push({ tag: 'cont', fields: [block.direction, norm(block.page)] });
      return;
  }
}

function articleRecords(article: Article, out: Rec[]): void {
  const meta = article.meta;
  out.push({ tag: 'article', fields: [] });
  if (meta.kicker) out.push({ tag: 'kicker', fields: [norm(meta.kicker)] });
  if (meta.title && !meta.titleDerived) out.push({ tag: 'title', fields: [norm(meta.title)] });
  if (meta.subtitle) out.push({ tag: 'subtitle', fields: [norm(meta.subtitle)] });
  for (const note of meta.notes ?? []) out.push({ tag: 'note', fields: [norm(note)] });
  if (meta.byline) out.push({ tag: 'byline', fields: [norm(meta.byline)] });
  if (meta.dateline) {
    const d = meta.dateline;
    out.push({ tag: 'dateline', fields: [norm(d.agency ?? ''), norm(d.place ?? ''), norm(d.date ?? '')] });
  }
  if (meta.continuedFrom) out.push({ tag: 'from', fields: [norm(meta.continuedFrom)] });
  if (meta.continuedTo) out.push({ tag: 'to', fields: [norm(meta.continuedTo)] });
  if (meta.truncated) out.push({ tag: 'truncated', fields: [] });
  for (const block of article.children) blockRecords(block, out);
}

/** The model as expectation records (full texts; compared by prefix). */
export function project(edition: Edition): Rec[] {
  const out: Rec[] = [];
  for (const article of edition.children) articleRecords(article, out);
  return out;
}

/** Whether a found record satisfies an expected one. */
export function matches(expected: Rec, found: Rec): boolean {
  if (expected.tag !== found.tag || expected.fields.length !== found.fields.length) return false;
  const last = expected.fields.length - 1;
  return expected.fields.every((field, i) => {
    const other = found.fields[i]!;
    if (i === last && PREFIXED.has(expected.tag)) return field === '' ? other === '' : other.startsWith(field);
    return field === other;
  });
}

export function show(rec: Rec): string {
  if (rec.tag === 'article') return '== article';
  if (rec.tag === 'truncated') return 'truncated';
  if (META_TAGS.has(rec.tag)) return `${rec.tag}: ${rec.fields.join('|')}`;
  const fields = rec.fields.map((f, i) => (i === rec.fields.length - 1 && PREFIXED.has(rec.tag) ? f.slice(0, PREFIX + 4) : f));
  if (rec.tag === 'h') return `h${fields[0]} ${fields.slice(1).join('|')}`;
  return `${rec.tag} ${fields.join('|')}`;
}

export interface Comparison {
  expected: Rec[];
  found: Rec[];
  /** Pairs of indices (expected, found) that match, in order. */
  pairs: [number, number][];
}

/** Longest common subsequence of the two record lists under `matches`. */
export function compare(expected: Rec[], found: Rec[]): Comparison {
  const n = expected.length;
  const m = found.length;
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] = matches(expected[i]!, found[j]!)
        ? table[(i + 1) * width + j + 1]! + 1
        : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (matches(expected[i]!, found[j]!) && table[i * width + j] === table[(i + 1) * width + j + 1]! + 1) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i++;
    else j++;
  }
  return { expected, found, pairs };
}

/** A unified-diff-like listing of what differs: `-` expected and missing, `+` found and not expected. */
export function differences(c: Comparison, limit = 40): string[] {
  const lines: string[] = [];
  let i = 0;
  let j = 0;
  const push = (s: string) => lines.length < limit && lines.push(s);
  for (const [pi, pj] of [...c.pairs, [c.expected.length, c.found.length] as [number, number]]) {
    for (; i < pi; i++) push(`- ${show(c.expected[i]!)}   (expect line ${c.expected[i]!.line})`);
    for (; j < pj; j++) push(`+ ${show(c.found[j]!)}`);
    i = pi + 1;
    j = pj + 1;
  }
  return lines;
}
