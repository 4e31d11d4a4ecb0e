// A bulletin: many short items in one file, each a headline and one or two
// paragraphs ("青山湿地公园完成生态修复" / its report / the next headline …).
// Read first as one article with subheads, it is cut into one article per item
// when its shape says so: every passage under a head is short, the heads are
// plain headlines (not 【】 topics, bullets, dash subheads or box labels), and
// there are at least three of them. `articles: split-on-headlines` in the
// sidecar cuts at every subhead whatever the shape. A news programme's running
// order (央视网消息（新闻联播）：…) is cut however long its items are, where every
// item opens the way a report opens: with a dateline or a "…消息" formula.
import type { Block, Heading, Subhead } from '../../model/types.js';
import { blockText, inlineText } from '../../model/visit.js';
import { BOX_LABEL } from './roles.js';
import { NEWS_FORMULA, OPENING_DATELINE } from '../../text/patterns.js';

const opensReport = (block: Block | undefined) =>
  block?.type === 'paragraph' && !block.role && (NEWS_FORMULA.test(inlineText(block.children)) || OPENING_DATELINE.test(inlineText(block.children)));

const MAX_PASSAGE = 2;
const MIN_ITEMS = 3;

function headline(block: Block): block is Subhead {
  if (block.type !== 'subhead' || block.data?.role === 'contents') return false;
  const text = inlineText(block.children);
  // (A word of four characters is a section's label, "基本案情" / "裁判要旨", not a news headline.)
  return text.replace(/[\s\u3000]+/gu, '').length >= 6 && text.length <= 30 && !/^[【\u25CF\u25A0\u25C6\u25B2\u2022\u00B7]/u.test(text) && !/[\u2014\u2015\u3002]$/u.test(text) && !BOX_LABEL.test(text);
}

export interface Item {
  /** The headline; undefined for the passage before the first one (the article's own). */
  head?: Subhead | Heading;
  blocks: Block[];
}

/** The headline's text as a title: a numbered item's number kept, as the running order gives it ("1. 胡锦涛会见……"). */
export function headTitle(head: Subhead | Heading): string {
  const text = inlineText(head.children);
  return head.type === 'heading' && head.marker ? `${head.marker} ${text}` : text;
}

/**
 * A running order of numbered items ("1. 标题" / its report / "2. 标题" …): every top-level numbered
 * heading has text under it, and most open a report (a dateline, a "…消息" formula) or its page,
 * which repeats the headline as its first line. Then each item is an article.
 */
function numberedReports(blocks: Block[]): Item[] | undefined {
  const heads = blocks.filter((b): b is Heading => b.type === 'heading' && b.depth === 1 && b.marker !== undefined);
  if (heads.length < MIN_ITEMS || heads.length !== blocks.filter((b) => b.type === 'heading').length) return undefined;
  const items: Item[] = [{ blocks: [] }];
  for (const block of blocks) {
    if (heads.includes(block as Heading)) items.push({ head: block as Heading, blocks: [] });
    else items[items.length - 1]!.blocks.push(block);
  }
  const opens = (item: Item) => {
    const first = item.blocks[0];
    if (!first) return false;
    if (opensReport(first) || first.type === 'dateline') return true;
    const bare = (s: string) => s.replace(/[\s\u3000]+/gu, '');
    return first.type !== 'heading' && bare(blockText(first)) === bare(inlineText(item.head!.children));
  };
  // (Most items do; a report that opens without its formula is still one of them.)
  const reports = items.slice(1);
  return reports.every((item) => item.blocks.length > 0) && reports.filter(opens).length >= Math.max(MIN_ITEMS, (2 * reports.length) / 3) ? items : undefined;
}

/** A bulletin's passage: one or two paragraphs of text. (The file's first keeps its page's header matter over it.) */
const passage = (blocks: Block[]) => blocks.length >= 1 && blocks.length <= MAX_PASSAGE && blocks.every((b) => b.type === 'paragraph' && !b.marker && !b.role);

/** The items of a bulletin, or undefined when the blocks are one article. */
export function bulletinItems(blocks: Block[], force = false): Item[] | undefined {
  const items: Item[] = [{ blocks: [] }];
  for (const block of blocks) {
    if (block.type === 'subhead' && (force || headline(block))) items.push({ head: block, blocks: [] });
    else items[items.length - 1]!.blocks.push(block);
  }
  const heads = items.length - 1;
  if (force) return heads > 0 ? items : undefined;
  const numbered = numberedReports(blocks);
  if (numbered) return numbered;
  // Reports one after another, each under its headline: the first under the article's own title.
  const reports = items.filter((item) => item.blocks.length > 0);
  if (heads >= 1 && reports.length === items.length && reports.every((item) => opensReport(item.blocks[0]))) return items;
  // A programme's stories, each under its headline and opening with the formula, with crossheads inside some:
  // cut at the headlines whose passage opens a report, the other heads stay in their story.
  // (Such a headline may run long or open with its column's tag: "【新思想引领新征程】锚定……".)
  const storyHead = (block: Block, i: number) => block.type === 'subhead' && block.data?.role !== 'contents' && inlineText(block.children).length <= 60 && opensReport(blocks[i + 1]);
  const stories = blocks.filter(storyHead).length;
  if (stories >= 1 && stories + (opensReport(blocks[0]) ? 1 : 0) >= 2) {
    const cut: Item[] = [{ blocks: [] }];
    blocks.forEach((block, i) => {
      if (storyHead(block, i)) cut.push({ head: block as Subhead, blocks: [] });
      else cut[cut.length - 1]!.blocks.push(block);
    });
    return cut;
  }
  if (heads < MIN_ITEMS) return undefined;
  // One report with crossheads: its own passage opens with the dateline, the passages under its heads do not.
  if (opensReport(items[0]!.blocks[0]) && items.slice(1).filter((item) => opensReport(item.blocks[0])).length < heads / 2) return undefined;
  const short = items.every(
    (item, i) =>
      // (The file's own passage may hold only its formula: "央视网消息（新闻联播）：" over the items.)
      (i === 0 && item.blocks.every((b) => b.type === 'dateline')) ||
      passage(i === 0 ? item.blocks.filter((b) => !(b.type === 'paragraph' && b.role === 'header')) : item.blocks),
  );
  return short ? items : undefined;
}
