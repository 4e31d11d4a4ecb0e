// The text reader: newspaper, wire and government text as plain text, in the
// layouts it comes in (blank-line separated or one paragraph a line; indented
// with U+3000, spaces or not at all; CRLF, CR or LF), into an Edition.
import { htmlResidue } from './html-residue.js';
import { tableCells } from './table-cells.js';
import { readerInput } from '../../library-guards.js';
import { article, edition, list, listItem, subhead, text } from '../../model/builders.js';
import type { Article, ArticleMeta, Block, Change, HeadingDepth, Lang } from '../../model/types.js';
import { completeMeta } from '../article-meta.js';
import { inlineText } from '../../model/visit.js';
import type { Reader, ReaderInput, ReaderOptions, ReadResult } from '../types.js';
import { findContents, separateMarkers, moreMarks, splitArticles } from './articles.js';
import { documentHead } from './document-head.js';
import { endMatter } from './end-matter.js';
import { readLayout } from './layout.js';
import { joinCutLines } from './cut-lines.js';
import { findTitleBlock, titleLike, type TitleBlock } from './title-block.js';
import { BOX_LABEL, EDITOR_SIGN, isAddress, labelAlone, pageRow } from './roles.js';
import { buildBlocks } from './blocks.js';
import { bulletinItems, headTitle } from './bulletin.js';
import { type Classified, classify, gluedProvisions } from './classify.js';
import { decideSiblings } from './siblings.js';
import { restoreLostMarkers } from './lost-markers.js';
import { detectLang } from './lang.js';
import { type Line, splitLines } from './lines.js';
import { linePosition, sliceLine, spanPosition, trimLine } from './line-slice.js';
import { type Markup, readMarkup } from './markup.js';
import { CLOSING_END, MARKER_RANK, type MarkerKind, matchMarker, OPENING_DATELINE, PROVISION } from '../../text/patterns.js';
import { ZhpressError } from '../../errors.js';


const SOURCE = 'reader:text';

/** A bold run-in lead in Markdown left in the text: "**加大减税降费力度。**正文……". */
const BOLD_LEAD = /^\*\*([^*]{2,60}?)\*\*(?=\S)/u;

/** "当事人名称\t平安理财有限责任公司": a field's label, a TAB, its value (a record's table as a crawler saves it). */
const TAB_FIELD = /^[\p{Script=Han}（）\(\)]{2,12}\t+(?=\S)/v;

/** Body paragraphs are indented when most long lines are. */
function bodyIsIndented(lines: Line[]): boolean {
  const long = lines.filter((line) => line.content.length >= 12);
  // A text of short lines (a poem, a list of names) shows its indentation on the lines under the first.
  const pool = long.length > 0 || lines.length < 4 ? long : lines.slice(1);
  if (pool.length === 0) return false;
  return pool.filter((line) => line.indented).length / pool.length >= 0.6;
}

interface Part {
  lines: Line[];
  titleBlock: TitleBlock;
  items: (Classified | { kind: 'contents'; lines: Line[] })[];
}

/** A paper's section number glued to its head's text: "1全天云图监测的现状与不足", "2.1系统构成". */
const GLUED_SECTION = /^([0-9]{1,2}(?:\.[0-9]{1,2}){0,3})(?=\p{Script=Han})/v;

/** A TV script's cue for the sound under it, with the voice it names: "现场声：", "同期声 刘赐贵", "解说：". */
const SOUND_CUE = /^(?:现场声|現場聲|同期声|同期聲|解说词|解說詞|解说|解說|画外音|畫外音|旁白)(?:[\s\u3000]*[\uFF1A:][\s\u3000]*[^\u3002\uFF01\uFF1F!?\uFF0C,]{0,60}|[\s\u3000]+[^\u3002\uFF01\uFF1F!?\uFF0C,\uFF1A:]{2,60})?$/u;

/** A label after the reference mark, alone on its line, closed by a colon: "※單位主管新聞說明會紀要:". */
const REFERENCE_LABEL = /^\u203B[^\u3002\uFF01\uFF1F!?\uFF1B;\uFF0C,]{2,38}[\uFF1A:]$/u;

function classifyBody(lines: Line[], titleBlock: TitleBlock, furniture: Set<Line>, markup: Markup, headings?: readonly MarkerKind[], fieldTable = false): Part['items'] {
  const items: Part['items'] = [];
  for (const { line, role, dateline, deck } of titleBlock.blocks) {
    if (deck) items.push({ kind: 'quote', line });
    else if (dateline) {
      const groups: { agency?: string; place?: string; date?: string } = OPENING_DATELINE.exec(line.content)?.groups ?? {};
      items.push({ kind: 'dateline', line, agency: groups.agency, place: groups.place || undefined, date: groups.date });
    } else items.push({ kind: 'paragraph', line, rest: line, role });
  }
  const roles = endMatter(lines);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // A group's label alone over its numbered points, inside the body ("三、相关部门职责" / "后勤保障部：" /
    // "1. 认真检查……"): the label of what follows (a lead with no text), not an addressee.
    // (A box label stays a head: "注释：", "资料来源：".)
    if (i > 0 && labelAlone(line.content, 10) && !BOX_LABEL.test(line.content) && !roles.has(line) && items.some((item) => item.kind === 'paragraph' && !item.role) && /^(?:[0-9\uFF10-\uFF19]{1,2}[.\uFF0E\u3001]|[(\uFF08][0-9\uFF10-\uFF19]{1,2}[)\uFF09])/u.test(lines[i + 1]?.content ?? '')) {
      items.push({ kind: 'paragraph', line, lead: line, rest: sliceLine(line, line.content.length) });
      continue;
    }
    // A TV script's sound cue alone on its line, with the voice it names or none ("现场声:", "同期声 刘赐贵",
    // "同期声:……小记者 杨艺涵"): the label of the speech under it.
    if (SOUND_CUE.test(line.content) && !roles.has(line) && lines[i + 1] !== undefined) {
      items.push({ kind: 'paragraph', line, lead: line, rest: sliceLine(line, line.content.length) });
      continue;
    }
    const address = isAddress(line.content) && !PROVISION.test(line.content) && !matchMarker(line.content);
    // "——编  者" under an editor's note: its signature, wherever the note stands.
    // (The contact's address right over the signature, "联系邮箱：……", is the body's last line, not a page's link.)
    const contactOverSignature = /^(?:联系|聯繫|聯絡|联络)/u.test(line.content) && roles.get(lines[i + 1]!) === 'signature';
    const role = furniture.has(line) || (pageRow(line.content, lines[i + 1]?.content) && !contactOverSignature) ? 'record' : EDITOR_SIGN.test(line.content) ? 'signature' : (roles.get(line) ?? (address ? 'address' : undefined));
    if (role) {
      items.push({ kind: 'paragraph', line, rest: line, role });
      continue;
    }
    const contents = findContents(lines, i);
    if (contents) {
      items.push({ kind: 'contents', lines: lines.slice(i, contents.end) });
      i = contents.end - 1;
      continue;
    }
    // "※國際傳播司司長徐詠梅報告：" alone over what follows: a release's reference-marked label, a subhead.
    if (REFERENCE_LABEL.test(line.content) && lines[i + 1] !== undefined && !roles.has(line)) {
      items.push({ kind: 'subhead', line });
      continue;
    }
    // A "## " line or a **bold** line alone is a head; "**加大减税降费力度。**正文" opens with its lead.
    // One that is a label alone ("### 柯華葳：" over a speaker's turn) is the label, as it would be unmarked.
    // A "#" head numbered as a paper numbers its sections, the number glued to the text ("# 2.1系统构成"): a
    // heading of that numbering's depth.
    const numbered = markup.level.has(line) ? GLUED_SECTION.exec(line.content) : null;
    if (numbered) {
      const parts = numbered[1]!.split('.').length as 1 | 2 | 3 | 4;
      items.push({ kind: 'heading', line, markerKind: `decimal-${parts}`, marker: numbered[1]!, rest: sliceLine(line, numbered[0].length) });
      continue;
    }
    // (A bold line of sentences is a paragraph set in bold, a standfirst: "**一份……文件显示，……近3个月之久。**".)
    const boldParagraph = markup.strong.has(line) && !markup.level.has(line) && line.content.length > 30 && CLOSING_END.test(line.content);
    if ((markup.level.has(line) || markup.strong.has(line)) && !boldParagraph && !matchMarker(line.content) && !MARKED_LABEL.test(line.content)) {
      items.push({ kind: 'subhead', line });
      continue;
    }
    // A field of a record's table: its label the lead, its value the text (the TAB stands where a colon would).
    const field = fieldTable ? TAB_FIELD.exec(line.content) : null;
    if (field) {
      // (The TAB between them is set as the ideographic space a printed form leaves there, each in its place.)
      const label = field[0].replace(/\t+$/u, '').length;
      const gap = sliceLine(line, label);
      items.push({ kind: 'paragraph', line, lead: sliceLine(line, 0, label), rest: { ...gap, content: gap.content.replace(/^\t+/u, (tabs) => '\u3000'.repeat(tabs.length)) } });
      continue;
    }
    const bold = markup.present ? BOLD_LEAD.exec(line.content) : null;
    if (bold && !matchMarker(line.content)) {
      items.push({ kind: 'paragraph', line, lead: sliceLine(line, 2, 2 + bold[1]!.length), rest: trimLine(sliceLine(line, bold[0].length)) });
      continue;
    }
    items.push(classify(line));
  }
  return decideSiblings(gluedProvisions(restoreLostMarkers(items as Classified[])), headings);
}

/** A name or label and its colon, nothing else: "柯華葳：", "紀錄確認：". */
const MARKED_LABEL = /^[^\s\uFF1A:\u3002\uFF0C,]{1,12}[\uFF1A:]$/u;

/** Heading depth by the numbering kinds an article uses: the outermost present is depth 1. */
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
  // An entry keeps its numbering in its text: it names a heading, it is not an item of a numbered list.
  const items = entries.map((line) => listItem([text(line.content, { position: linePosition(line) })], { position: linePosition(line) }));
  return [
    subhead([text(head!.content, { position: linePosition(head!) })], { position: linePosition(head!), data: { role: 'contents' } }),
    list('bullet', items, { position: spanPosition(entries[0]!, entries[entries.length - 1]!), data: { role: 'contents' } }),
  ];
}

/** The first dateline among the part's items from line `from` to line `to`. */
function datelineIn(part: Part, from: number, to: number): ArticleMeta['dateline'] {
  for (const item of part.items) {
    if (item.kind === 'dateline' && item.line.number >= from && item.line.number <= to) return { agency: item.agency, place: item.place, date: item.date, raw: item.line.content };
  }
  return undefined;
}

function articleMeta(part: Part, blocks: Block[], to = Infinity): ArticleMeta {
  const meta: ArticleMeta = {};
  const { kicker, title, subtitle } = part.titleBlock;
  if (kicker) meta.kicker = kicker.content;
  if (title) meta.title = title.content;
  if (subtitle) meta.subtitle = subtitle.content;
  if (part.titleBlock.notes.length) meta.notes = part.titleBlock.notes.map((line) => line.content);
  if (part.titleBlock.byline) meta.byline = part.titleBlock.byline.content;
  const dateline = datelineIn(part, 0, to);
  if (dateline) meta.dateline = dateline;
  if (!meta.dateline && part.titleBlock.place && part.titleBlock.byline) meta.dateline = { place: part.titleBlock.place, raw: part.titleBlock.byline.content };
  completeMeta(meta, blocks);
  return meta;
}

export function readText(given: ReaderInput | string, options: ReaderOptions = {}): ReadResult {
  const input = readerInput(given, 'readText');
  const report: Change[] = [];
  let source = input.text;
  if (source.startsWith('\uFEFF')) {
    source = source.slice(1);
    report.push({ source: SOURCE, kind: 'byte-order-mark', message: 'dropped the byte-order mark' });
  }
  const split = splitLines(source);
  report.push(...split.report);
  const layout = readLayout(tableCells(htmlResidue(split.lines, report), report), report);
  layout.lines = joinCutLines(layout.lines, report);
  layout.lines.forEach((line, i) => {
    if (i > 0 && layout.lines[i - 1]!.blank && !line.blank) line.afterBlank = true;
  });
  const { lines: unmarked, markup } = readMarkup(layout.lines.filter((line) => !line.blank), report);
  for (const line of markup.comments) layout.furniture.add(line);
  const nonBlank = separateMarkers(unmarked);
  // One paragraph a line: a blank line is then where something was (a head the crawler dropped) or starts.
  // (So where most paragraphs follow each other line by line, however many heads and labels stand set off.)
  const prose = nonBlank.filter((line, k) => k > 0 && line.content.length >= 30 && CLOSING_END.test(line.content));
  const runOn = prose.filter((line) => !line.afterBlank).length;
  const blanksMeanSections = nonBlank.filter((line) => line.afterBlank).length < 0.3 * nonBlank.length || (prose.length >= 4 && runOn >= 0.6 * prose.length);
  const indented = bodyIsIndented(nonBlank);

  // Numbering kinds the sidecar declares to be headings, by example ("1.", "（一）").
  const declared = options.headings?.map((example) => {
    const kind = matchMarker(example.trim())?.kind;
    if (!kind) throw new ZhpressError(`"${example}" under reader.headings is no numbering the text reader knows`, { hint: 'give an example of the marker as it stands in the text: "一、", "（一）", "1.", "第一章"' });
    return kind;
  });
  // A record's table, one field a line (label TAB value), for most of the text: its fields are no title block.
  const fields = nonBlank.filter((line) => TAB_FIELD.test(line.content)).length;
  const fieldTable = fields >= 3 && fields >= 0.5 * nonBlank.length;
  // (A list page's "more" marks after each summary: records where they stand.)
  if (options.articles !== 'one') for (const mark of moreMarks(nonBlank)) layout.furniture.add(mark);
  // (A front matter's lines are the first article's header matter: its fences are no rules between items.)
  const matter = nonBlank.findIndex((line) => !markup.frontMatter.has(line));
  const splitPast = (lines: Line[]): Line[][] => {
    if (matter <= 0) return splitArticles(lines);
    const [first = [], ...rest] = splitArticles(lines.slice(matter));
    return [[...lines.slice(0, matter), ...first], ...rest];
  };
  const parts: Part[] = (options.articles === 'one' ? [nonBlank] : splitPast(nonBlank)).map((lines) => {
    // An official document's head under a web page's chrome, or the usual title block (over the first field).
    const firstField = fieldTable ? lines.findIndex((line) => TAB_FIELD.test(line.content)) : -1;
    const head = firstField >= 0 ? lines.slice(0, firstField) : lines;
    let titleBlock: TitleBlock = head.length === 0 ? { notes: [], blocks: [], length: 0 } : (documentHead(head, layout.furniture) ?? findTitleBlock(head, indented, layout.furniture, markup, nonBlank));
    // (The table's name alone over its fields is its title: "……行政处罚信息公开表".)
    if (firstField === 1 && titleBlock.length === 0 && titleLike(head[0]!.content)) titleBlock = { title: head[0], notes: [], blocks: [], length: 1 };
    return { lines, titleBlock, items: classifyBody(lines.slice(titleBlock.length), titleBlock, layout.furniture, markup, declared, fieldTable) };
  });
  const articles: Article[] = parts.flatMap((part) => {
    // Each article numbers its own parts (a notice and the plan it transmits, a page of several stories).
    const depthOf = depthScale([part]);
    const blocks: Block[] = [];
    let run: Classified[] = [];
    const flush = () => {
      blocks.push(...buildBlocks(run, depthOf, { blanksMeanSections, bodyIndented: indented, titled: part.titleBlock.title !== undefined && blocks.length === 0, marked: markup.present }));
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
    const position = spanPosition(first, last);
    const items = options.articles === 'one' ? undefined : bulletinItems(blocks, options.articles === 'split-on-headlines');
    if (!items) return [article('', articleMeta(part, blocks), blocks, { position })];
    if (items.length > 1) {
      report.push({
        source: SOURCE,
        kind: 'bulletin',
        message: `read as a bulletin of ${items.length - (items[0]!.blocks.length || part.titleBlock.title ? 0 : 1)} items, one article per headline${options.articles ? ' (articles: split-on-headlines)' : ' (every headline stands over one or two paragraphs, or over a report that opens with its dateline; set "articles: one" under "reader:" in the sidecar to keep one article)'}`,
        position,
      });
    }
    // (Each item's dateline is its own: the file's head takes none from the items under it.)
    const firstHead = items[1]?.head?.position?.start.line ?? Infinity;
    return items.flatMap((item, k) => {
      if (k === 0) return item.blocks.length || part.titleBlock.title ? [article('', articleMeta(part, item.blocks, firstHead - 1), item.blocks, { position })] : [];
      const end = item.blocks[item.blocks.length - 1]?.position?.end ?? item.head!.position?.end;
      const dateline = datelineIn(part, item.head!.position?.start.line ?? 0, end?.line ?? Infinity);
      const meta = completeMeta({ title: headTitle(item.head!), ...(dateline ? { dateline } : {}) }, item.blocks);
      return [article('', meta, item.blocks, item.head!.position && end ? { position: { start: item.head!.position.start, end } } : {})];
    });
  });
  articles.forEach((a, i) => (a.id = `article-${i + 1}`));

  const lang: Lang = options.lang ?? detectLang(source);
  // With no title of its own (a sidecar gives one), the edition is called after its first
  // article, never after the file: a file name is no title, and no source either.
  const title = articles[0]?.meta.title;
  const editionMeta = { ...(title ? { title } : {}), lang };

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
