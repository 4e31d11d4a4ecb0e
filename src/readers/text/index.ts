// The text reader: newspaper, wire and government text as plain text, in the
// layouts it comes in (blank-line separated or one paragraph a line; indented
// with U+3000, spaces or not at all; CRLF, CR or LF), into an Edition.
import { article, edition, list, listItem, subhead, text } from '../../model/builders.js';
import type { Article, ArticleKind, ArticleMeta, Block, Change, HeadingDepth, Lang } from '../../model/types.js';
import { blockText, inlineText } from '../../model/visit.js';
import type { Reader, ReaderInput, ReaderOptions, ReadResult } from '../types.js';
import { findContents, findTitleBlock, separateMarkers, splitArticles } from './articles.js';
import { buildBlocks } from './blocks.js';
import { type Classified, classify } from './classify.js';
import { detectLang } from './lang.js';
import { type Line, splitLines } from './lines.js';
import { linePosition, spanPosition } from './line-slice.js';
import { CLOSING_END, MARKER_RANK, type MarkerKind, OPENING_DATELINE } from './patterns.js';

const OPENING_BYLINE = new RegExp(`${OPENING_DATELINE.source.replace('^', '^\\s*')}[\\s\\u3000]*(?:[(\\uFF08][^)\\uFF09]{0,20}[)\\uFF09])?[\\s\\u3000]*`, 'u');

const SOURCE = 'reader:text';

/** Body paragraphs are indented when most long lines are. */
function bodyIsIndented(lines: Line[]): boolean {
  const long = lines.filter((line) => line.content.length >= 12);
  if (long.length === 0) return false;
  return long.filter((line) => line.indented).length / long.length >= 0.6;
}

interface Part {
  lines: Line[];
  titleBlock: ReturnType<typeof findTitleBlock>;
  items: (Classified | { kind: 'contents'; lines: Line[] })[];
}

function classifyBody(lines: Line[]): Part['items'] {
  const items: Part['items'] = [];
  for (let i = 0; i < lines.length; i++) {
    const contents = findContents(lines, i);
    if (contents) {
      items.push({ kind: 'contents', lines: lines.slice(i, contents.end) });
      i = contents.end - 1;
      continue;
    }
    items.push(classify(lines[i]!));
  }
  return items;
}

/** Heading depth by the numbering kinds the edition uses: outermost present is depth 1. */
function depthScale(parts: Part[]): (kind: MarkerKind) => HeadingDepth {
  const ranks = new Set<number>();
  for (const part of parts) {
    for (const item of part.items) if (item.kind === 'heading') ranks.add(MARKER_RANK[item.markerKind]);
  }
  const sorted = [...ranks].sort((a, b) => a - b);
  return (kind) => Math.min(4, sorted.indexOf(MARKER_RANK[kind]) + 1) as HeadingDepth;
}

function contentsBlocks(lines: Line[]): Block[] {
  const [head, ...entries] = lines;
  const items = entries.map((line) => listItem([text(line.content, { position: linePosition(line) })], { position: linePosition(line) }));
  return [
    subhead([text(head!.content, { position: linePosition(head!) })], { position: linePosition(head!), data: { role: 'contents' } }),
    list('bullet', items, { position: spanPosition(entries[0]!, entries[entries.length - 1]!), data: { role: 'contents' } }),
  ];
}

function kindOf(blocks: Block[], meta: ArticleMeta): ArticleKind {
  if (blocks.some((b) => b.type === 'subhead' && b.data?.role !== 'contents')) return 'feature';
  const numbered = blocks.filter((b) => (b.type === 'heading' || b.type === 'paragraph') && b.marker).length;
  if (numbered >= 2) return 'policy';
  if (meta.dateline) return 'news';
  return 'other';
}

/** First heading, else the first phrase of the text. */
function deriveTitle(blocks: Block[]): string | undefined {
  const first = blocks.find((b) => b.type === 'heading');
  if (first) return inlineText(first.children);
  const body = blocks.find((b) => b.type === 'paragraph' || b.type === 'quote' || b.type === 'subhead');
  if (!body) return undefined;
  // Not the opening dateline and byline: "新华社北京8月28日电（记者张三）".
  const content = inlineText(body.children).replace(OPENING_BYLINE, '');
  const phrase = /^[^\uFF0C,\u3002\uFF01\uFF1F!?\uFF1B;\uFF1A:\u2014]{2,}/u.exec(content)?.[0] ?? content;
  return phrase.length > 30 ? phrase.slice(0, 30) : phrase;
}

function articleMeta(part: Part, blocks: Block[]): ArticleMeta {
  const meta: ArticleMeta = {};
  const { kicker, title, subtitle } = part.titleBlock;
  if (kicker) meta.kicker = kicker.content;
  if (title) meta.title = title.content;
  if (subtitle) meta.subtitle = subtitle.content;
  for (const block of blocks) {
    if (block.type === 'continuation' && block.direction === 'from') meta.continuedFrom ??= block.page;
    if (block.type === 'continuation' && block.direction === 'to') meta.continuedTo = block.page;
  }
  for (const item of part.items) {
    if (item.kind === 'dateline') {
      meta.dateline = { agency: item.agency, place: item.place, date: item.date, raw: item.line.content };
    }
  }
  if (!meta.dateline) {
    const first = blocks.find((b) => b.type === 'paragraph');
    const opening = first ? OPENING_DATELINE.exec(blockText(first))?.groups : undefined;
    if (opening) {
      meta.dateline = { agency: opening.agency, place: opening.place || undefined, date: opening.date, raw: opening.raw! };
    }
  }
  if (meta.dateline) {
    for (const key of ['agency', 'place', 'date'] as const) if (meta.dateline[key] === undefined) delete meta.dateline[key];
  }
  meta.kind = kindOf(blocks, meta);
  if (!meta.title) {
    const derived = deriveTitle(blocks);
    if (derived) {
      meta.title = derived;
      meta.titleDerived = true;
    }
  }
  // Truncated: the text stops mid-sentence, with no dateline or page reference after it.
  const last = blocks[blocks.length - 1];
  if (last && (last.type === 'paragraph' || last.type === 'list' || last.type === 'quote')) {
    const ending = blockText(last);
    if (!CLOSING_END.test(ending)) meta.truncated = true;
  }
  return meta;
}

export function readText(input: ReaderInput, options: ReaderOptions = {}): ReadResult {
  const report: Change[] = [];
  let source = input.text;
  if (source.startsWith('\uFEFF')) {
    source = source.slice(1);
    report.push({ source: SOURCE, kind: 'byte-order-mark', message: 'dropped the byte-order mark' });
  }
  const split = splitLines(source);
  report.push(...split.report);
  const nonBlank = separateMarkers(split.lines.filter((line) => !line.blank));
  const indented = bodyIsIndented(nonBlank);

  const parts: Part[] = splitArticles(nonBlank).map((lines) => {
    const titleBlock = findTitleBlock(lines, indented);
    return { lines, titleBlock, items: classifyBody(lines.slice(titleBlock.length)) };
  });
  const depthOf = depthScale(parts);

  const articles: Article[] = parts.map((part, index) => {
    const blocks: Block[] = [];
    let run: Classified[] = [];
    const flush = () => {
      blocks.push(...buildBlocks(run, depthOf));
      run = [];
    };
    for (const item of part.items) {
      if (item.kind === 'contents') {
        flush();
        blocks.push(...contentsBlocks(item.lines));
      } else {
        run.push(item);
      }
    }
    flush();
    const first = part.lines[0]!;
    const last = part.lines[part.lines.length - 1]!;
    return article(`article-${index + 1}`, articleMeta(part, blocks), blocks, { position: spanPosition(first, last) });
  });

  const lang: Lang = options.lang ?? detectLang(source);
  const stem = input.path ? input.path.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') : undefined;
  const single = articles.length === 1 ? articles[0]!.meta.title : undefined;
  const title = single ?? stem;
  const editionMeta = { ...(title ? { title } : {}), lang, ...(input.path ? { source: input.path } : {}) };

  if (articles.length === 0) {
    report.push({ source: SOURCE, kind: 'empty', message: 'the text has no content', severity: 'error' });
  }
  const end = split.lines[split.lines.length - 1];
  return {
    edition: edition(editionMeta, articles, {
      position: {
        start: { line: 1, column: 1, offset: 0 },
        end: { line: end?.number ?? 1, column: (end?.columns[end.columns.length - 1] ?? 0) + 1, offset: source.length },
      },
    }),
    report,
  };
}

export const textReader: Reader = readText;
