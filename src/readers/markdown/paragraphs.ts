// What a paragraph of Markdown is in the model, by its inlines: a continuation,
// a dateline, a dash or bullet item, a subhead, or a paragraph with an optional
// marker and lead. The patterns are the text reader's, run over the text of
// markdown-it's inline tokens (never over the raw Markdown).
import { LEAD_CLOSING } from '../../text/han.js';
import { continuation, dateline, heading, lead, listItem, paragraph, subhead, text } from '../../model/builders.js';
import type { Block, Heading, HeadingDepth, Inline, ListItem, PhrasingContent, Position } from '../../model/types.js';
import { inlineText } from '../../model/visit.js';
import {
  BULLET_ITEM,
  CLOSING_DATELINE,
  OPENING_DATELINE,
  CONTENTS,
  SENTENCE_END,
  CONTINUED_FROM,
  CONTINUED_TO,
  DASH_ITEM,
  matchMarker,
  PROVISION,
  SUBHEAD,
} from '../../text/patterns.js';
import { dropStart, trimStart } from './inlines.js';

export type Classified =
  | { kind: 'block'; block: Block }
  | { kind: 'item'; style: 'dash' | 'bullet'; item: ListItem };

const ENDS_IN_DASH = /[\u2014\u2015]{2}$/u;
/** What ends a lead: the sentence ends of the format (\u3002\uFF01\uFF1F\uFF1B), and their ASCII forms. */
const LEAD_END = /^[\u3002\uFF01\uFF1F\uFF1B.!?;]$/u;

function extra(position: Position | undefined): { position?: Position } {
  return position ? { position } : {};
}

/** A marker ("（一）", "二、", "第一章") wholly inside the first text node, and the inlines after it. */
export function splitMarker<T extends Inline>(children: readonly T[]): { marker?: string; rest: T[] } {
  const first = children[0];
  if (first?.type !== 'text') return { rest: [...children] };
  const found = matchMarker(first.value);
  if (!found) return { rest: [...children] };
  return { marker: found.marker, rest: trimStart(dropStart(children, found.length)) };
}

/** True when a line of a paragraph stands on its own: a dateline, a page reference, a list item. */
export function standsAlone(content: string): boolean {
  return (
    fullMatch(CONTINUED_FROM, content) !== undefined ||
    fullMatch(CONTINUED_TO, content) !== undefined ||
    CLOSING_DATELINE.test(content) ||
    DASH_ITEM.test(content) ||
    BULLET_ITEM.test(content)
  );
}

function fullMatch(pattern: RegExp, content: string): RegExpExecArray | undefined {
  const found = pattern.exec(content);
  return found && found[0].length === content.length ? found : undefined;
}

/**
 * A run-in lead: bold text opening a paragraph (after its marker). The closing
 * punctuation right after the bold run belongs to the lead: the writer puts it
 * outside the "**" ("**记者**：今年", "**推动发展**。正文") for CommonMark's sake.
 */
function withLead(rest: PhrasingContent[]): Inline[] {
  const [first, next] = rest;
  if (first?.type !== 'strong') return rest;
  const inner = inlineText(first.children);
  // Bold that ends in closing punctuation already holds its own: what follows is text.
  const closed = LEAD_PUNCTUATION_END.test(inner);
  const tail = !closed && next?.type === 'text' ? LEAD_PUNCTUATION.exec(next.value) : null;
  if (tail && next?.type === 'text') {
    return [lead([...first.children, text(tail[0], extra(next.position))], extra(first.position)), ...dropStart(rest.slice(1), tail[0].length)];
  }
  if (closed) {
    return [lead(first.children, extra(first.position)), ...(LEAD_END.test(inner[inner.length - 1] ?? '') ? trimStart(rest.slice(1)) : rest.slice(1))];
  }
  const content = inner;
  if (LEAD_END.test(content[content.length - 1] ?? '')) {
    // Hand-written "**……。** 正文": no space after a full stop in Chinese text.
    return [lead(first.children, extra(first.position)), ...trimStart(rest.slice(1))];
  }
  // "**第一条**\u3000为了……": a run-in label; the spacing after it stays in the text, as the text reader keeps it.
  if (next === undefined || (next.type === 'text' && /^[\s\u3000]/u.test(next.value))) {
    return [lead(first.children, extra(first.position)), ...rest.slice(1)];
  }
  return rest;
}

/** Closing punctuation at the end of a bold run: the lead is complete. */
const LEAD_PUNCTUATION_END = new RegExp(`[${LEAD_CLOSING}]$`, 'u');

/** Closing punctuation right after a lead's bold run (see withLead). */
const LEAD_PUNCTUATION = new RegExp(`^[${LEAD_CLOSING}]+`, 'u');

export function classifyParagraph(children: PhrasingContent[], position: Position | undefined): Classified {
  const content = inlineText(children);
  const at = extra(position);

  const from = fullMatch(CONTINUED_FROM, content);
  if (from) return { kind: 'block', block: continuation('from', from[1]!, children, at) };
  const to = fullMatch(CONTINUED_TO, content);
  if (to) return { kind: 'block', block: continuation('to', to[1]!, children, at) };

  // A dateline, closing or an opening one alone (as the text reader reads it).
  const opening = OPENING_DATELINE.exec(content);
  if (CLOSING_DATELINE.test(content) || (opening && opening[0].length === content.trimEnd().length)) return { kind: 'block', block: dateline(children, at) };

  const dash = DASH_ITEM.exec(content);
  if (dash) {
    const item = listItem(trimStart(dropStart(children, dash[0].length)), { marker: dash[1]!, ...at });
    return { kind: 'item', style: 'dash', item };
  }
  const bullet = BULLET_ITEM.exec(content);
  if (bullet) {
    const item = listItem(dropStart(children, bullet[0].length), { marker: bullet[1]!, ...at });
    return { kind: 'item', style: 'bullet', item };
  }

  const only = children.length === 1 ? children[0] : undefined;
  // "**目　录**": the heading of a table of contents (a list of its entries follows).
  if (only?.type === 'strong' && CONTENTS.test(content)) {
    return { kind: 'block', block: subhead(only.children, { ...at, data: { role: 'contents' } }) };
  }
  // A paragraph that is all bold is a subhead ("**核心阅读**", "**生态底色更加亮丽。**"); one ending in a colon
  // is a label with nothing after it ("**說明：**"), a lead.
  if (only?.type === 'strong' && !/[\uFF1A:]$/u.test(content)) {
    return { kind: 'block', block: subhead(only.children, at) };
  }
  // A plain line ending in "——" is a subhead only if it is a phrase, not a sentence ("中。——"), as in the text reader.
  if (children.every((child) => child.type === 'text') && SUBHEAD.test(content) && !SENTENCE_END.test(content)) {
    return { kind: 'block', block: subhead(children, at) };
  }

  // "第一条 为了……": a law's article number is its lead, as the text reader reads it (bold or not).
  const first = children[0];
  const provision = first?.type === 'text' ? PROVISION.exec(first.value) : null;
  if (provision && provision[0].length < content.length) {
    const number = dropStart(children, provision[0].length);
    return { kind: 'block', block: paragraph([lead([text(provision[0], extra(first!.position))], extra(first!.position)), ...trimStart(number)], at) };
  }
  const { marker, rest } = splitMarker(children);
  return { kind: 'block', block: paragraph(withLead(rest), { ...(marker !== undefined ? { marker } : {}), ...at }) };
}

/** A heading of level `level` (2–6; level 1 is an article title): depth level − 1, marker split off. */
export function makeHeading(level: number, children: PhrasingContent[], position: Position | undefined): Heading {
  const depth = Math.min(4, Math.max(1, level - 1)) as HeadingDepth;
  const { marker, rest } = splitMarker(children);
  return heading(depth, rest, { ...(marker !== undefined ? { marker } : {}), ...extra(position) });
}
