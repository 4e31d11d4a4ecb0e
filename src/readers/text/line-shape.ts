// The shape of a dump's line: how wide it is set, in columns of a fixed width, and whether
// it starts something of its own.
import { type Line } from './lines.js';
import { matchMarker, PROVISION, speakerLabel } from '../../text/patterns.js';

/** Wide (Han, full-width) characters count two, others one, the indentation included. */
export function width(line: Line): number {
  let w = Math.max(0, (line.columns[0] ?? 1) - 1);
  // (East Asian ambiguous marks a Chinese text sets full width count as wide: ○ masking a number, ※, ①, ■.)
  for (const ch of line.content) w += /[\u203B\u2460-\u24FF\u25A0-\u25FF\u2605\u2606\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u.test(ch) ? 2 : 1;
  return w;
}

/** A line that starts something of its own: never the second half of a wrapped line. */
export function startsAnew(line: Line): boolean {
  return matchMarker(line.content) !== undefined || PROVISION.test(line.content) || speakerLabel(line.content) !== undefined;
}
