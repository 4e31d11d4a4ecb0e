// The Markdown reader: the zhpress Markdown edition format (see the writer in
// src/writers/markdown) and hand-written CommonMark, into an Edition. Structure
// comes from markdown-it's token stream; YAML front matter gives edition and
// article metadata.
import { readerInput } from '../../library-guards.js';
import { article, edition } from '../../model/builders.js';
import type { Article, ArticleMeta, Block, Change, EditionMeta, Lang, Position } from '../../model/types.js';
import { detectLang } from '../text/lang.js';
import type { Reader, ReaderInput, ReaderOptions, ReadResult } from '../types.js';
import { BlockBuilder, type Unit } from './blocks.js';
import { type FrontMatter, parseFrontMatter, SOURCE, splitFrontMatter } from './front-matter.js';
import { deriveMeta } from './meta.js';
import { linesPosition, locator, sourceLines, spanOf } from './source.js';
import { markdownIt, markdownItContainer } from '../../lazy.js';
import { MAX_MARKDOWN_NESTING } from '../../model/limits.js';
import { type DepthEnv, depthLimit } from './depth.js';

export { type FrontMatter, parseFrontMatter, splitFrontMatter } from './front-matter.js';

// HTML on, so that raw HTML is seen (and reported) rather than silently taken as text.
// Fenced divs (`::: signature` … `:::`, Pandoc's syntax) of any class: blocks.ts
// reads those of a paragraph role and reports the others. Containers nested too
// deep are flattened, not dropped (depth.ts).
let parser: InstanceType<ReturnType<typeof markdownIt>> | undefined;
const markdown = () =>
  (parser ??= new (markdownIt())('default', { html: true })
    .use(markdownItContainer(), 'div', { validate: (params: string) => params.trim() !== '' })
    .use(depthLimit));

interface Draft {
  title?: string;
  blocks: Block[];
  position?: Position;
}

function groupArticles(units: Unit[]): Draft[] {
  const drafts: Draft[] = [];
  let current: Draft = { blocks: [] };
  const started = (draft: Draft) => draft.title !== undefined || draft.blocks.length > 0;
  for (const unit of units) {
    switch (unit.kind) {
      case 'title':
        if (started(current)) {
          drafts.push(current);
          current = { blocks: [] };
        }
        current.title = unit.title;
        current.position = spanOf(current.position, unit.position);
        break;
      case 'break':
        if (started(current)) drafts.push(current);
        current = { blocks: [] };
        break;
      case 'block':
        current.blocks.push(unit.block);
        current.position = spanOf(current.position, unit.block.position);
    }
  }
  if (started(current)) drafts.push(current);
  return drafts;
}

function articleMeta(draft: Draft, index: number, matter: FrontMatter): { id: string; meta: ArticleMeta } {
  const entry = matter.articles[index];
  const id = entry?.id ?? `article-${index + 1}`;
  if (!entry) return { id, meta: deriveMeta(draft.title, draft.blocks) };
  // The front matter is the metadata as written: nothing is derived beside it.
  const meta: ArticleMeta = { ...entry.meta };
  if (meta.dateline) meta.dateline = { ...meta.dateline };
  // The writer puts the id on the `#` line of an article without a title: that is no title.
  if (meta.title === undefined && draft.title !== undefined && draft.title !== entry.id) meta.title = draft.title;
  return { id, meta };
}

export function readMarkdown(argument: ReaderInput | string, options: ReaderOptions = {}): ReadResult {
  const input = readerInput(argument, 'readMarkdown');
  const report: Change[] = [];
  let text = input.text;
  if (text.startsWith('\uFEFF')) {
    text = text.slice(1);
    report.push({ source: SOURCE, kind: 'byte-order-mark', message: 'dropped the byte-order mark' });
  }
  const source = sourceLines(text);
  const block = splitFrontMatter(source, input.path);
  let matter: FrontMatter = { edition: {}, articles: [], hasArticles: false };
  if (block) {
    const parsed = parseFrontMatter(block, source, input.path);
    matter = parsed.matter;
    report.push(...parsed.report);
  }
  const bodyStart = block?.bodyStart ?? 0;
  const bodyLines = source.lines.slice(bodyStart);
  const body = bodyLines.join('\n');

  const env: DepthEnv = {};
  const tokens = markdown().parse(body, env);
  const locate = locator(source, bodyStart);
  if (env.flattened?.length) {
    const first = locate.fileLine(Math.min(...env.flattened));
    const position = locate.map([first - 1 - bodyStart, first - bodyStart]);
    report.push({
      source: SOURCE,
      kind: 'nesting',
      message: `quotes and lists nested deeper than ${MAX_MARKDOWN_NESTING} levels (a quote is one, a list two) from line ${first} (${env.flattened.length} place(s)): the lines below that depth are kept as paragraphs of the deepest container, their > and list marks dropped`,
      ...(position ? { position } : {}),
      severity: 'warning',
    });
  }
  const units = new BlockBuilder(locate, report, bodyLines).build(tokens);
  const drafts = groupArticles(units);

  const articles: Article[] = drafts.map((draft, index) => {
    const { id, meta } = articleMeta(draft, index, matter);
    return article(id, meta, draft.blocks, draft.position ? { position: draft.position } : undefined);
  });

  if (matter.hasArticles && matter.articles.length !== articles.length) {
    report.push({
      source: SOURCE,
      kind: 'front-matter',
      message: `front matter lists ${matter.articles.length} article(s), the text has ${articles.length}; entries are matched by order`,
      severity: 'warning',
    });
  }
  if (articles.length === 0) {
    report.push({ source: SOURCE, kind: 'empty', message: 'the text has no content', severity: 'error' });
  }

  const given = matter.edition;
  const lang: Lang = options.lang ?? given.lang ?? detectLang(body);
  // Without a front-matter title the edition is called after its first article, never after
  // the file; the source is the one the front matter gives, not the file's path.
  const title = given.title ?? articles[0]?.meta.title;
  const sourceName = given.source;
  const editionMeta: EditionMeta = {
    ...(title !== undefined ? { title } : {}),
    ...(given.publication !== undefined ? { publication: given.publication } : {}),
    ...(given.date !== undefined ? { date: given.date } : {}),
    ...(given.page !== undefined ? { page: given.page } : {}),
    lang,
    ...(sourceName !== undefined ? { source: sourceName } : {}),
  };

  const lastLine = source.lines.length - 1;
  const whole = linesPosition(source, 0, lastLine);
  return { edition: edition(editionMeta, articles, { position: whole }), report };
}

export const markdownReader: Reader = readMarkdown;
