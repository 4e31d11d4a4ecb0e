// A web page's furniture as a browser's text dump gives it when every link and
// control is an element of its own: one token a line. "当前位置：" / "首页" / ">" /
// "政务信息", and "【字体：" / "小" / "中" / "大" / "】". Found only where it opens
// with its label, and taken line by line while the lines stay tokens.
import { type Line } from './lines.js';
import { isHeaderField, TRAIL_LABEL_ALONE } from './roles.js';

/** A link of a breadcrumb trail, or the mark between two. */
const TRAIL_STEP = /^(?:[>»›→/|]|[^\s\u3002\uFF0C\uFF1B\uFF01\uFF1F,;!?]{1,8})$/u;
/** "【字体：", "字號：" opening the page's text-size control. */
const SIZE_LABEL = /^[【[]?\s*(?:字体|字體|字号|字號)\s*[：:]?$/u;
const SIZE_STEP = /^(?:[小中大】\]]|默认|默認|还原|還原|A\+?|A-)$/u;

/** The lines of the first part of a text that are such furniture. */
export function splitChrome(lines: readonly Line[], limit = 40): Set<Line> {
  const found = new Set<Line>();
  for (let i = 0; i < Math.min(lines.length, limit); i++) {
    // (A page may set a bullet before its trail's label: "• 当前位置:".)
    const content = lines[i]!.content.replace(/^[\u2022\u00B7\u25CF]\s*/u, '');
    const step = TRAIL_LABEL_ALONE.test(content) ? TRAIL_STEP : SIZE_LABEL.test(content) ? SIZE_STEP : undefined;
    if (!step) continue;
    found.add(lines[i]!);
    while (i + 1 < lines.length && step.test(lines[i + 1]!.content)) found.add(lines[++i]!);
  }
  // A page's accesskey anchor (":::") marks where an area of it begins: over the anchor before the text, the
  // page's notices, tools and site names are furniture, where every line there is such or a short name
  // ("行政院會議" / ":::" / "行政院第3640次院會決議").
  for (let i = 0; i < Math.min(lines.length, limit); i++) {
    if (!/^:{3}$/u.test(lines[i]!.content)) continue;
    const over = lines.slice(0, i);
    if (!over.every((line) => found.has(line) || isHeaderField(line.content) || (line.content.length <= 16 && !/[\u3002\uFF0C,\uFF1B;\uFF01!\uFF1F?]/u.test(line.content)))) break;
    for (const line of over) found.add(line);
  }
  return found;
}
