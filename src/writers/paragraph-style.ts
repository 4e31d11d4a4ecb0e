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
