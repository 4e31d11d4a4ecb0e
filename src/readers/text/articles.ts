// Splits a text into articles and finds each article's title block.
// A continuation marker "(接1版)" starts an article; a closing dateline
// "(新华社北京8月28日电)" or "(下转2版)" ends one. A file without markers is one article.
import { type Line } from './lines.js';
import { sliceLine, trimLine } from './line-slice.js';
import { signatureEnd } from './end-matter.js';
import { CLOSING_DATELINE, CLOSING_END, CONTENTS, CONTINUED_FROM, CONTINUED_TO, CREDIT_END, OPENING_DATELINE, SENTENCE_END } from '../../text/patterns.js';
import { ATTACHMENT_LABEL, BOX_LABEL, CAPTION, EDITOR_SIGN, HEAD_OF_ORGAN, isAddress, isAdoption, isAnnotation, LONE_DATE, isByline, isHeaderField, isTitleNote, pageRow, personNames, RULE_LINE, signedByRapporteur } from './roles.js';
import { bodyLike, DOC_TYPE, findTitleBlock, titleLike } from './title-block.js';


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
    // "新华社北京10月29日电  中国共产党……公报" over its adoption line: the wire's dateline, then the
    // title of the document it carries.
    const dateline = OPENING_DATELINE.exec(current.content);
    const next = lines[lines.indexOf(line) + 1];
    if (dateline && next && /^[(\uFF08]/u.test(next.content) && isTitleNote(next.content)) {
      const title = trimLine(sliceLine(current, dateline[0].length));
      if (title.content.length > 0 && DOC_TYPE.test(title.content) && titleLike(title.content)) {
        out.push(trimLine(sliceLine(current, 0, dateline[0].length)), title);
        continue;
      }
    }
    out.push(current);
  }
  return out;
}

/** "附件1：查处酒后驾驶操作规程": an attachment's label and title on one line. */
const ATTACHMENT_TITLED = /^附\s*件\s*[0-9\uFF10-\uFF19一二三四五六七八九十]+\s*[：:]\s*\S{4,}$/u;

/** "附：相关法律条文", "附录：名词解释": an appendix's label and its title on one line. */
const APPENDED = /^附(?:录|錄)?\s*[\uFF1A:]\s*[^\s\u3002\uFF0C,\uFF1B;]{4,30}$/u;

/** The title of a sitting's minutes: "……全體委員會議議事錄", "……会议纪要". */
const MINUTES_TITLE = /(?:議事錄|议事录|會議紀錄|会议纪录|會議記錄|会议记录|會議紀要|会议纪要)$/u;

/** The first of a document's numbered parts: where it comes again, a new document has begun. */
const FIRST_PART = /^(?:一、|第一章|第一条|第一條)/u;

/**
 * Whether an article starts at `i`: an attachment, a document after the signature of the one before,
 * or (`restarts`: the numbering begins again under it) a document's title after a blank line.
 */
function documentStarts(lines: Line[], i: number, afterSignature: boolean, restarts = false): boolean {
  const line = lines[i]!;
  const next = lines[i + 1];
  // Two rules printed one after the other: "……的规定" after a blank line, its own preamble, then "一、" again.
  if (restarts && line.afterBlank && DOC_TYPE.test(line.content) && titleLike(line.content) && CLOSING_END.test(lines[i - 1]?.content ?? '') && findTitleBlock(lines.slice(i, i + 12), false).title !== undefined) return true;
  if (ATTACHMENT_LABEL.test(line.content)) return next !== undefined && titleLike(next.content);
  if (ATTACHMENT_TITLED.test(line.content)) return bodyLike(next) && !ATTACHMENT_TITLED.test(next?.content ?? '');
  // "附：相关法律条文" under a ruling's signature: what it appends, under its label and title.
  if (afterSignature && APPENDED.test(line.content)) return next !== undefined;
  // A wire's dateline standing over the document it carries (split off its title by separateMarkers).
  const whole = OPENING_DATELINE.exec(line.content);
  if (i > 0 && whole && whole[0].length === line.content.length && next && titleLike(next.content) && /^[(\uFF08]/u.test(lines[i + 2]?.content ?? '') && isTitleNote(lines[i + 2]!.content)) return true;
  // A document inside a news story: its title over its date or adoption line (a communiqué the story carries).
  if (i > 0 && titleLike(line.content) && next && /^[(\uFF08]/u.test(next.content) && isTitleNote(next.content) && CLOSING_END.test(lines[i - 1]!.content)) return true;
  // (So a rule an order issues, under the order's signature: its name over its promulgation lines.)
  if (i > 0 && titleLike(line.content) && DOC_TYPE.test(line.content) && next && isAdoption(next.content) && (isByline(lines[i - 1]!.content) || HEAD_OF_ORGAN.test(lines[i - 1]!.content) || CLOSING_END.test(lines[i - 1]!.content))) return true;
  // The minutes of the sitting before, read out: their title over their fields ("……會議議事錄" / "時  間：……").
  if (i > 0 && titleLike(line.content) && MINUTES_TITLE.test(line.content) && next && isHeaderField(next.content) && CLOSING_END.test(lines[i - 1]!.content)) return true;
  // A letter or a speech inside a news story: its title, then its salutation.
  if (i > 0 && titleLike(line.content) && next && isAddress(next.content) && /[\u3002\uFF01\uFF1F!?\u2026][\u201D\u300D]?$/u.test(lines[i - 1]!.content)) return true;
  if (!afterSignature || !titleLike(line.content) || /^[(\uFF08]/u.test(line.content) || BOX_LABEL.test(line.content)) return false;
  const block = findTitleBlock(lines.slice(i, i + 12), false);
  return block.title !== undefined;
}

/** Whether the numbering of the lines ahead starts again where the article so far has used it. */
function restarts(current: Line[], ahead: Line[]): boolean {
  const first = ahead.find((l) => FIRST_PART.test(l.content))?.content.match(FIRST_PART)?.[0];
  return first !== undefined && current.some((l) => l.content.startsWith(first));
}

/** The last sentence of a notice that transmits a document: "现印发给你们，请认真贯彻执行。" */
const TRANSMITS = /(?:印发给你们|印發給你們|转发给你们|轉發給你們|印发给你单位|印發給你單位)[^\u3002]{0,30}\u3002$/u;

/** A list page's mark of the rest of a summary, alone on its line: "…", "……", "更多". */
const MORE_MARK = /^(?:\u2026{1,2}|\.{3,6}|\u22EF{1,2}|更多|閱讀全文|阅读全文|詳細內容|详细内容|閱讀更多|阅读更多)$/u;

/**
 * The "more" marks of a list of news items, each headline over its summary and the mark ("…") after it:
 * where two or more marks are followed by a headline and its summary, the marks end their items.
 * They are the page's, no text: the reader keeps them as records where they stand.
 */
export function moreMarks(lines: readonly Line[]): Set<Line> {
  const marks = lines.filter((line, i) => MORE_MARK.test(line.content) && lines[i + 1] !== undefined && titleLike(lines[i + 1]!.content) && bodyLike(lines[i + 2]) && i > 0 && !MORE_MARK.test(lines[i - 1]!.content));
  if (marks.length < 2) return new Set();
  // (The last item's mark too, where the list ends with one.)
  const last = lines[lines.length - 1];
  if (last && MORE_MARK.test(last.content)) marks.push(last);
  return new Set(marks);
}

export function splitArticles(lines: Line[]): Line[][] {
  const articles: Line[][] = [];
  let current: Line[] = [];
  let signedAt = -1;
  let transmittedAt = -1;
  const close = () => {
    if (current.length) articles.push(current);
    current = [];
  };
  // Items set apart by rules ("-", "***") between them, each a headline over its text: a rule ends an article.
  const ruled = (i: number) => RULE_LINE.test(lines[i]!.content) && lines[i + 1] !== undefined && titleLike(lines[i + 1]!.content) && bodyLike(lines[i + 2]);
  const rules = lines.filter((_, i) => ruled(i)).length;
  const more = moreMarks(lines);
  // A page of signed contributions: one or two head lines after a finished paragraph, the author's line
  // (office and name), then the text. Where two or more stand so, each starts an article.
  const signedHead = (i: number) => {
    // (The text's first lines count too: they are the first contribution's head.)
    // (Or a picture's credit: the pictures of the page stand before its first piece.)
    const after = i === 0 || CLOSING_END.test(lines[i - 1]!.content) || EDITOR_SIGN.test(lines[i - 1]!.content) || pageRow(lines[i - 1]!.content) || CREDIT_END.test(lines[i - 1]!.content);
    // (A profile's head may open with the line that names its subject and leads into the headline: "……书记刘冠林——".)
    const content = lines[i]!.content;
    const leadIn = /[^\u2014\u2015][\u2014\u2015]{1,2}$/u.test(content) && content.length <= 40 && !SENTENCE_END.test(content) && lines[i + 1] !== undefined && titleLike(lines[i + 1]!.content);
    if (!after || !(titleLike(content) || leadIn) || /^[(\uFF08]/u.test(content)) return false;
    const at = lines[i + 1] !== undefined && (titleLike(lines[i + 1]!.content) || leadIn) && !isByline(lines[i + 1]!.content) && !personNames(lines[i + 1]!.content) ? i + 2 : i + 1;
    return lines[at] !== undefined && (isByline(lines[at]!.content) || personNames(lines[at]!.content)) && bodyLike(lines[at + 1]) && /[\uFF0C\u3002]/u.test(lines[at + 1]!.content) && lines[at + 1]!.content.length >= 30;
  };
  // A page of stories each under a head and the page's field line for it ("郭声琨会见……" / "作者：吴嘉林  时间：
  // 2019-07-17"), after a finished paragraph: where two or more stand so, each starts an article.
  const fieldedHead = (i: number) => {
    const content = lines[i]!.content;
    if (!(i === 0 || CLOSING_END.test(lines[i - 1]!.content)) || !titleLike(content) || /^[(\uFF08]/u.test(content) || isHeaderField(content)) return false;
    // (Its subtitle may stand between: "——2019年上半年……".)
    const at = lines[i + 1] !== undefined && /^[\u2014\u2015]{2}/u.test(lines[i + 1]!.content) ? i + 2 : i + 1;
    return lines[at] !== undefined && isHeaderField(lines[at]!.content) && bodyLike(lines[at + 1]);
  };
  // A compilation's contents over its pieces ("目录" / "1.人民网评：…… 3" / … / "人民网评：……"): the first piece starts
  // an article where the contents end.
  const pieces = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    if (!CONTENTS.test(lines[i]!.content)) continue;
    const contents = findContents(lines, i);
    if (!contents?.pieces) continue;
    // (Each piece's title is its entry without number and page.)
    const titles = new Set(contents.pieces.filter((t) => t.length >= 4));
    for (let k = contents.end; k < lines.length; k++) if (titles.has(bareEntry(lines[k]!.content))) pieces.add(k);
  }
  const fieldedHeads = new Set<number>();
  for (let i = 0; i < lines.length; i++) if (fieldedHead(i)) fieldedHeads.add(i);
  // (A head's second line is no head of its own.)
  const signedHeads = new Set<number>();
  for (let i = 0; i < lines.length; i++) if (!signedHeads.has(i - 1) && signedHead(i)) signedHeads.add(i);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const content = line.content;
    if (rules >= 2 && i > 0 && RULE_LINE.test(lines[i - 1]!.content) && ruled(i - 1) && current.length) close();
    if (i > 0 && more.has(lines[i - 1]!) && current.length) close();
    if (pieces.has(i) && current.length) close();
    if (signedHeads.size >= 2 && signedHeads.has(i) && current.length) close();
    else if (fieldedHeads.size >= 2 && fieldedHeads.has(i) && current.length) close();
    const from = CONTINUED_FROM.exec(content);
    if (from && from[0].length === content.length && current.some((l) => !CONTINUED_FROM.test(l.content))) close();
    // (An attachment label alone is the start of the article that follows it.)
    // (Nor is a photo's caption over the document alone an article: "……发表重要讲话。 新华社记者 鞠鹏 摄" / "新华网北京4月28日电".)
    else if (current.length && !(current.length === 1 && ATTACHMENT_LABEL.test(current[0]!.content)) && !current.every((l) => CAPTION.test(l.content)) && documentStarts(lines, i, signedAt === i, restarts(current, lines.slice(i + 1, i + 6)))) close();
    // What a notice transmits starts under the notice's date, with its title or without (a copy that lost it).
    else if (transmittedAt === i && current.length) close();
    current.push(line);
    const signed = signatureEnd(lines, i);
    if (signed > 0) signedAt = signed;
    // (A Macau court's summary signed by its rapporteur, the judgment under it: "裁判書制作法官" / "宋敏莉".)
    else if (i > 0 && signedByRapporteur(lines[i - 1]!.content, content)) signedAt = i + 1;
    // (A date alone under the last paragraph, with the annotation under it, "2021年9月9日" / "（此件公开发布）": the
    // notice is signed by its date; the issuer's line is missing in the copy.)
    else if (LONE_DATE.test(content) && i > 0 && CLOSING_END.test(lines[i - 1]!.content) && isAnnotation(lines[i + 1]?.content ?? '')) signedAt = i + 2;
    // (Or a date alone under the paragraph that transmits a document, "……现印发给你们，请认真贯彻执行。": the
    // notice ends with its date, and the document it transmits follows.)
    else if (LONE_DATE.test(content) && i > 0 && TRANSMITS.test(lines[i - 1]!.content) && lines[i + 1] !== undefined && !isAnnotation(lines[i + 1]!.content)) signedAt = transmittedAt = i + 1;
    const to = CONTINUED_TO.exec(content);
    if (CLOSING_DATELINE.test(content) || (to && to[0].length === content.length)) close();
  }
  close();
  return articles;
}

/** A contents entry or a line compared with one, without spaces. */
// (An entry may carry a count the body's heading has not: "一、刑事检察(68件)" over "一、刑事检察".)
const bareEntry = (content: string) => content.replace(/[\s\u3000\u00A0]+/gu, '').replace(/[(\uFF08][^()\uFF08\uFF09]*[)\uFF09]$/u, '');

/** A 目录 block: the heading line and the entries after it, up to where the body repeats the first entry. */
export function findContents(lines: Line[], start: number): { end: number; pieces?: string[] } | undefined {
  if (!CONTENTS.test(lines[start]?.content ?? '')) return undefined;
  // (An entry carries its number and page where the body's title has neither: "1.人民网评:……就业 3" over "人民网评:……就业".)
  const entry = (content: string) => bareEntry(content.replace(/[\s\u3000.\u2026\u00B7]+[0-9\uFF10-\uFF19]{1,4}$/u, '')).replace(/^[0-9\uFF10-\uFF19]{1,3}[.\uFF0E\u3001]/u, '');
  const first = lines[start + 1] ? bareEntry(lines[start + 1]!.content) : '';
  const firstEntry = lines[start + 1] ? entry(lines[start + 1]!.content) : '';
  if (!first) return undefined;
  let end = start + 1;
  while (end < lines.length) {
    const content = lines[end]!.content;
    if (end > start + 1 && bareEntry(content) === first) break;
    // (The body repeats the entry without its number and page: a compilation, each entry a piece of its own.)
    if (end > start + 1 && firstEntry.length >= 4 && firstEntry !== first && bareEntry(content) === firstEntry) return { end, pieces: lines.slice(start + 1, end).map((l) => entry(l.content)) };
    if (content.length > 80 || SENTENCE_END.test(content)) break;
    end++;
  }
  return end > start + 1 ? { end } : undefined;
}
