// The head of an official document as a web page carries it: the page's title,
// breadcrumbs, counters and a repeated title above the document's own letterhead,
// document number and title, then the addressees (or the first provision). The
// document's title is the one that stands right above that anchor; every line
// above it is header matter. Decided only where nothing before the anchor is
// body text.
import { PROVISION } from '../../text/patterns.js';
import { type Line } from './lines.js';
import { joinLines } from './line-slice.js';
import { ATTACHMENT_LABEL, ATTACHMENT_NOTE, isAddress, isColumnTag, isHeaderField, isSigner, LETTERHEAD } from './roles.js';
import { continuesTitle, DOC_TYPE, OPENS_ABOUT, titleLike, type TitleBlock } from './title-block.js';

/** How far down the anchor may stand, and how many lines a title may take. */
const HEAD_MAX = 30;
const TITLE_LINES = 4;

/** "关于" (also in Traditional, and the mixed 關于 of machine conversion). */
const ABOUT = /关于|關於|關于/u;

/** A line that may stand in a document's head: a field, a title-like line, an organ, a short line. */
function headish(content: string): boolean {
  return isHeaderField(content) || titleLike(content) || isSigner(content) || LETTERHEAD.test(content) || (content.length <= 40 && !/[\u3002\uFF01\uFF1F]$/u.test(content));
}

export function documentHead(lines: Line[], furniture?: ReadonlySet<Line>): TitleBlock | undefined {
  if (lines.length < 3 || ATTACHMENT_LABEL.test(lines[0]!.content) || isColumnTag(lines[0]!.content)) return undefined;
  let anchor = -1;
  for (let i = 1; i < Math.min(lines.length, HEAD_MAX); i++) {
    const content = lines[i]!.content;
    if (isAddress(content) || PROVISION.test(content)) {
      anchor = i;
      break;
    }
    if (!headish(content)) return undefined;
  }
  if (anchor < 0) return undefined;
  // The document number may stand between the title and the addressees.
  let end = anchor;
  while (end > 0 && isHeaderField(lines[end - 1]!.content)) end--;
  const last = lines[end - 1];
  if (!last || !DOC_TYPE.test(last.content) || !titleLike(last.content) || isHeaderField(last.content)) return undefined;
  // A title over several lines starts at its "关于"; without one, it is the last line alone.
  let start = end - 1;
  let about = false;
  for (let k = end - 1; k >= Math.max(0, end - TITLE_LINES); k--) {
    const content = lines[k]!.content;
    if (!titleLike(content) || isHeaderField(content)) break;
    if (ABOUT.test(content)) {
      start = k;
      about = true;
      break;
    }
  }
  // A title wrapped without its "关于" ("国务院办公厅对全国政协十届四次会议" / "第4626号提案的答复"); an issuer
  // over it is no part of it.
  while (!about && start > 0 && start > end - TITLE_LINES && titleLike(lines[start - 1]!.content) && !isHeaderField(lines[start - 1]!.content) && !isSigner(lines[start - 1]!.content) && continuesTitle(lines[start - 1]!, lines[start]!, lines[start + 1])) start--;
  // "懷化市人民政府辦公室" (or two issuers, "国务院办公厅、中央军委办公厅") over "關于印發……的通知": the issuer opens the title.
  const issuers = (content: string) => content.split(/[\u3001\s\u3000]+/u).every((organ) => organ !== '' && isSigner(organ));
  // (A blank line between them sets the issuer apart: a copied page's issuer line over the whole title.)
  // (Not the last of organs issuing jointly one a line, "中共……工作委员会" / "……管理委员会" / "关于……": their letterhead.)
  const joint = start > 1 && issuers(lines[start - 2]!.content);
  if (start > 0 && !joint && issuers(lines[start - 1]!.content) && OPENS_ABOUT.test(lines[start]!.content) && !lines[start]!.afterBlank) start--;
  // With nothing above it, the usual title block reads the head.
  if (start === 0) return undefined;
  let title = lines[start]!;
  for (let k = start + 1; k < end; k++) title = joinLines(title, lines[k]!);
  const header = (line: Line) => ({ line, role: furniture?.has(line) ? ('record' as const) : ('header' as const) });
  // (A Taiwan 公文 sets its date, number and other fields under the addressee, "受文者：" / "發文日期：……": the head
  // goes on over them.)
  let length = anchor;
  const under: Line[] = [];
  if (isAddress(lines[anchor]!.content) && !PROVISION.test(lines[anchor]!.content)) while (length + 1 < lines.length && (isHeaderField(lines[length + 1]!.content) || ATTACHMENT_NOTE.test(lines[length + 1]!.content))) under.push(lines[++length]!);
  const addressee = under.length ? [{ line: lines[anchor]!, role: 'address' as const }, ...under.map(header)] : [];
  return { title, notes: [], blocks: [...lines.slice(0, start).map(header), ...lines.slice(end, anchor).map(header), ...addressee], length: under.length ? length + 1 : anchor };
}
