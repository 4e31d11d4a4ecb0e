// HTML left in a text by the tool that saved it: a page's own markup ("<p id="t1">", "<br>",
// "<b>第一条</b>") and character references ("&emsp;&emsp;" for the indentation,
// "&nbsp;", "&ldquo;", "&#12288;"). Where a text plainly carries them (three lines or more),
// tags are markup, not text, and a reference is the character it names (decoded by the
// `entities` package, markdown-it's own decoder); then the indentation and letter-spacing they
// make are layout, as for the same characters typed. (The decoder is loaded only for a line
// that holds a reference: it costs about 17 ms to load.) Positions stay the source's: a decoded
// character stands where its reference began. A "<" that opens no known tag ("<https://…>",
// "a<b") is kept as text.
import { entities } from '../../lazy.js';
import type { Change } from '../../model/types.js';
import { dropLetterSpacing, LEADING, type Line, TRAILING } from './lines.js';

/** The tags of a page's text (block and inline), opening, closing or empty. */
const TAG = /<\/?(?:p|br|b|strong|span|div|font|i|em|u|a|img|td|tr|th|table|tbody|thead|li|ul|ol|h[1-6]|section|article|sup|sub|center|hr|o:p)\b[^<>]*\/?>/giu;
/** (The same, for a test: a global pattern's test would move its lastIndex, where matchAll starts.) */
const TAG_ANYWHERE = new RegExp(TAG.source, 'iu');
/** A character reference: named, decimal or hexadecimal. */
const REFERENCE = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/giu;

const decodeHTML = (text: string): string => entities().decodeHTML(text);

/** Whether a line holds HTML: a known tag, or a reference that decodes to something else. */
function holdsHtml(content: string): boolean {
  if (TAG_ANYWHERE.test(content)) return true;
  for (const match of content.matchAll(REFERENCE)) if (decodeHTML(match[0]) !== match[0]) return true;
  return false;
}

/** The line with its tags taken out and its references decoded, then its indentation and letter-spacing as layout. */
function decode(line: Line): Line {
  const source = line.content;
  const drop = new Uint8Array(source.length);
  const decoded = new Map<number, { text: string; length: number }>();
  for (const tag of source.matchAll(TAG)) drop.fill(1, tag.index, tag.index + tag[0].length);
  for (const ref of source.matchAll(REFERENCE)) {
    if (drop[ref.index]) continue;
    const text = decodeHTML(ref[0]);
    if (text !== ref[0]) decoded.set(ref.index, { text, length: ref[0].length });
  }
  let content = '';
  const offsets: number[] = [];
  const columns: number[] = [];
  for (let i = 0; i < source.length; i++) {
    if (drop[i]) continue;
    const ref = decoded.get(i);
    const text = ref ? ref.text : source[i]!;
    for (let k = 0; k < text.length; k++) {
      offsets.push(line.offsets[i]!);
      columns.push(line.columns[i]!);
    }
    content += text;
    if (ref) i += ref.length - 1;
  }
  const lead = LEADING.exec(content)?.[0].length ?? 0;
  const tail = TRAILING.exec(content.slice(lead))?.[0].length ?? 0;
  const end = content.length - tail;
  const trimmed: Line = {
    ...line,
    content: content.slice(lead, end),
    offsets: offsets.slice(lead, end),
    columns: columns.slice(lead, end),
    indented: line.indented || lead > 0,
    blank: end <= lead,
  };
  return dropLetterSpacing(trimmed);
}

export function htmlResidue(lines: Line[], report: Change[]): Line[] {
  const marked = lines.map((line) => !line.blank && holdsHtml(line.content));
  const changed = marked.filter(Boolean).length;
  if (changed < 3) return lines;
  const out = lines.map((line, i) => (marked[i] ? decode(line) : line));
  report.push({
    source: 'reader:text',
    kind: 'markup',
    message: `read the HTML left in ${changed} line(s) as markup: tags taken out, character references ("&emsp;", "&nbsp;") decoded`,
  });
  return out;
}
