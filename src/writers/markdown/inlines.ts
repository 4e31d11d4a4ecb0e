// Inline content to CommonMark. A lead is bold; its closing sentence mark goes
// after the closing "**", because CommonMark does not close "**" that follows
// punctuation and precedes a Han character ("**发展。**正文" stays literal).
import type { Inline, PhrasingContent } from '../../model/types.js';
import { escapeText } from './escape.js';

const LEAD_END = /[\u3002\uFF01\uFF1F\uFF1B.!?;]$/u;

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

/** Split the final sentence mark off a lead's content, so "**…**。" can be written. */
function splitLeadEnd(children: readonly PhrasingContent[]): { body: PhrasingContent[]; end: string } {
  const last = children[children.length - 1];
  if (last?.type !== 'text' || !LEAD_END.test(last.value)) return { body: [...children], end: '' };
  const end = last.value.slice(-1);
  const rest = last.value.slice(0, -1);
  const body = children.slice(0, -1);
  if (rest !== '') body.push({ ...last, value: rest });
  return { body, end };
}

export function inlines(children: readonly Inline[]): string {
  return children
    .map((child) => {
      if (child.type !== 'lead') return phrasing(child);
      const { body, end } = splitLeadEnd(child.children);
      return `**${body.map(phrasing).join('')}**${escapeText(end)}`;
    })
    .join('');
}
