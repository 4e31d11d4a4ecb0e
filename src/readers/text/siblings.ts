// Numbered items decided together. Items of one numbering kind that stand side
// by side are siblings, and siblings agree: a run whose items end in ； or ， is
// the clauses of one list (no heads, no leads); run-in leads count in a run only
// where most of its items open with one; a marked line that is a short
// phrase or one short sentence with nothing after it is a head.
import type { Classified } from './classify.js';
import { leadEnd } from './classify.js';
import { sliceLine } from './line-slice.js';
import { labelAlone } from './roles.js';
import { MARKER_RANK, type MarkerKind, PROVISION, SENTENCE_END, TABLE_ROW } from '../../text/patterns.js';

type Marked = Extract<Classified, { kind: 'heading' | 'paragraph' }> & { markerKind: MarkerKind; marker: string };

function marked(item: { kind: string }): item is Marked {
  const m = item as Partial<Marked>;
  return (item.kind === 'heading' || item.kind === 'paragraph') && m.markerKind !== undefined && m.marker !== undefined && !(m.kind === 'paragraph' && m.role);
}

/** Runs of siblings: items of one kind with nothing of an outer kind between them. */
function runs(items: readonly { kind: string }[]): number[][] {
  const open = new Map<MarkerKind, number[]>();
  const all: number[][] = [];
  items.forEach((item, i) => {
    if (!marked(item)) return;
    const rank = MARKER_RANK[item.markerKind];
    for (const [kind, run] of open) {
      if (MARKER_RANK[kind] > rank) {
        all.push(run);
        open.delete(kind);
      }
    }
    const run = open.get(item.markerKind);
    // Numbering that starts again at one starts another list.
    const first = /^[(（]?(?:[1１一壹Ⅰ①]|I)(?![0-9０-９一二三四五六七八九十百〇○零])/u.test(item.marker.replace(/^第/u, ''));
    if (run && first) {
      all.push(run);
      open.set(item.markerKind, [i]);
    } else if (run) run.push(i);
    else open.set(item.markerKind, [i]);
  });
  all.push(...open.values());
  return all;
}

/**
 * Three blank lines or more between two items: something stood there that the source lost (the
 * drawing under "（一）小型车辆涂装样图。", a table), so the first has something under it.
 */
function dropped(item: { kind: string }, next: { kind: string }): boolean {
  const line = (item as Partial<Marked>).line;
  const after = (next as Partial<Marked>).line;
  if (!line || !after) return false;
  return after.number - (line.joined?.number ?? line.number) - 1 >= 3;
}

const HEAD_MAX = 40;
/** A line that only marks text left out: "……", "……。", "...". */
const ELISION = /^(?:\u2026|\u22EF|\.{3})+[\u3002.]?$/u;
const SHORT_SENTENCE = /^[^\uFF0C,\u3002\uFF01\uFF1F!?\uFF1B;\uFF1A:]{1,24}[\u3002\uFF1F?]$/u;
const CLAUSE_END = /[\uFF1B;\uFF0C,\u3001]$/u;
/** One sentence with a clause or two, alone on its line: a head where its siblings are heads. */
const ONE_SENTENCE = /^[^\u3002\uFF01\uFF1F!?\uFF1B;\uFF1A:]{1,30}[\u3002\uFF1F?]$/u;

function body(item: Marked): string {
  return item.kind === 'heading' ? item.rest.content : (item.lead?.content ?? '') + item.rest.content;
}

/** The item's text after its marker. */
function bodyLine(item: Marked) {
  return sliceLine(item.line, item.line.content.length - body(item).length);
}

function asHeading(item: Marked): Classified {
  return { kind: 'heading', line: item.line, markerKind: item.markerKind, marker: item.marker, rest: bodyLine(item) };
}

function withoutLead(item: Marked): Classified {
  return { kind: 'paragraph', line: item.line, marker: item.marker, markerKind: item.markerKind, rest: bodyLine(item) };
}

function withLead(item: Marked, end: number): Classified {
  const rest = bodyLine(item);
  return { kind: 'paragraph', line: item.line, marker: item.marker, markerKind: item.markerKind, lead: sliceLine(rest, 0, end), rest: sliceLine(rest, end) };
}

/**
 * `headings`: numbering kinds that the sidecar declares to be headings, by example ("1.", "（一）");
 * then an item of such a kind is a heading unless a sentence follows its first one, and no
 * other kind is ever a heading.
 */

/** The label of a line that follows items of a list: "決定：", "辦理情形：". */
const FOLLOWER_LABEL = /^([\p{Script=Han}]{2,6})[\uFF1A:]/v;

/** A field's label and its value on one line: "學歷：不拘". */
const FIELD_VALUE = /^[\p{Script=Han}]{2,8}[\uFF1A:]\s*\S/v;

/** The verbs an official document's run-in titles open with ("完善法人治理结构。", "加强组织领导。"). */
const POLICY_VERB = /^(?:完善|加强|加強|健全|建立|推进|推進|强化|強化|深化|优化|優化|落实|落實|坚持|堅持|提高|促进|促進|加快|规范|規範|严格|嚴格|做好|实施|實施|创新|創新|统筹|統籌|支持|鼓励|鼓勵|保障|夯实|夯實|压实|壓實|筑牢|築牢|抓好|提升|扩大|擴大|拓展|培育|构建|構建|明确|明確)/u;

/** A lead that is a title on its own, whatever its siblings do: a verb and its object, short, no comma. */
function policyTitle(text: string, lead: number | undefined): boolean {
  if (lead === undefined || lead > 13) return false;
  const head = text.slice(0, lead);
  return POLICY_VERB.test(head) && !/[\uFF0C,\u3001]/u.test(head) && text.length - lead >= 30;
}

export function decideSiblings<T extends { kind: string }>(items: readonly T[], headings?: readonly MarkerKind[]): (T | Classified)[] {
  const out: (T | Classified)[] = [...items];
  // (A provision's number alone on its line, "第 3 條" over its text, where the law sets its numbers so: a run of
  // them between two section heads may hold one, its siblings the bare numbers of the other sections.)
  const bareArticles = items.filter((item) => marked(item) && item.markerKind === 'article' && body(item) === '').length;
  for (const run of runs(items)) {
    const members = run.map((i) => items[i] as unknown as Marked);
    const texts = members.map(body);
    if (headings) {
      const declared = headings.includes(members[0]!.markerKind);
      run.forEach((i, k) => {
        const member = members[k]!;
        const end = leadEnd(texts[k]!);
        if (declared && end === undefined) out[i] = asHeading(member);
        else if (end !== undefined && member.kind === 'paragraph') out[i] = withLead(member, end);
        else out[i] = withoutLead(member);
      });
      continue;
    }
    // "二是……" opening a paragraph whose "一是" stands inside the prose before it: words of the
    // sentence, not a numbering.
    // So is "一是……；二是……" with all its points in one paragraph: the enumeration runs inside the prose.
    const inline = members[0]!.markerKind === 'shi' && members.length === 1 && /[\uFF1B;\uFF0C,\u3002]\s*二是/u.test(texts[0]!);
    if (((members[0]!.markerKind === 'shi' || members[0]!.markerKind === 'ordinal') && !/^第?[一1]/u.test(members[0]!.marker)) || inline) {
      run.forEach((i, k) => (out[i] = { kind: 'paragraph', line: members[k]!.line, rest: members[k]!.line }));
      continue;
    }
    // Clauses of one list: no heads, no leads.
    if (members.length >= 2 && texts.filter((t) => CLAUSE_END.test(t)).length >= Math.max(1, members.length / 3)) {
      run.forEach((i, k) => (out[i] = withoutLead(members[k]!)));
      continue;
    }
    // (A line the classifier took for a head may still open with a label: "（四）函：各機關處理公務，有下列情形之一時使用：";
    // a label alone with its colon, "1.書函：" over its sub-points, is the lead with no text.)
    const leads = members.map((m, k) => (m.kind === 'paragraph' ? leadEnd(texts[k]!) : (leadEnd(texts[k]!) ?? (labelAlone(texts[k]!, 8) ? texts[k]!.length : undefined))));
    const paragraphs = members.filter((m, k) => !(texts[k]!.length <= HEAD_MAX && !SENTENCE_END.test(texts[k]!)) && !SHORT_SENTENCE.test(texts[k]!));
    // Run-in titles are decided for the run: where two thirds of its items open with one, those that do have a lead.
    // A lead must look like a title (short, at most one comma) to count towards the run's decision;
    // a lone item has no siblings to agree with.
    const titleLike = (k: number) => leads[k] !== undefined && leads[k]! <= 26 && (texts[k]!.slice(0, leads[k]).match(/[\uFF0C,]/gu) ?? []).length <= 1 && !/[\uFF1B;]$/u.test(texts[k]!.slice(0, leads[k]));
    const withLeads = leads.filter((e, k) => e !== undefined && titleLike(k)).length;
    const leadsCount = paragraphs.length <= 1 ? members.some((_, k) => titleLike(k)) : withLeads >= Math.max(2, (2 * paragraphs.length) / 3);
    // A head has something under it: items that follow one another with nothing between are an
    // enumeration, whatever the shape of their lines.
    // A head never ends in a colon: "（四）……存在以下问题：" introduces what follows.
    const bare = members[0]!.markerKind === 'article' || members[0]!.markerKind === 'numeral';
    const bareSiblings = members[0]!.markerKind === 'article' ? Math.max(texts.filter((t) => t === '').length, bareArticles) : texts.filter((t) => t === '').length;
    // "2.學歷：不拘" "3.上班時間：日班": where most of a run are a label and its value, the run is a list
    // of fields, not of heads (a section's "三、甄選名額：2人" still heads what follows).
    // (A value is a phrase: a definition, "2.開會通知單：召集會議時使用。", has its label as a lead.)
    const fieldList = members.length >= 3 && members[0]!.markerKind !== 'han' && texts.filter((t) => FIELD_VALUE.test(t) && !/[\u3002\uFF01\uFF1F!?\uFF1B;\uFF0C\uFF1A:]/u.test(t.slice(t.search(/[\uFF1A:]/u) + 1))).length >= members.length / 2;
    const headShaped = texts.map(
      (text, k) =>
        !fieldList &&
        !TABLE_ROW.test(text) &&
        (        // A marker alone is a head where its siblings are bare too, or where it is a section number
        // whose punctuation was lost ("三" after "一、" "二、"); "一、" alone is a fragment.
        (text === '' && (bareSiblings >= 2 || (!bare && !/[\u3001.\uFF0E)\uFF09]$/u.test(members[k]!.marker)))) ||
        // "譚耀宗議員問：" heads the question that follows; any other colon introduces what follows.
        // A section's short label with its colon ("一、報名資格：") over what fills it is a head too.
        ((!/[\uFF1A:]$/u.test(text) || /[問问][\uFF1A:]$/u.test(text) || (members[k]!.markerKind === 'han' && labelAlone(text, 6))) && ((text.length > 0 && text.length <= HEAD_MAX && !SENTENCE_END.test(text)) || SHORT_SENTENCE.test(text)))),
    );
    const rank = MARKER_RANK[members[0]!.markerKind];
    // (The end matter after a document's last item, its attachment note or signature, is nothing under it.)
    // (Nor is the next provision of a law, "第三十五条 ……": the item was the last clause of the one before.)
    // (Nor is an elision, "……。" standing for the text a quotation leaves out.)
    const endMatter = (next: { kind: string }) =>
      next.kind === 'paragraph' && (['attachment', 'signature', 'annotation', 'record'].includes((next as { role?: string }).role ?? '') || (rank > MARKER_RANK.article && PROVISION.test((next as unknown as Marked).line.content)) || ELISION.test((next as unknown as Marked).line.content));
    const hasContent = run.map((i) => {
      const next = items[i + 1];
      return next !== undefined && !endMatter(next) && (!(marked(next) && MARKER_RANK[next.markerKind] <= rank) || dropped(items[i]!, next));
    });
    // Siblings agree: where most items of the run are heads, one whose line is a single sentence with a comma is one too.
    const heads = run.filter((_, k) => headShaped[k] && hasContent[k]).length;
    const agreeing = heads >= 2 && heads >= members.length / 2;
    // The last of a run of heads, with nothing after it where the text ends (its drawing lost), is a head too.
    const last = run.length - 1;
    if (items[run[last]! + 1] === undefined && heads === last && heads >= 2) hasContent[last] = true;
    // "一○五、……案。" over "決定：交財政委員會審查。" like its long siblings over theirs: the line under a short
    // item is the same labelled line that follows the others, so the item is one of them, not a head.
    const follower = (i: number): string | undefined => {
      const next = items[i + 1];
      return next && next.kind === 'paragraph' && !marked(next) ? FOLLOWER_LABEL.exec((next as unknown as Marked).line.content)?.[1] : undefined;
    };
    const followers = new Map<string, number>();
    run.forEach((i, k) => {
      const label = follower(i);
      if (label && !(headShaped[k] && hasContent[k])) followers.set(label, (followers.get(label) ?? 0) + 1);
    });
    run.forEach((i, k) => {
      const label = follower(i);
      if (label && (followers.get(label) ?? 0) >= 3 && (followers.get(label) ?? 0) >= heads) hasContent[k] = false;
    });
    // A run of long lines that all stop without punctuation, each over its text, are heads however long
    // ("（一）新环境保护法和新环境影响评价法并未禁止建设单位主动补交……报告表").
    const openHeads = members.length >= 2 && hasContent.every(Boolean) && texts.every((t) => t.length > 0 && t.length <= 80 && !/[\u3002\uFF01\uFF1F\uFF1B\uFF1A\uFF0C\u3001,;:!?]$/u.test(t) && !/[\u3002\uFF1B;]/u.test(t));
    // A run whose every item is one sentence alone on its line, each over its own text
    // ("一、粮食产量稳步增长，粮食生产能力持续增强。" / its paragraphs / "二、……。"): heads with their stops.
    // The last item of an enumeration (its items one after another, nothing between) is one of them, whatever
    // stands under it: "5.万元GDP能耗按2020年不变价格计算。" over the next section's label.
    const enumerated = members.length >= 3 && hasContent.slice(0, -1).every((has) => !has);
    const sentenceRun = members.length >= 3 && hasContent.every(Boolean) && texts.every((t) => ONE_SENTENCE.test(t) && (t.match(/[\uFF0C,]/gu) ?? []).length <= 2);
    const runIn = members[0]!.markerKind === 'shi';
    // "二、该起事故是一起生产安全责任事故。" among items that are all paragraphs of text ("一、事故调查处理工作符合……"):
    // one point of the reply like them, not a head (a head is a phrase, or stands among heads).
    // (Where the others open with run-in titles, "（三）基本原则。" is one of those titles alone: a head.)
    const lone = members.length >= 3 && heads === 1 && !members.some((_, k) => titleLike(k)) && texts.every((t, k) => (headShaped[k] && hasContent[k]) || t.length > HEAD_MAX);
    run.forEach((i, k) => {
      const member = members[k]!;
      // (So is a long headline among short ones, where it has no sentence end: "2. 人民日报评论员文章：……——二论……".)
      const longHead = agreeing && heads >= 3 && texts[k]!.length <= 80 && !SENTENCE_END.test(texts[k]!) && !/[\u3002\uFF01\uFF1F\uFF1B]/u.test(texts[k]!) && !/[\uFF1A:\uFF0C,\u3001]$/u.test(texts[k]!);
      const sentenceHead = (openHeads && hasContent[k]) || sentenceRun || (agreeing && hasContent[k] && ((ONE_SENTENCE.test(texts[k]!) && (texts[k]!.match(/[\uFF0C,]/gu) ?? []).length <= 2) || longHead));
      // (A run-in enumeration, 一是……, numbers points of the prose: never a head; 第一，…… may be one.)
      // (So is one with a run-in label like the items over it: "四、出席者:……" under "一、時間:……" … "三、主持人:……".)
      // (Or a phrase like theirs: "3、海原县教育体育局" under "1、兴庆区文化体育旅游局" / "2、……", the prose under it the document's.)
      const closing = enumerated && k === last && (SENTENCE_END.test(texts[k]!) || (leadsCount && leads[k] !== undefined && !fieldList) || (headShaped.slice(0, -1).every(Boolean) && texts[k]!.length <= Math.max(...texts.slice(0, -1).map((t) => t.length)) + 4));
      const loneSentence = lone && headShaped[k] && /\u3002$/u.test(texts[k]!);
      if ((headShaped[k] || sentenceHead) && hasContent[k] && !runIn && !closing && !loneSentence) out[i] = asHeading(member);
      else if (!fieldList && (leadsCount || policyTitle(texts[k]!, leads[k])) && leads[k] !== undefined) out[i] = withLead(member, leads[k]!);
      else out[i] = withoutLead(member);
    });
  }
  return out;
}
