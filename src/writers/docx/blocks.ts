// Model blocks to Word paragraphs, each in a named style: the article title is
// Heading 1, the model's heading depth d is Heading d+1, then body, subhead,
// quote, dash list item, dateline and continuation styles; a paragraph with a
// role (signature, address, attachment note, …) in its role's style.
import { Paragraph } from 'docx';
import type { Article, Block } from '../../model/types.js';
import { docxRuns, docxText } from './inlines.js';
import { labelAlone, paragraphStyle } from '../paragraph-style.js';
import { titleBlockByline, titleRepeatsHeading } from '../derived-title.js';
import { ARTICLE_TITLE_LEVEL, DERIVED_WORD_STYLE, STYLE, headingLevelFor, headingStyle } from './styles.js';

const DASH = '\u2014\u2014';
const BULLET = '\u2022';

function paragraph(style: string, children: ReturnType<typeof docxRuns>): Paragraph {
  return new Paragraph({ style, children });
}

function block(node: Block): Paragraph[] {
  switch (node.type) {
    case 'heading':
      return [paragraph(headingStyle(headingLevelFor(node.depth)), docxRuns(node.children, node.marker))];
    case 'paragraph': {
      const style = paragraphStyle(node);
      // (A label alone keeps with what it heads, in Word and LibreOffice as in the PDF: the Label style.)
      const word = style === 'body' ? (labelAlone(node) ? STYLE.label : STYLE.body) : DERIVED_WORD_STYLE[style];
      return [paragraph(word, docxRuns(node.children, node.marker))];
    }
    case 'subhead':
      return [paragraph(STYLE.subhead, docxRuns(node.children))];
    case 'list': {
      const style = node.style === 'dash' ? STYLE.dashListItem : STYLE.listItem;
      const fallback = node.style === 'dash' ? DASH : node.style === 'bullet' ? BULLET : undefined;
      return node.children.map((item) => paragraph(style, docxRuns(item.children, item.marker ?? fallback)));
    }
    case 'quote':
      return [paragraph(STYLE.quote, docxRuns(node.children))];
    case 'dateline':
      return [paragraph(STYLE.dateline, docxRuns(node.children))];
    case 'continuation':
      return [paragraph(STYLE.continuation, docxRuns(node.children))];
  }
}

/** The article's title block: kicker, title (a heading), subtitle, notes, byline. */
export function articleTitleParagraphs(article: Article): Paragraph[] {
  const meta = article.meta;
  const out: Paragraph[] = [];
  if (meta.kicker) out.push(paragraph(STYLE.kicker, docxText(meta.kicker)));
  // A title derived from the heading right under it would repeat it (and its contents entry).
  if (!titleRepeatsHeading(article)) out.push(paragraph(headingStyle(ARTICLE_TITLE_LEVEL), docxText(meta.title ?? article.id)));
  if (meta.subtitle) out.push(paragraph(STYLE.subtitle, docxText(meta.subtitle)));
  for (const note of meta.notes ?? []) out.push(paragraph(STYLE.titleNote, docxText(note)));
  const byline = titleBlockByline(meta);
  if (byline) out.push(paragraph(STYLE.byline, docxText(byline)));
  return out;
}

export function articleBodyParagraphs(article: Article): Paragraph[] {
  return article.children.flatMap((node) => block(node));
}

export function articleParagraphs(article: Article): Paragraph[] {
  return [...articleTitleParagraphs(article), ...articleBodyParagraphs(article)];
}
