// The closed lists of the model, each written once: the types (definition.ts),
// the JSON Schema, the readers' checks and the command line's options all use these.

export const MODEL_VERSION = 1;

/** BCP 47 tags an edition can carry. */
export const LANGS = ['zh-Hans', 'zh-Hant', 'zh-Hant-TW', 'zh-Hant-HK'] as const;

/**
 * The parts of an official document or a report around its body, after GB/T 9704:
 * header fields (文号, 发布日期), addressees or salutation (主送机关, "同志们："),
 * the attachment note (附件说明), the signature and its date (署名, 成文日期),
 * an annotation (附注), and end matter (抄送, 印发, credits, page headers of a dump).
 */
export const PARAGRAPH_ROLES = ['header', 'address', 'attachment', 'signature', 'annotation', 'record'] as const;

export const ARTICLE_KINDS = ['news', 'feature', 'policy', 'other'] as const;

export const LIST_STYLES = ['dash', 'ordered', 'bullet'] as const;

export const HEADING_DEPTHS = [1, 2, 3, 4] as const;

export const CONTINUATION_DIRECTIONS = ['from', 'to'] as const;

/** The node types allowed at each place of the tree. */
export const NODE_TYPES_AT = {
  phrasing: ['text', 'strong', 'emphasis'],
  inline: ['text', 'strong', 'emphasis', 'lead'],
  block: ['heading', 'paragraph', 'subhead', 'list', 'quote', 'dateline', 'continuation'],
} as const;

/** Metadata dates: YYYY-MM-DD (a calendar day, checked apart: model/dates.ts). */
export const ISO_DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
