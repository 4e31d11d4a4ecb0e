// The end of an article that is not body text, read from the last line back:
// end matter (抄送, 印发, credits), an annotation (（此件公开发布）), the signature
// and its date, the attachment note with its list. Also where one document ends
// with its signature and another begins (a notice and the plan it transmits).
import type { ParagraphRole } from '../../model/types.js';
import { type Line } from './lines.js';
import { CLOSING_DATELINE, CONTINUED_TO, matchMarker } from '../../text/patterns.js';
import { ATTACHMENT_NOTE, CONTACT, HEAD_OF_ORGAN, END_CAPTION, IMAGE_LINE, isAnnotation, isByline, isCourtSigner, isRecord, isSigner, LONE_DATE, pageRow, markDebris, OFFICE_ALONE, officeAndName, personNames, PROMULGATION, SEAL, signedByRapporteur } from './roles.js';

/** A line of an attachment list: "2、查处……规程", "2.xxxx" — short, numbered, no sentence. */
// (The list's last item may close it with a stop: "2．……意向申报表。".)
function attachmentItem(content: string, last = false): boolean {
  return content.length <= 60 && /^[0-9\uFF10-\uFF19]{1,2}[.、\uFF0E]/u.test(content) && !(last ? /[；;]$/u : /[。；;]$/u).test(content);
}

/** The head of a page's comments, and how many lines from the end it may stand. */
const COMMENTS_HEAD = /^(?:评论回复|評論回覆|网友评论|網友評論|发表评论|發表評論|我要评论|我要評論|最新评论|最新評論|相关评论|相關評論|评论区|評論區|全部评论|全部評論|读者评论|讀者評論|留言区|留言區|网友留言|網友留言)(?:[\s\u3000]*[(\uFF08]?[0-9]*[)\uFF09]?)?[\s\u3000]*[\uFF1A:]?$/u;
const COMMENTS_MAX = 40;
/** The head of a page's box of links to other stories under the text ("相关阅读" over their headlines). */
const RELATED_HEAD = /^[【\[]?(?:相关阅读|相關閱讀|相关新闻|相關新聞|相关报道|相關報導|相关文章|相關文章|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|热点推荐|熱點推薦|猜你喜欢|猜你喜歡|更多阅读|更多閱讀|往期回顾|往期回顧|往期推荐|往期推薦)[】\]]?[\s\u3000]*[\uFF1A:]?$/u;
/**
 * The first line of a WeChat page's widgets under an article, as a page saver keeps them ("预览时标签不可点",
 * "微信扫一扫" / "关注该公众号", "轻触阅读原文", "向上滑动看下一个"), and how many lines from the end it may stand.
 */
const WIDGETS_HEAD = /^(?:预览时标签不可点|預覽時標籤不可點|微信扫一扫(?:可打开此内容，?)?|微信掃一掃(?:可打開此內容，?)?|关注该公众号|關注該公眾號|继续滑动看下一个|繼續滑動看下一個|轻触阅读原文|輕觸閱讀原文|向上滑动看下一个|向上滑動看下一個)$/u;
const WIDGETS_MAX = 120;
/** What the widgets are: short lines (buttons, counters, the account's name, a comment box's lone marks) and pictures. */
const widgetLine = (content: string) => content.length <= 40 || IMAGE_LINE.test(content);

/** A label alone over the address it names: "原文链接", "阅读原文", "原文地址：". */
const LINK_LABEL = /^(?:原文链接|原文鏈接|原文地址|阅读原文|閱讀原文|原文)[\s\u3000]*[\uFF1A:]?$/u;

/** A headline in such a box: short, no sentence. */
const linkHeadline = (content: string) => content.length <= 60 && !/[\u3002\uFF01\uFF1F!?\uFF1B;]$/u.test(content);

/** Roles of the article's last lines, for the lines that have one. */
export function endMatter(lines: Line[]): Map<Line, ParagraphRole> {
  const roles = new Map<Line, ParagraphRole>();
  let signed = false;
  let i = lines.length - 1;
  // A page's comments under the text ("评论回复" over the readers' short notes, "提交回复 返回"): the page's, not the text's.
  // (The first of its heads: "网友评论" over the readers' notes, "发表评论" over the form under them.)
  let comments = -1;
  for (let c = lines.length - 1; c >= Math.max(1, lines.length - COMMENTS_MAX); c--) {
    if (!COMMENTS_HEAD.test(lines[c]!.content)) continue;
    if (!lines.slice(c + 1).every((l) => l.content.length <= 200)) break;
    comments = c;
  }
  // A box of links to other stories under the text ("相关阅读" over their headlines, one a line): the page's.
  if (comments < 0) {
    for (let c = lines.length - 1; c >= Math.max(1, lines.length - COMMENTS_MAX); c--) {
      if (!RELATED_HEAD.test(lines[c]!.content)) continue;
      if (lines.slice(c + 1).every((l) => linkHeadline(l.content))) comments = c;
      break;
    }
  }
  // A WeChat page's widgets under the article: the page's, every line of them to the end.
  let widgets = false;
  if (comments < 0) {
    const from = Math.max(1, lines.length - WIDGETS_MAX);
    const head = lines.findIndex((l, c) => c >= from && WIDGETS_HEAD.test(l.content));
    if (head > 0 && lines.slice(head).filter((l) => WIDGETS_HEAD.test(l.content)).length >= 2 && lines.slice(head).every((l) => widgetLine(l.content))) {
      comments = head;
      widgets = true;
    }
  }
  if (comments >= 0) {
    for (let k = comments; k < lines.length; k++) roles.set(lines[k]!, 'record');
    i = comments - 1;
  }
  // A signature followed by rows of names (the signatories of a letter): the rows sign too.
  for (let s = Math.max(1, lines.length - 400); s < lines.length; s++) {
    if (signatureEnd(lines, s) < 0) continue;
    const rows = lines.slice(s + 1);
    if (rows.length && rows.every((l) => l.content.length <= 60 && !/[\u3002\uFF01\uFF1F!?]/u.test(l.content))) {
      for (const row of rows) roles.set(row, isRecord(row.content) ? 'record' : isAnnotation(row.content) ? 'annotation' : 'signature');
      i = s;
    }
    break;
  }
  i = signerUnderDate(lines, i, roles);
  // A Macau court's summary, signed by its rapporteur over the name ("裁判書制作法官" / "宋敏莉").
  if (i >= 1 && signedByRapporteur(lines[i - 1]!.content, lines[i]!.content)) {
    roles.set(lines[i]!, 'signature');
    roles.set(lines[i - 1]!, 'signature');
    signed = true;
    i -= 2;
  }
  for (; i >= 0; i--) {
    const content = lines[i]!.content;
    if (CLOSING_DATELINE.test(content) || (CONTINUED_TO.test(content) && matchMarker(content) === undefined)) continue;
    if (isAnnotation(content)) roles.set(lines[i]!, 'annotation');
    // (A page's links and pictures too, under the signature: the contact's address over it is the body's last line.)
    else if (isRecord(content) || (!signed && pageRow(content)) || END_CAPTION.test(content)) roles.set(lines[i]!, 'record');
    // Over the page's records under the text: a box's head over its links ("推荐阅读", "原文链接" over an address),
    // and under a page's widgets the poster's profile, a name and a line on it, between its pictures and notices.
    else if (roles.get(lines[i + 1]!) === 'record' && (((RELATED_HEAD.test(content) || LINK_LABEL.test(content)) && pageRow(lines[i + 1]!.content)) || (widgets && content.length <= 40 && [lines[i - 1], lines[i - 2]].some((l) => l !== undefined && (isRecord(l.content) || pageRow(l.content)))))) roles.set(lines[i]!, 'record');
    // A judgment's bench and clerk, over and under its date.
    else if (isCourtSigner(content)) {
      roles.set(lines[i]!, 'signature');
      signed = true;
    } else if (LONE_DATE.test(content) && content.replace(/[\s\u3000]+/gu, '').length <= 24) {
      roles.set(lines[i]!, 'signature');
      signed = true;
    } else if (signed && (isSigner(content) || (SEAL.test(content) && roles.get(lines[i + 1]!) === 'signature') || (isByline(content) && roles.get(lines[i + 1]!) === 'signature' && LONE_DATE.test(lines[i + 1]!.content)))) roles.set(lines[i]!, 'signature');
    // "縣長　王○○" closing a Taiwan 公文: the signature is the head of the organ by office and name.
    else if (!signed && (isByline(content) || HEAD_OF_ORGAN.test(content)) && i >= lines.length - 4) {
      roles.set(lines[i]!, 'signature');
      signed = true;
    }
    else break;
  }
  // The contact line right under the signature's date is the document's annotation (附注, GB/T 9704 7.3.7).
  for (let k = i + 1; k < lines.length - 1; k++) {
    if (roles.get(lines[k]!) === 'signature' && LONE_DATE.test(lines[k]!.content) && CONTACT.test(lines[k + 1]!.content)) roles.set(lines[k + 1]!, 'annotation');
  }
  // A signature in the middle of an article (a letter quoted in a story, then the reporter's note): signer over date.
  for (let s = 1; s < i; s++) if (signatureEnd(lines, s) > 0 && !roles.has(lines[s]!)) [s - 1, s].forEach((k) => roles.set(lines[k]!, 'signature'));
  // The attachment note stands above the signature: "附件：1、……" and its numbered list.
  let j = i;
  while (j >= 0 && attachmentItem(lines[j]!.content, j === i) && !ATTACHMENT_NOTE.test(lines[j]!.content)) j--;
  if (j >= 0 && ATTACHMENT_NOTE.test(lines[j]!.content)) {
    for (let k = j; k <= i; k++) roles.set(lines[k]!, 'attachment');
  }
  return roles;
}


/**
 * A signature set under its date, as Macau's orders and dispatches sign: the date,
 * "命令公佈。", then the office and the name ("行政長官 何厚鏵", or "行政法務司司長" /
 * "陳麗敏"), within the last lines before `last` (a page's link marks or its other end matter may follow).
 * Marks them, and gives the line to go on from: the date, or `last` where there is none.
 */
function signerUnderDate(lines: Line[], last: number, roles: Map<Line, ParagraphRole>): number {
  let end = last;
  while (end >= 0 && (markDebris(lines[end]!.content) || isRecord(lines[end]!.content))) end--;
  for (let k = end - 1; k >= Math.max(0, end - 3); k--) {
    if (!LONE_DATE.test(lines[k]!.content)) continue;
    const under = lines.slice(k + 1, end + 1).map((l) => l.content);
    const named = under.some((c) => officeAndName(c) || personNames(c));
    if (!named || !under.every((c) => PROMULGATION.test(c) || OFFICE_ALONE.test(c) || officeAndName(c) || personNames(c))) return last;
    for (let m = k + 1; m <= last; m++) roles.set(lines[m]!, m <= end ? 'signature' : 'record');
    return k;
  }
  return last;
}

/** Where a signature block (signer, date, annotation) ends at line `i`: the index after it, or -1. */
export function signatureEnd(lines: Line[], i: number): number {
  // The signer is an organ, or an office and a name ("中华人民共和国主席 江泽民" over the date of an order).
  const signer = lines[i - 1]?.content ?? '';
  // (Or the bench of a court: "审判员 何敏" over the date, the clerk under it.)
  if (!LONE_DATE.test(lines[i]?.content ?? '') || !(isSigner(signer) || isByline(signer) || isCourtSigner(signer))) return -1;
  let end = i + 1;
  while (end < lines.length && (isAnnotation(lines[end]!.content) || (end === i + 1 && (CONTACT.test(lines[end]!.content) || isCourtSigner(lines[end]!.content))))) end++;
  return end;
}
