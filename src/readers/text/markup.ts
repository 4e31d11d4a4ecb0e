// Markdown left in a plain text: a note-taking vault or a converter's dump saved
// as .txt, with YAML front matter, "# " headings, "> " quotations and "**bold**"
// heads. Decided for the whole text: only where the markup is plainly there (front
// matter, or several marked lines) is it taken off the lines; what it marked
// stays known to the reader (front matter is header matter, a "#" line's level
// ranks the title block, a bold line alone is a head). Positions stay the source's.
import type { Change } from '../../model/types.js';
import { type Line } from './lines.js';
import { sliceLine, trimLine } from './line-slice.js';

export interface Markup {
  /** The lines of a YAML front matter block, its "---" fences included. */
  frontMatter: Set<Line>;
  /** The ATX level (1–6) of a line whose "#" marks were taken off. */
  level: Map<Line, number>;
  /** Lines that were one **bold** span. */
  strong: Set<Line>;
  /** Whether the text carries Markdown markup at all (then only bold marks a run-in lead). */
  present: boolean;
  /** HTML comments alone on their lines ("<!-- INFO END -->"): no text of the document, page furniture. */
  comments: Set<Line>;
}

const COMMENT = /^<!--.*-->$/u;

const ATX = /^(#{1,6})[ \t\u3000]+(?=\S)/u;
const CLOSING_HASHES = /[ \t]+#+$/u;
/** A heading's attributes (markdown-it-attrs, VuePress): "## 第一章 总则{align=center}", "{#intro .lead}". */
const ATTRIBUTES = /[ \t]*\{(?:[#.][\w-]+|[\w-]+=[^{}\s]*)(?:[ \t]+(?:[#.][\w-]+|[\w-]+=[^{}\s]*))*\}$/u;
/** A container's fence (markdown-it-container, VuePress, VitePress): "::: tip 修订信息" opens one with its title, ":::" closes it. */
const CONTAINER = /^:::+[ \t]*(?:[A-Za-z][\w-]*)?[ \t]*/u;
const QUOTE = /^>[ \t\u3000]?/u;
const STRONG = /^\*\*(?=\S)(.+?)\*\*$/u;
const YAML_KEY = /^[A-Za-z_][\w-]*\s*:/u;

/** The closing fence of a front matter that opens the text, or -1. */
function frontMatterEnd(lines: Line[]): number {
  if (lines[0]?.content !== '---') return -1;
  const end = lines.findIndex((line, i) => i > 0 && line.content === '---');
  if (end < 2 || end > 60) return -1;
  const inner = lines.slice(1, end);
  return inner.filter((line) => YAML_KEY.test(line.content)).length >= inner.length / 2 ? end : -1;
}

/** A crawler's record written out key by key before its text ("title: ……" / "url: ……" / "content: "). */
const RECORD_KEY = /^([a-z][a-z_]{1,15})[ \t]*[:\uFF1A][ \t]*/u;

/** The number of such field lines opening the text (three or more, one of them the title), or 0. */
function recordFields(lines: Line[]): number {
  let n = 0;
  while (n < lines.length && n < 20 && RECORD_KEY.test(lines[n]!.content)) n++;
  return n >= 3 && lines.slice(0, n).some((line) => RECORD_KEY.exec(line.content)![1] === 'title') ? n : 0;
}

export function readMarkup(lines: Line[], report: Change[]): { lines: Line[]; markup: Markup } {
  const markup: Markup = { frontMatter: new Set(), level: new Map(), strong: new Set(), present: false, comments: new Set() };
  // A crawler's record: its fields are header matter, its "title:" field's value the title (the key is the
  // record's markup, reported). No Markdown follows from it.
  const fields = recordFields(lines);
  if (fields) {
    const out = lines.map((line, i) => {
      if (i >= fields) return line;
      const key = RECORD_KEY.exec(line.content)!;
      if (key[1] === 'title' && key[0].length < line.content.length) return trimLine(sliceLine(line, key[0].length));
      markup.frontMatter.add(line);
      return line;
    });
    report.push({ source: 'reader:text', kind: 'markup', message: `read the first ${fields} lines as a record's fields ("title: …", "url: …"): header matter, the title's value the title` });
    return { lines: out, markup };
  }
  const fence = frontMatterEnd(lines);
  const atx = lines.filter((line) => ATX.test(line.content)).length;
  const quoted = lines.filter((line) => QUOTE.test(line.content)).length;
  const strong = lines.filter((line) => STRONG.test(line.content)).length;
  const comments = lines.filter((line) => COMMENT.test(line.content));
  const containers = lines.filter((line) => CONTAINER.test(line.content)).length;
  markup.present = fence > 0 || atx >= 2 || (atx >= 1 && quoted + strong + comments.length + containers >= 1) || strong >= 2 || containers >= 2;
  // (A plain text's page marks as HTML comments, "<!-- page 2 -->", which an OCR or a converter set between its
  // pages: no text of the document either, whatever else the text is.)
  if (markup.present || comments.length >= 2) for (const line of comments) markup.comments.add(line);
  if (!markup.present) return { lines, markup };
  // A container's fences are markup (no text of the document); the title an opening fence gives is a line of its own.
  let fences = 0;
  const unfenced = lines.flatMap((line, i) => {
    const container = i > fence && containers >= 2 ? CONTAINER.exec(line.content) : null;
    if (!container) return [line];
    fences++;
    return container[0].length < line.content.length ? [trimLine(sliceLine(line, container[0].length))] : [];
  });
  lines = unfenced;
  const out = lines.map((line, i) => {
    if (i <= fence) {
      markup.frontMatter.add(line);
      return line;
    }
    const heading = ATX.exec(line.content);
    if (heading) {
      const bare = trimLine(sliceLine(line, heading[0].length, line.content.replace(CLOSING_HASHES, '').replace(ATTRIBUTES, '').length));
      markup.level.set(bare, heading[1]!.length);
      return bare;
    }
    const quote = QUOTE.exec(line.content);
    const unquoted = quote ? trimLine(sliceLine(line, quote[0].length)) : line;
    const bold = STRONG.exec(unquoted.content);
    if (bold) {
      const bare = sliceLine(unquoted, 2, unquoted.content.length - 2);
      markup.strong.add(bare);
      return bare;
    }
    return unquoted;
  });
  report.push({
    source: 'reader:text',
    kind: 'markup',
    message: `read Markdown markup in the text as structure (${[fence > 0 ? 'front matter' : '', atx ? `${atx} "#" headings` : '', quoted ? `${quoted} "> " lines` : '', strong ? `${strong} bold lines` : '', comments.length ? `${comments.length} HTML comments, kept as page furniture` : '', fences ? `${fences} ":::" container fences, taken off` : ''].filter(Boolean).join(', ')}); name the file .md to read it as Markdown`,
  });
  return { lines: out, markup };
}
