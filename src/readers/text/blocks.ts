// Builds the blocks of one article from its classified lines.
import {
  continuation,
  dateline,
  heading,
  lead,
  list,
  listItem,
  paragraph,
  quote,
  subhead,
  text,
} from '../../model/builders.js';
import type { Block, HeadingDepth, Inline, ListItem, Text } from '../../model/types.js';
import { inlineText } from '../../model/visit.js';
import type { Classified } from './classify.js';
import { leadsIn, unnumberedHeads } from './heads.js';
import { isAddress, SECTION_LABEL } from './roles.js';
import { type Line } from './lines.js';
import { linePosition, sliceLine, spanPosition, trimLine } from './line-slice.js';
import { CLOSING_END, FIRST_PARTY, isWholeQuotation, SENTENCE_END, type MarkerKind, officeLabel, OPENING_DATELINE, PARTY_LABELS, PROVISION, quoteBalance, SPEAKER_WORDS, SPEECH_VERB, speakerLabel } from '../../text/patterns.js';

export type DepthOf = (kind: MarkerKind) => HeadingDepth;

function textOf(line: Line): Text[] {
  return line.content ? [text(line.content, { position: linePosition(line) })] : [];
}

/** The greeting a speaker opens with: "各位早晨", "大家好", "各位記者朋友". */
const GREETING = '(?:各位(?:早晨|早安|午安|好|晚上好|下午好|記者|记者|傳媒|传媒|朋友|嘉賓|嘉宾)|大家(?:好|早晨|早安|午安)|早晨|早安|午安)';

/** Speaker labels count only where the article reads as a transcript. */
function speakerLabels(items: Classified[]): Set<Classified> {
  // A label alone on its line speaks where what follows is speech (a numbered point of text too);
  // over short rows ("出席議員：") it heads a list.
  const overSpeech = (i: number) => {
    const next = items[i + 1];
    return next?.kind === 'paragraph' && !next.role && (!next.marker || next.line.content.length > 40) && (next.line.content.length > 40 || SENTENCE_END.test(next.line.content));
  };
  const candidates = items.map((item) => {
    // (Header matter and end matter are no speech: "title: …" in front matter.)
    if (item.kind !== 'paragraph' || item.marker || item.lead || item.role) return undefined;
    const label = speakerLabel(item.line.content);
    // "各位乡亲：" opening a paragraph addresses the audience: it is no speaker.
    return label !== undefined && !SPEECH_VERB.test(label) && !isAddress(`${label}\uFF1A`) ? label : undefined;
  });
  const alone = (i: number) => candidates[i]!.length + 1 === items[i]!.line.content.length;
  // (A name that speaks elsewhere is a label also where its turn is empty: "柯華葳：" over the next label.)
  const speaking = new Set(candidates.filter((label, i) => label !== undefined && (!alone(i) || overSpeech(i))));
  const labelled = items.filter((_, i) => {
    const label = candidates[i];
    if (label === undefined) return false;
    if (alone(i) && (/(?:以下|如下|下列)/u.test(label) || !(overSpeech(i) || speaking.has(label)))) return false;
    return true;
  });
  const names = labelled.map((item) => speakerLabel(item.line.content)!);
  // (A short exchange of two voices is a transcript too: most of its paragraphs open with a label.)
  const paragraphs = items.filter((item) => item.kind === 'paragraph' && !item.role).length;
  const transcript = (labelled.length >= 3 || (labelled.length === 2 && paragraphs <= 4)) && new Set(names).size <= Math.max(2, labelled.length / 2);
  // A record of proceedings names its speakers by office: many names, each with a title.
  // (So does an exchange of two or more office-holders: a member's question, a secretary's reply.)
  const record = names.filter(officeLabel).length >= 3 || (names.length >= 2 && names.every((name) => officeLabel(name)) && new Set(names).size >= 2);
  // (Outside a transcript, "专家：合作年将释放区域发展新动能" between paragraphs, short and without an end, is a crosshead.)
  const crosshead = (item: Classified, name: string) => {
    const content = item.line.content;
    return content.length <= 30 && !CLOSING_END.test(content) && !SENTENCE_END.test(content) && name.length + 1 < content.length;
  };
  // (An office-holder who opens by addressing the chair speaks in a council, alone or not: "政制及內地事務局局長：代理主席，……".)
  const addressesChair = (item: Classified, name: string) => officeLabel(name) && new RegExp(`^${name}[\uFF1A:][\s\u3000]*(?:代理)?主席[\uFF0C,]`, 'u').test(item.line.content);
  // (So does one who opens by greeting the audience, alone or not: "行政長官：各位早晨。……", "部長：大家好，……".)
  // (Or alone on its line over the greeting, office or not: "阚珂:" / "各位记者朋友,大家下午好。")
  const position = new Map(items.map((item, i) => [item, i]));
  const greets = (item: Classified, name: string) => {
    const at = position.get(item)!;
    if (name.length + 1 === item.line.content.trimEnd().length && items[at + 1]?.kind === 'paragraph' && new RegExp(`^${GREETING}`, 'u').test(items[at + 1]!.line.content)) return true;
    return officeLabel(name) && new RegExp(`^${name}[\uFF1A:][\\s\u3000]*${GREETING}`, 'u').test(item.line.content);
  };
  // (A record whose fields name its chair: "主席：" in its text is the chair speaking.)
  const chaired = items.some((item) => item.kind === 'paragraph' && item.role === 'header' && /^主[\s\u3000]*席/u.test(item.line.content));
  // (A judgment's list of parties: "原告：……" / "法定代表人：……" / "被告：……".)
  const parties = names.filter((name) => PARTY_LABELS.has(name)).length >= 2 && names.some((name) => FIRST_PARTY.test(name));
  return new Set(labelled.filter((item, i) => transcript || (parties && PARTY_LABELS.has(names[i]!)) || addressesChair(item, names[i]!) || greets(item, names[i]!) || (chaired && names[i] === '主席') || ((SPEAKER_WORDS.has(names[i]!) || (record && officeLabel(names[i]!))) && !crosshead(item, names[i]!))));
}

/** Shortest body after an unmarked run-in lead, and the longest lead. */
const RUN_IN_REST = 15;
const RUN_IN_MAX = 36;
/** Between two run-in leads of a series, a longer one still belongs to it. */
const RUN_IN_BRIDGED = 60;
const runInLead = (max: number) => new RegExp(`^[^\uFF1A:%\u3002\uFF01\uFF1F\uFF1B]{2,${max}}\u3002`, 'u');
const RUN_IN_LEAD = runInLead(RUN_IN_MAX);
const RUN_IN_LEAD_BRIDGED = runInLead(RUN_IN_BRIDGED);
/** A first sentence that opens with a subject or a connective is the text itself, not a title. */
const SENTENCE_OPENING = /^(?:[0-9\uFF10-\uFF19]|过去|全会|会议|我们|我|他|她|它|这是|今年|去年|目前|同时|此外|另外|截至|据|但|而|因此|所以|如果|由于|经过|通过|按照|根据|其中|对此|为此|总之|当前|近年来|近日|日前|此前|随后|当天|会上|会前|会后|记者|本报)/u;

function runInCandidate(content: string, bridged = false): number | undefined {
  const lead = (bridged ? RUN_IN_LEAD_BRIDGED : RUN_IN_LEAD).exec(content)?.[0];
  // "习近平指出，要……。": reported speech is the text itself.
  if (lead && /^[^\uFF0C,]{1,10}(?:指出|强调|強調|表示|说|說|认为|認為|要求|提出|透露|介绍|介紹)[\uFF0C,\uFF1A:]/u.test(lead)) return undefined;
  if (!lead || SENTENCE_OPENING.test(lead) || (lead.match(/[\uFF0C,]/gu) ?? []).length > (bridged ? 4 : 2)) return undefined;
  // A figure with its unit makes a statement of fact ("全年成功完成32次宇航发射。"), not a title; inside quotation marks it is a name.
  const figures = lead.replace(/\u201C[^\u201D]*\u201D/gu, '');
  if (/[0-9\uFF10-\uFF19.]+\s*(?:万|亿|元|美元|公顷|亩|吨|千克|公斤|人|家|次|个|项|座|台|辆|架|所|户|%|％|倍|岁|米|公里|千米|平方|立方|件|册|部|场|起|例)/u.test(figures)) return undefined;
  // Quotation marks and brackets inside a title come in pairs ("深化“放管服”改革。"); an open one starts a quotation.
  const pairs: [string, string][] = [['\u201C', '\u201D'], ['\u300C', '\u300D'], ['\uFF08', '\uFF09'], ['(', ')']];
  if (/^[\u201C\u300C]/u.test(lead) || pairs.some(([open, close]) => lead.split(open).length !== lead.split(close).length)) return undefined;
  return content.length - lead.length >= Math.max(RUN_IN_REST, lead.length) ? lead.length : undefined;
}

/**
 * Unmarked run-in leads, as in government work reports: "加大减税降费力度。强化……".
 * Decided for the article: only in a numbered document, only where paragraphs side
 * by side open that way (run-in titles come in parallel series), at least three,
 * and never on the second half of a paragraph broken by a column break.
 */
function runInLeads(items: Classified[], heads: ReadonlySet<Classified>): Map<Classified, number> {
  const found = new Map<Classified, number>();
  const plain: { item: Classified; length?: number }[] = [];
  const brokenBefore = new Set<Classified>();
  let previous: Classified | undefined;
  for (const item of items) {
    const broken = previous?.kind === 'paragraph' && !CLOSING_END.test(previous.line.content);
    if (broken) brokenBefore.add(item);
    if (item.kind === 'paragraph' && !item.marker && !item.lead && !item.role) {
      plain.push({ item, length: broken ? undefined : runInCandidate(item.line.content) });
    }
    previous = item;
  }
  // Without numbered heads to show it is a report, only short noun-phrase titles count ("党员的年龄。").
  // (A file of news reports under numbered headlines is no report: its reports open with their datelines.)
  const news = items.some((item) => item.kind === 'dateline' || (item.kind === 'paragraph' && !item.marker && OPENING_DATELINE.test(item.line.content)));
  // (A speech's "第一、" heads are no report's numbering: its paragraphs open with sentences of the argument.)
  const numbered = items.some((item) => item.kind === 'heading' && item.markerKind !== 'ordinal') && !news;
  // Three or more side by side that open with the same word are a parallel series (排比: "聚焦……。聚焦……。"),
  // or whose titles' first phrases end with the same word ("高标准建设，……。" / "高质量建设，……。").
  const opening = (i: number) => (plain[i]?.length !== undefined ? plain[i]!.item.line.content.slice(0, 2) : undefined);
  const phraseEnd = (i: number) => {
    const phrase = plain[i]?.length !== undefined ? /^[^\uFF0C,\u3002]{4,10}(?=[\uFF0C,])/u.exec(plain[i]!.item.line.content)?.[0] : undefined;
    return phrase?.slice(-2);
  };
  const alike = (i: number, j: number) => (opening(i) !== undefined && opening(j) === opening(i)) || (phraseEnd(i) !== undefined && phraseEnd(j) === phraseEnd(i));
  const parallel = new Set<number>();
  for (let i = 0; i < plain.length; i++) {
    let j = i;
    while (j + 1 < plain.length && alike(i, j + 1)) j++;
    if (j - i >= 2) for (let k = i; k <= j; k++) parallel.add(k);
    i = j;
  }
  plain.forEach(({ item, length }, i) => {
    if (length !== undefined && !numbered && !parallel.has(i) && (length > 24 || /[\uFF0C,]/u.test(item.line.content.slice(0, length)))) plain[i] = { item };
  });
  // A paragraph between two of a series opens like them, even with a longer title.
  const bridged = plain.map(({ item, length }, i) =>
    length === undefined && numbered && plain[i - 1]?.length !== undefined && plain[i + 1]?.length !== undefined && !brokenBefore.has(item)
      ? runInCandidate(item.line.content, true)
      : length,
  );
  bridged.forEach((length, i) => (plain[i] = { item: plain[i]!.item, length }));
  const run = (i: number) => {
    let from = i;
    let to = i;
    while (plain[from - 1]?.length !== undefined) from--;
    while (plain[to + 1]?.length !== undefined) to++;
    return to - from + 1;
  };
  plain.forEach(({ item, length }, i) => {
    if (length !== undefined && (plain[i - 1]?.length !== undefined || plain[i + 1]?.length !== undefined)) found.set(item, length);
  });
  // Outside a numbered report, a pair side by side counts where its two open alike ("发展党员的……。" twice) or
  // where its section (under one head) has three leads or more; a series of three or more counts on its own.
  // (A pair of sentences in another section than a series, "项目按照……设计。" / "高质量疏解助力……。", is text.)
  const sectionOf = new Map<Classified, number>();
  let section = 0;
  for (const item of items) {
    if (item.kind === 'heading' || item.kind === 'subhead' || heads.has(item)) section++;
    sectionOf.set(item, section);
  }
  const unlike = [...found.keys()].filter((item) => {
    const i = plain.findIndex((p) => p.item === item);
    if (run(i) !== 2) return false;
    const j = plain[i - 1]?.length !== undefined ? i - 1 : i + 1;
    return !alike(Math.min(i, j), Math.max(i, j));
  });
  const inSection = (item: Classified) => [...found.keys()].filter((other) => sectionOf.get(other) === sectionOf.get(item)).length;
  if (!numbered) for (const item of unlike) if (inSection(item) < 3) found.delete(item);
  if (found.size >= 3) return found;
  // A communiqué opens each numbered section with its summary as a run-in title ("一、综合" / "经济运行总体平稳。据初步
  // 测算……"): where most sections' first paragraphs open with a short one, and two at least, those are leads.
  if (!numbered) return new Map();
  const lengthOf = new Map(plain.map(({ item, length }) => [item, length]));
  const openers = items.filter((item, k) => items[k - 1]?.kind === 'heading' && lengthOf.has(item));
  const titled = openers.filter((item) => {
    const length = lengthOf.get(item);
    return length !== undefined && length <= 13 && !/[\uFF0C,\u3001]/u.test(item.line.content.slice(0, length));
  });
  return titled.length >= 2 && titled.length >= (2 * openers.length) / 3 ? new Map(titled.map((item) => [item, lengthOf.get(item)!])) : new Map();
}

/** The plain paragraphs that open with a label of `pattern`, and the label's length. */
function openingLabels(items: Classified[], pattern: RegExp): Map<Classified, number> {
  const found = new Map<Classified, number>();
  for (const item of items) {
    if (item.kind !== 'paragraph' || item.marker || item.lead || item.role) continue;
    const label = pattern.exec(item.line.content)?.[0];
    if (label) found.set(item, label.length);
  }
  return found;
}

/** "【基本案情】", "【关键词】": a case's labelled parts, each label the run-in lead of its paragraph. */
const BRACKET_LABEL = /^【[\p{Script=Han}]{2,6}】(?=\S)/v;

/** Bracketed labels count where the article labels its parts so: one label twice, or three labels. */
function bracketLabels(items: Classified[]): Map<Classified, number> {
  const found = openingLabels(items, BRACKET_LABEL);
  const labels = [...found.keys()].map((item) => BRACKET_LABEL.exec(item.line.content)![0]);
  return found.size >= 3 || new Set(labels).size < labels.length ? found : new Map();
}

/** "一等奖（2名）：", "优秀组织奖（3个）：": a row's label with the count of the names after it, in a list of awards or nominees. */
const COUNT_LABEL = /^[^\uFF0C,\u3002\uFF1B;\uFF1A:\s]{2,12}[(\uFF08][0-9\uFF10-\uFF19一二三四五六七八九十百]+[名人个個项項家位][)\uFF09][\uFF1A:](?=[\s\u3000]*\S)/u;

/** Rows so labelled, two or more in the article: each label is its row's lead, the row no head. */
function countLabels(items: Classified[]): Map<Classified, number> {
  const found = openingLabels(items, COUNT_LABEL);
  return found.size >= 2 ? found : new Map();
}

/** "发展改革委意见：", "证监会研究提出：": the answering body's label in a reply to proposals. */
const ANSWER_LABEL = /^[\p{Script=Han}\u3001]{2,16}?(?:委|部|局|署|办|會|会|院|厅|廳|行|中心|政府)(?:[\p{Script=Han}]{0,8}(?:研究提出|提出|答复|答覆|意见|意見|认为|認為|回复|回覆))[\uFF1A:](?=\S)/v;

/**
 * Answer labels count where the document answers point by point: two or more paragraphs
 * open with one ("发展改革委意见：…" under each item of a reply).
 */
function answerLabels(items: Classified[]): Map<Classified, number> {
  const found = openingLabels(items, ANSWER_LABEL);
  return found.size >= 2 ? found : new Map();
}

/**
 * Bullets that stand one by one, each over a passage of its own ("● 龙舟赛" + paragraph,
 * "● 市集" + paragraph): heads of the passages, not lists of one item. Only where
 * the article has at least two of them. So with dash lines ("——两份双边声明，彰显大国责任。").
 */
function singleBullets(items: Classified[]): Set<Classified> {
  const alone = (style: 'bullet' | 'dash') => items.filter((item, i) => {
    if (item.kind !== 'item' || item.style !== style) return false;
    const [before, after] = [items[i - 1], items[i + 1]];
    const single = !(before?.kind === 'item' && before.style === style) && !(after?.kind === 'item' && after.style === style);
    // (A dash line between paragraphs is a head where it says something, "——两份双边声明，彰显大国责任。", not
    // where it names who said the quotation over it, which ends in no full stop: "——习近平", "——2023年9月，
    // 习近平总书记在黑龙江考察时指出".)
    const rest = item.rest.content;
    const dashHead = style === 'bullet' || (rest.length >= 8 && rest.length <= 30 && before?.kind === 'paragraph' && !before.role && (!isWholeQuotation(before.line.content) || /[\u3002\uFF01]$/u.test(rest)));
    return single && dashHead && after?.kind === 'paragraph' && !after.role;
  });
  const bullets = alone('bullet');
  const dashes = alone('dash');
  return new Set([...(bullets.length >= 2 ? bullets : []), ...(dashes.length >= 2 ? dashes : [])]);
}

export interface BlockOptions {
  /** One paragraph a line: a blank line marks where a section starts. */
  blanksMeanSections?: boolean;
  /** Body paragraphs are indented (so heads are the lines that are not). */
  bodyIndented?: boolean;
  /** The text carries Markdown markup: only bold marks a run-in lead (an unmarked sentence is none). */
  marked?: boolean;
  /** The article has a title block: a whole quotation right under it is an epigraph. */
  titled?: boolean;
}

/** "习近平总书记强调——", "今年以来，全市推出了一批便民举措——": a sentence leading into a quotation or a list. */
function leadIn(line: Line, options: BlockOptions, flushHeads: boolean): boolean {
  // Where the subheads stand flush and the body is indented, an indented one is a sentence of the body.
  return leadsIn(line.content) || (options.bodyIndented === true && flushHeads && line.indented);
}

/**
 * Where an article's dash subheads are short phrases ("结构更优——", "动力更强——"), a line ending in ——
 * with commas and more than twice as long as any of them is a sentence of the text leading into the
 * paragraphs under it ("这个夏天，行走八闽大地，处处涌动高质量发展新气象——"), no head.
 */
function longDashLines(items: Classified[]): Set<Classified> {
  const dashes = items.filter((item) => item.kind === 'subhead' && !/[\uFF0C,]/u.test(item.line.content));
  if (dashes.length < 2) return new Set();
  const longest = Math.max(...dashes.map((item) => item.line.content.length));
  return new Set(items.filter((item) => item.kind === 'subhead' && /[\uFF0C,]/u.test(item.line.content) && item.line.content.length >= 20 && item.line.content.length > 2 * longest));
}

function intoClauses(next: Classified | undefined): boolean {
  return next?.kind === 'paragraph' && !next.role && /[\uFF1B;]$/u.test(next.line.content);
}

/**
 * A quotation over several paragraphs, as Chinese sets it: each paragraph opens with “
 * and only the last one closes (the amendments a law quotes, a letter cited whole).
 */
function quotationRuns(items: Classified[]): Set<Classified> {
  const found = new Set<Classified>();
  const plain = (item: Classified | undefined): item is Extract<Classified, { kind: 'paragraph' }> =>
    item?.kind === 'paragraph' && !item.marker && !item.lead && !item.role && /^[\u201C\u300C]/u.test(item.line.content);
  for (let i = 0; i < items.length; i++) {
    const first = items[i];
    // The quotation opens a paragraph, or opens at the end of one ("将该条修改为：“……" in an item of an amendment).
    const opensHere = plain(first);
    const host: Classified | undefined = items[i];
    const opensInside = !opensHere && host?.kind === 'paragraph' && !host.role && !/^[\u201C\u300C]/u.test(host.line.content);
    if ((!opensHere && !opensInside) || quoteBalance(first!.line.content) <= 0) continue;
    let depth = quoteBalance(first!.line.content);
    let j = i + 1;
    while (j < items.length && depth > 0 && plain(items[j])) {
      depth += quoteBalance(items[j]!.line.content) - 1;
      j++;
    }
    if (depth <= 0 && j - i >= 2) {
      for (let k = opensHere ? i : i + 1; k < j; k++) found.add(items[k]!);
      i = j - 1;
    }
  }
  return found;
}

/** The parts of a judgment or decision, their heads letter-spaced or not: 主 文, 事 實, 理 由, 事實及理由. */
const JUDGMENT_PART = /^(?:主文|事實|事实|理由|事實及理由|事实及理由|事實概要|事实概要|犯罪事實|犯罪事实)$/u;

/**
 * A judgment's parts are the outermost divisions of its text, headings of the first level (not a
 * feature's subheads), where two parts or more stand (主文 and 理由; 事實 and 理由 in an excerpt).
 */
function partsOfJudgment(items: Classified[]): Set<Classified> {
  const names = new Map<Classified, string>();
  for (const item of items) {
    if (item.kind !== 'subhead' && !(item.kind === 'paragraph' && !item.marker && !item.lead && !item.role)) continue;
    const name = item.line.content.replace(/[\s\u3000]+/gu, '');
    if (JUDGMENT_PART.test(name)) names.set(item, name);
  }
  return new Set(names.values()).size >= 2 ? new Set(names.keys()) : new Set();
}

/**
 * The numbering level an unnumbered head over provisions sits at: that of the headings on
 * both sides where they are of one kind (a 节 whose marker was lost, between 第一节 and
 * 第三节), else a chapter's ("附　　则" after the last chapter).
 */
function levelBetween(items: Classified[], index: number): MarkerKind {
  const kindAt = (i: number) => {
    const item = items[i];
    return item?.kind === 'heading' ? item.markerKind : undefined;
  };
  let before: MarkerKind | undefined;
  for (let i = index - 1; i >= 0 && !before; i--) before = kindAt(i);
  let after: MarkerKind | undefined;
  for (let i = index + 1; i < items.length && !after; i++) after = kindAt(i);
  return before && before === after ? before : 'chapter';
}

export function buildBlocks(items: Classified[], depthOf: DepthOf, options: BlockOptions = {}): Block[] {
  const blanksMeanSections = options.blanksMeanSections ?? false;
  const flushHeads = items.some((item) => item.kind === 'subhead' && !item.line.indented);
  const blocks: Block[] = [];
  const speakers = speakerLabels(items);
  const counted = countLabels(items);
  const heads = unnumberedHeads(items, blanksMeanSections, speakers);
  for (const item of counted.keys()) heads.delete(item);
  const runIns = new Map([...(options.marked ? [] : runInLeads(items, heads)), ...answerLabels(items), ...bracketLabels(items), ...counted]);
  const bulletHeads = singleBullets(items);
  const quotations = quotationRuns(items);
  const dashSentences = longDashLines(items);
  const judgmentParts = partsOfJudgment(items);
  // In a law with chapters, an unnumbered head over provisions ("附　　则") is a chapter of its own.
  const chaptered = items.some((item) => item.kind === 'heading' && item.markerKind === 'chapter');
  const overProvisions = (i: number) => {
    const next = items[i + 1];
    return next?.kind === 'paragraph' && next.lead !== undefined && PROVISION.test(next.line.content);
  };
  let items_: ListItem[] = [];
  let listStyle: 'dash' | 'bullet' | 'ordered' | undefined;
  let listStart: Line | undefined;
  let listEnd: Line | undefined;

  const flushList = () => {
    if (listStyle && items_.length && listStart && listEnd) {
      blocks.push(list(listStyle, items_, { position: spanPosition(listStart, listEnd) }));
    }
    items_ = [];
    listStyle = undefined;
  };

  for (const [index, item] of items.entries()) {
    if (bulletHeads.has(item)) {
      flushList();
      blocks.push(subhead(textOf(item.line), { position: linePosition(item.line) }));
      continue;
    }
    if (item.kind !== 'item' || item.style !== listStyle) flushList();
    const position = linePosition(item.line);
    switch (item.kind) {
      case 'continuation':
        blocks.push(continuation(item.direction, item.page, textOf(item.line), { position }));
        break;
      case 'dateline':
        blocks.push(dateline(textOf(item.line), { position }));
        break;
      case 'item': {
        // "——习近平" under a quotation is its attribution, not a list of one.
        const previous = blocks[blocks.length - 1];
        if (item.style === 'dash' && !listStyle && previous?.type === 'quote' && item.rest.content.length <= 16 && !/[\uFF0C\u3002,]/u.test(item.rest.content) && items[index + 1]?.kind !== 'item') {
          blocks.push(paragraph(textOf(item.line), { position }));
          break;
        }
        if (!listStyle) listStart = item.line;
        listStyle = item.style;
        listEnd = item.line;
        items_.push(listItem(textOf(item.rest), { marker: item.marker, position }));
        break;
      }
      case 'quote':
        blocks.push(quote(textOf(item.line), { position }));
        break;
      case 'subhead':
        if (judgmentParts.has(item)) {
          blocks.push(heading(1, textOf(item.line), { position }));
          break;
        }
        // A line ending in —— over clauses ending in ； leads into them: one sentence, not a head.
        if (leadIn(item.line, options, flushHeads) || intoClauses(items[index + 1]) || dashSentences.has(item)) blocks.push(paragraph(textOf(item.line), { position }));
        else blocks.push(subhead(textOf(item.line), { position }));
        break;
      case 'heading':
        blocks.push(heading(depthOf(item.markerKind), textOf(item.rest), { marker: item.marker, position }));
        break;
      case 'paragraph': {
        if (heads.has(item)) {
          if (judgmentParts.has(item)) blocks.push(heading(1, textOf(item.line), { position }));
          else if (chaptered && overProvisions(index)) blocks.push(heading(depthOf(levelBetween(items, index)), textOf(item.line), { position }));
          else blocks.push(subhead(textOf(item.line), { position }));
          break;
        }
        if (item.role) {
          blocks.push(paragraph(textOf(item.line), { role: item.role, position }));
          break;
        }
        const previous = blocks[blocks.length - 1];
        // Set apart: under a title, heading or subhead, or after a paragraph that introduces it with a colon ("修改为：").
        const introduced = previous?.type === 'paragraph' && !previous.role && /[\uFF1A:]$/u.test(inlineText(previous.children));
        const setApart = previous?.type === 'heading' || previous?.type === 'subhead' || introduced || (previous === undefined && options.titled === true);
        if (quotations.has(item) || (!item.marker && !item.lead && setApart && isWholeQuotation(item.line.content))) {
          blocks.push(quote(textOf(item.line), { position }));
          break;
        }
        let leadLine = item.lead;
        let rest = item.rest;
        // A speaker's lead is the label and its colon; the space after it ("答： 今年") is layout.
        const section = !item.marker && !item.lead ? SECTION_LABEL.exec(item.line.content)?.[0].length : undefined;
        const runIn = speakers.has(item) ? speakerLabel(item.line.content)!.length + 1 : (section ?? runIns.get(item));
        if (runIn !== undefined) {
          leadLine = sliceLine(item.line, 0, runIn);
          rest = trimLine(sliceLine(item.line, runIn));
        }
        const children: Inline[] = [];
        if (leadLine) children.push(lead(textOf(leadLine), { position: linePosition(leadLine) }));
        children.push(...textOf(rest));
        blocks.push(paragraph(children, { marker: item.marker, position }));
        break;
      }
    }
  }
  flushList();
  return blocks;
}
