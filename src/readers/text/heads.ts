// Unnumbered heads: short lines that stand alone and open a passage — a feature's
// section heads, a release's 【…】 topics, box labels (核心阅读), the group names of
// a list of honorees, a report's bold one-sentence heads ("生态底色更加亮丽。").
// Decided from the line and its neighbours, and, for the heads that end in 。,
// from the article as a whole: they count only where several stand alike.
import type { Classified } from './classify.js';
import { type Line } from './lines.js';
import { CLOSING_END, CREDIT_END, officeLabel, PROVISION, SENTENCE_END, SPEECH_VERB, TABLE_ROW } from '../../text/patterns.js';
import { BOX_LABEL, IMAGE_LINE, isHeaderField, MEETING_FIELD, RULE_LINE } from './roles.js';

const HEAD_MAX = 24;
const PHRASED_HEAD_MAX = 36;
/** A whole line in 【】: a topic head of a release. */
const BRACKETED = /^【[^【】]{2,60}】$/u;
/** "郑福来  王新忠  张佐友": names separated by gaps are a row of a list, not a head. */
// (A character the source lost, U+FFFD, stands in a name like any other: "王��维".)
const NAME = '[\\p{Script=Han}·\\uFFFD]{2,4}(?:[（\\(][\\p{Script=Han}]{1,3}[）\\)])?';
const NAMES_ROW_OF = new RegExp(`^${NAME}(?:[\\s\\u3000\\u00A0]+${NAME})+$`, 'v');
/** "工业和信息化部  王中桂": a unit, a gap, then names. */
const UNIT_ROW = new RegExp(`^[\\p{Script=Han}·（）\\(\\)]{2,16}(?:[\\s\\u3000\\u00A0]{2,}${NAME})+$`, 'v');
/**
 * A row of a list of names. Names are mostly of two or three characters: two four-character
 * phrases with a gap are a head ("砥砺奋进 再创佳绩").
 */
const NAMES_ROW = {
  test: (raw: string) => {
    // A two-character name letter-spaced ("杨  柳"), even where one character was lost ("杨  \uFFFDO"), is one name.
    const spaced = raw.replace(/\uFFFD[A-Za-z0-9]?/gu, '\uFFFD').split(/[\s\u3000\u00A0]+/u);
    const tokens: string[] = [];
    for (const t of spaced) {
      const previous = tokens[tokens.length - 1];
      if (previous !== undefined && previous.length === 1 && /^[\p{Script=Han}\uFFFD]/v.test(t) && t.replace(/[（(].*$/u, '').length === 1) tokens[tokens.length - 1] = previous + t;
      else tokens.push(t);
    }
    const s = tokens.join(' ');
    return (NAMES_ROW_OF.test(s) && (tokens.length >= 3 || tokens.some((t) => t.replace(/[（(].*$/u, '').length <= 3))) || UNIT_ROW.test(raw);
  },
};

type Shape = 'plain' | 'stop' | undefined;

/** The parties of a case, opening their lines in a judgment. */
const PARTY = /^(?:原告|被告|上诉人|被上诉人|申请人|被申请人|申请执行人|被执行人|第三人|委托代理人|委托诉讼代理人|诉讼代理人|法定代表人|辩护人|公诉机关|上訴人|被上訴人|聲請人|相對人|訴訟代理人)/u;

/** A short head of two phrases with a comma between them and no end punctuation. */
const COMMA_HEAD = /^[^\uFF0C,\u3002\uFF01\uFF1F!?\uFF1B;\uFF1A:]{2,10}[\uFF0C,][^\uFF0C,\u3002\uFF01\uFF1F!?\uFF1B;\uFF1A:\u3001]{3,12}$/u;

/** A topic and a phrase about it, no digits, no end punctuation: "易地搬迁：住上新房子". */
const COLON_HEAD = /^[\p{Script=Han}\u201C\u201D\u300A\u300B]{2,10}[\uFF1A:][\p{Script=Han}\u201C\u201D\u2018\u2019\u300A\u300B\u3001]{2,14}(?:[\uFF0C,][\p{Script=Han}\u201C\u201D\u2018\u2019\u300A\u300B\u3001]{2,14})?$/v;

/** A count in brackets at the end of a line: "（10名）", "（共3人）". */
const COUNT_TAG = /[(\uFF08]\s*共?[0-9\uFF10-\uFF19一二三四五六七八九十百]+\s*(?:名|人|个|個|家|项|項|件|位|篇|部)\s*[)\uFF09]$/u;

/** A line closing on quotation marks it did not open with ("……启动“中老友好年”"): a name quoted at its end. */
const quotedEnd = (content: string): boolean => /[\u201D\u300D\u300B]$/u.test(content) && !/^[\u201C\u300C\u300A]/u.test(content);

/** Dot leaders in a row of a table or a list of contents. */
const LEADERS = /\.{5,}|\u2026{3,}|\u00B7{5,}/u;

/** Whether a line could be a head by its shape alone. */
export function headLike(content: string): boolean {
  return headShape(content) !== undefined;
}

/** Whether a line has the shape of a head: 'plain' (no end punctuation), 'stop' (one sentence ending in 。). */
function headShape(content: string): Shape {
  if (BRACKETED.test(content)) return 'plain';
  // A group's head over rows of names gives its count: "北京市（10名）", "先进集体（20个）".
  const counted = content.replace(COUNT_TAG, '');
  if (counted !== content && /^\p{Script=Han}{2,16}$/v.test(counted)) return 'plain';
  // A row of a flattened table, its cells set apart by bars ("附属法例/文书 | 法律公告编号"), is no head.
  if (TABLE_ROW.test(content)) return undefined;
  // A head says something: a number or a code alone ("138/2012") is a cell of a table.
  if ((content.match(/\p{Script=Han}/gv) ?? []).length < 2) return undefined;
  // A head of phrases set apart by gaps ("港府總動員 下午航班停 今晚考慮改掛 8號以上風球") may run longer.
  const phrases = content.split(/[\s\u3000\u00A0]+/u).length;
  if (content.length > (phrases >= 3 ? PHRASED_HEAD_MAX : HEAD_MAX) || content.length < 2 || NAMES_ROW.test(content)) return undefined;
  // A short quotation set alone as a crosshead ("「日後在屋邨唱歌給老人家聽」"): a head, where it holds no sentence.
  if (/^(?:\u300C[^\u300C\u300D\u3002\uFF0C\uFF01\uFF1F,]{4,22}\u300D|\u201C[^\u201C\u201D\u3002\uFF0C\uFF01\uFF1F,]{4,22}\u201D)$/u.test(content)) return 'plain';
  // (A line may open with a work's name in 《》: "《我们结婚吧》主创捧场".)
  if (/^[\u201C\u300C\u300E\u2018"(\uFF08]/u.test(content) || (/^\u300A/u.test(content) && !/^\u300A[^\u300B]+\u300B\S/u.test(content))) return undefined;
  // A caption under a figure: "图1　汽车号牌编码规则".
  if (/^[图圖表][0-9\uFF10-\uFF19一二三四五六七八九十]+/u.test(content)) return undefined;
  const body = content.slice(0, -1);
  // One colon may stand inside a head ("国家战略：脱胎换骨"), none at its end.
  if (SENTENCE_END.test(body) || /[\uFF1A:]$/u.test(content) || (content.match(/[\uFF1A:]/gu) ?? []).length > 1) return undefined;
  // A colon inside a head is followed by phrases with gaps; "label：value" is a field.
  const colon = content.search(/[\uFF1A:]/u);
  // "警：拾獲財物應交出": a crosshead giving a speaker (one to three characters) and what was said.
  // So is "赵立坚回应：已向美方提出严正交涉", "有人轉場尖沙咀 海濱委會：睇定啲": a speaker of up to six
  // characters (after a gap, where the head has two parts), who answers, and what was said.
  const speaker = content.slice(0, colon).split(/[\s\u3000\u00A0]+/u).pop() ?? '';
  const said = colon >= 1 && speaker.length >= 1 && (speaker.length <= 3 || (speaker.length <= 6 && /(?:回应|回應|表示|称|稱|说|說|指|强调|強調|會|会|局|部|署|府)$/u.test(speaker))) && /^\p{Script=Han}+$/v.test(speaker) && /^[\p{Script=Han}\u300C\u300D\u201C\u201D]{3,}$/v.test(content.slice(colon + 1));
  if (colon >= 0 && !said && !/\p{Script=Han}[\s\u3000\u00A0]+\p{Script=Han}/v.test(content.slice(colon + 1).trim())) return undefined;
  // A comma makes a phrase of a sentence: heads with commas end in a dash (subheads) or stand in 【】.
  if (/[\uFF0C,]/u.test(content)) return undefined;
  // (A judgment's line naming a party, "原告张有文。" / "被告俄克学未答辩。", is no head.)
  if (/\u3002$/u.test(content)) return /[\uFF0C,\uFF1A:]/u.test(body) || PARTY.test(content) ? undefined : 'stop';
  // (A head may end with a name in quotation marks: "让科技成果转化跑出“加速度”".)
  const quotedName = /[^\u201C\u201D\u300C\u300D]{2,}\u201C[^\u201C\u201D]{1,10}\u201D$|[^\u300C\u300D]{2,}\u300C[^\u300C\u300D]{1,10}\u300D$/u.test(content);
  if ((CLOSING_END.test(content) && !quotedName) || /[\uFF0C,\u3001]$/u.test(content)) return undefined;
  return 'plain';
}

/** A picture's source where CREDIT_END (……供图, ……摄, 资料图片) does not name it: "图片来源：……", "新华社发". */
const PICTURE_CREDIT = /^[\p{Script=Han}\s\u3000]{0,14}(?:图片来源|圖片來源)[\uFF1A:].*$|^[\p{Script=Han}]{2,8}(?:社|网|網)发$|^(?:图源|圖源)[\uFF1A:\s\u3000]*[\p{Script=Han}A-Za-z\s\u3000]{2,20}$/v;

/** The name of a drawing, a pattern or a form ("国旗制法图案", "文书样式"). */
const FIGURE_HEAD = /^\p{Script=Han}{2,20}(?:图|圖|图案|圖案|示意图|示意圖|样图|樣圖|式样|式樣|样式|樣式|图表|圖表)$/v;

function plainParagraph(item: Classified | undefined): item is Extract<Classified, { kind: 'paragraph' }> {
  return item?.kind === 'paragraph' && !item.marker && !item.lead && !item.role;
}

/** A line ending in —— that is a sentence of saying leading into what follows ("习近平总书记强调——"), no head. */
export function leadsIn(content: string): boolean {
  return SPEECH_VERB.test(content.replace(/[\u2014\u2015]+$/u, ''));
}

/** A dash subhead ("结构更优——") over the line that completes it ("咬住实体经济发展不放松，优化提升产业结构"). */
function dashHead(item: Classified | undefined): boolean {
  return item?.kind === 'subhead' && !leadsIn(item.line.content);
}

/** What may follow a head: a passage of text, a list, a marked item, a row of names. */
function opensPassage(item: Classified | undefined, head: Line): boolean {
  if (!item) return false;
  if (item.kind === 'item') return true;
  // "习近平总书记强调——" under a head: a sentence leading into the words it quotes, the passage's start.
  if (item.kind === 'subhead') return leadsIn(item.line.content);
  // A section's head over the first numbered head of its parts ("中国经济面临的机遇与挑战" / "1．……"); over
  // a later one ("二、") the line ends the part before.
  if (item.kind === 'heading') return /^[(\uFF08]?第?(?:一|壹|1|\uFF11|\u2160|I|甲)(?![0-9\uFF10-\uFF19一二三四五六七八九十百])/u.test(item.marker);
  if (item.kind !== 'paragraph' || item.role) return false;
  const content = item.line.content;
  if (item.marker || item.lead) return true;
  if (NAMES_ROW.test(content)) return true;
  // (A one-sentence line may be the whole passage: "请求裁决某公司支付加班费10000元。" under "申请人请求".)
  return content.length > head.content.length && (CLOSING_END.test(content) || content.length >= 20) && headShape(content) !== 'plain';
}

function closes(item: Classified | undefined, before?: Classified): boolean {
  if (!item) return true;
  if (item.kind !== 'paragraph' || item.role) return true;
  const content = item.line.content;
  // The last row of a list may hold a single name ("马金桥" after "郑福来  王新忠").
  const lastRow = /^[\p{Script=Han}·]{2,4}$/v.test(content) && before?.kind === 'paragraph' && NAMES_ROW.test(before.line.content);
  return CLOSING_END.test(content) || CREDIT_END.test(content) || NAMES_ROW.test(content) || lastRow;
}

/** The last two Han characters of a line: rows of one list end alike ("李卓人議員", "梁耀忠議員 , S.B.S."). */
function ending(item: Classified | undefined): string | undefined {
  if (item?.kind !== 'paragraph' || item.line.content.length > 40) return undefined;
  const han = item.line.content.match(/\p{Script=Han}/gv);
  return han && han.length >= 2 ? han.slice(-2).join('') : undefined;
}

/** Whether the item at `i` is a plain paragraph shaped like a plain head (then a line under it is no head's second line). */
function plainHeadAt(items: Classified[], i: number): boolean {
  const item = items[i];
  return plainParagraph(item) && headShape(item.line.content) === 'plain';
}

/** The items (plain paragraphs) of an article that are unnumbered heads. */
export function unnumberedHeads(items: Classified[], blanksMeanSections: boolean, speakers: ReadonlySet<Classified>): Set<Classified> {
  const found: { item: Classified; shape: Shape }[] = [];
  // Minutes set their fields as heads over their values ("時間" / "中華民國……", "地點" / "本院議場"): where two
  // or more such labels stand alone, each heads what follows it.
  const fields = items.filter((item) => plainParagraph(item) && MEETING_FIELD.test(item.line.content)).length >= 2;
  // Where one blank line stands between paragraphs, a section's head may stand after two or more.
  const gaps = items.map((item, i) => (i === 0 ? 0 : item.line.number - (items[i - 1]!.line.joined?.number ?? items[i - 1]!.line.number) - 1));
  const typical = [...gaps.slice(1)].sort((a, b) => a - b)[Math.floor((gaps.length - 1) / 2)] ?? 0;
  // The line right under a speaker's label alone is that speaker's turn, never a head ("柯華葳：" / "所以是……？").
  const turn = (i: number) => {
    const label = items[i - 1];
    return label !== undefined && speakers.has(label) && /[\uFF1A:]$/u.test(label.line.content.trimEnd());
  };
  items.forEach((item, i) => {
    if (!plainParagraph(item) || speakers.has(item) || turn(i)) return;
    const content = item.line.content;
    // "片  方供图", "新华社发": a picture's credit, a caption's line, never a head.
    if (PICTURE_CREDIT.test(content) || CREDIT_END.test(content)) return;
    // The line under a picture's address ("![](https://…)" / "伪装成微软账户密码修改的钓鱼邮件") is its caption.
    if (items[i - 1] !== undefined && IMAGE_LINE.test(items[i - 1]!.line.content)) return;
    // A head letter-spaced on its own line ("報 告 事 項", "討 論 事 項") over what follows: a head, whatever ends before it.
    if (/^\p{Script=Han}(?:[\s\u3000]+\p{Script=Han}){2,7}$/v.test(content) && items[i + 1] !== undefined && !(items[i + 1] as { role?: string }).role) {
      found.push({ item, shape: 'plain' });
      return;
    }
    // A head underlined by a rule, as plain text sets one ("「疫苗通行證」適用的指定醫療處所" / "————————").
    const rule = items[i + 1];
    if (content.length <= 40 && !CLOSING_END.test(content) && !SENTENCE_END.test(content) && rule?.kind === 'paragraph' && rule.line.content.replace(/\s/gu, '').length >= 3 && RULE_LINE.test(rule.line.content) && items[i + 2] !== undefined) {
      found.push({ item, shape: 'plain' });
      return;
    }
    // Where paragraphs follow each other line by line, a line set off by a blank line that stops without
    // closing punctuation is a head (the crawler kept the head but lost its bold).
    // (A headline may end with a name in quotation marks: "……共同宣布启动“中老友好年”".)
    const quoted = quotedEnd(content) && !SENTENCE_END.test(content);
    // (A figure's caption set off where the picture was, "图1　汽车号牌编码规则", is no head.)
    const setOff = blanksMeanSections && item.line.afterBlank && content.length <= 60 && (!CLOSING_END.test(content) || quoted) && !/[\uFF0C,\u3001]$/u.test(content) && !/^[图圖表][0-9\uFF10-\uFF19一二三四五六七八九十]+/u.test(content);
    // "出席議員：" over the rows of a list: a label head.
    const next0 = items[i + 1];
    // (The line under a field's label is its value, never a head.)
    const before = items[i - 1];
    if (fields && plainParagraph(before) && MEETING_FIELD.test(before.line.content)) return;
    const labelHead =
      (fields && MEETING_FIELD.test(content) && plainParagraph(next0)) ||
      /^[^\uFF0C,\u3002\uFF1A:\uFF1B;\s]{2,10}[\uFF1A:]$/u.test(content) && !/(?:如下|以下|为|為|是|指出|表示|说|說)[\uFF1A:]$/u.test(content) && !/^(?:以下|如下|下面|下列)/u.test(content) &&
      next0?.kind === 'paragraph' && !next0.role && !speakers.has(next0) && next0.line.content.length <= 40 && !SENTENCE_END.test(next0.line.content);
    // (A table's header row over its leader rows is no head: "附屬法例／文書  法律公告編號".)
    if (/\p{Script=Han}[\s\u3000]{2,}\p{Script=Han}/v.test(content) && next0?.kind === 'paragraph' && LEADERS.test(next0.line.content)) return;
    // (Not a record's narration: the time a sitting began, what a member did.)
    const narration = /^(?:上午|下午|晚上|中午)?[\s\u3000]*[0-9\uFF10-\uFF19]{1,2}[\s\u3000]*[時时:]/u.test(content) || officeLabel(content);
    const spaced = typical === 1 && gaps[i]! >= 2 && !narration && headShape(content) === 'plain' && next0?.kind === 'paragraph' && !next0.role;
    // The second line of a two-line subhead, under its dash line: a phrase, or two with a comma, that
    // stops without punctuation, over the passage ("结构更优——" / "咬住实体经济发展不放松，优化提升产业结构").
    const dashSecond = dashHead(before) && content.length <= 30 && !CLOSING_END.test(content) && !SENTENCE_END.test(content) && !/[\uFF0C,\u3001]$/u.test(content) && (content.match(/[\uFF0C,]/gu) ?? []).length <= 1 && (headShape(content) === 'plain' || /[\uFF0C,]/u.test(content)) && (opensPassage(next0, item.line) || (plainParagraph(next0) && CLOSING_END.test(next0.line.content)));
    if (dashSecond) {
      found.push({ item, shape: 'plain' });
      return;
    }
    // A box label ("核心阅读", "资料来源：") heads its passage, colon or not.
    const shape = setOff || labelHead || BOX_LABEL.test(content) ? 'plain' : headShape(content);
    if (!shape) return;
    const next = items[i + 1];
    // A head printed over two lines: its first line stands over the second, which opens the passage.
    const overSecond = !labelHead && !setOff && content.length >= 6 && plainParagraph(next) && next.line.content.length >= 6 && headShape(next.line.content) === 'plain' && shape === 'plain' && opensPassage(items[i + 2], next.line) && !plainHeadAt(items, i - 1);
    // "国旗制法图案" set off at the end: the head of a figure the text could not carry.
    const figure = next === undefined && item.line.afterBlank === true && FIGURE_HEAD.test(content);
    // A section's short head over the head of its first passage ("审议意见" / "审议会议提出问询的主要问题").
    const stacked = !labelHead && !setOff && content.length >= 4 && content.length <= 8 && plainParagraph(next) && !NAMES_ROW.test(next.line.content) && headShape(next.line.content) === 'plain' && next.line.content.length > content.length && opensPassage(items[i + 2], next.line);
    const passage = labelHead || figure || stacked ? true : setOff ? next?.kind === 'paragraph' && !next.role && CLOSING_END.test(next.line.content) : overSecond || opensPassage(next, item.line);
    // The second line of a two-line head follows the first.
    const underHead = found.length > 0 && found[found.length - 1]!.item === items[i - 1];
    // (A box label heads its box whatever ends the passage before it.)
    if ((!labelHead && !underHead && !spaced && !BOX_LABEL.test(content) && !closes(items[i - 1], items[i - 2])) || !(passage || spaced)) return;
    const end = ending(item);
    if (!labelHead && end && (ending(items[i - 1]) === end || ending(items[i + 1]) === end)) return;
    // A run of one-sentence lines ("我們國家的財政並不樂觀。" / "我們的司法已經失去人民的信任。") is a passage
    // of short paragraphs, no series of heads: a one-sentence head stands between passages.
    const stopLine = (other: Classified | undefined) => plainParagraph(other) && headShape(other.line.content) === 'stop';
    if (shape === 'stop' && (stopLine(before) || stopLine(next))) return;
    found.push({ item, shape });
  });
  // Heads of one series with a comma in them ("一条鱼，养在水中富民增收" / "一条鱼，生产线上吃干榨净"): where two
  // or more open alike (the same first three characters: "高质量疏解提速，……" / "高质量发展成势，……"), every
  // short line of that shape standing alone between passages is a head.
  // (Its passage may open with a sentence on a line of its own: "一项疏解带动一条产业链。".)
  const commaHeads = items.filter(
    (item, i) => plainParagraph(item) && !speakers.has(item) && COMMA_HEAD.test(item.line.content) && closes(items[i - 1], items[i - 2]) && (opensPassage(items[i + 1], item.line) || (plainParagraph(items[i + 1]) && CLOSING_END.test(items[i + 1]!.line.content))),
  );
  const openings = new Map<string, number>();
  for (const item of commaHeads) {
    const opening = item.line.content.split(/[\uFF0C,]/u)[0]!.slice(0, 3);
    openings.set(opening, (openings.get(opening) ?? 0) + 1);
  }
  if ([...openings.values()].some((n) => n >= 2)) for (const item of commaHeads) if (!found.some((f) => f.item === item)) found.push({ item, shape: 'plain' });
  // Or, where two heads or more without a comma stand between passages, a line as short with one comma, set as
  // they are, between passages too ("争抢服务的“第一时间”" / "山西煤炭的“营销之变”" / "煤铁合作，建设“大煤仓”").
  const bare = found.filter((f) => f.shape === 'plain' && !/[\uFF0C,]/u.test(f.item.line.content));
  if (bare.length >= 2) {
    const longest = Math.max(...bare.map((f) => f.item.line.content.length));
    const indented = bare.every((f) => f.item.line.indented === bare[0]!.item.line.indented) ? bare[0]!.item.line.indented : undefined;
    for (const item of commaHeads) {
      if (indented !== undefined && item.line.indented === indented && item.line.content.length <= longest + 4 && !found.some((f) => f.item === item)) found.push({ item, shape: 'plain' });
    }
  }
  // A question over the exchange it heads ("突出问题有哪些？" / "问：……" / "答：……"): a head, its ？ and all.
  items.forEach((item, i) => {
    const next = items[i + 1];
    if (!plainParagraph(item) || speakers.has(item) || turn(i) || !next || !speakers.has(next)) return;
    const content = item.line.content;
    // (So is a topic over an interview's question: "建设更高水平“齐鲁粮仓”" / "记者：……".)
    const shaped = /[\uFF1F?]$/u.test(content) || quotedEnd(content) || !CLOSING_END.test(content);
    if (content.length <= 24 && shaped && !/[\uFF0C,\u3002\uFF1A:\uFF1B;\uFF01!]/u.test(content) && (i === 0 || closes(items[i - 1], items[i - 2])) && !found.some((f) => f.item === item)) found.push({ item, shape: 'plain' });
  });
  // A bulletin of items, headline and report one after the other: where most of the article is such pairs,
  // every short unpunctuated line over a report is a headline, however it opens (《…》, “…”, a colon in it).
  const pairHeads = items.filter((item, i) => {
    if (!plainParagraph(item) || speakers.has(item)) return false;
    const content = item.line.content;
    const next = items[i + 1];
    return content.length >= 6 && content.length <= 40 && !CLOSING_END.test(content) && !SENTENCE_END.test(content) && !/[\uFF0C,\u3001]$/u.test(content) && (i === 0 || closes(items[i - 1], items[i - 2])) && plainParagraph(next) && next.line.content.length >= Math.max(20, content.length) && CLOSING_END.test(next.line.content);
  });
  const paragraphs = items.filter((item) => plainParagraph(item)).length;
  if (pairHeads.length >= 3 && 2 * pairHeads.length >= 0.6 * paragraphs) for (const item of pairHeads) if (!found.some((f) => f.item === item)) found.push({ item, shape: 'plain' });
  // So with a colon ("易地搬迁：住上新房子" / "产业扶贫：鼓起钱袋子"): a topic and a phrase, standing alone
  // between passages, two or more in the article (one such line may be a field or a label).
  const colonHeads = items.filter((item, i) => plainParagraph(item) && !speakers.has(item) && COLON_HEAD.test(item.line.content) && !isHeaderField(item.line.content) && closes(items[i - 1], items[i - 2]) && opensPassage(items[i + 1], item.line));
  if (colonHeads.length >= 2 && new Set(colonHeads.map((item) => item.line.content.split(/[\uFF1A:]/u)[0])).size === colonHeads.length) {
    for (const item of colonHeads) if (!found.some((f) => f.item === item)) found.push({ item, shape: 'plain' });
  }
  // One-sentence heads are a report's; in a law or regulation such a line is a provision's sentence.
  const provisions = items.some((item) => item.kind === 'paragraph' && item.lead && PROVISION.test(item.line.content));
  // So in a transcript: a speaker's one sentence on a line of its own ("黃毓民議員。", calling the next) is speech.
  const transcript = speakers.size >= 8 || (speakers.size >= 5 && speakers.size >= items.filter((item) => item.kind === 'paragraph').length / 4);
  const stops = provisions || transcript ? 0 : found.filter((f) => f.shape === 'stop').length;
  // (A picture's credit is none, by whichever rule: "图源国家统计局" over an interview's first question.)
  return new Set(found.filter((f) => (f.shape === 'plain' || stops >= 3) && !PICTURE_CREDIT.test(f.item.line.content)).map((f) => f.item));
}
