// The conventions of Chinese news, wire and official text: numbering markers,
// datelines, sentence ends. Shared by the readers (which find structure with
// them) and the transforms (the break repair asks whether a line ends a sentence),
// so it lives apart from both. Real texts write the brackets full width (\uFF08\uFF09), dumps often
// ASCII: every pattern accepts both. Full-width punctuation is written as
// escapes on purpose (it has been seen to arrive as ASCII when typed).

const OPEN = '[\\(\\uFF08]';
const CLOSE = '[\\)\\uFF09]';
const HAN_NUMERAL = '[一二三四五六七八九十百零〇○两廿卅]';
const DIGIT = '[0-9\\uFF10-\\uFF19]';
const NUMBER = `(?:${HAN_NUMERAL}+|${DIGIT}+)`;

/** Kinds of numbering, outermost first. Their rank decides heading depth. */
export type MarkerKind =
  | 'part'
  | 'chapter'
  | 'section'
  | 'roman'
  | 'formal'
  | 'han'
  | 'paren-han'
  | 'stem'
  | 'article'
  | 'numeral'
  | 'decimal-1'
  | 'decimal-2'
  | 'decimal-3'
  | 'decimal-4'
  | 'ordinal'
  | 'shi'
  | 'arabic'
  | 'paren-arabic'
  | 'paren-roman'
  | 'paren-latin'
  | 'circled';

export const MARKER_RANK: Record<MarkerKind, number> = {
  part: 0,
  chapter: 1,
  section: 2,
  roman: 2.3,
  formal: 2.5,
  han: 3,
  'paren-han': 4,
  stem: 4.05,
  article: 2.9,
  numeral: 4.08,
  'decimal-1': 4.1,
  'decimal-2': 4.2,
  'decimal-3': 4.3,
  'decimal-4': 4.4,
  ordinal: 4.8,
  shi: 4.85,
  arabic: 5,
  'paren-arabic': 6,
  'paren-roman': 6.3,
  'paren-latin': 6.6,
  circled: 7,
};

/** Words that follow a number as its unit. */
const UNIT = '[年月日时時分秒点點号號人个個名条條项項款章节節次元万萬亿億千百届屆期版页頁位户戶家所座辆輛吨噸倍岁歲天周週]';

/** Formal numerals of Taiwan documents: 壹、貳、參、. */
const FORMAL_NUMERAL = '[壹貳贰參叁肆伍陸陆柒捌玖拾]';

/** A number after 第, or spaced from it and from what follows: "第一", "第 一 ", "第 12 ". */
const SPACED_IN = `(?:${NUMBER}|[\\s\u3000]*(?:${HAN_NUMERAL}(?:[\\s\u3000]*${HAN_NUMERAL})*|${DIGIT}+)[\\s\u3000]*)`;
const MARKERS: [MarkerKind, RegExp][] = [
  // (Traditional 編 and 節 as well; a law database spaces the number: "第 一 章 總則", "第 1 節".)
  ['part', new RegExp(`^第${SPACED_IN}[编編](?:[\\s\u3000]+|$)`, 'u')],
  // (A chapter's name may be glued to its number: "第一章总则".)
  ['chapter', new RegExp(`^第${SPACED_IN}章(?:[\\s\u3000]+|$|(?=\\p{Script=Han}{1,12}$))`, 'v')],
  ['section', new RegExp(`^第${SPACED_IN}[节節](?:[\\s\u3000]+|$)`, 'u')],
  ['roman', /^(?:[IVX]{1,5}|[\u2160-\u2169]{1,3})[.\uFF0E\u3001][\s\u3000]*(?=\S)/u],
  ['formal', new RegExp(`^${FORMAL_NUMERAL}+\u3001`, 'u')],
  // (Or set off by a space, as a law database prints the heads of its parts: "壹 總則".)
  ['formal', new RegExp(`^${FORMAL_NUMERAL}{1,2}(?=[ \u3000]+\\p{Script=Han})[ \u3000]*`, 'v')],
  // (Not circles alone: "○○、○○○地號" masks the numbers of land lots in a Taiwan decision.)
  ['han', new RegExp(`^(?![〇○零]+\u3001)${HAN_NUMERAL}+\u3001`, 'u')],
  // (A PDF's or a typist's full stop for the comma, "六.加強……" among "一、" heads; not "十.一" or "一.五倍".)
  ['han', new RegExp(`^(?![〇○零]+[.\uFF0E])${HAN_NUMERAL}{1,3}[.\uFF0E](?=[\\s\u3000]*\\p{Script=Han})(?![\\s\u3000]*${HAN_NUMERAL})[\\s\u3000]*`, 'v')],
  // Decimal outline numbering, "1 总则" "4.2.1 出现……": a number, its parts, then a space.
  ['decimal-4', new RegExp(`^${DIGIT}{1,2}(?:\\.${DIGIT}{1,2}){3}(?=[\\s\u3000])[\\s\u3000]*`, 'u')],
  ['decimal-3', new RegExp(`^${DIGIT}{1,2}(?:\\.${DIGIT}{1,2}){2}(?=[\\s\u3000])[\\s\u3000]*`, 'u')],
  ['decimal-2', new RegExp(`^${DIGIT}{1,2}\\.${DIGIT}{1,2}(?=[\\s\u3000])[\\s\u3000]*`, 'u')],
  // "1 总则" but not "3 月 1 日", "30 人": a number before a unit is a quantity.
  ['decimal-1', new RegExp(`^${DIGIT}{1,2}(?=[\\s\u3000]+\\p{Script=Han})(?![\\s\u3000]+${UNIT})[\\s\u3000]*`, 'v')],
  // (A PDF dump may set a space inside the brackets: "(一 )".)
  ['paren-han', new RegExp(`^${OPEN}${HAN_NUMERAL}+ ?${CLOSE}`, 'u')],
  // The heavenly stems as numbering: "甲、" "乙、".
  ['stem', /^[甲乙丙丁戊己庚辛壬癸]\u3001/u],
  // A provision's number alone on its line ("第三條" over its text, as some law dumps set it).
  ['article', new RegExp(`^第${SPACED_IN}[条條](?:[\\s\u3000]*之[\\s\u3000]*${NUMBER})?[\\s\u3000]*$`, 'u')],
  // A bare number on a line of its own, over a section ("1", "2" in features).
  ['numeral', new RegExp(`^${DIGIT}{1,2}$`, 'u')],
  // "1." "1\uFF0E" "1\u3001" but not "1.5" or "2024.": a number with a decimal point is text.
  ['arabic', new RegExp(`^${DIGIT}{1,3}(?:[.\\uFF0E](?!${DIGIT})|\u3001)`, 'u')],
  ['paren-arabic', new RegExp(`^${OPEN}${DIGIT}{1,2} ?${CLOSE}`, 'u')],
  // Hong Kong and English-style numbering: "(i)" "(ii)", "(a)" "(b)".
  ['paren-roman', /^[(\uFF08](?:i{1,3}|iv|vi{0,3}|ix|xi{0,3})[)\uFF09]/u],
  ['paren-latin', /^[(\uFF08][a-z][)\uFF09]/u],
  ['circled', /^[\u2460-\u2473]/u],
  // A run-in enumeration at the start of a paragraph: "第一，……" (not 第一条, 第一章).
  // (The space after it, "第一、 經濟結構的轉型", is layout.)
  ['ordinal', new RegExp(`^第${HAN_NUMERAL}{1,3}[\uFF0C,\u3001][\\s\u3000]*(?=\\S)`, 'u')],
  // "一是……。二是……。" opening paragraphs: a run-in enumeration.
  ['shi', new RegExp(`^${HAN_NUMERAL}{1,3}是(?=\\p{Script=Han})`, 'v')],
];

export interface MarkerMatch {
  kind: MarkerKind;
  /** The marker as written, without the spacing after it. */
  marker: string;
  /** Length of marker plus the spacing after it: where the content starts. */
  length: number;
}

/** A file's name standing where its picture was: "64.jpg", "图1.png". */
const FILE_NAME = /^[^\s.]{1,40}\.(?:jpe?g|png|gif|webp|bmp|svg|tiff?|pdf|docx?|xlsx?|pptx?|wps|zip|rar)$/iu;

export function matchMarker(content: string): MarkerMatch | undefined {
  if (FILE_NAME.test(content)) return undefined;
  for (const [kind, pattern] of MARKERS) {
    const found = pattern.exec(content);
    if (found) {
      const whole = found[0];
      const marker = whole.replace(/[\s\u3000]+$/u, '');
      // The spacing after a marker ("二、 公告地點") is layout, not text.
      const spacing = /^[\s\u3000]*/u.exec(content.slice(whole.length))![0].length;
      return { kind, marker, length: whole.length + spacing };
    }
  }
  return undefined;
}

/** "第一条" at the start of a provision (laws, regulations, plans): a run-in lead. */
// (A gazette letter-spaces it: "第　一　條".)
const SPACED_NUMBER = `(?:${HAN_NUMERAL}(?:[\\s\u3000]*${HAN_NUMERAL})*|${DIGIT}+)`;
export const PROVISION = new RegExp(`^第(?:${NUMBER}|[\\s\u3000]+${SPACED_NUMBER}[\\s\u3000]+)[条條](?:之${NUMBER})?(?=[\\s\u3000]|$)`, 'u');

/** "第二百一十三条原告应当……": a provision whose number a copy glued to its text. A lead only where the text cites several. */
// (A line citing a provision is no provision: "第九十九条规定：“……”", "第一百一十八条第一款规定", "第五条所称".)
export const GLUED_PROVISION = new RegExp(`^第${NUMBER}[条條](?!(?:第${NUMBER}[款项項])*(?:之|的)?(?:规定|規定|所称|所稱|所列|明确|明確))(?=[\\p{Script=Han}\u201C\u300C\u300A\uFF08\\(])`, 'v');

/** Sentence-ending punctuation (full and half width). */
export const SENTENCE_END = /[\u3002\uFF01\uFF1F!?\uFF1B;]/u;
/**
 * Where a paragraph may end when its line stops at the margin: a sentence end or a colon before
 * a list (a closing quotation mark after one). A closing bracket or quotation mark alone ends a
 * phrase as often as a paragraph (a title ends "……印发《条例》").
 */
export const PARAGRAPH_END = /(?:[\u3002\uFF01\uFF1F!?\uFF1B;\uFF1A:\u2026]|[\u3002\uFF01\uFF1F][\u201D\u2019\u300D\u300F])$/u;

/** What a complete paragraph may end with. */
export const CLOSING_END = /[\u3002\uFF01\uFF1F!?\uFF1B;\uFF1A:\u2026\u201D\u2019\u300D\u300F\u300B\u3009\u3015)\uFF09\u3011\uFF3D\]\u2014\u2015.]$/u;

/** A short standalone line that ends in a dash: "健全安全机制，共护和平安宁——". */
export const SUBHEAD = /^(?![\u2014\u2015]{2}).{2,40}[\u2014\u2015]{2}$/u;

/** A dash-list item: "——解决……". */
/** "——解决……", or one horizontal bar set off by spaces as Hong Kong's papers print it ("―  修訂……"). */
// (A PDF dump may give the dash as one box-drawing stroke: "─港鐵：……".)
export const DASH_ITEM = /^([\u2014\u2015]{2}(?=\S)|\u2015(?=[ \u3000\u00A0]+\S)|\u2500(?=[ \u3000\u00A0]*[\p{Script=Han}\u300C\u201C]))/v;

/** A bullet item: "• …", "● …", "· …". */
/** A bullet: ● ■ ◆ ▲ ★ ◎ ➢ …, or a full stop standing for a lost middle dot before Han text (".專業職前技能訓練"). */
export const BULLET_ITEM = /^([\u2022\u25CF\u25AA\u00B7\u30FB\u25A0\u25C6\u25B2\u2605\u25C7\u25A1\u2606\u25B6\u25BA\u2666\u2756\u25CE\u25C9\u25E6\u25B8\u27A2\u27A4]|[.\uFF0E](?=\p{Script=Han}))[\s\u3000]*(?=\S)/v;

const PAGE = `([A-Za-z]?${DIGIT}+|${HAN_NUMERAL}+)`;

/** "(接1版)" "\uFF08上接第一版\uFF09": the article continues from another page. */
export const CONTINUED_FROM = new RegExp(
  `^${OPEN}\\s*(?:上接|接|紧接|续|接第)第?${PAGE}版\\s*${CLOSE}`,
  'u',
);

/** "(下转2版)" "\uFF08转第二版\uFF09": the article goes on on another page. */
/** A continuation note left inside a paragraph by a crawl that joined the pages: "……（下转2版）（上接1版）……". */
export const INLINE_CONTINUATION = new RegExp(`${OPEN}\\s*(?<dir>上接|下转|紧接|接|转)第?${PAGE}版\\s*${CLOSE}`, 'gu');

export const CONTINUED_TO = new RegExp(
  `${OPEN}\\s*(?:下转|转|转见)第?${PAGE}版\\s*${CLOSE}$`,
  'u',
);

const AGENCY =
  '(?:新华社|中新社|中国新闻社|人民日报|本报|光明日报|经济日报|解放军报|央视新闻|央广网|人民网|新华网|中央广播电视总台|路透社|美联社|法新社|共同社|塔斯社|新華社|中央社|本報|[\\p{Script=Han}]{1,6}(?:网|網|日报|日報|晚报|晚報|时报|時報|报社|報社|通讯社|通訊社|电视台|電視台|广播电台|廣播電台))';
const DATE = `(?:${DIGIT}{4}年)?(?:${DIGIT}{1,2}|${HAN_NUMERAL}+)月(?:${DIGIT}{1,2}|${HAN_NUMERAL}+)日`;
const WIRE = '(?:专电|电|讯|電|專電|訊)';

/** "(新华社北京8月28日电)" closing a wire story. Groups: agency, place, date. */
export const CLOSING_DATELINE = new RegExp(
  `^${OPEN}\\s*(?<agency>${AGENCY})?(?<place>[^\\(\\)\\uFF08\\uFF09\\d\\s]{0,12}?)\\s*(?<date>${DATE})${WIRE}(?:[\\s\\u3000\\u00A0]*(?:记者|記者|通讯员|通訊員)[^\\(\\)\\uFF08\\uFF09]{1,40})?\\s*${CLOSE}$`,
  'v',
);

/** "新华社北京8月28日电 …" "本报北京8月28日电" "据新华社…电" opening a story. */
const MAINLAND_DATELINE = new RegExp(
  `^(?<raw>据?(?<agency>${AGENCY})(?:记者)?(?<place>[\\p{Script=Han}\\u00B7]{1,12}?)\\s*(?<date>${DATE})${WIRE})`,
  'v',
);
/** A wire's dateline in brackets, the date often without its month: "（中央社記者沈佩瑤台北23日電）", "（中央社雪梨23日綜合外電報導）". */
const BRACKETED_DATELINE = new RegExp(
  `^(?<raw>${OPEN}\\s*(?<agency>${AGENCY})(?<who>[\\p{Script=Han}\\u00B7\\u3001]{0,24}?)\\s*(?<date>(?:(?:${DIGIT}{1,2}|${HAN_NUMERAL}+)月)?(?:${DIGIT}{1,2}|${HAN_NUMERAL}+)日)(?:${WIRE}|綜合外電報導|综合外电报道|綜合報導|综合报道|外電報導|外电报道)\\s*${CLOSE})`,
  'v',
);
/** A broadcaster's or site's formula: "央视网消息（新闻联播）：", "本台消息，" (not "据新华社消息", which reports). */
// (A paper names itself in the formula too: "新京报讯（记者 苏季）1月21日下午，……".)
const FORMULA_DATELINE = /^(?<raw>(?!据|據|另据|另據)(?<agency>[\p{Script=Han}]{1,6}?(?:网|網|台|社|报|報))消息(?:[\(\uFF08][^\(\)\uFF08\uFF09]{1,12}[\)\uFF09])?[\uFF1A:\uFF0C,]|(?<own>本报|本報|本台|本网|本網|本刊|[\p{Script=Han}]{1,5}?(?:报|報|网|網|台|刊))(?:讯|訊)(?=[\s\u3000\uFF1A:\uFF0C,\(\uFF08]))/v;
/** A paper's own tag: "【明報專訊】", "【本報訊】". */
const TAG_DATELINE = /^(?<raw>\u3010(?<agency>[\p{Script=Han}]{1,6}?)(?:專訊|专讯|訊|讯)\u3011|[\(\uFF08](?<paper>[\p{Script=Han}]{2,8}?)(?:報道|报道|專訊|专讯|訊|讯)[\)\uFF09])/v;
/** A media site's sources and the day in brackets: "(中華新聞通訊社/中華時報1月21日訊)", "（本報／新華社3月5日電）". */
const SOURCES_DATELINE = new RegExp(
  `^(?<raw>${OPEN}(?<agency>\\p{Script=Han}{2,12}(?:[\\/\uFF0F]\\p{Script=Han}{2,12}){0,3})(?<date>(?:${DIGIT}{1,2}|${HAN_NUMERAL}+)月(?:${DIGIT}{1,2}|${HAN_NUMERAL}+)日)(?:訊|讯|電|电)${CLOSE})`,
  'v',
);
/** "〔即時新聞／綜合報導〕", "〔記者王小明／台北報導〕": a desk or reporter, then a place or 綜合. */
const DESK_DATELINE = /^(?<raw>\u3014(?<first>[^\uFF0F/\u3015]{2,12})[\uFF0F/](?<second>[^\u3015]{2,12}?)\u3015)/u;

export interface DatelineMatch {
  /** The dateline as written (what a title derived from the text leaves out). */
  0: string;
  groups: { raw: string; agency?: string; place?: string; date?: string };
}

/** "記者沈佩瑤台北": a reporter's name of two or three characters, then the place. */
function reporterAndPlace(who: string): string | undefined {
  const named = who.replace(/^(?:記者|记者)/u, '');
  if (named === who) return who && !who.includes('\u3001') ? who : undefined;
  // Several reporters ("郭建伸、林巧璉台北"): the place follows the last name.
  const rest = named.slice(named.lastIndexOf('\u3001') + 1);
  if (rest.length <= 3) return undefined;
  return rest.slice(rest.length >= 6 ? 3 : rest.length - 2);
}

/** The opening dateline of a story in its common forms, or null. */
function openingDateline(text: string): DatelineMatch | null {
  const mainland = MAINLAND_DATELINE.exec(text);
  if (mainland) return { 0: mainland[0], groups: { ...mainland.groups, raw: mainland.groups!.raw! } };
  const bracketed = BRACKETED_DATELINE.exec(text);
  if (bracketed) {
    const g = bracketed.groups!;
    return { 0: bracketed[0], groups: { raw: g.raw!, agency: g.agency, place: reporterAndPlace(g.who ?? ''), date: g.date } };
  }
  const formula = FORMULA_DATELINE.exec(text);
  if (formula) return { 0: formula[0], groups: { raw: formula.groups!.raw!, agency: formula.groups!.agency ?? formula.groups!.own } };
  const tag = TAG_DATELINE.exec(text);
  if (tag) return { 0: tag[0], groups: { raw: tag.groups!.raw!, agency: tag.groups!.agency ?? tag.groups!.paper } };
  const sources = SOURCES_DATELINE.exec(text);
  if (sources) return { 0: sources[0], groups: { raw: sources.groups!.raw!, agency: sources.groups!.agency, date: sources.groups!.date } };
  const desk = DESK_DATELINE.exec(text);
  if (desk && /(?:報導|报道|報道)$/u.test(desk.groups!.second!)) {
    const { first, second } = desk.groups!;
    const place = second!.replace(/(?:報導|报道|報道)$/u, '');
    return {
      0: desk[0],
      groups: { raw: desk.groups!.raw!, agency: /^(?:記者|记者)/u.test(first!) ? undefined : first, place: place && !/^(?:綜合|综合)$/u.test(place) ? place : undefined },
    };
  }
  return null;
}

export const OPENING_DATELINE = { exec: openingDateline, test: (text: string) => openingDateline(text) !== null };

/** A speaker named in brackets, as a site's live record writes it: "[赵启正]:" "【主持人】：". */
const BRACKETED_SPEAKER = /^([\[\uFF3B\u3010\u3014]([\p{Script=Han}A-Za-z\u00B7]{1,8})[\]\uFF3D\u3011\u3015])[\uFF1A:](?!\/\/)[\s\u3000]*(?=\S)/v;
/** A speaker label in an interview transcript: "记者\uFF1A" "李克强:". */
export const SPEAKER = /^([\p{Script=Han}A-Za-z\u00B7]{1,8})[\uFF1A:](?!\/\/)[\s\u3000]*(?=\S)/v;
/**
 * A label that names the speaker by office and name ("立法會主席梁君彥議員：", "工業和信息化部部長金壯龍："),
 * possibly with a converter's pinyin glosses ("工業(yè)和"), or a label alone on its line ("黄守宏:").
 */
const SPEAKER_LONG = /^((?:[\p{Script=Han}A-Za-z\u00B7]|[\(\uFF08][a-z\u00E0-\u00FC\u0101-\u01DC]{1,8}[\)\uFF09]|[ \u3000](?=\p{Script=Han})|\u3001(?=\p{Script=Han})){1,40})[\uFF1A:][\s\u3000]*(?=\S|$)/v;
const CHAIR_LABEL = /^((?:主席|主持人|召集委員|召集委员|召委|代理主席)[\(\uFF08][\p{Script=Han}\u00B7]{0,6}(?:委員|委员|議員|议员|代表|立委|議長|议长|院長|院长)[\p{Script=Han}\u00B7]{0,6}[\)\uFF09])[\uFF1A:][\s\u3000]*(?=\S)/v;

/** "央视网消息（新闻联播）：", "本台消息：": how a broadcast or a site's report opens (its formula). */
export const NEWS_FORMULA = /^[\p{Script=Han}]{2,8}消息(?:[\(\uFF08][^\(\)\uFF08\uFF09]{1,12}[\)\uFF09])?[\uFF1A:\uFF0C,\s\u3000]/v;

/** Whether a speaker's label names an office ("梁國雄議員", "主持人 曲衛國", "工業和信息化部部長 金壯龍"). */
export function officeLabel(label: string): boolean {
  return SPEAKER_ROLE.test(label) || OFFICE.test(label);
}
/** Titles of office that name a speaker, one list for the label's end and for inside a long label. */
const OFFICES = ['議員', '议员', '委員', '委员', '主席', '長官', '长官', '司長', '司长', '局長', '局长', '部長', '部长', '記者', '记者', '代表', '主持人', '發言人', '发言人', '院長', '院长', '秘書長', '秘书长'];
/** Words of office inside a long label (also the heads of an office: 主任, 總理, 市長 …). */
const OFFICE = new RegExp([...OFFICES, '主任', '總理', '总理', '負責人', '负责人', '市長', '市长', '省長', '省长'].join('|'), 'u');
/** Labels that name a speaker by office, as records of proceedings do: "梁國雄議員：", "行政長官：" (and by courtesy: 先生, 教授 …). */
export const SPEAKER_ROLE = new RegExp(`(?:${[...OFFICES, '先生', '女士', '教授', '博士', '總統', '总统'].join('|')})$`, 'u');
/**
 * The speaker label a line opens with ("记者：", "梁國雄議員："), or undefined. A one-character
 * "label" is no speaker ("項：金融服務" is a word cut by a wrap), except 问 and 答.
 */
export function speakerLabel(content: string): string | undefined {
  // A live record's "[赵启正]:", "【主持人】：": the name in brackets, the brackets part of the label.
  const bracketed = BRACKETED_SPEAKER.exec(content);
  if (bracketed) return bracketed[2]!.length >= 2 || SPEAKER_WORDS.has(bracketed[2]!) ? bracketed[1] : undefined;
  const label = SPEAKER.exec(content)?.[1];
  // "本台消息：", "青山台消息：": a report's formula, not a voice.
  if (label !== undefined && /消息$/u.test(label)) return undefined;
  if (label !== undefined) return label.length >= 2 || SPEAKER_WORDS.has(label) ? label : undefined;
  // "答：" alone on its line, over the answer.
  const word = /^([\p{Script=Han}A-Za-z]{1,3})[\uFF1A:]$/v.exec(content.trimEnd())?.[1];
  if (word !== undefined && SPEAKER_WORDS.has(word)) return word;
  // "主席（陳委員其邁）：": the chair, with the member who holds the chair in brackets.
  const chair = CHAIR_LABEL.exec(content)?.[1];
  if (chair !== undefined) return chair;
  const long = SPEAKER_LONG.exec(content)?.[1];
  if (long === undefined) return undefined;
  // Alone on its line, a short name is a label too ("黄守宏:" over what he said); a long one names an office.
  const alone = long.length + 1 === content.trimEnd().length;
  // (A description is no office: "全國教師會記者會提出的黑箱問題：" asks a question.)
  return (long.length > 8 && OFFICE.test(long) && !/的/u.test(long)) || (alone && long.length >= 2 && long.length <= 8 && !/[A-Za-z]/u.test(long)) ? long : undefined;
}

/** Labels that are speakers on their own, wherever they stand. */
export const SPEAKER_WORDS = new Set(['记者', '主持人', '问', '答', '記者', '問', '主持', 'Q', 'A', '\uFF31', '\uFF21']);
/** The parties and their representatives as a judgment, ruling or decision lists them: "原告：……", "委托诉讼代理人：……", "訴 願 人 王○○". */
export const PARTY_LABELS = new Set([
  '原告', '被告', '第三人', '上诉人', '被上诉人', '原审原告', '原审被告', '原审第三人', '申请人', '被申请人', '再审申请人', '申请执行人', '被执行人', '公诉机关', '自诉人', '被告人', '辩护人', '法定代表人', '法定代理人', '负责人', '委托诉讼代理人', '委托代理人', '诉讼代理人', '指定代理人',
  '上訴人', '被上訴人', '聲請人', '再審聲請人', '相對人', '抗告人', '再抗告人', '公訴人', '自訴人', '選任辯護人', '指定辯護人', '辯護人', '輔佐人', '告訴人', '負責人', '訴訟代理人', '委任代理人', '代表人', '訴願人', '訴願代理人', '原處分機關', '參加人', '債權人', '債務人',
]);
/** A party a judgment names first: its list of parties has one. */
export const FIRST_PARTY = /^(?:原告|被告|上诉人|申请人|再审申请人|申请执行人|公诉机关|自诉人|上訴人|聲請人|抗告人|公訴人|自訴人|訴願人)$/u;
/** Verbs that make "X说:" reported speech, not a label ("…表示", "…强调", "…认为"; whole verbs: "动力更强" ends in none). */
export const SPEECH_VERB = /(?:说|說|道|表示|指出|强调|強調|认为|認為|中|为|為)$/u;

/** A 目录 (contents) line: "目录", "目\u3000录". */
export const CONTENTS = /^目[\s\u3000\u00A0]*[录錄]$/u;

const OPENING_QUOTES = '\u201C\u300C\u300E\u2018"';
const QUOTE_PAIRS: Record<string, string> = { '\u201C': '\u201D', '\u300C': '\u300D', '\u300E': '\u300F', '\u2018': '\u2019', '"': '"' };

/** True when the whole text is one quotation: it opens with a quote mark that closes at the very end. */
export function isWholeQuotation(content: string): boolean {
  const open = content[0];
  if (!open || !OPENING_QUOTES.includes(open)) return false;
  const close = QUOTE_PAIRS[open]!;
  if (content[content.length - 1] !== close || content.length < 3) return false;
  if (open === close) return !content.slice(1, -1).includes(open);
  let depth = 0;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    if (ch === open) depth++;
    else if (ch === close) {
      depth--;
      if (depth === 0 && i < content.length - 1) return false;
    }
  }
  return depth === 0;
}

/** A picture's credit closing a caption: "桃猿陳金鋒。趙文彬攝", "……（圖／記者許雅綿攝）", "…… 直播截图", "資料圖片". */
export const CREDIT_END = /(?:\u651D|\u6444|\u651D\u5F71|\u6444\u5F71|\u4F9B\u5716|\u4F9B\u56FE|\u622A\u56FE|\u622A\u5716|\u8D44\u6599\u56FE|\u8CC7\u6599\u5716|\u8D44\u6599\u56FE\u7247|\u8CC7\u6599\u5716\u7247)$|[(\uFF08](?:\u5716|\u56FE)[\uFF0F/][^()\uFF08\uFF09]{1,24}[)\uFF09]$/u;

/** Cells of a table row set apart by a bar between spaces: "1. | 第80号 | - | 爱滋病信托基金……". */
export const TABLE_ROW = /[\s\u3000]\|[\s\u3000]/u;

/** Quotation marks a text opens and does not close (negative: closes more than it opens). */
export function quoteBalance(text: string): number {
  return (text.match(/[\u201C\u300C]/gu) ?? []).length - (text.match(/[\u201D\u300D]/gu) ?? []).length;
}
