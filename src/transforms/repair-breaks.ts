// repair-breaks: join a paragraph that a column or page break cut in two.
//
// In print, a paragraph ends with closing punctuation (。！？；：, a closing quote,
// "……" or "——"). A body paragraph that ends without one, followed by a plain
// paragraph, is one paragraph cut by the layout: "……继续坚" + "持真正的……".
// Headings, subheads, list items, quotes, datelines and continuation notes are
// never joined, and a paragraph that opens with its own marker or lead starts
// something new. Cases that look broken but fail these tests are reported as
// warnings ("suspect-break"), not joined.
import { mergeInlines } from '../model/builders.js';
import { inlineText } from '../model/visit.js';
import type { Article, Block, Change, Edition, Paragraph, Position } from '../model/types.js';
import { CLOSING_END } from '../readers/text/patterns.js';
import type { Transform } from './types.js';

const SOURCE = 'repair-breaks';

/** A cut paragraph is a run of prose: shorter pieces are more likely titles or labels. */
const MIN_CUT_LENGTH = 12;

/** Characters after which a sentence obviously goes on: a comma, 、, an opening bracket. */
const OPEN_END = /[\uFF0C,\u3001\u201C\u2018\uFF08(\u300A\u300C\u300E]$/u;

function isPlainParagraph(block: Block | undefined): block is Paragraph {
  return block?.type === 'paragraph' && block.marker === undefined && block.children[0]?.type !== 'lead';
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

/** Whether paragraph `a` was cut and goes on in `b`. */
export function judgeBreak(a: Block, b: Block | undefined): Verdict {
  if (a.type !== 'paragraph' || !endsOpen(a)) return 'keep';
  if (!isPlainParagraph(b)) return b === undefined ? 'keep' : 'suspect';
  const text = inlineText(a.children);
  if (OPEN_END.test(text) || text.length >= MIN_CUT_LENGTH) return 'join';
  return 'suspect';
}

function repairArticle(article: Article, report: Change[]): Article {
  const blocks: Block[] = [];
  let changed = false;
  for (const block of article.children) {
    const previous = blocks[blocks.length - 1];
    if (previous && judgeBreak(previous, block) === 'join') {
      const a = previous as Paragraph;
      const b = block as Paragraph;
      const aText = inlineText(a.children);
      const bText = inlineText(b.children);
      const joined: Paragraph = { ...a, children: mergeInlines([...a.children, ...b.children]) };
      if (a.position && b.position) joined.position = { start: a.position.start, end: b.position.end };
      blocks[blocks.length - 1] = joined;
      changed = true;
      report.push({
        source: SOURCE,
        kind: 'join-paragraphs',
        message: 'joined a paragraph cut in two by a column or page break',
        position: joinPosition(a, b),
        before: `${aText.slice(-8)} | ${bText.slice(0, 8)}`,
        after: `${aText.slice(-8)}${bText.slice(0, 8)}`,
      });
      continue;
    }
    blocks.push(block);
  }
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (judgeBreak(block, blocks[i + 1]) !== 'suspect') continue;
    const text = blockTextEnd(block);
    report.push({
      source: SOURCE,
      kind: 'suspect-break',
      message: 'paragraph ends without closing punctuation; possibly cut by a break, not joined',
      position: block.position && { start: block.position.end, end: block.position.end },
      before: text,
      severity: 'warning',
    });
  }
  return changed ? { ...article, children: blocks } : article;
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
