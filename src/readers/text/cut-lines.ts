// Two lines that the source shows to be one, decided from the evidence of the
// whole text, before the lines are classified (each join is reported):
//
// - A provision's number alone on its line, with its text on the very next line,
//   where blank lines separate every other block ("第一条" / "为了加强……", a
//   Markdown paragraph whose soft break was kept): the number and its text are one
//   provision, its number the lead. (Where no blank lines separate the blocks, as in
//   a law database's layout, the number is a head over what follows: 79_….)
// - A bracket opened on a line and closed on the next (after at most one blank
//   line), where neither line is a sentence of its own ("（2020年5月14日……人民代表大会" /
//   "常务委员会第二十一次会议通过）"): one parenthetical cut in two, a title's note.
// - A row of an enumeration ending in its comma (、) and the rows under it: one list of names wrapped.
// - A Latin line stopping without punctuation and one opening in lower case after a blank line: one sentence.
import type { Change } from '../../model/types.js';
import { plural } from '../../plural.js';
import { type Line } from './lines.js';
import { joinLines } from './line-slice.js';
import { matchMarker, PROVISION } from '../../text/patterns.js';

const SOURCE = 'reader:text';
const BARE_PROVISION = /^第[\s\u3000]*[〇零一二三四五六七八九十百千0-9\uFF10-\uFF19]+[\s\u3000]*[条條](?:之[〇零一二三四五六七八九十0-9]+)?$/u;
/** A line of Latin text: letters, digits, spaces and ASCII punctuation only, a word at least. */
const LATIN_LINE = /^(?=.*[A-Za-z]{2})[A-Za-z0-9 .,;:'"()\-/&%]+$/u;
const KEY_LINE = /^[A-Za-z_][\w-]*[ \t]*:/u;
const OPENS = /[\uFF08(]/gu;
const CLOSES = /[\uFF09)]/gu;

/** How many brackets a text leaves open (negative: closes more than it opens). */
function openBrackets(text: string): number {
  return (text.match(OPENS) ?? []).length - (text.match(CLOSES) ?? []).length;
}

/** Blank lines stand between most blocks: at least two of three breaks between non-blank lines are blank lines. */
function blankParagraphs(lines: readonly Line[]): boolean {
  let blankBreaks = 0;
  let breaks = 0;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i]!.blank) continue;
    breaks++;
    if (lines[i - 1]!.blank) blankBreaks++;
  }
  return breaks >= 6 && blankBreaks >= (2 * breaks) / 3;
}

/** The character set where a line break stood, between `line` and the `next` it joins (in the break's place). */
function gapBefore(next: Line, line: Line, content: string): Line {
  return { ...next, content, offsets: [(next.offsets[0] ?? 1) - 1], columns: [(line.columns.at(-1) ?? 0) + 1] };
}

/** The lines (blank ones included, in order) with cut lines joined; each kind of join reported once. */
export function joinCutLines(lines: Line[], report: Change[]): Line[] {
  const separated = blankParagraphs(lines);
  const out: Line[] = [];
  let provisions = 0;
  let brackets = 0;
  let firstProvision: Line | undefined;
  let firstBracket: Line | undefined;
  let latins = 0;
  let firstLatin: Line | undefined;
  let enumerations = 0;
  let firstEnumeration: Line | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    if (separated && !line.blank && BARE_PROVISION.test(line.content) && next && !next.blank && !BARE_PROVISION.test(next.content) && !matchMarker(next.content) && !PROVISION.test(next.content)) {
      // (Joined with the ideographic space "第二条　本市……" has there, standing where the line break was.)
      out.push(joinLines(joinLines(line, gapBefore(next, line, '\u3000')), next));
      firstProvision ??= line;
      provisions++;
      i++;
      continue;
    }
    if (!line.blank && line.content.length <= 60 && openBrackets(line.content) === 1 && !/[\u3002\uFF01\uFF1F]$/u.test(line.content)) {
      const j = next?.blank ? i + 2 : i + 1;
      const after = lines[j];
      if (after && !after.blank && after.content.length <= 60 && openBrackets(after.content) === -1 && /[\uFF09)]$/u.test(after.content) && !matchMarker(after.content)) {
        out.push(joinLines(line, after));
        firstBracket ??= line;
        brackets++;
        i = j;
        continue;
      }
    }
    // A Latin sentence cut over a blank line, its second part opening in lower case ("Fig. 3 Diagram of the …
    // system" / "" / "at Shenzhen astronomical observatory", an English caption as an OCR splits it): one line.
    if (!line.blank && LATIN_LINE.test(line.content) && !/[.!?:;]$/u.test(line.content)) {
      const j = next?.blank ? i + 2 : i + 1;
      const after = lines[j];
      // (Not a field of a front matter or a record, "comments: false" / "date: Tue, 14 Apr 2026".)
      if (after && !after.blank && /^[a-z]/u.test(after.content) && LATIN_LINE.test(after.content) && !KEY_LINE.test(line.content) && !KEY_LINE.test(after.content)) {
        out.push(joinLines(joinLines(line, gapBefore(after, line, ' ')), after));
        firstLatin ??= line;
        latins++;
        i = j;
        continue;
      }
    }
    // A row of an enumeration that ends in its comma goes on in the next line ("……王 凯、黄 振、" / "郭春恩、……"):
    // no paragraph or head ends in 、.
    if (!line.blank && /\u3001$/u.test(line.content) && next && !next.blank && !matchMarker(next.content)) {
      let joined = line;
      let k = i + 1;
      for (; k < lines.length && !lines[k]!.blank && !matchMarker(lines[k]!.content); k++) {
        joined = joinLines(joined, lines[k]!);
        enumerations++;
        if (!/\u3001$/u.test(lines[k]!.content)) break;
      }
      out.push(joined);
      firstEnumeration ??= line;
      i = Math.min(k, lines.length - 1);
      continue;
    }
    out.push(line);
  }
  const at = (line: Line) => ({ start: { line: line.number, column: 1, offset: line.offsets[0] ?? 0 }, end: { line: line.number, column: 1, offset: line.offsets[0] ?? 0 } });
  if (provisions) {
    report.push({ source: SOURCE, kind: 'join-provision-number', message: `joined ${plural(provisions, 'provision number')} standing alone on a line to the text right under it (blank lines separate the other blocks)`, position: at(firstProvision!) });
  }
  if (brackets) {
    report.push({ source: SOURCE, kind: 'join-cut-bracket', message: `joined ${plural(brackets, 'bracket')} opened on one line and closed on the next into one line`, position: at(firstBracket!) });
  }
  if (latins) {
    report.push({ source: SOURCE, kind: 'join-latin-sentence', message: `joined ${plural(latins, 'line')} of Latin text opening in lower case to the Latin line over it that stops without punctuation (one sentence cut over a blank line)`, position: at(firstLatin!) });
  }
  if (enumerations) {
    report.push({ source: SOURCE, kind: 'join-enumeration-rows', message: `joined ${plural(enumerations, 'line')} to the row of an enumeration over it that ends in its comma (、)`, position: at(firstEnumeration!) });
  }
  return out;
}
