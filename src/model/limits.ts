// Resource limits on the shape of a document, shared by the readers that could
// otherwise build (or be handed) a tree deep enough to exhaust the call stack
// of every later pass (transforms, writers, the schema check). README "Limits".

/**
 * Markdown containers (quotes `>`, list items) read as such down to this many
 * levels of markdown-it's token nesting (a quote is one level, a list item two);
 * the lines below are kept as paragraphs of the deepest container, their
 * container marks dropped, with a warning.
 */
export const MAX_MARKDOWN_NESTING = 32;

/** Bold and emphasis inside one another down to this depth; deeper ones are kept as their text. */
export const MAX_INLINE_NESTING = 16;

/** A JSON model nested deeper than this (objects and arrays) is refused. */
export const MAX_JSON_DEPTH = 256;
