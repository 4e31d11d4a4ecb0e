// Inline content to CommonMark. A lead is bold; its closing sentence mark goes
// after the closing "**", because CommonMark does not close "**" that follows
// punctuation and precedes a Han character ("**发展。**正文" stays literal).
import type { Inline, PhrasingContent } from '../../model/types.js';
import { inlineText } from '../../model/visit.js';
import { LEAD_CLOSING } from '../../text/han.js';
import { escapeText } from './escape.js';

/**
 * Closing punctuation at the end of a lead ("。", "：", "”。"). It is written after
 * the closing "**": CommonMark does not close "**" between punctuation and a Han
 * character, so "**记者：**今年" would stay literal. The Markdown reader takes
 * such punctuation after a leading bold run back into the lead.
 */
export const LEAD_TAIL = new RegExp(`[${LEAD_CLOSING}]+$`, 'u');

function phrasing(node: PhrasingContent): string {
  switch (node.type) {
    case 'text':
      return escapeText(node.value);
    case 'strong':
      return `**${node.children.map(phrasing).join('')}**`;
    case 'emphasis':
      return `*${node.children.map(phrasing).join('')}*`;
  }
}

/** Split the closing punctuation off a lead's content, so "**…**。" can be written. */
function splitLeadEnd(children: readonly PhrasingContent[]): { body: PhrasingContent[]; end: string } {
  const last = children[children.length - 1];
  const tail = last?.type === 'text' ? LEAD_TAIL.exec(last.value) : null;
  if (last?.type !== 'text' || !tail || tail[0].length === last.value.length) return { body: [...children], end: '' };
  const end = tail[0];
  const rest = last.value.slice(0, -end.length);
  const body = children.slice(0, -1);
  if (rest !== '') body.push({ ...last, value: rest });
  return { body, end };
}

/** The first character after the lead, if any. */
function firstAfter(children: readonly Inline[], index: number): string | undefined {
  const next = children[index + 1];
  if (!next) return undefined;
  return (next.type === 'text' ? next.value : inlineText(next.children))[0];
}

export function inlines(children: readonly Inline[]): string {
  return children
    .map((child, index) => {
      if (child.type !== 'lead') return phrasing(child);
      // Before punctuation, a space or the end of the line, "**" closes after punctuation
      // too, and the reader must not take the next text's punctuation into the lead.
      const after = firstAfter(children, index);
      if (after === undefined || /[\p{P}\s]/v.test(after)) return `**${child.children.map(phrasing).join('')}**`;
      const { body, end } = splitLeadEnd(child.children);
      return `**${body.map(phrasing).join('')}**${escapeText(end)}`;
    })
    .join('');
}
