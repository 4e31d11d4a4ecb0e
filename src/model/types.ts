// The document model: plain JSON-safe data in the manner of unist/mdast.
// Every node has a literal `type`; parents have `children`; any node may carry
// `position` (where it stands in the source) and `data` (annotations for tools).
// This file is the contract between readers, transforms and writers.

import type { ModelType } from './definition.js';
import type { LANGS, ARTICLE_KINDS, LIST_STYLES, PARAGRAPH_ROLES } from './enums.js';

export { MODEL_VERSION, LANGS, PARAGRAPH_ROLES, ARTICLE_KINDS, LIST_STYLES, HEADING_DEPTHS, NODE_TYPES_AT } from './enums.js';

// Every node type is defined once, in definition.ts (TypeBox), and its type is read from there.

/** 1-based line and column, 0-based offset in UTF-16 code units of the decoded source. */
export type Point = ModelType<'Point'>;
export type Position = ModelType<'Position'>;

// ---------------------------------------------------------------- inlines

export type Text = ModelType<'Text'>;
/** Run-in title at the start of a paragraph, printed bold: "稳妥有序推动……发展。" */
export type Lead = ModelType<'Lead'>;
export type Strong = ModelType<'Strong'>;
export type Emphasis = ModelType<'Emphasis'>;

/** Inline content that may stand anywhere. */
export type PhrasingContent = ModelType<'Phrasing'>;

/** Inline content of a block: phrasing content, and a lead as the first child of a paragraph. */
export type Inline = ModelType<'Inline'>;

export interface InlineContentMap {
  text: Text;
  lead: Lead;
  strong: Strong;
  emphasis: Emphasis;
}

// ---------------------------------------------------------------- blocks

/** `marker` is the literal numbering ("二、", "(三)", "第一章"): content, kept verbatim, never regenerated. */
export type Heading = ModelType<'Heading'>;
export type HeadingDepth = Heading['depth'];

/** The parts of an official document around its body (enums.ts). */
export type ParagraphRole = (typeof PARAGRAPH_ROLES)[number];

/** A body paragraph; an item such as "(一)稳妥……。正文" has marker "(一)" and a `lead` first; `role` when it is a part of the document around the body. */
export type Paragraph = ModelType<'Paragraph'>;

/** A short standalone line that opens a passage, e.g. "健全安全机制,共护和平安宁——". */
export type Subhead = ModelType<'Subhead'>;

export type ListStyle = (typeof LIST_STYLES)[number];
export type List = ModelType<'List'>;

/** `marker` is the literal item mark ("——", "1.", "•"). */
export type ListItem = ModelType<'ListItem'>;

/** A paragraph that is wholly a quotation set apart. */
export type Quote = ModelType<'Quote'>;

/** A dateline kept where it stands: "(新华社北京8月28日电)". Also parsed into article meta. */
export type Dateline = ModelType<'Dateline'>;

/** "(接1版)" (from) or "(下转2版)" (to). */
export type Continuation = ModelType<'Continuation'>;

export type Block = ModelType<'Block'>;

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

export type ArticleKind = (typeof ARTICLE_KINDS)[number];

export type ArticleMeta = ModelType<'ArticleMeta'>;
export type DatelineMeta = NonNullable<ArticleMeta['dateline']>;

export type Article = ModelType<'Article'>;

/** BCP 47 tags an edition can carry. */
export type Lang = (typeof LANGS)[number];

/** `date`: ISO 8601 (YYYY-MM-DD); `source`: where the text came from. */
export type EditionMeta = ModelType<'EditionMeta'>;

export type Edition = ModelType<'Edition'>;

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
