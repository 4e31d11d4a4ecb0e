// Article metadata where the front matter gives none: the dateline block's parts,
// then what every reader derives (src/readers/article-meta.ts).
import type { ArticleMeta, Block } from '../../model/types.js';
import { blockText } from '../../model/visit.js';
import { completeMeta } from '../article-meta.js';
import { CLOSING_DATELINE, OPENING_DATELINE } from '../../text/patterns.js';

export { deriveTitle } from '../article-meta.js';

export function deriveMeta(title: string | undefined, blocks: Block[]): ArticleMeta {
  const meta: ArticleMeta = {};
  if (title) meta.title = title;
  for (const block of blocks) {
    if (block.type !== 'dateline') continue;
    const raw = blockText(block);
    const groups: { agency?: string; place?: string; date?: string } = CLOSING_DATELINE.exec(raw)?.groups ?? OPENING_DATELINE.exec(raw)?.groups ?? {};
    meta.dateline = { agency: groups.agency || undefined, place: groups.place || undefined, date: groups.date || undefined, raw };
  }
  return completeMeta(meta, blocks);
}
