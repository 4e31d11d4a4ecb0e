// A title the reader derived from the article's first heading is that heading's text:
// printed above it, it would say the same thing twice, and twice in the contents.
import { inlineText } from '../model/visit.js';
import type { Article, ArticleMeta } from '../model/types.js';

/** True when the article's title was derived from a heading the article itself shows. */
export function titleFromHeading(article: Article): boolean {
  const { title, titleDerived } = article.meta;
  if (!titleDerived || !title) return false;
  return article.children.some((block) => block.type === 'heading' && inlineText(block.children) === title);
}

/**
 * True when that heading stands right under the title (past a continuation note such as
 * "（上接第一版）"): the heading takes the title's place.
 */
export function titleRepeatsHeading(article: Article): boolean {
  const first = article.children.find((block) => block.type !== 'continuation');
  return titleFromHeading(article) && first?.type === 'heading' && inlineText(first.children) === article.meta.title;
}

/** The byline a writer sets in the title block: none where it stands run into the text already. */
export function titleBlockByline(meta: ArticleMeta): string | undefined {
  return meta.bylineInText ? undefined : meta.byline;
}
