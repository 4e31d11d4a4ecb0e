// A section number whose punctuation the source lost: "三" alone on its line where the
// document's heads run "一、" "二、". It is the next head of that series, decided from the
// series itself (the number must follow the last one), never from the line alone.
import type { Classified } from './classify.js';
import { sliceLine } from './line-slice.js';

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** The value of a Han numeral up to 99 ("三" 3, "十二" 12, "二十" 20), or undefined. */
export function hanValue(numeral: string): number | undefined {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(numeral);
  if (!m || numeral === '') return undefined;
  const [, tens, ten, units] = m;
  if (!ten) return tens && !units ? DIGITS[tens] : undefined;
  return (tens ? DIGITS[tens]! : 1) * 10 + (units ? DIGITS[units]! : 0);
}

/** Bare Han numerals that continue the series of 一、 heads before them become heads of that series. */
export function restoreLostMarkers(items: Classified[]): Classified[] {
  let last: number | undefined;
  return items.map((item) => {
    if ((item.kind === 'heading' || item.kind === 'paragraph') && item.markerKind === 'han' && item.marker) {
      last = hanValue(item.marker.replace(/\u3001$/u, ''));
      return item;
    }
    if (item.kind !== 'paragraph' || item.marker || item.lead || item.role || last === undefined) return item;
    const value = hanValue(item.line.content);
    if (value === undefined || value !== last + 1) return item;
    last = value;
    return { kind: 'heading', line: item.line, markerKind: 'han', marker: item.line.content, rest: sliceLine(item.line, item.line.content.length) };
  });
}
