import type { PageSetup } from './types.js';

/** Paper sizes in mm (portrait). */
export const PAPER: Record<PageSetup['size'], [number, number]> = {
  A4: [210, 297],
  A5: [148, 210],
  B5: [176, 250],
  LETTER: [215.9, 279.4],
};

/** [width, height] in mm, orientation applied. */
export function pageSize(page: Pick<PageSetup, 'size' | 'orientation'>): [number, number] {
  const [w, h] = PAPER[page.size];
  return page.orientation === 'landscape' ? [h, w] : [w, h];
}
