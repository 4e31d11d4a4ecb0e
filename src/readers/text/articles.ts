// Splits a text into articles and finds each article's title block.
// A continuation marker "(接1版)" starts an article; a closing dateline
// "(新华社北京8月28日电)" or "(下转2版)" ends one. A file without markers is one article.
import { type Line } from './lines.js';
import { sliceLine, trimLine } from './line-slice.js';
import {
  BULLET_ITEM,
  CLOSING_DATELINE,
  CLOSING_END,
  CONTENTS,
  CONTINUED_FROM,
  CONTINUED_TO,
  DASH_ITEM,
  matchMarker,
  PROVISION,
  SENTENCE_END,
  SUBHEAD,
} from './patterns.js';

/** Where one element shares a line with another ("(接1版)正文"), cut the line in two. */
export function separateMarkers(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    let current = line;
    const from = CONTINUED_FROM.exec(current.content);
    if (from && from[0].length < current.content.length) {
      out.push(sliceLine(current, 0, from[0].length));
      current = trimLine(sliceLine(current, from[0].length));
    }
    const to = CONTINUED_TO.exec(current.content);
    if (to && to.index > 0) {
      out.push(trimLine(sliceLine(current, 0, to.index)));
      current = sliceLine(current, to.index);
    }
    out.push(current);
  }
  return out;
}

export function splitArticles(lines: Line[]): Line[][] {
  const articles: Line[][] = [];
  let current: Line[] = [];
  const close = () => {
    if (current.length) articles.push(current);
    current = [];
  };
  for (const line of lines) {
    const content = line.content;
    const from = CONTINUED_FROM.exec(content);
    if (from && from[0].length === content.length && current.some((l) => !CONTINUED_FROM.test(l.content))) close();
    current.push(line);
    const to = CONTINUED_TO.exec(content);
    if (CLOSING_DATELINE.test(content) || (to && to[0].length === content.length)) close();
  }
  close();
  return articles;
}

export interface TitleBlock {
  kicker?: Line;
  title?: Line;
  subtitle?: Line;
  /** How many lines of the article the title block takes. */
  length: number;
}

const TITLE_MAX = 80;

function titleLike(line: Line): boolean {
  const content = line.content;
  return (
    content.length <= TITLE_MAX &&
    !CLOSING_END.test(content.replace(/[\u2014\u2015]+$/u, '')) &&
    !SENTENCE_END.test(content) &&
    !SUBHEAD.test(content) &&
    !matchMarker(content) &&
    !PROVISION.test(content) &&
    !BULLET_ITEM.test(content) &&
    !CONTINUED_FROM.test(content) &&
    !CLOSING_DATELINE.test(content) &&
    !CONTENTS.test(content)
  );
}

/**
 * The title block: the leading lines of an article that are not body text.
 * When the body is indented, they are the unindented lines before it; when
 * nothing is indented, they are short lines without closing punctuation
 * followed by body text. A subtitle starts with "——"; a line above the title
 * is its kicker (引题).
 */
export function findTitleBlock(lines: Line[], bodyIndented: boolean): TitleBlock {
  const candidates: Line[] = [];
  for (const line of lines) {
    if (candidates.length === 3) break;
    if (bodyIndented && line.indented) break;
    const dash = DASH_ITEM.test(line.content);
    if (!dash && !titleLike(line)) break;
    if (dash && candidates.length === 0) break;
    candidates.push(line);
    if (dash) break;
  }
  const next = lines[candidates.length];
  // Without indentation to go by, a title block must be followed by body text.
  const bodyFollows =
    next !== undefined &&
    (CLOSING_END.test(next.content) || next.content.length > TITLE_MAX || CONTENTS.test(next.content) || matchMarker(next.content) !== undefined);
  if (!next || (!bodyIndented && !bodyFollows)) return { length: 0 };
  if (bodyIndented && !next.indented && titleLike(next)) return { length: 0 };

  const dashAt = candidates.findIndex((line) => DASH_ITEM.test(line.content));
  if (dashAt > 0) {
    return {
      kicker: dashAt > 1 ? candidates[0] : undefined,
      title: candidates[dashAt - 1],
      subtitle: candidates[dashAt],
      length: dashAt + 1,
    };
  }
  switch (candidates.length) {
    case 0:
      return { length: 0 };
    case 1:
      return { title: candidates[0], length: 1 };
    case 2:
      return { title: candidates[0], subtitle: candidates[1], length: 2 };
    default:
      return { kicker: candidates[0], title: candidates[1], subtitle: candidates[2], length: 3 };
  }
}

/** A 目录 block: the heading line and the entries after it, up to where the body repeats the first entry. */
export function findContents(lines: Line[], start: number): { end: number } | undefined {
  if (!CONTENTS.test(lines[start]?.content ?? '')) return undefined;
  const first = lines[start + 1]?.content.replace(/[\s\u3000\u00A0]+/gu, '');
  if (!first) return undefined;
  let end = start + 1;
  while (end < lines.length) {
    const content = lines[end]!.content;
    if (end > start + 1 && content.replace(/[\s\u3000\u00A0]+/gu, '') === first) break;
    if (content.length > TITLE_MAX || SENTENCE_END.test(content)) break;
    end++;
  }
  return end > start + 1 ? { end } : undefined;
}
