// The title block of an article: the lines before its body. Besides kicker
// (引题), title and subtitle (副题) it holds, in real texts, header fields and web
// chrome, photo captions, a date or adoption line (题注), the speaker or author,
// a column tag, an attachment label. Each line is recognised by what it is; the
// plain title-like lines then take kicker/title/subtitle by their position.
import type { ParagraphRole } from '../../model/types.js';
import { headLike } from './heads.js';
import type { Markup } from './markup.js';
import { splitChrome } from './split-chrome.js';
import { type Line } from './lines.js';
import { joinLines, sliceLine, trimLine } from './line-slice.js';
import {
  BULLET_ITEM,
  CLOSING_DATELINE,
  CLOSING_END,
  CREDIT_END,
  CONTENTS,
  CONTINUED_FROM,
  DASH_ITEM,
  matchMarker,
  NEWS_FORMULA,
  OPENING_DATELINE,
  PARAGRAPH_END,
  PARTY_LABELS,
  PROVISION,
  SENTENCE_END,
  SPEAKER,
  SPEAKER_ROLE,
  SPEAKER_WORDS,
  SUBHEAD,
  speakerLabel,
} from '../../text/patterns.js';
import { ATTACHMENT_LABEL, ATTACHMENT_NOTE, BOX_LABEL, CAPTION, CASE_NUMBER, CREDITED_CAPTION, DATE, DOC_NUMBER, SECTION_LABEL, EDITION_TAIL, isControl, isSigner, LETTERHEAD, isAddress, isByline, isColumnTag, isHeaderField, isTitleNote, MEETING_FIELD, personNames, PHOTO_CAPTION, REPORTER_LINE, WEEKDAY_DATE } from './roles.js';

export interface TitleBlock {
  kicker?: Line;
  title?: Line;
  subtitle?: Line;
  notes: Line[];
  byline?: Line;
  /** The place a reporter's line names ("記者許雅綿／台北報導"): the dateline's place. */
  place?: string;
  /** Lines of the title block that are blocks of their own (header fields, captions, an opening dateline). */
  blocks: { line: Line; role?: ParagraphRole; dateline?: boolean; deck?: boolean }[];
  /** How many lines of the article the title block takes. */
  length: number;
}

const TITLE_MAX = 80;
/** "（刘元春，中国人民大学副校长）": the author and the office, in brackets under a title. */
const AUTHOR_IN_BRACKETS = /^[\(\uFF08][\p{Script=Han}\u00B7]{2,4}[\uFF0C,][^\(\)\uFF08\uFF09\u3002]{2,30}[\)\uFF09]$/v;
/** "- 数据源：cn.govopendata.com", "• 发布日期：2024-05-01": a field as an item of a list. */
const FIELD_ITEM = /^[\-*\u2022\u00B7]\s*[\p{Script=Han}A-Za-z]{2,8}[\uFF1A:]\s*\S/v;
/** Tags in brackets a title opens with: "[视频]", "【人民时评】", "[视频]【党旗在基层一线高高飘扬】". */
const GLUED_TAGS = /^(?:\u3010[^\u3010\u3011]{1,16}\u3011|[[\uFF3B][^\]\uFF3D]{1,8}[\]\uFF3D])+(?=[^\s\u3000])/u;
/** A tag in brackets at the end of a title: （摘要） （人民论坛） （2020—2025年）. */
const TRAILING_TAG = /[(（][^()（）]{1,16}[)）]$/u;
/** Two phrases with a gap between them ("全会由省委常委会主持 省委书记彭清华讲话"): a deck, not a name. */
const PHRASE_GAP = /\p{Script=Han}{2}[\s\u3000\u00A0]+\p{Script=Han}{2}/v;
/** The kinds of document a title names at its end: a title wrapped in two lines ends with one. */
export const DOC_TYPE =
  /(?:通知|通报|通報|函|意见|意見|决定|決定|办法|辦法|规定|規定|答复|答覆|批复|批覆|报告|報告|方案|公告|通告|条例|條例|细则|細則|规划|規劃|纲要|綱要|决议|決議|公报|公報|规范|規範|预案|預案|指引|解释|解釋|议程|議程|规则|規則|章程|标准|標準|名单|名單|讲话|講話|演说|演說)$/u;

/** The line naming an order: "中华人民共和国主席令(九届第37号)", "国务院令 第713号". */
const ORDER_TITLE = /^\p{Script=Han}{2,16}令\s*[\(\uFF08]?[^\(\)\uFF08\uFF09]{0,10}?第\s*[0-9\uFF10-\uFF19一二三四五六七八九十百]+\s*[号號][\)\uFF09]?$/v;

/** An act under its number and year, as Macau's gazette titles them: "第30/2005號行政命令", "第3/2000號行政法務司司長批示". */
const NUMBERED_ACT = /^第\s*[0-9\uFF10-\uFF19]{1,4}\s*[\/\uFF0F]\s*[0-9\uFF10-\uFF19]{4}\s*[号號]\p{Script=Han}{0,16}(?:行政命令|批示|法律|行政法規|行政法规|公告|通告|法令)$/v;

/** An order's number on a line of its own: "第三十五号", "（第713号）". */
const ORDER_NUMBER = /^[(\uFF08]?\s*第\s*[0-9\uFF10-\uFF19〇零一二三四五六七八九十百千]+\s*[号號]\s*[)\uFF09]?$/u;

/** A medium's name in brackets: "[Newtalk新聞]", "【中央社】", "［星島日報］". */
const SOURCE_TAG = /^[\[\u3010\uFF3B][\p{Script=Han}A-Za-z0-9 ]{1,16}(?:新聞|新闻|報|报|網|网|社|台|電視|电视|日報|日报)[\]\u3011\uFF3D]$/v;

/** "习近平在山西考察时强调" over the title: what someone stressed, the kicker (引题) of a report of it. */
const REPORTED_KICKER = /^[\p{Script=Han}·、]{2,30}(?:时强调|時強調|时指出|時指出|强调|強調|指出|寄语|寄語|回信|致信|致电|致電)$|^[\p{Script=Han}·、]{2,12}(?:签署|簽署)[\p{Script=Han}]{0,10}令$/v;

/** A line without its gaps and list commas, to see that two lines say the same. */
const bare = (content: string): string => content.replace(/[\s\u3000\u00A0\u3001\uFF0C,]/gu, '');
/** Letters and digits only: a copy of a line that the page set with other marks ("拼谁能_咬住_" / "拼谁能“咬住”"). */
const letters = (content: string): string => content.replace(/[^\p{L}\p{N}]/gv, '');

/**
 * Whether `content` is a copy of the title block's line `of`: the same words, the same letters set
 * with other marks, or the same after a short tag ("第一  习总书记对……的要求"; no field label "主旨：").
 */
function copyOf(content: string, of: string): boolean {
  if (bare(of) === bare(content)) return true;
  if (content.length >= 8 && letters(of) === letters(content)) return true;
  const tag = bare(content).length - bare(of).length;
  return bare(of).length >= 8 && tag > 0 && tag <= 4 && bare(content).endsWith(bare(of)) && !/[\uFF1A:]/u.test(content.slice(0, 6));
}

export function titleLike(content: string, first = false): boolean {
  const core = content.replace(TRAILING_TAG, '').replace(/[\u2014\u2015]+$/u, '');
  if (content.length > TITLE_MAX || core === '') return false;
  // A first line may end in 。 when it has no other sentence in it.
  // A title may end in a closing bracket or quote (…印发《条例》); it does not end a sentence.
  // A headline may hold an exclamation or a question ("海葵遠離！台灣本島今晚20:30解除陸警"); a 。 or ； inside is a sentence's.
  const inner = core.slice(0, -1);
  const closed = PARAGRAPH_END.test(core) || /[\u3002\uFF1B;]/u.test(inner) || (SENTENCE_END.test(inner) && !(first && core.length <= 40));
  const endsStop = /[\u3002\uFF01\uFF1F]$/u.test(core);
  // A first line ending in 。 is a title when it is one phrase ("让群众少跑腿。"); with a comma it is the text's first sentence.
  if (closed && !(first && endsStop && core.length <= 40 && !SENTENCE_END.test(inner) && !(/\u3002$/u.test(core) && /[\uFF0C,]/u.test(core)))) return false;
  // No title ends in a colon or a comma: such a line goes on in the next.
  if (/[：:\uFF0C,\u3001]$/u.test(content)) return false;
  // "记者：今年经济形势如何？" opens a transcript.
  const speaker = SPEAKER.exec(content)?.[1];
  if (speaker && (SPEAKER_WORDS.has(speaker) || SPEAKER_ROLE.test(speaker))) return false;
  return (
    !SUBHEAD.test(content) &&
    !matchMarker(content) &&
    !PROVISION.test(content) &&
    !BULLET_ITEM.test(content) &&
    !DASH_ITEM.test(content) &&
    !CONTINUED_FROM.test(content) &&
    !CLOSING_DATELINE.test(content) &&
    !CONTENTS.test(content) &&
    !OPENING_DATELINE.test(content) &&
    !isHeaderField(content) &&
    !isTitleNote(content)
  );
}

/** Whether `next` is the second line of a title wrapped in two ("国务院办公厅关于2019年" / "部分节假日安排的通知"). */
export function continuesTitle(title: Line, next: Line, after: Line | undefined): boolean {
  // A book-title mark left open goes on in the next line ("懷化市貫徹落實《關于打好經濟增長主動仗" / "……》實施方案").
  const open = (s: string, a: string, b: string) => s.split(a).length - s.split(b).length;
  if ((open(title.content, '\u300A', '\u300B') > 0 || open(title.content, '\u3008', '\u3009') > 0) && title.content.length <= 40 && !PHRASE_GAP.test(next.content)) return true;
  if (DOC_TYPE.test(title.content) || title.content.length < 6 || title.content.length > 40 || isByline(title.content)) return false;
  // A deck of two phrases with a gap ("全会由省委常委会主持 省委书记彭清华讲话") is no second half of a title.
  if (PHRASE_GAP.test(next.content)) return false;
  // (An issuing organ alone over "关于……的通知" issues it: its name is no first half of the title.)
  if (isSigner(title.content) && OPENS_ABOUT.test(next.content) && DOC_TYPE.test(next.content)) return false;
  if (DOC_TYPE.test(next.content)) return true;
  // A title "……关于……" goes on until it names its kind: over three lines, the third ends with it.
  if (/关于|關於/u.test(title.content) && after !== undefined && after.content.length <= 30 && DOC_TYPE.test(after.content) && !PHRASE_GAP.test(after.content)) return true;
  return after !== undefined && ((isHeaderField(after.content) && !next.afterBlank) || /^(?:关于|關於|關于|对|對|印发|印發)/u.test(next.content) || /(?:关于|關於|印发|印發|对|對)$/u.test(title.content));
}

/** What a body starts with: a sentence, a salutation, a numbered item, a contents block. */
export function bodyLike(line: Line | undefined): boolean {
  if (!line) return false;
  const content = line.content;
  return (
    CLOSING_END.test(content) ||
    content.length > TITLE_MAX ||
    // Prose under way: a long line with its clauses, even where it stops open.
    (content.length >= 30 && (content.match(/[\uFF0C,]/gu) ?? []).length >= 2) ||
    CONTENTS.test(content) ||
    matchMarker(content) !== undefined ||
    PROVISION.test(content) ||
    isAddress(content) ||
    SENTENCE_END.test(content) ||
    OPENING_DATELINE.test(content) ||
    BULLET_ITEM.test(content) ||
    DASH_ITEM.test(content)
  );
}

/** A line the body repeats word for word further down: a summary pulled out of the text (a pull-quote). */
function repeatedBelow(line: Line, document: readonly Line[]): boolean {
  if (line.content.length <= 16) return false;
  return document.some((other) => other.number > line.number && other.content.includes(line.content));
}

/**
 * A summary sentence with commas that stops without a sentence end (a deck is no sentence of the body).
 * A deck is short, unless the body repeats it: then it is a pull-quote however long, not a cut-off text.
 */
function isDeck(content: string, repeated = false): boolean {
  return (
    // (One the body repeats word for word may be shorter.)
    content.length > (repeated ? 16 : 24) &&
    // (A line carrying the column's name in brackets is the main title, no deck.)
    !TRAILING_TAG.test(content) &&
    // (A picture's caption with its credit is no summary: "……作政府工作报告。 宁夏日报记者 王鼎 摄".)
    !CREDIT_END.test(content) &&
    (content.length <= 160 || repeated) &&
    !content.includes('\t') &&
    // (A turn of a transcript is speech, no summary: "[主持人]:各位记者，……".)
    speakerLabel(content) === undefined &&
    !BULLET_ITEM.test(content) &&
    !DASH_ITEM.test(content) &&
    /[\uFF0C,]/u.test(content) &&
    // (A report's sentence may end in a closing quotation mark: "……請大家拭目以待」"; one ending in —— leads
    // into the paragraphs under it: "……处处涌动高质量发展新气象——".)
    // (One the body repeats word for word may end in a quoted phrase: "……能助灌溉用水高效利用、“细水长流”".)
    !/[\u3002\uFF01\uFF1F\uFF1B\uFF1A!?;:\uFF0C,\u3001\u2014\u2015]$/u.test(content) &&
    (repeated || !/[\u300D\u300F\u201D\u2019]$/u.test(content)) &&
    !matchMarker(content) &&
    !isAddress(content)
  );
}

/** A line of the title block that turns out to be header matter, put among the block's lines in source order. */
function insertHeader(block: TitleBlock, line: Line): void {
  const at = block.blocks.findIndex((b) => b.line.number > line.number);
  block.blocks.splice(at < 0 ? block.blocks.length : at, 0, { line, role: 'header' });
}

/** A Taiwan judgment's or ruling's head line: court, kind, case number ("臺灣嘉義地方法院刑事判決 109年度易字第113號"). */
// (So does a petition's decision, by its issuer, date and number: "臺北市政府 114.04.29 府訴三字第 1146081668 號訴願決定書".)
const JUDGMENT_TITLE = /^\p{Script=Han}{2,24}(?:法院|法庭)\p{Script=Han}{0,8}(?:判決|裁定)[\s\u3000]*[0-9\uFF10-\uFF19]{2,3}[\s\u3000]*年度[\s\u3000]*\p{Script=Han}{1,8}字第[\s\u3000]*[0-9\uFF10-\uFF19]+[\s\u3000]*號$|^\p{Script=Han}{2,16}[\s\u3000]*[0-9\uFF10-\uFF19]{2,3}[.\uFF0E][0-9\uFF10-\uFF19]{2}[.\uFF0E][0-9\uFF10-\uFF19]{2}[\s\u3000]*\p{Script=Han}{1,8}字第[\s\u3000]*[0-9\uFF10-\uFF19]+[\s\u3000]*號[\s\u3000]*(?:訴願決定書|诉愿决定书)$/v;

/** A court's judgment named by its court and kind alone: "臺灣臺北地方法院刑事附帶民事訴訟判決". */
const JUDGMENT_KIND = /^\p{Script=Han}{2,24}(?:法院|法庭)\p{Script=Han}{0,12}(?:判決|判决|裁定)(?:書|书)?$/v;

/** How far down a judgment's head line may stand under a site's chrome. */
const JUDGMENT_HEAD_MAX = 6;
/** How far down a record's title field may stand under a site's chrome. */
const TITLE_FIELD_MAX = 6;

/** "公 訴 人 臺灣嘉義地方檢察署檢察官", "被 告 徐家好": a party's label (PARTY_LABELS, letter-spaced or not), a gap, the name; no sentence. */
function partyLine(content: string): boolean {
  if (content.length > 60 || /[\u3002\uFF0C,\uFF1B;]/u.test(content)) return false;
  // (Or a colon after the label: "上 訴 人:甲及乙".)
  const label = /^((?:\p{Script=Han}[\s\u3000]*){2,5}?)(?:[\s\u3000]+|[\s\u3000]*[\uFF1A:][\s\u3000]*)(?=\S)/v.exec(content);
  return label !== null && PARTY_LABELS.has(label[1]!.replace(/[\s\u3000]/gu, ''));
}

/** A record's field that names the document: "法規名稱: ……", "標題：……". */
const TITLE_FIELD = /^(?:法規名稱|法规名称|標題|标题|文件名稱|文件名称|公文標題|公文标题)[\s\u3000]*[\uFF1A:][\s\u3000]*/u;

/** A field of a record: a label of two to eight characters, a colon, a short value ("發文字號: 府秘文字第……號函"). */
const RECORD_FIELD = /^[\p{Script=Han}]{2,8}[\s\u3000]*[\uFF1A:][\s\u3000]*[^\s\u3000\u3002\uFF0C,][^\u3002\uFF0C,]{0,40}$/v;

/** A government site's section name over a release: "本院新聞", "新闻发布", "政务动态". */
const DATED = new RegExp(DATE, 'u');
/** A field of a sitting's roll: "出席委員：……", "列席官員：……", "紀  錄：簡任秘書 彭定民". */
const ROLL_FIELD = /^(?:出[\s\u3000]*席|列[\s\u3000]*席|請[\s\u3000]*假|请[\s\u3000]*假|缺[\s\u3000]*席|紀[\s\u3000]*錄|記[\s\u3000]*錄|纪[\s\u3000]*录|记[\s\u3000]*录)[\p{Script=Han}]{0,4}[\s\u3000]*[\uFF1A:]/v;
/** A label, letter-spaced or not, and its value on one line: "主  席：段召集委員宜康", "專門委員：張智為". */
const LABELLED = /^\p{Script=Han}(?:[\s\u3000]*\p{Script=Han}){1,5}[\s\u3000]*[\uFF1A:]\s*\S/v;
/** A head letter-spaced: "報 告 事 項". */
const LETTER_SPACED = /^\p{Script=Han}(?:[\s\u3000]+\p{Script=Han}){1,7}$/v;
/** The most header lines a title block takes beyond its own lines (a sitting's roll of those present). */
const HEADER_LINES_MAX = 400;
/** Whom a letter is sent to, after 致: "致：與規管網約車服務有關的 4 項附屬法例小組委員會". */
const LETTER_TO = /^致[\s\u3000]*[\uFF1A:][\s\u3000]*[^\u3002\uFF01\uFF1F!?\uFF1B;]{2,60}$/u;
/** The person an addressee line goes on to name, by office and honorific: "主席 陳恒鑌議員", "陳大文先生". */
const ADDRESSEE_PERSON = /^[\p{Script=Han}\s\u3000]{0,12}?(?:議員|议员|先生|女士|閣下|阁下|主席)$/v;
/** Whom a speech or letter addresses, not a field: "同志们：", "各位代表：", "尊敬的……：". */
const SALUTATION = /^(?:各|尊敬|亲爱|親愛)|(?:们|們|代表|委员|委員|同志|朋友|女士|先生|同学|同學|乡亲|鄉親|来宾|來賓)[\s\u3000]*[\uFF1A:]$/u;
/** A field's label alone on its line: "發文單位：", "解釋日期:". */
const FIELD_LABEL_ALONE = /^[\p{Script=Han}]{2,6}[\s\u3000]*[\uFF1A:]$/v;
/** A line that names reporters by their office: "光明日报记者 陈晨 安胜蓝", "本报记者  李增辉". */
const REPORTERS = /^[\p{Script=Han}]{0,10}(?:记者|記者|通讯员|通訊員)[\s\u3000\u00A0]*[\p{Script=Han}·]{2,4}/v;
/** An account or site and a day, on one line: "华辩网 2021-08-12", "人民网 2024年3月5日 10:20". */
const DAY = String.raw`(?:\d{4}-\d{1,2}-\d{1,2}|\d{4}\u5E74\d{1,2}\u6708\d{1,2}\u65E5)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$`;
const DAY_TAIL = new RegExp(String.raw`(?<=[\s\u3000\u00A0])` + DAY, 'u');
const SOURCE_AND_DAY = new RegExp(String.raw`^[\p{Script=Han}A-Za-z]{2,12}[\s\u3000\u00A0]+` + DAY, 'v');
const SITE_SECTION = /^(?:其他|其它|(?:香港特區政府|香港特区政府|香港特別行政區政府|香港特别行政区政府|澳門特區政府|澳门特区政府)?(?:新聞公報|新闻公报))$|^(?:本院|本部|本局|本府|本署|本會|本会|本市|本省)?(?:新聞|新闻|要聞|要闻|新聞稿|新闻稿|新聞發布|新闻发布|即時新聞|即时新闻|最新消息|通知公告|政務動態|政务动态|工作動態|工作动态|新聞與公告|新闻与公告|新聞資訊|新闻资讯|新聞中心|新闻中心)$/u;

/** A line that is only a page's mark: ":::", "|". */
function webChromeLine(content: string): boolean {
  return /^(?::{3}|[|｜]+)$/u.test(content);
}

/**
 * No title block: the page's chrome and fields it opened with are still its header matter ("跳至主要內容" /
 * ":::" / "發文單位：" / "司法院" over a ruling that has no title line), where three or more lines stand so,
 * one after the other from the first.
 */
function untitled(block: TitleBlock, lines: Line[], title: Line | undefined): TitleBlock {
  let length = 0;
  while (length < block.blocks.length && block.blocks[length]!.role === 'header' && block.blocks[length]!.line === lines[length]) length++;
  if (length < 3) return { notes: [], blocks: [], length: 0 };
  // (Its line is then the title's, as a crawler's "title:" field is: not header matter.)
  const blocks = block.blocks.slice(0, length).filter((b) => b.line.number !== title?.number);
  // (So is the reporter's line right under the header matter, where the front matter names the text.)
  const under = title !== undefined && block.byline !== undefined && block.byline === lines[length];
  const byline = under ? { byline: block.byline, ...(block.place ? { place: block.place } : {}) } : {};
  return { notes: [], blocks, length: length + (under ? 1 : 0), ...(title ? { title } : {}), ...byline };
}

/** A front matter's title field, its value quoted or not: "title: '全年GDP增速……'". */
const FRONT_MATTER_TITLE = /^(title[ \t]*:[ \t]*['"]?)([^'"]*[^'"\s])['"]?[ \t]*$/u;

/** The front matter's "title:" value: it names a text that has no title of its own under its front matter. */
function frontMatterTitle(markup: Markup | undefined): Line | undefined {
  for (const line of markup?.frontMatter ?? []) {
    const field = FRONT_MATTER_TITLE.exec(line.content);
    if (field) return sliceLine(line, field[1]!.length, field[1]!.length + field[2]!.length);
  }
  return undefined;
}

/** A front matter's fields that name who wrote or posted the text: "source: 代码卫士", "author: 张三". */
const FRONT_MATTER_POSTER = /^(?:source|author|authors|account|publisher|作者|来源|來源)[ \t]*:[ \t]*['"]?([^'"]*[^'"\s])['"]?[ \t]*$/u;

/** The names those fields give, without their spaces. */
function frontMatterPosters(markup: Markup | undefined): Set<string> {
  const names = new Set<string>();
  for (const line of markup?.frontMatter ?? []) {
    const field = FRONT_MATTER_POSTER.exec(line.content);
    if (field) names.add(bare(field[1]!));
  }
  return names;
}

/** Authors with their affiliations' numbers: "梅林1，吴翔²，周作超²", "张三1,2 李四*". */
const AUTHORS = /^(?:[\p{Script=Han}·]{2,4}[0-9\u00B9\u00B2\u00B3\u2070-\u2079*,]{1,4}(?:[\uFF0C\u3001\s\u3000]+|$)){2,12}$/v;
/** Their affiliations in brackets, numbered: "（1.深圳市国家气候观象台，广东 深圳518040；2.……）". */
const AFFILIATIONS = /^[(\uFF08][\s\u3000]*[0-9\uFF10-\uFF19\u00B9\u00B2\u00B3][\s\u3000]*[.\uFF0E\u3001]/u;

/** A Latin personal name alone on its line: "Nate Nelson", "Mary J. Smith". */
const LATIN_NAME = /^[A-Z][a-z]+(?:[ \u00A0](?:[A-Z]\.|[A-Z][a-z]+)){1,2}$/u;

/** A title that opens with "关于" (also in Traditional, and the mixed 關于 of machine conversion). */
export const OPENS_ABOUT = /^(?:关于|關於|關于)/u;

/** Two short labels, a site's section and a category, over a headline at least twice as long. */
function labelPair(a: Line, b: Line, headline: Line | undefined): boolean {
  const short = (l: Line) => bare(l.content).length <= LABEL_MAX && !/[\p{P}\d]/v.test(l.content) && !matchMarker(l.content);
  return headline !== undefined && short(a) && short(b) && titleLike(headline.content) && bare(headline.content).length >= 2 * Math.max(bare(a.content).length, bare(b.content).length, 6);
}
const LABEL_MAX = 6;

/** `document`: all the text's lines, where the part's title block is looked for in one article of several. */
export function findTitleBlock(lines: Line[], bodyIndented: boolean, furniture?: ReadonlySet<Line>, markup?: Markup, document: readonly Line[] = lines): TitleBlock {
  const block: TitleBlock = { notes: [], blocks: [], length: 0 };
  const chrome = splitChrome(lines);
  const plain: Line[] = [];
  let title: Line | undefined;
  let copying = false;
  const rolled = new Set<Line>();
  let i = 0;
  // (Header matter does not count towards the lines a title block may take: minutes list everyone present.
  // Up to HEADER_LINES_MAX of it, so that the count, taken again each line, costs no more than that.)
  let headers = 0;
  // (Whether the title was a record's field's value.)
  let titleFromField = false;
  // (Whether the title is a judgment's, its parties under it; lines over a judgment's head line near the top,
  // short, are a site's chrome: "臺灣嘉義地方法院刑事-CYDM,109,易,113,20200810,1", "設定要替換的判決書內文".)
  let judged = false;
  const judgmentAt = lines.slice(0, JUDGMENT_HEAD_MAX).findIndex((l) => JUDGMENT_TITLE.test(l.content));
  // (So are short lines over a record's field that names the document: a law database's tabs, "所有條文" over "法規名稱：".)
  const fieldAt = judgmentAt > 0 ? -1 : lines.slice(0, TITLE_FIELD_MAX).findIndex((l) => TITLE_FIELD.test(l.content));
  const headAt = judgmentAt > 0 ? judgmentAt : fieldAt;
  const overJudgment = headAt > 0 && lines.slice(0, headAt).every((l) => l.content.length <= 60 && !SENTENCE_END.test(l.content)) ? headAt : 0;
  // (A front matter's title stands over what follows it as a title line would.)
  const matterTitle = frontMatterTitle(markup);
  const posters = frontMatterPosters(markup);
  const named = matterTitle !== undefined;
  for (; i < lines.length && i < 24 + (markup?.frontMatter.size ?? 0) + headers; i++, headers = Math.min(HEADER_LINES_MAX, block.blocks.filter((b) => b.role === 'header').length)) {
    const line = lines[i]!;
    const content = line.content;
    if (i < overJudgment) {
      block.blocks.push({ line, role: 'header' });
      continue;
    }
    // Front matter is header matter, whatever its lines look like ("- 金融" under "categories:").
    if (markup?.frontMatter.has(line)) {
      block.blocks.push({ line, role: 'header' });
      continue;
    }
    // A database's record names its document in a field ("法規名稱: 桃園市政府文書處理要點"): the value is the
    // title, its label and what stood above it header matter (the page's chrome), the fields under it too.
    const titleField = !titleFromField && plain.length <= 1 && !block.subtitle && !block.byline ? TITLE_FIELD.exec(content) : null;
    if (titleField && titleField[0].length < content.length) {
      for (const above of plain) insertHeader(block, above);
      plain.length = 0;
      // (The field's label stays, header matter: nothing of the text is lost.)
      block.blocks.push({ line: trimLine(sliceLine(line, 0, titleField[0].length)), role: 'header' });
      title = trimLine(sliceLine(line, titleField[0].length));
      plain.push(title);
      titleFromField = true;
      continue;
    }
    // (Or the label alone on its line, the name under it: "法規名稱：" / "香港澳門關係條例".)
    const named_ = lines[i + 1];
    if (titleField && named_ !== undefined && named_.content.length <= TITLE_MAX && !SENTENCE_END.test(named_.content) && !TITLE_FIELD.test(named_.content) && !FIELD_LABEL_ALONE.test(named_.content)) {
      for (const above of plain) insertHeader(block, above);
      plain.length = 0;
      block.blocks.push({ line, role: 'header' });
      title = named_;
      plain.push(title);
      titleFromField = true;
      i++;
      continue;
    }
    // A Taiwan court's judgment names itself on one line, its court, kind and case number ("臺灣嘉義地方法院刑事判決
    // 109年度易字第113號"): the title, what stood above it (a site's chrome) header matter; the parties under it
    // ("公 訴 人 臺灣嘉義地方檢察署檢察官", "被 告 徐家好", "指定辯護人 莊安田律師") are its header fields.
    if (!title && !block.subtitle && !block.byline && plain.length <= 2 && JUDGMENT_TITLE.test(content)) {
      for (const above of plain) insertHeader(block, above);
      plain.length = 0;
      title = line;
      plain.push(line);
      judged = true;
      continue;
    }
    // (Or the court and kind on one line, the case number on the next: "臺灣臺北地方法院刑事附帶民事訴訟判決" / "108年度附民字第672號".)
    if (title && plain.length === 1 && lines[i - 1] === title && JUDGMENT_KIND.test(title.content) && DOC_NUMBER.test(content)) {
      block.blocks.push({ line, role: 'header' });
      judged = true;
      continue;
    }
    // A Macau court's case number over the sheet of its judgment ("第11/2023號案" / "刑事上訴" / "上 訴 人:甲及乙"):
    // header matter, the kind of case under it too, and the parties.
    if (!title && plain.length === 0 && CASE_NUMBER.test(content)) {
      block.blocks.push({ line, role: 'header' });
      judged = true;
      const kind = lines[i + 1];
      const under = lines[i + 2]?.content ?? '';
      if (kind !== undefined && /^\p{Script=Han}{2,8}$/v.test(kind.content) && (partyLine(under) || isHeaderField(under))) {
        block.blocks.push({ line: kind, role: 'header' });
        i++;
      }
      continue;
    }
    // A box's label under header matter, no title over it ("摘 要" under a judgment's sheet): the body begins.
    if (!title && plain.length === 0 && BOX_LABEL.test(content) && !/[\uFF1A:]$/u.test(content) && block.blocks.some((b) => b.role === 'header')) break;
    // (A field's value that goes on a line of its own, as its first part did: "主 題: - 宣告……" / "- 屬第三人之物件".)
    if (judged && /^-[\s\u3000]/u.test(content) && block.blocks.at(-1)?.role === 'header' && /[\uFF1A:][\s\u3000]*-[\s\u3000]/u.test(block.blocks.at(-1)!.line.content)) {
      block.blocks.push({ line, role: 'header' });
      continue;
    }
    if (judged && partyLine(content)) {
      block.blocks.push({ line, role: 'header' });
      continue;
    }
    // (A field's label alone under it, its value the rows or the text that follows: "圖表附件:", "法規內容:".)
    // (So is the record's every field under it, "公發布日: 民國 105 年 06 月 08 日", and a short line of the page's
    // own, "法規功能按鈕區", before the text's first numbered head or sentence.)
    // (And a field's value under its label alone: "修正日期：" / "民國 111 年 01 月 12 日".)
    const underLabel = block.blocks.at(-1)?.line === lines[i - 1] && FIELD_LABEL_ALONE.test(lines[i - 1]?.content ?? '') && content.length <= 40 && !SENTENCE_END.test(content);
    // (So is the site's note on its records, ※ first, under the fields: "※如已配合行政院組織改造，……請詳見沿革".)
    const siteNote = /^\u203B/u.test(content) && content.length <= 80 && block.blocks.at(-1)?.role === 'header';
    if (titleFromField && (FIELD_LABEL_ALONE.test(content) || RECORD_FIELD.test(content) || underLabel || siteNote || (content.length <= 12 && !SENTENCE_END.test(content) && !matchMarker(content) && !PROVISION.test(content)))) {
      block.blocks.push({ line, role: 'header' });
      continue;
    }
    // Where the body is indented, an indented line is body text, unless it is a note or byline under a title.
    // (A person's name alone right over the body is the author's: "李小兰" under a feature's title.)
    const author0 = (title !== undefined || plain.length > 0) && !block.byline && personNames(content) && bodyLike(lines[i + 1]) && !headLike(lines[i + 1]!.content);
    // (A report's occasion under its title, "——2023年2月2日在……会议上", is its subtitle, indented or not.)
    const occasion = DASH_ITEM.test(content) && content.length <= TITLE_MAX && DATED.test(content) && !block.subtitle;
    const underTitle = (title || plain.length || named) && (isTitleNote(content) || isByline(content) || REPORTER_LINE.test(content) || OPENING_DATELINE.test(content) || author0 || occasion);
    // A deck (提要) under a title and its subtitle may be indented like the body: the summary that the
    // next lines tell at length.
    // (One the body repeats word for word is a pull-quote, whatever follows it.)
    // (Looked for only where the line has a deck's shape: a summary line is rare, the search costs the document.)
    const shaped = (plain.length > 0 || block.subtitle !== undefined) && isDeck(content, true);
    const repeated = shaped && repeatedBelow(line, document);
    // (Not the one paragraph of a list's item, over nothing but the page's "more" mark: the item's text.)
    const overMark = lines[i + 1] !== undefined && lines.slice(i + 1).every((l) => furniture?.has(l));
    if (overMark && (title !== undefined || plain.length > 0)) break;
    // (A last line with a sentence in it, stopping mid-sentence, is a text cut off in its first paragraph, no deck.)
    const deck = shaped && isDeck(content, repeated) && (repeated || bodyLike(lines[i + 1]) || (lines[i + 1] === undefined && !/\u3002/u.test(content)) || plain.length >= 2);
    // (A document carried inside a story is indented like the story: its title is known by what follows it.)
    const carried = i === 0 && lines[1] !== undefined && (isAddress(lines[1].content) || (/^[(\uFF08]/u.test(lines[1].content) && isTitleNote(lines[1].content)));
    // (A wire's dateline may stand over the title of the document it carries: over its date line, or over the
    // speaker and the salutation of a speech.)
    const overDocument =
      i === block.blocks.length && OPENING_DATELINE.test(content) && lines[i + 1] !== undefined && titleLike(lines[i + 1]!.content) && (isTitleNote(lines[i + 2]?.content ?? '') || ((isByline(lines[i + 2]?.content ?? '') || personNames(lines[i + 2]?.content ?? '')) && isAddress(lines[i + 3]?.content ?? '')));
    // (Then the title under it is indented like it.)
    const underDateline = i >= 1 && i === block.blocks.length && block.blocks[i - 1]?.dateline === true;
    // (The print's copy of the title, indented like the body, is still the title block's: header matter.)
    const copy = title !== undefined && content.length >= 8 && copyOf(content, title.content);
    // (So are the page's fields under the title, "来源：人大重阳官方账号", and the author in brackets with
    // the office, "（刘元春，中国人民大学副校长）".)
    const field = (title !== undefined || plain.length > 0 || named) && isHeaderField(content) && !block.notes.length;
    const author = (title !== undefined || plain.length > 0) && !block.byline && AUTHOR_IN_BRACKETS.test(content);
    if (author) {
      block.byline = line;
      continue;
    }
    // "第三十五号" under "中华人民共和国主席令": the order's number, header matter (indented like the body or not).
    if (plain.length > 0 && /令$/u.test(plain[plain.length - 1]!.content) && ORDER_NUMBER.test(content)) {
      block.blocks.push({ line, role: 'header' });
      continue;
    }
    if (bodyIndented && line.indented && !underTitle && !carried && !overDocument && !underDateline && !(deck && (plain.length >= 2 || (repeated && block.subtitle !== undefined))) && !copy && !field && !chrome.has(line) && !NUMBERED_ACT.test(content)) break;
    if (furniture?.has(line)) {
      block.blocks.push({ line, role: 'record' });
      continue;
    }
    // A list of fields under the title ("- 数据源：……" / "- 新闻条数：22"): a page's or a file's head, header matter.
    if ((title || plain.length) && FIELD_ITEM.test(content) && (FIELD_ITEM.test(lines[i + 1]?.content ?? '') || FIELD_ITEM.test(lines[i - 1]?.content ?? ''))) {
      block.blocks.push({ line, role: 'header' });
      continue;
    }
    if (chrome.has(line)) {
      block.blocks.push({ line, role: 'header' });
      continue;
    }
    // A record's fields before its text, each label alone over its value ("發文單位：" / "司法院", "解釋字號：" /
    // "釋字第 677 號"), where the page opened with its chrome: header matter, label and value.
    if (!title && plain.length === 0 && i > 0 && i === block.blocks.length && FIELD_LABEL_ALONE.test(content) && !SALUTATION.test(content) && !SECTION_LABEL.test(content)) {
      block.blocks.push({ line, role: 'header' });
      // (A value may run over several short lines: "資料來源：" over the gazettes that printed it, one a line.)
      const value = (line_?: Line) => line_ !== undefined && line_.content.length <= 40 && !SENTENCE_END.test(line_.content) && !/[\uFF0C,]/u.test(line_.content) && !FIELD_LABEL_ALONE.test(line_.content) && !matchMarker(line_.content) && !NUMBERED_ACT.test(line_.content);
      while (value(lines[i + 1])) block.blocks.push({ line: lines[++i]!, role: 'header' });
      continue;
    }
    // The site's section over the story ("本院新聞", "政务动态"), standing apart from its title: the page's chrome.
    if (!title && plain.length === 0 && SITE_SECTION.test(content) && lines[i + 1] !== undefined && (webChromeLine(lines[i + 1]!.content) || isHeaderField(lines[i + 1]!.content) || titleLike(lines[i + 1]!.content))) {
      block.blocks.push({ line, role: 'header' });
      continue;
    }
    // A Chinese page's notices in English before its title ("Friendly Print :", "Please Press Ctrl + P …"):
    // a line of Latin words without one Han character, over a Chinese title, is the page's chrome.
    if (!title && plain.length === 0 && !/\p{Script=Han}/v.test(content) && (/[A-Za-z]{2,}\W+[A-Za-z]{2,}/u.test(content) || (/^[A-Za-z]{3,}\W/u.test(content) && content.length <= 40)) && lines.slice(i + 1).some((l) => /\p{Script=Han}/v.test(l.content))) {
      block.blocks.push({ line, role: 'header' });
      continue;
    }
    // A field's value on the line under its label ("•发文字号：" over "镇政发〔2024〕7号").
    const previous = block.blocks[block.blocks.length - 1];
    const value = previous?.role === 'header' && previous.line === lines[i - 1] && /[\uFF1A:]$/u.test(previous.line.content) && !webChromeLine(previous.line.content) && !isControl(previous.line.content) && isHeaderField(previous.line.content) && content.length <= 40 && !SENTENCE_END.test(content) && !(title && bare(content) === bare(title.content));
    // The roll of those present, one a line under its field ("列席官員：內政部政務次長 陳宗彥" / "總統府第二局局長 何全德").
    const roll = previous?.role === 'header' && previous.line === lines[i - 1] && (ROLL_FIELD.test(previous.line.content) || rolled.has(previous.line)) && content.length <= 40 && !SENTENCE_END.test(content) && !/[\uFF0C,\uFF1A:]/u.test(content) && !LETTER_SPACED.test(content) && !matchMarker(content);
    // A field among the fields under a title, whatever its label ("主  席：段召集委員宜康" after "列席官員：……").
    const among = (title !== undefined || plain.length > 0) && previous?.role === 'header' && previous.line === lines[i - 1] && LABELLED.test(content) && (LABELLED.test(previous.line.content) || rolled.has(previous.line)) && content.length <= 40 && !SENTENCE_END.test(content) && !SALUTATION.test(content) && !isByline(content) && !isAddress(content);
    if (roll || among) {
      if (roll) rolled.add(line);
      block.blocks.push({ line, role: 'header' });
      continue;
    }
    // A head letter-spaced under the fields ("報 告 事 項"): the record's body begins.
    if (plain.length > 0 && LETTER_SPACED.test(content) && block.blocks.some((b) => b.role === 'header' && b.line.number > plain[0]!.number)) break;
    const pageDate = !title && plain.length === 0 && WEEKDAY_DATE.test(content);
    // "[Newtalk新聞]" under the headline: the medium's tag, header matter (over a title it is a column tag).
    const sourceTag = (title !== undefined || plain.length > 0) && SOURCE_TAG.test(content);
    if (sourceTag) {
      block.blocks.push({ line, role: 'header' });
      continue;
    }
    if (value || pageDate || markup?.frontMatter.has(line) || isHeaderField(content) || ((title || plain.length) && (ATTACHMENT_NOTE.test(content) || LETTERHEAD.test(content)))) {
      block.blocks.push({ line, role: 'header' });
      continue;
    }
    // "致：……小組委員會" at a letter's or a submission's head, over its title or under it: whom it is sent to, with
    // the person named under it ("主席 陳恒鑌議員").
    if (LETTER_TO.test(content)) {
      block.blocks.push({ line, role: 'address' });
      while (lines[i + 1] !== undefined && ADDRESSEE_PERSON.test(lines[i + 1]!.content)) block.blocks.push({ line: lines[++i]!, role: 'address' });
      continue;
    }
    // "受文者：" among the header fields of a Taiwan 公文.
    if ((title || plain.length) && /^(?:受文者|受文單位)[：:]/u.test(content)) {
      block.blocks.push({ line, role: 'address' });
      continue;
    }
    // A photo's caption under the title (ETtoday's ▲, a 圖／ credit), not a one-item list.
    // (So is a caption credited in brackets, "……(記者彭新茹攝)", printed twice as some pages do.)
    if ((title || plain.length) && ((PHOTO_CAPTION.test(content) && !PHOTO_CAPTION.test(lines[i + 1]?.content ?? '')) || CREDITED_CAPTION.test(content))) {
      block.blocks.push({ line });
      continue;
    }
    // "記者許雅綿／台北報導" under the title (or its caption): the byline, and the dateline's place
    // (so "记者  王红茹丨北京报道").
    const reporter = (title || plain.length || named) && !block.byline ? REPORTER_LINE.exec(content) : null;
    if (reporter) {
      block.byline = line;
      block.place = reporter.groups!.place!.replace(/^(?:綜合|综合)$/u, '') || undefined;
      continue;
    }
    // (Over the title, the caption of the picture above it may be long: "12月31日，……发表重要讲话。 新华社记者 庞兴雷 摄".)
    if (CAPTION.test(content) && (content.length <= 60 || (!title && plain.length === 0 && i === block.blocks.length))) {
      block.blocks.push({ line });
      continue;
    }
    const dateline = OPENING_DATELINE.exec(content);
    if (dateline && dateline[0].length >= content.replace(/[\s\u3000]+$/u, '').length && (title || plain.length || overDocument)) {
      block.blocks.push({ line, dateline: true });
      continue;
    }
    // "江西吉安市大力弘扬井冈山精神——" over the title: a kicker leading into it (引题).
    const leadsInto = /[^\u2014\u2015][\u2014\u2015]{1,2}$/u.test(content) && content.length <= 40 && !SENTENCE_END.test(content) && lines[i + 1] !== undefined && titleLike(lines[i + 1]!.content);
    if (!title && plain.length === 0 && !block.kicker && (isColumnTag(content) || ATTACHMENT_LABEL.test(content) || leadsInto)) {
      block.kicker = line;
      continue;
    }
    // "時間" under the title of minutes, with "地點" further on: the record's fields begin, not the title block.
    if ((title || plain.length) && MEETING_FIELD.test(content) && lines.slice(i + 1, i + 12).some((l) => MEETING_FIELD.test(l.content))) break;
    // A column's tag over the reporters, the headline lost ("【回望2025中国经济】" / "光明日报记者 陈晨 安胜蓝"): the byline.
    if (!title && plain.length === 0 && block.kicker && !block.byline && REPORTERS.test(content) && isByline(content)) {
      block.byline = line;
      continue;
    }
    if (title || plain.length) {
      if (DASH_ITEM.test(content) && !content.startsWith('\u2500') && !block.subtitle && content.length <= TITLE_MAX) {
        block.subtitle = line;
        continue;
      }
      // A byline: a name with its office, a bare name under a date note ("（2020年2月23日）" / "李建华"),
      // or the issuing body over the date ("青山市统计局" / "2024年3月20日").
      // "华辩网 2021-08-12": the account that posted the page and the day, its byline over header matter.
      if (SOURCE_AND_DAY.test(content) && !block.byline) {
        block.byline = line;
        continue;
      }
      // The name the front matter gives the poster ("source: 代码卫士") under the title: the byline, or header
      // matter under an author's name ("Nate Nelson", a Latin name alone under a Chinese title, the byline).
      if (posters.has(bare(content))) {
        if (block.byline) block.blocks.push({ line, role: 'header' });
        else block.byline = line;
        continue;
      }
      // A paper's authors, each name marked with the number of its affiliation ("梅林1，吴翔²，周作超²"), and the
      // affiliations in brackets under them ("（1.深圳市国家气候观象台，……；2.……）"), a paragraph of the head.
      if (title && !block.byline && AUTHORS.test(content)) {
        block.byline = line;
        if (AFFILIATIONS.test(lines[i + 1]?.content ?? '')) block.blocks.push({ line: lines[++i]! });
        continue;
      }
      // A bare name under the title, over the page's date and source row ("向学笙" / "20XX 09 16 08:03 | 来源:人民网"): the author.
      if (title && !block.byline && plain.length === 1 && /^[\p{Script=Han}·]{2,4}$/v.test(content) && isHeaderField(lines[i + 1]?.content ?? '')) {
        block.byline = line;
        continue;
      }
      if (title && !block.byline && LATIN_NAME.test(content) && /\p{Script=Han}/v.test(title.content)) {
        block.byline = line;
        continue;
      }
      if ((isByline(content) || author0 || (isSigner(content) && (isTitleNote(lines[i + 1]?.content ?? '') || /^[(\uFF08][^()\uFF08\uFF09]{1,20}[)\uFF09]$/u.test(lines[i + 1]?.content ?? ''))) || (block.notes.length > 0 && /^[\p{Script=Han}·]{2,4}$/v.test(content) && !matchMarker(content) && !PROVISION.test(content) && !CONTENTS.test(content))) && !block.byline) {
        block.byline = line;
        continue;
      }
      if (isTitleNote(content) || (/^[(（][^()（）]{1,20}[)）]$/u.test(content) && !CONTINUED_FROM.test(content) && !CLOSING_DATELINE.test(content))) {
        block.notes.push(line);
        continue;
      }
    }
    // A deck (提要): a summary with commas under the title that stops without a sentence end, set apart as a quote.
    if (deck) {
      block.blocks.push({ line, deck: true });
      i++;
      // (A second summary the body repeats word for word stands with it: two decks.)
      while (i < lines.length && isDeck(lines[i]!.content, true) && repeatedBelow(lines[i]!, document)) {
        block.blocks.push({ line: lines[i]!, deck: true });
        i++;
      }
      break;
    }
    // The title again, as the printed head sets it ("最高人民法院 最高人民检察院 关于……"): a header line.
    // "中华人民共和国主席令(九届第37号)" under a page's copies of the law's name: the order is the document,
    // its line the title; what stood above it is header matter.
    if ((ORDER_TITLE.test(content) || NUMBERED_ACT.test(content)) && !block.notes.length && !block.byline && !block.subtitle && bodyLike(lines[i + 1])) {
      for (const above of plain) {
        insertHeader(block, above);
      }
      plain.length = 0;
      plain.push(line);
      title = line;
      i++;
      break;
    }
    // The document's own title is the one nearest its text: the page's copy above it is header matter.
    if (title && bare(content) === bare(title.content)) {
      if (plain.length === 1 && plain[0] === title && !block.notes.length && !block.byline) {
        insertHeader(block, title);
        plain[0] = line;
        title = line;
      } else {
        block.blocks.push({ line, role: 'header' });
        copying = true;
      }
      continue;
    }
    // The printed head of the document under its title: the organ and the document's kind over its number
    // ("甘肃省庆城县人民法院" / "民 事 判 决 书" / "（2014）庆城民初字第833号"), header matter.
    const numberAt = [1, 2].find((k) => DOC_NUMBER.test(lines[i + k]?.content ?? ''));
    if (title && !copying && numberAt !== undefined && isSigner(content) && lines.slice(i, i + numberAt).every((l) => l.content.length <= 24 && !/[\uFF0C,\u3002\uFF1A:\uFF1B;]/u.test(l.content))) {
      for (const l of lines.slice(i, i + numberAt)) {
        // (Its kind line may be the title again, the document's own copy over its number: that copy is the title,
        // the page's above it header matter.)
        if (l !== line && bare(l.content) === bare(title.content) && plain.length === 1 && plain[0] === title && !block.notes.length && !block.byline) {
          insertHeader(block, title);
          plain[0] = l;
          title = l;
        } else block.blocks.push({ line: l, role: 'header' });
      }
      i += numberAt - 1;
      continue;
    }
    // The print's copy of a title block, line by line ("习近平在山西考察时强调" / "努力在……新步伐" / "奋力谱写……"):
    // it starts with a line the block holds already, whole; then its lines are parts of the block's.
    const seen = bare([block.kicker, ...plain].map((l) => l?.content ?? '').join(''));
    const whole = [block.kicker, ...plain].some((l) => l !== undefined && copyOf(content, l.content));
    // Or the printed head sets the title over two or three lines, the issuer on its own ("最高人民法院" / "关于……的规定").
    const spelled = plain.length > 0 && !copying && seen.startsWith(bare(content)) && [1, 2].some((k) => bare(lines.slice(i, i + k + 1).map((l) => l.content).join('')) === seen);
    if (plain.length > 0 && content.length >= 4 && (whole || spelled || (copying && seen.includes(bare(content)))) && !matchMarker(content)) {
      block.blocks.push({ line, role: 'header' });
      copying = true;
      continue;
    }
    // The order that promulgates a law printed under the law's title: its name and its number, header matter
    // ("中华人民共和国主席令" / "第四十六号").
    if (title && /^\p{Script=Han}{2,16}令$/v.test(content) && ORDER_NUMBER.test(lines[i + 1]?.content ?? '')) {
      block.blocks.push({ line, role: 'header' }, { line: lines[i + 1]!, role: 'header' });
      i++;
      continue;
    }
    if (block.subtitle || block.notes.length || block.byline) break;
    // Under a title a dateline opens the body: a title-like line after it is the report's (its first headline).
    if (plain.length > 0 && block.blocks.some((b) => b.dateline)) break;
    // So is a line over a report's formula in a programme of reports ("青山台消息：……" under each headline).
    if (plain.length > 0 && lines[i + 1] !== undefined && NEWS_FORMULA.test(lines[i + 1]!.content) && document.filter((l) => NEWS_FORMULA.test(l.content)).length >= 2) break;
    // A first line over header fields is the title, however long: a notice's 主旨 often stands there.
    const overFields = i === block.blocks.length && plain.length === 0 && !block.kicker && lines[i + 1] !== undefined && (isHeaderField(lines[i + 1]!.content) || LETTERHEAD.test(lines[i + 1]!.content)) && content.length <= 240 && !matchMarker(content);
    if (!overFields && !titleLike(content, plain.length === 0)) break;
    const last = plain[plain.length - 1];
    if (last && plain.length === 1 && continuesTitle(last, line, lines[i + 1])) {
      plain[0] = joinLines(last, line);
      continue;
    }
    if (plain.length === 3) break;
    // A title that ends in 。 stands alone over its body: under it, a second title-like line means it was body text.
    if (plain.length > 0 && /[\u3002\uFF01]$/u.test(plain[0]!.content)) break;
    // A deck is a phrase; a word of two or three characters under a title is a head of the body,
    // unless the title block goes on under it ("立法會" / "議程" / its date).
    const after = lines[i + 1]?.content ?? '';
    // (Nor a site's two labels over a headline and its fields, "活動快訊" / "醫事公告" / the headline / "發佈日期：……".)
    const overHeadline = plain.length === 1 && labelPair(plain[0]!, line, lines[i + 1]) && isHeaderField(lines[i + 2]?.content ?? '');
    if (plain.length > 0 && content.length < 5 && !overHeadline && !(isTitleNote(after) || isHeaderField(after) || DASH_ITEM.test(after))) break;
    plain.push(line);
    title = plain[0];
  }
  const next = lines[i];
  const found = plain.length > 0 || block.notes.length > 0 || (block.kicker !== undefined && block.byline !== undefined);
  // A "#" heading's level where Markdown was left in the text (a plain line ranks below every heading).
  const rank = (line: Line) => markup?.level.get(line) ?? 7;
  // Lines that belong to a title block on their own: a dash subtitle, notes, a byline, an attachment label.
  // (A dateline or a broadcaster's formula alone under it marks a title too: "国内联播快讯" / "央视网消息（新闻联播）：".)
  const marked = block.subtitle !== undefined || block.blocks.some((b) => b.deck || (b.dateline && plain.length > 0 && b.line.number > plain[0]!.number)) || block.notes.length > 0 || block.byline !== undefined || (block.kicker !== undefined && ATTACHMENT_LABEL.test(block.kicker.content));
  // Without them or indentation to go by, a title block must be followed by body text.
  // A head of the body may come first: "时间" over the time of a sitting.
  // (Or the fields of minutes: "時間" over its value.)
  // (So do two header fields or more under it: a record's fields, whatever heads its body.)
  const fielded = titleFromField || plain.length > 0 && block.blocks.filter((b) => b.role === 'header' && b.line.number > plain[0]!.number).length >= 2;
  const bodyFollows = fielded || bodyLike(next) || (next !== undefined && headLike(next.content) && bodyLike(lines[i + 1])) || (next !== undefined && MEETING_FIELD.test(next.content));
  if (!found || (!marked && !bodyIndented && !bodyFollows && next !== undefined)) return untitled(block, lines, matterTitle);
  // (A page's head alone, its name over the edition's fields, is a title block with nothing under it: "心声" / 《人民日报》（…）.)
  if (next === undefined && plain.length > 0 && !marked && !block.blocks.some((b) => b.role === 'header')) return { notes: [], blocks: [], length: 0 };

  // The page's headline over the page's fields and the print's shorter title it ends with
  // ("2026年宁夏回族自治区政府工作报告" / 发表时间 … / "政府工作报告"): the headline names the document, the
  // print's line is header matter. (Right under the headline, the shorter line is its subtitle.)
  const between = (a: Line, b: Line) => block.blocks.some((x) => x.role === 'header' && x.line.number > a.number && x.line.number < b.number);
  if (plain.length === 2 && between(plain[0]!, plain[1]!) && bare(plain[0]!.content).length > bare(plain[1]!.content).length && bare(plain[1]!.content).length >= 4 && bare(plain[0]!.content).endsWith(bare(plain[1]!.content))) {
    insertHeader(block, plain[1]!);
    plain.length = 1;
  }
  if (block.subtitle) {
    if (plain.length >= 2 && !block.kicker) block.kicker = plain[0];
    block.title = plain[plain.length - 1];
  } else if (plain.length === 1) block.title = plain[0];
  else if (plain.length === 2 && block.kicker && DOC_NUMBER.test(lines[lines.indexOf(plain[1]!) + 1]?.content ?? '')) {
    // "附件2" / "文书样式" / "××人民法院关于×××的司法建议书" over its number "××法建〔××××〕×号": the annex's title,
    // then the head of the letter it gives as a sample (a title over a document number), header matter.
    block.title = plain[0];
    insertHeader(block, plain[1]!);
  } else if (plain.length === 2 && plain[0]!.content.startsWith(plain[1]!.content) && plain[0]!.content.length > plain[1]!.content.length) {
    // A web title that begins with the document's kind ("無法決標公告[機關名稱]…" over "無法決標公告"): the
    // second line names the kind, a header line under the title.
    block.title = plain[0];
    insertHeader(block, plain[1]!);
  } else if (plain.length === 2 && (rank(plain[1]!) < rank(plain[0]!) || (/[\u2014\u2015]$/u.test(plain[0]!.content) && !block.kicker) || (REPORTED_KICKER.test(plain[0]!.content) && !block.kicker))) {
    // "### 李希在河南调研时强调" over "# 牢固树立……": the higher heading is the title. A line ending in
    // —— leads into the title under it (引题).
    [block.kicker, block.title] = plain;
  } else if (plain.length === 2) {
    // "最高人民法院" over "关于……的规定", "立法會" over "議程": the issuer over the document's name is a kicker.
    // (A deck of phrases with a gap is no document's name.)
    const named = DOC_TYPE.test(plain[1]!.content) && !PHRASE_GAP.test(plain[1]!.content);
    // An e-paper crawl writes its three head lines (引题 / 主题 / 副题) on the first three lines, empty where the
    // page has none: two lines over an empty third are the kicker and the title.
    const overEmptyThird = plain[0]!.number === 1 && plain[1]!.number === 2 && next !== undefined && next.number === 4 && next.afterBlank === true;
    // A newspaper sets its column's name after the main title, "这些蔬菜咋挑选（信息服务台）": the line over it is the kicker.
    const tagged = TRAILING_TAG.test(plain[1]!.content) && !TRAILING_TAG.test(plain[0]!.content) && !/[\d\uFF10-\uFF19]/u.test(TRAILING_TAG.exec(plain[1]!.content)![0]);
    // A topic of a few characters over a headline twice its length ("区域重大战略" / "加快形成高质量发展动力源") heads it.
    const topic = bare(plain[0]!.content).length <= 6 && bare(plain[1]!.content).length >= 2 * bare(plain[0]!.content).length;
    // (Under the page's chrome, such a word is the site's section the page stands in: "Asset 1@4x" / "議會工作" / title.)
    // (So is the site's name over the page's trail: "物种库" / "首页 > 微生物资讯 > 疫情资讯" / the title.)
    const trail = block.blocks.some((b) => b.role === 'header' && b.line.number > plain[0]!.number && b.line.number < plain[1]!.number && /[>»›]/u.test(b.line.content));
    // (Under the site's section itself, "最新消息", the word is the story's category: its kicker.)
    const underSection = plain[0]!.number >= 2 && block.blocks.some((b) => b.role === 'header' && b.line.number === plain[0]!.number - 1 && SITE_SECTION.test(b.line.content));
    const section = topic && !underSection && !overEmptyThird && !isColumnTag(plain[0]!.content) && (trail || (!tagged && block.blocks.some((b) => b.role === 'header' && b.line.number < plain[0]!.number))) && block.blocks.every((b) => b.role === 'header' || b.line.number > plain[0]!.number);
    if (section) {
      insertHeader(block, plain[0]!);
      block.title = plain[1];
    } else if ((topic && underSection && !block.kicker) || (named && !DOC_TYPE.test(plain[0]!.content) && !block.kicker) || ((overEmptyThird || tagged || topic) && !block.kicker && !DOC_TYPE.test(plain[0]!.content))) [block.kicker, block.title] = plain;
    else [block.title, block.subtitle] = plain;
  }
  else if (plain.length === 3) {
    if (block.kicker) {
      // A column tag is the kicker already: the three lines are a title and two decks.
      return { notes: [], blocks: [], length: 0 };
    }
    if (isSigner(plain[0]!.content) && isSigner(plain[1]!.content) && OPENS_ABOUT.test(plain[2]!.content) && DOC_TYPE.test(plain[2]!.content)) {
      // Two organs issuing jointly over the document's name ("中共……工作委员会" / "……管理委员会" / "关于……的通知"): header matter.
      insertHeader(block, plain[0]!);
      insertHeader(block, plain[1]!);
      block.title = plain[2];
    } else if (labelPair(plain[0]!, plain[1]!, plain[2])) {
      // A site's section and the story's category over the headline: the section header matter, the category its kicker.
      insertHeader(block, plain[0]!);
      [, block.kicker, block.title] = plain;
    } else [block.kicker, block.title, block.subtitle] = plain;
  }
  // "本报记者  林丽鹂《人民日报》（2025年06月02日第 02 版）": the crawl glued the paper's edition to the author;
  // the author is the byline, the edition header matter.
  const edition = block.byline ? (EDITION_TAIL.exec(block.byline.content) ?? DAY_TAIL.exec(block.byline.content)) : null;
  if (block.byline && edition && edition.index > 0) {
    const whole = block.byline;
    block.byline = trimLine(sliceLine(whole, 0, edition.index));
    insertHeader(block, sliceLine(whole, edition.index));
  }
  // "……的通知 国能综通安全〔2021〕108号": a page's heading with the document's number glued after a gap; the
  // number is header matter.
  const numbered = block.title ? /[\s\u3000]+(\S+)$/u.exec(block.title.content) : null;
  // (Not a judgment's head line: its court, kind and case number are its name, JUDGMENT_TITLE.)
  if (block.title && numbered && numbered.index >= 6 && DOC_NUMBER.test(numbered[1]!) && !JUDGMENT_TITLE.test(block.title.content)) {
    const whole = block.title;
    block.title = trimLine(sliceLine(whole, 0, numbered.index));
    insertHeader(block, trimLine(sliceLine(whole, numbered.index)));
  }
  // "[视频]韩正会见加拿大、丹麦客人", "[视频]【党旗在基层一线高高飘扬】林丹：……": a title opening with the column's or the
  // medium's tags in brackets; the tags are its kicker.
  const tags = block.title && !block.kicker ? GLUED_TAGS.exec(block.title.content) : null;
  if (block.title && tags && block.title.content.length - tags[0].length >= 6) {
    const whole = block.title;
    block.kicker = sliceLine(whole, 0, tags[0].length);
    block.title = trimLine(sliceLine(whole, tags[0].length));
  }
  // (Under a front matter that names the text, a box's short label found where a title would stand, "修订信息"
  // over a law's adoption line, is no title: the front matter's is, the label header matter.)
  if (matterTitle && block.title && block.title !== matterTitle && block.title.content.length <= 8 && !block.kicker && !block.subtitle && !matterTitle.content.includes(block.title.content)) {
    insertHeader(block, block.title);
    block.title = undefined;
  }
  if (!block.title) {
    block.title = matterTitle;
    if (block.title) block.blocks = block.blocks.filter((b) => b.line.number !== block.title!.number);
  }
  block.length = i;
  return block;
}


