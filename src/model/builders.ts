// Builders for model nodes. Inline children always pass through `mergeInlines`,
// so adjacent text nodes are merged and empty ones dropped: no transform ever
// sees a split run of text.
import type {
  Article,
  ArticleMeta,
  Block,
  Continuation,
  Dateline,
  Edition,
  EditionMeta,
  Emphasis,
  Heading,
  HeadingDepth,
  Inline,
  Lead,
  List,
  ListItem,
  ListStyle,
  Paragraph,
  ParagraphRole,
  PhrasingContent,
  Position,
  Quote,
  Strong,
  Subhead,
  Text,
} from './types.js';

type InlineArg = Inline | string;

interface Extra {
  position?: Position;
  data?: Record<string, unknown>;
}

function withExtra<T extends object>(node: T, extra: Extra | undefined): T {
  if (extra?.position) Object.assign(node, { position: extra.position });
  if (extra?.data) Object.assign(node, { data: extra.data });
  return node;
}

function spanOf(a: Position | undefined, b: Position | undefined): Position | undefined {
  if (!a || !b) return undefined;
  return { start: a.start, end: b.end };
}

/** Merge adjacent text nodes (keeping the span of both positions) and drop empty ones. */
export function mergeInlines<T extends Inline>(children: readonly (T | string)[]): T[] {
  const out: T[] = [];
  for (const child of children) {
    const node = (typeof child === 'string' ? text(child) : child) as T;
    if (node.type === 'text' && node.value === '') continue;
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') {
      const merged: Text = { type: 'text', value: last.value + node.value };
      const position = spanOf(last.position, node.position);
      if (position) merged.position = position;
      if (last.data || node.data) merged.data = { ...last.data, ...node.data };
      out[out.length - 1] = merged as T;
    } else {
      out.push(node);
    }
  }
  return out;
}

export function text(value: string, extra?: Extra): Text {
  return withExtra({ type: 'text', value }, extra);
}

export function strong(children: readonly (PhrasingContent | string)[], extra?: Extra): Strong {
  return withExtra({ type: 'strong', children: mergeInlines(children) }, extra);
}

export function emphasis(children: readonly (PhrasingContent | string)[], extra?: Extra): Emphasis {
  return withExtra({ type: 'emphasis', children: mergeInlines(children) }, extra);
}

export function lead(children: readonly (PhrasingContent | string)[], extra?: Extra): Lead {
  return withExtra({ type: 'lead', children: mergeInlines(children) }, extra);
}

export function heading(
  depth: HeadingDepth,
  children: readonly InlineArg[],
  extra?: Extra & { marker?: string },
): Heading {
  const node: Heading = { type: 'heading', depth, children: mergeInlines(children) };
  if (extra?.marker !== undefined) node.marker = extra.marker;
  return withExtra(node, extra);
}

export function paragraph(children: readonly InlineArg[], extra?: Extra & { marker?: string; role?: ParagraphRole }): Paragraph {
  const node: Paragraph = { type: 'paragraph', children: mergeInlines(children) };
  if (extra?.marker !== undefined) node.marker = extra.marker;
  if (extra?.role !== undefined) node.role = extra.role;
  return withExtra(node, extra);
}

export function subhead(children: readonly InlineArg[], extra?: Extra): Subhead {
  return withExtra({ type: 'subhead', children: mergeInlines(children) }, extra);
}

export function quote(children: readonly InlineArg[], extra?: Extra): Quote {
  return withExtra({ type: 'quote', children: mergeInlines(children) }, extra);
}

export function dateline(children: readonly InlineArg[], extra?: Extra): Dateline {
  return withExtra({ type: 'dateline', children: mergeInlines(children) }, extra);
}

export function continuation(
  direction: 'from' | 'to',
  page: string,
  children: readonly InlineArg[],
  extra?: Extra,
): Continuation {
  return withExtra({ type: 'continuation', direction, page, children: mergeInlines(children) }, extra);
}

export function listItem(children: readonly InlineArg[], extra?: Extra & { marker?: string }): ListItem {
  const node: ListItem = { type: 'listItem', children: mergeInlines(children) };
  if (extra?.marker !== undefined) node.marker = extra.marker;
  return withExtra(node, extra);
}

export function list(style: ListStyle, children: ListItem[], extra?: Extra): List {
  return withExtra({ type: 'list', style, children }, extra);
}

export function article(id: string, meta: ArticleMeta, children: Block[], extra?: Extra): Article {
  return withExtra({ type: 'article', id, meta, children }, extra);
}

export function edition(meta: EditionMeta, children: Article[], extra?: Extra): Edition {
  return withExtra({ type: 'edition', meta, children }, extra);
}
