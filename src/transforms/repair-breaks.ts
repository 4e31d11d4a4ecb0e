// repair-breaks: join a paragraph that a column or page break cut in two.
//
// A join needs positive evidence that one paragraph was cut: the first piece
// ends in a comma or an opening bracket (no paragraph ends so), or it is prose (a
// sentence under way, with its commas) that stops without closing punctuation and
// the next piece is prose that goes on, with no marker, lead or
// role of its own. A line that could be a head, a label, a caption, a credit or a
// signature is never joined (it has no sentence in it, or the reader gave it a
// role). Every join is reported with its evidence; a paragraph that stops open
// but fails these tests is reported as a warning ("suspect-break"), not joined.
import { mergeInlines } from '../model/builders.js';
import { inlineText } from '../model/visit.js';
import type { Article, Block, Change, Edition, Paragraph, Position } from '../model/types.js';
import { CLOSING_END, CREDIT_END, OPENING_DATELINE } from '../text/patterns.js';
import type { Transform } from './types.js';

const SOURCE = 'repair-breaks';

/** The first piece is a run of prose: at least this long, with a comma or a sentence inside. */
const MIN_CUT_LENGTH = 10;
/** The second piece goes on as prose: at least this long, with punctuation of its own. */
const MIN_REST_LENGTH = 8;
const PROSE = /[\uFF0C,\u3001\u3002\uFF1B;]/u;
/** "发文日期：……", "联络电话：……": a labelled field, a line of its own. */
const LABELLED = /^[^\uFF0C,\u3002\uFF1B;\uFF1A:]{1,10}[\uFF1A:]/u;
/** A second piece that opens like something of its own: a quotation, a bracketed note, a list mark. */
/** Characters after which a sentence obviously goes on: a comma, 、, an opening bracket. No paragraph ends so. */
const OPEN_END = /[\uFF0C,\u3001\u201C\u2018\uFF08(\u300A\u300C\u300E]$/u;
/** A caption: "图1　汽车号牌", "圖二、民間動物". */
const FIGURE = /^[\u56FE\u5716\u8868][0-9\uFF10-\uFF19\u4E00\u4E8C\u4E09\u56DB\u4E94\u516D\u4E03\u516B\u4E5D\u5341]+/u;
const OWN_START = /^[\u201C\u300C\u300E\u2018"(\uFF08\u3010\u25A0\u25CF\u25C6\u2014\u2015]/u;
/** A conjunction no sentence ends with: "……（衛部醫器輸壹字第020919號）及" goes on in the next piece. */
const CONJUNCTION_END = /(?:及|以及|暨|與|与|和|或|並|并|而且|或者|但是)$/u;
const OPENERS = '\u300C\u300E\u201C\u2018\uFF08(\u300A\u3010';
const CLOSERS = '\u300D\u300F\u201D\u2019\uFF09)\u300B\u3011';

/** Brackets and quotes opened in `text` and not closed in it (a count; closers before any opener do not cancel). */
function unclosed(text: string): number {
  let depth = 0;
  for (const ch of text) {
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch) && depth > 0) depth--;
  }
  return depth;
}

/** Whether `text` closes, before opening any, a bracket or quote it did not open: "屬假牙床（未滅菌）」……". */
function closesFirst(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) {
      if (depth === 0) return true;
      depth--;
    }
  }
  return false;
}

function isPlainParagraph(block: Block | undefined): block is Paragraph {
  return block?.type === 'paragraph' && block.marker === undefined && block.role === undefined && block.children[0]?.type !== 'lead';
}

function endsOpen(paragraph: Paragraph): boolean {
  const text = inlineText(paragraph.children).trimEnd();
  return text !== '' && !CLOSING_END.test(text);
}

function joinPosition(a: Paragraph, b: Paragraph): Position | undefined {
  if (!a.position || !b.position) return undefined;
  return { start: a.position.end, end: b.position.start };
}

export type Verdict = 'join' | 'suspect' | 'keep';

/**
 * Evidence no habit of the author's explains: a bracket or quote the first piece opens and the next
 * closes ("「“旭禎”成形金" / "屬假牙床（未滅菌）」"), or a first piece of prose that ends in a conjunction.
 */
function bound(text: string, next: string): boolean {
  const end = text.trimEnd();
  if (OWN_START.test(next) && !closesFirst(next)) return false;
  return (unclosed(end) > 0 && closesFirst(next)) || (PROSE.test(end) && CONJUNCTION_END.test(end));
}

/** Whether paragraph `a` was cut and goes on in `b`. */
export function judgeBreak(a: Block, b: Block | undefined): Verdict {
  if (a.type !== 'paragraph' || a.role !== undefined || !endsOpen(a)) return 'keep';
  const text = inlineText(a.children);
  if (LABELLED.test(text) || CREDIT_END.test(text.trimEnd())) return 'keep';
  const open = OPEN_END.test(text.trimEnd());
  const prose = open || (text.length >= MIN_CUT_LENGTH && PROSE.test(text));
  if (b === undefined) return 'keep';
  // An open paragraph that is no prose (a line the reader took for no head) is worth a look, never a join.
  if (!prose || !isPlainParagraph(b)) return 'suspect';
  const next = inlineText(b.children);
  if (LABELLED.test(next) || FIGURE.test(next) || CREDIT_END.test(next.trimEnd())) return 'suspect';
  if (open && !OWN_START.test(next)) return 'join';
  if (bound(text, next)) return 'join';
  if (next.length < MIN_REST_LENGTH || !PROSE.test(next) || OWN_START.test(next) || OPENING_DATELINE.test(next)) return 'suspect';
  return 'join';
}

/**
 * Breaks cut few paragraphs: where many of an article's paragraphs stop open (a quarter, and at
 * least three), that is how its author ends them ("……雨勢出現，" then a new paragraph), and no
 * join has evidence.
 */
const SLOPPY_SHARE = 0.25;
const SLOPPY_MIN = 3;

function endsOpenByHabit(children: readonly Block[]): boolean {
  const paragraphs = children.filter(isPlainParagraph);
  const open = paragraphs.slice(0, -1).filter(endsOpen).length;
  return open >= SLOPPY_MIN && open >= SLOPPY_SHARE * paragraphs.length;
}

function repairArticle(article: Article, report: Change[]): Article {
  // (Joins change the count that tells the author's habit: pass again until nothing joins, so that a second run
  // changes nothing.)
  let blocks: readonly Block[] = article.children;
  let habit = endsOpenByHabit(blocks);
  for (;;) {
    const next = joinPass(blocks, habit, report);
    if (next === blocks) break;
    blocks = next;
    habit = endsOpenByHabit(blocks);
  }
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (judgeIn(habit, block, blocks[i + 1], blocks[i - 1]) !== 'suspect') continue;
    const text = blockTextEnd(block);
    report.push({
      source: SOURCE,
      kind: 'suspect-break',
      message: habit
        ? 'paragraph ends without closing punctuation; not joined: many paragraphs of this article end so, which is how it was written, not where breaks cut it'
        : 'paragraph ends without closing punctuation; possibly cut by a break, not joined',
      position: block.position && { start: block.position.end, end: block.position.end },
      before: text,
      severity: 'warning',
    });
  }
  return blocks === article.children ? article : { ...article, children: [...blocks] };
}

/** A short open line over the piece is a head, and the piece its second line ("答谢宴细节" / "宾客近百人，获赠礼物" / the text): never joined to what follows. */
const underHead = (before: Block | undefined) => isPlainParagraph(before) && endsOpen(before) && inlineText(before.children).trim().length <= 12;

function judgeIn(habit: boolean, a: Block, b: Block | undefined, before: Block | undefined): Verdict {
  const verdict = judgeBreak(a, b);
  // (A bracket left open and closed in the next piece, or a conjunction at the end, is a cut whatever the habit.)
  if (verdict === 'join' && a.type === 'paragraph' && b?.type === 'paragraph' && bound(inlineText(a.children), inlineText(b.children))) return verdict;
  return (habit || underHead(before)) && verdict === 'join' ? 'suspect' : verdict;
}

/** The evidence of a join, as the report gives it. */
function evidence(a: string, b: string): string {
  const end = a.trimEnd();
  if (unclosed(end) > 0 && closesFirst(b)) return 'a bracket or quote the first piece opens, the next closes';
  if (PROSE.test(end) && CONJUNCTION_END.test(end)) return 'the first piece ends in a conjunction, the next goes on with no marker of its own';
  if (OPEN_END.test(end)) return 'the first piece ends in a comma or an opening mark, which no paragraph ends with';
  return 'the first piece stops mid-sentence without closing punctuation, the next goes on as prose with no marker of its own';
}

/** One pass of joins; the same array where nothing joined. */
function joinPass(children: readonly Block[], habit: boolean, report: Change[]): readonly Block[] {
  const blocks: Block[] = [];
  let changed = false;
  const judge = (a: Block, b: Block | undefined, before: Block | undefined): Verdict => judgeIn(habit, a, b, before);
  const join = (a: Paragraph, b: Paragraph): Paragraph => {
    const aText = inlineText(a.children);
    const bText = inlineText(b.children);
    const joined: Paragraph = { ...a, children: mergeInlines([...a.children, ...b.children]) };
    if (a.position && b.position) joined.position = { start: a.position.start, end: b.position.end };
    changed = true;
    report.push({
      source: SOURCE,
      kind: 'join-paragraphs',
      message: `joined a paragraph cut in two by a column or page break: ${evidence(aText, bText)}`,
      position: joinPosition(a, b),
      before: `${aText.slice(-8)} | ${bText.slice(0, 8)}`,
      after: `${aText.slice(-8)}${bText.slice(0, 8)}`,
    });
    return joined;
  };
  for (const block of children) {
    blocks.push(block);
    // A join can make the piece before it joinable too: join until nothing more joins, so that a
    // second run changes nothing.
    while (blocks.length >= 2 && judge(blocks[blocks.length - 2]!, blocks[blocks.length - 1], blocks[blocks.length - 3]) === 'join') {
      const b = blocks.pop() as Paragraph;
      const a = blocks.pop() as Paragraph;
      blocks.push(join(a, b));
    }
  }
  return changed ? blocks : children;
}

function blockTextEnd(block: Block): string {
  return block.type === 'list' ? '' : inlineText(block.children).slice(-12);
}

export const repairBreaks: Transform = (edition: Edition) => {
  const report: Change[] = [];
  const children = edition.children.map((article) => repairArticle(article, report));
  const same = children.every((c, i) => c === edition.children[i]);
  return { edition: same ? edition : { ...edition, children }, report };
};
