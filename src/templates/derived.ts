// Styles a template does not name, derived from those it does, so that every
// template sets them without new keys: the title block's notes and byline (from
// the subtitle) and the parts of an official document around its body (from the
// body), after GB/T 9704-2012: 主送机关 flush left, 附件说明 with its items under the
// first, 署名 and 成文日期 right-aligned a line below the text, 版记 smaller.
import type { Style, StyleName, Template } from './types.js';

export const DERIVED_STYLE_NAMES = [
  'titleNote',
  'byline',
  'headerField',
  'address',
  'attachment',
  'attachmentItem',
  'signature',
  'annotation',
  'record',
] as const;

export type DerivedStyleName = (typeof DERIVED_STYLE_NAMES)[number];

/** A style as writers set it: a template's, or a derived one. */
export interface LaidStyle extends Style {
  /** Every line starts this far in, em of the style's size. */
  left: number;
  /** The first line starts this far before `left`, em (a hanging indent). */
  hanging: number;
  /** Paragraphs of this style in a row are spaced as one: no space between them (Word's contextual spacing). */
  contextual: boolean;
}

export type AnyStyleName = StyleName | DerivedStyleName;

/** "附件：" stands out before the attachment names; the names and their items line up after it. */
const ATTACHMENT_LABEL_EM = 3;

function laid(style: Style, extra: Partial<LaidStyle> = {}): LaidStyle {
  return { ...style, left: 0, hanging: 0, contextual: false, ...extra };
}

/** Half-point steps, as type sizes are given. */
const half = (pt: number) => Math.round(pt * 2) / 2;

export function derivedStyles(template: Template): Record<DerivedStyleName, LaidStyle> {
  const { body, subtitle } = template.styles;
  const grid = template.page.grid !== undefined;
  // Notes and byline: the subtitle's face, no larger than the body (an adoption line of a law is long).
  const note: Style = subtitle.size > body.size ? { ...subtitle, size: body.size, leading: body.leading } : subtitle;
  const plain: Style = { ...body, indent: 0 };
  // End matter a size down (GB/T 9704: 版记 in 4号 under a 3号 body); on a grid it keeps the grid's lines.
  const small = half(body.size * 0.875);
  const record: Style = { ...plain, alignment: 'left', size: small, leading: grid ? body.leading : Math.round(((body.leading * small) / body.size) * 10) / 10 };
  // One blank body line above the attachment note and the signature (正文下空一行).
  const lineAbove = body.spaceBefore + body.leading;
  return {
    titleNote: laid({ ...note, alignment: 'center', spaceBefore: 0 }, { contextual: true }),
    byline: laid({ ...note, alignment: 'center', spaceBefore: 0 }),
    headerField: laid({ ...plain, alignment: 'left' }),
    address: laid(plain),
    attachment: laid({ ...plain, spaceBefore: lineAbove }, { left: ATTACHMENT_LABEL_EM, hanging: ATTACHMENT_LABEL_EM, contextual: true }),
    attachmentItem: laid(plain, { left: ATTACHMENT_LABEL_EM }),
    signature: laid({ ...plain, alignment: 'right', spaceBefore: lineAbove }, { contextual: true }),
    annotation: laid({ ...plain, alignment: 'left' }),
    record: laid(record),
  };
}

/** Every style a writer sets: the template's and the derived ones. */
export function laidStyles(template: Template): Record<AnyStyleName, LaidStyle> {
  const own = Object.fromEntries(Object.entries(template.styles).map(([name, style]) => [name, laid(style)])) as Record<StyleName, LaidStyle>;
  return { ...own, ...derivedStyles(template) };
}
