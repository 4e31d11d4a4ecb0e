// The document model: plain JSON-safe data in the manner of unist/mdast.
// Every node has a literal `type`; parents have `children`; any node may carry
// `position` (where it stands in the source) and `data` (annotations for tools).
// This file is the contract between readers, transforms and writers.

export const MODEL_VERSION = 1;

/** 1-based line and column, 0-based offset in UTF-16 code units of the decoded source. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

export interface Position {
  start: Point;
  end: Point;
}

export interface NodeBase {
  type: string;
  position?: Position;
  data?: Record<string, unknown>;
}

export interface ParentBase<Child> extends NodeBase {
  children: Child[];
}

// ---------------------------------------------------------------- inlines

export interface Text extends NodeBase {
  type: 'text';
  value: string;
}

/** Run-in title at the start of a paragraph, printed bold: "稳妥有序推动……发展。" */
export interface Lead extends ParentBase<PhrasingContent> {
  type: 'lead';
}

export interface Strong extends ParentBase<PhrasingContent> {
  type: 'strong';
}

export interface Emphasis extends ParentBase<PhrasingContent> {
  type: 'emphasis';
}

/** Inline content that may stand anywhere. */
export type PhrasingContent = Text | Strong | Emphasis;

/** Inline content of a block: phrasing content, and a lead as the first child of a paragraph. */
export type Inline = PhrasingContent | Lead;

export interface InlineContentMap {
  text: Text;
  lead: Lead;
  strong: Strong;
  emphasis: Emphasis;
}

// ---------------------------------------------------------------- blocks

export type HeadingDepth = 1 | 2 | 3 | 4;

/** `marker` is the literal numbering ("二、", "(三)", "第一章"): content, kept verbatim, never regenerated. */
export interface Heading extends ParentBase<Inline> {
  type: 'heading';
  depth: HeadingDepth;
  marker?: string;
}

/**
 * The parts of an official document or a report around its body, after GB/T 9704:
 * header fields (文号, 发布日期), addressees or salutation (主送机关, "同志们："),
 * the attachment note (附件说明), the signature and its date (署名, 成文日期),
 * an annotation (附注), and end matter (抄送, 印发, credits, page headers of a dump).
 */
export type ParagraphRole = 'header' | 'address' | 'attachment' | 'signature' | 'annotation' | 'record';

export const PARAGRAPH_ROLES: readonly ParagraphRole[] = ['header', 'address', 'attachment', 'signature', 'annotation', 'record'];

/** A body paragraph; an item such as "(一)稳妥……。正文" has marker "(一)" and a `lead` first. */
export interface Paragraph extends ParentBase<Inline> {
  type: 'paragraph';
  marker?: string;
  /** Set when the paragraph is not body text but a part of the document around it. */
  role?: ParagraphRole;
}

/** A short standalone line that opens a passage, e.g. "健全安全机制,共护和平安宁——". */
export interface Subhead extends ParentBase<Inline> {
  type: 'subhead';
}

export type ListStyle = 'dash' | 'ordered' | 'bullet';

export interface List extends ParentBase<ListItem> {
  type: 'list';
  style: ListStyle;
}

/** `marker` is the literal item mark ("——", "1.", "•"). */
export interface ListItem extends ParentBase<Inline> {
  type: 'listItem';
  marker?: string;
}

/** A paragraph that is wholly a quotation set apart. */
export interface Quote extends ParentBase<Inline> {
  type: 'quote';
}

/** A dateline kept where it stands: "(新华社北京8月28日电)". Also parsed into article meta. */
export interface Dateline extends ParentBase<Inline> {
  type: 'dateline';
}

/** "(接1版)" (from) or "(下转2版)" (to). */
export interface Continuation extends ParentBase<Inline> {
  type: 'continuation';
  direction: 'from' | 'to';
  page: string;
}

export type Block = Heading | Paragraph | Subhead | List | Quote | Dateline | Continuation;

export interface BlockContentMap {
  heading: Heading;
  paragraph: Paragraph;
  subhead: Subhead;
  list: List;
  quote: Quote;
  dateline: Dateline;
  continuation: Continuation;
}

// ---------------------------------------------------------------- article and edition

export type ArticleKind = 'news' | 'feature' | 'policy' | 'other';

export interface DatelineMeta {
  agency?: string;
  place?: string;
  date?: string;
  raw: string;
}

export interface ArticleMeta {
  /** 引题: the line above the title. */
  kicker?: string;
  title?: string;
  subtitle?: string;
  /** Lines of the title block under the title: a date line, adoption or amendment lines (题注). */
  notes?: string[];
  /** The author, speaker or reporter line of the title block. */
  byline?: string;
  /** True when the byline stands run into the first paragraph's text ("……记者田珊檑 发自贵阳 ……"): writers do not print it again. */
  bylineInText?: boolean;
  /** True when no title was given and one was derived from the text. */
  titleDerived?: boolean;
  kind?: ArticleKind;
  continuedFrom?: string;
  continuedTo?: string;
  dateline?: DatelineMeta;
  /** True when the text stops mid-sentence. */
  truncated?: boolean;
}

export interface Article extends ParentBase<Block> {
  type: 'article';
  id: string;
  meta: ArticleMeta;
}

/** BCP 47 tags an edition can carry. */
export type Lang = 'zh-Hans' | 'zh-Hant' | 'zh-Hant-TW' | 'zh-Hant-HK';

export const LANGS: readonly Lang[] = ['zh-Hans', 'zh-Hant', 'zh-Hant-TW', 'zh-Hant-HK'];

export interface EditionMeta {
  title?: string;
  publication?: string;
  /** ISO 8601 date (YYYY-MM-DD). */
  date?: string;
  page?: string;
  lang: Lang;
  /** Where the text came from: a file name or a description. */
  source?: string;
}

export interface Edition extends ParentBase<Article> {
  type: 'edition';
  meta: EditionMeta;
}

export type Node = Edition | Article | Block | ListItem | Inline;

export type NodeType = Node['type'];

export type Parent = Extract<Node, { children: unknown[] }>;

// ---------------------------------------------------------------- reports

/**
 * One thing a reader, transform or writer changed, normalised, dropped or noticed.
 * `before`/`after` quote the text; `position` points into the source.
 */
export interface Change {
  /** Who made it: "reader:text", "repair-breaks", "punctuation", "writer:pdf", … */
  source: string;
  /** What kind of change, e.g. "join-paragraphs", "layout-whitespace", "width". */
  kind: string;
  message: string;
  position?: Position;
  before?: string;
  after?: string;
  /** Problems (things a user should look at) as opposed to routine normalisations. */
  severity?: 'info' | 'warning' | 'error';
}
