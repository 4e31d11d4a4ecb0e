// Article metadata where the front matter gives none: the dateline block's parts,
// then what every reader derives (src/readers/article-meta.ts).
import type { ArticleMeta, Block } from '../../model/types.js';
import { blockText } from '../../model/visit.js';
import { completeMeta } from '../article-meta.js';
import { CLOSING_DATELINE, OPENING_DATELINE } from '../../text/patterns.js';
import { isTitleNote } from '../text/roles.js';

export { deriveTitle } from '../article-meta.js';

/**
 * `blocks` loses the title's notes it opens with: under a "#" title, the adoption or date lines of a law
 * ("2020年10月17日 第十三届全国人民代表大会常务委员会第二十二次会议通过") are the title block's (题注).
 */
export function deriveMeta(title: string | undefined, blocks: Block[]): ArticleMeta {
  const meta: ArticleMeta = {};
  if (title) meta.title = title;
  const notes: string[] = [];
  while (title && blocks[0]?.type === 'paragraph' && !blocks[0].marker && !blocks[0].role && blocks[0].children.every((c) => c.type === 'text') && isTitleNote(blockText(blocks[0]).trim())) {
    notes.push(blockText(blocks.shift()!).trim());
  }
  if (notes.length) meta.notes = notes;
  for (const block of blocks) {
    if (block.type !== 'dateline') continue;
    const raw = blockText(block);
    const groups: { agency?: string; place?: string; date?: string } = CLOSING_DATELINE.exec(raw)?.groups ?? OPENING_DATELINE.exec(raw)?.groups ?? {};
    meta.dateline = { agency: groups.agency || undefined, place: groups.place || undefined, date: groups.date || undefined, raw };
  }
  return completeMeta(meta, blocks);
}
