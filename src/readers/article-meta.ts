// What readers derive for an article from its blocks, the same for every reader:
// page references, an opening dateline, the kind, a title when none is given,
// and truncation. The text and Markdown readers both end with completeMeta.
import type { ArticleKind, ArticleMeta, Block } from '../model/types.js';
import { blockText, inlineText } from '../model/visit.js';
import { CLOSING_END, CREDIT_END, INLINE_CONTINUATION, OPENING_DATELINE, quoteBalance } from '../text/patterns.js';
import { GLUED_CREDIT, isControl } from './text/roles.js';

/** A figure's or a table's caption: "图4安装于室外的全天相机", "表2 ……", "Fig. 4 The …", "Table 1 …". */
const FIGURE_CAPTION = /^(?:[图圖表][0-9\uFF10-\uFF19]{1,3}(?![0-9\uFF10-\uFF19\u5E74\u6708\u65E5])|(?:Fig\.|Figure|Table)\s*[0-9]{1,3}\b)/u;

/** "新华社北京8月28日电（记者张三）" at the start of a text: not part of a title. */
function withoutOpeningByline(content: string): string {
  const trimmed = content.replace(/^\s+/u, '');
  const dateline = OPENING_DATELINE.exec(trimmed);
  if (!dateline) return content;
  return trimmed.slice(dateline[0].length).replace(/^[\s\u3000]*(?:[(\uFF08][^)\uFF09]{0,20}[)\uFF09])?[\s\u3000]*/u, '');
}

/**
 * "中国妇女报・中国妇女网记者田珊檑 发自贵阳 12月2日至4日，……": a reporter filing from a place,
 * run into the first paragraph. Groups: byline (outlet and reporter), agency, place.
 */
const FILED_FROM =
  /^(?<byline>(?<agency>[\p{Script=Han}\u00B7\u30FB]{2,20}?)?(?:记者|記者|通讯员|通訊員)[\s\u3000]*[\p{Script=Han}\u00B7\u3001\s\u3000]{2,24}?)[\s\u3000]+(?<raw>(?:发|發)自(?<place>\p{Script=Han}{2,8}))(?=[\s\u3000\u00A0])/v;

function kindOf(blocks: Block[], meta: ArticleMeta): ArticleKind {
  if (blocks.some((b) => b.type === 'subhead' && b.data?.role !== 'contents')) return 'feature';
  // Run-in enumerations ("第一，") number the points of any text, not the provisions of a policy.
  const numbered = blocks.filter((b) => (b.type === 'heading' || b.type === 'paragraph') && b.marker && !/^第.+[\uFF0C,\u3001]$|^.{1,3}是$/u.test(b.marker)).length;
  if (numbered >= 2) return 'policy';
  if (meta.dateline) return 'news';
  return 'other';
}

/** First heading, else the first phrase of the text. */
export function deriveTitle(blocks: Block[]): string | undefined {
  const first = blocks.find((b) => b.type === 'heading');
  if (first) return inlineText(first.children);
  const body = blocks.find((b) => b.type === 'paragraph' || b.type === 'quote' || b.type === 'subhead');
  if (!body) return undefined;
  const content = withoutOpeningByline(inlineText(body.children));
  const phrase = /^[^\uFF0C,\u3002\uFF01\uFF1F!?\uFF1B;\uFF1A:\u2014]{2,}/u.exec(content)?.[0] ?? content;
  return phrase.length > 30 ? phrase.slice(0, 30) : phrase;
}

/** A picture's caption: "图①：……", "图为……", "……（资料照片）。", "……新华社记者 李四摄". */
const CAPTION_LIKE = /^(?:图|圖)(?:[\u2460-\u2473]|[0-9\uFF10-\uFF19一二三四五六七八九十]+)[：:\s\u3000]|^(?:图为|圖為)|[(\uFF08](?:资料照片|資料照片|资料图片|資料圖片)[)\uFF09]\u3002?$|(?:摄|攝)$|[(\uFF08][^()\uFF08\uFF09]{0,24}(?:摄|攝)[)\uFF09]\u3002?$/u;

/** Fill in what `meta` lacks from the blocks (it is changed and returned). */
export function completeMeta(meta: ArticleMeta, blocks: Block[]): ArticleMeta {
  for (const block of blocks) {
    if (block.type === 'continuation' && block.direction === 'from') meta.continuedFrom ??= block.page;
    if (block.type === 'continuation' && block.direction === 'to') meta.continuedTo = block.page;
    // Notes a crawl left inside a paragraph still say where the article goes on and came from.
    if (block.type === 'paragraph') {
      for (const m of blockText(block).matchAll(INLINE_CONTINUATION)) {
        const page = m.slice(2).find((g) => g !== undefined)!;
        if (/下转|^转/u.test(m.groups!.dir!)) meta.continuedTo ??= page;
        else meta.continuedFrom ??= page;
      }
    }
  }
  if (!meta.dateline) {
    // (The pictures' captions a page sets before the report are not its first paragraph: "图①：……（资料照片）。")
    const first = blocks.find((b) => b.type === 'paragraph' && !b.role && !CAPTION_LIKE.test(blockText(b)));
    const opening = first ? OPENING_DATELINE.exec(blockText(first))?.groups : undefined;
    if (opening) meta.dateline = { agency: opening.agency, place: opening.place || undefined, date: opening.date, raw: opening.raw! };
    // (A Taiwan paper's desk formula names the reporter: "〔記者徐正揚／台北報導〕", the byline, left in the text.)
    const desk = opening ? /^\u3014((?:記者|记者)[^\uFF0F/\u3015]{2,12})[\uFF0F/]/u.exec(opening.raw!) : null;
    if (desk && !meta.byline) {
      meta.byline = desk[1]!;
      meta.bylineInText = true;
    }
    const filed = first && !opening ? FILED_FROM.exec(blockText(first))?.groups : undefined;
    if (filed) {
      meta.dateline = { agency: filed.agency || undefined, place: filed.place, raw: filed.raw! };
      if (!meta.byline) {
        meta.byline = filed.byline!.trim();
        meta.bylineInText = true;
      }
    }
  }
  if (meta.dateline) {
    for (const key of ['agency', 'place', 'date'] as const) if (meta.dateline[key] === undefined) delete meta.dateline[key];
  }
  meta.kind = kindOf(blocks, meta);
  if (!meta.title) {
    const derived = deriveTitle(blocks);
    if (derived) {
      meta.title = derived;
      meta.titleDerived = true;
    }
  }
  // Truncated: the text stops mid-sentence, with no dateline or page reference after it.
  // (The page's buttons after the text, "公文文本下載" / "分享", say nothing of how it ends: the block over them does.)
  let end = blocks.length;
  while (end > 1 && blocks[end - 1]!.type === 'paragraph' && (blocks[end - 1] as { role?: string }).role === 'record' && isControl(blockText(blocks[end - 1]!))) end--;
  const last = blocks[end - 1];
  const endMatter = last?.type === 'paragraph' && last.role !== undefined;
  // (A quotation that is all the article holds is the deck under a headline: it stops without a stop by nature.)
  const deckOnly = last?.type === 'quote' && end === 1;
  // (Nor does a contents list end anything mid-sentence: a compilation's contents over the pieces that follow.)
  const contents = last?.type === 'list' && (last as { data?: { role?: string } }).data?.role === 'contents';
  if (last && !endMatter && !deckOnly && !contents && (last.type === 'paragraph' || last.type === 'list' || last.type === 'quote')) {
    // Stopping mid-sentence needs a sentence under way: a short line without punctuation (a name,
    // an office, a caption) ends a list or a page, not a sentence.
    // A credit glued to the last sentence ("……罰金。（編輯：李亨山）1120823") closes the story like a line of its own.
    const text = blockText(last).replace(GLUED_CREDIT, '');
    // (A numbered item whose siblings all close their sentences is under way too: "（四）关心我市的公益".)
    const before = blocks[end - 2];
    const siblingClosed = last.type === 'paragraph' && last.marker !== undefined && before?.type === 'paragraph' && before.marker !== undefined && CLOSING_END.test(blockText(before));
    // (So is a lone character after the text, the first of a cut sentence: "葉".)
    const cutWord = last.type === 'paragraph' && /^\p{Script=Han}$/v.test(text) && !/^(?:完|終|终)$/u.test(text);
    // (So is a quotation opened and not closed: "住建部部长陈政高“接到”的“房价暴涨".)
    const unclosed = quoteBalance(text) > 0;
    const underWay = text.length >= 30 || /[\uFF0C,\u3001\uFF1B;\uFF1A:\u3002]/u.test(text) || siblingClosed || cutWord || unclosed;
    // (A caption closed by its picture's credit ends the story: "桃猿陳金鋒。趙文彬攝".)
    // (So does a figure's or a table's caption, which has no stop by nature: "Fig. 4 The all-sky camera stands outdoors".)
    if (!CLOSING_END.test(text) && !CREDIT_END.test(text) && !FIGURE_CAPTION.test(text) && underWay) meta.truncated = true;
  }
  return meta;
}
