// Which style sets a paragraph, in every writer: the body's, or its role's.
import type { Paragraph, ParagraphRole } from '../model/types.js';
import { inlineText } from '../model/visit.js';
import type { DerivedStyleName } from '../templates/derived.js';

const ATTACHMENT_LABEL = /^[\s\u3000]*附\s*件/u;

const ROLE_STYLE: Record<ParagraphRole, DerivedStyleName> = {
  header: 'headerField',
  address: 'address',
  attachment: 'attachment',
  signature: 'signature',
  annotation: 'annotation',
  record: 'record',
};

/** The style of a paragraph: the body's, or its role's; an attachment item after the labelled note lines up under it. */
export function paragraphStyle(node: Paragraph): 'body' | DerivedStyleName {
  if (!node.role) return 'body';
  if (node.role === 'attachment' && !ATTACHMENT_LABEL.test((node.marker ?? '') + inlineText(node.children))) return 'attachmentItem';
  return ROLE_STYLE[node.role];
}

/**
 * A label alone on its line ("柯華葳：" over a speaker's turn, "1.書函：" over its sub-points): a paragraph that is
 * its lead and nothing more. It heads what follows, so it keeps with it on a page, as a heading does.
 */
export function labelAlone(node: Paragraph): boolean {
  const shown = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  return shown.length === 1 && shown[0]!.type === 'lead';
}
