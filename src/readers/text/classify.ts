// What each line of an article's body is, by the conventions of Chinese news
// and official text. Decisions that need neighbours (quotes, lists, speaker
// labels, heading depth) are taken later, in blocks.ts.
import type { ParagraphRole } from '../../model/types.js';
import { type Line } from './lines.js';
import { sliceLine, trimLine } from './line-slice.js';
import {
  BULLET_ITEM,
  CLOSING_DATELINE,
  CONTINUED_FROM,
  CONTINUED_TO,
  DASH_ITEM,
  OPENING_DATELINE,
  matchMarker,
  type MarkerKind,
  PROVISION,
  GLUED_PROVISION,
  SENTENCE_END,
  SUBHEAD,
} from '../../text/patterns.js';

export type Classified =
  | { kind: 'continuation'; line: Line; direction: 'from' | 'to'; page: string }
  | { kind: 'dateline'; line: Line; agency?: string; place?: string; date?: string }
  | { kind: 'item'; line: Line; style: 'dash' | 'bullet' | 'ordered'; marker: string; rest: Line }
  | { kind: 'subhead'; line: Line }
  | { kind: 'quote'; line: Line }
  | { kind: 'heading'; line: Line; markerKind: MarkerKind; marker: string; rest: Line }
  | { kind: 'paragraph'; line: Line; marker?: string; markerKind?: MarkerKind; lead?: Line; rest: Line; role?: ParagraphRole };

/** A heading's text is short and has no sentence end. */
const HEADING_MAX = 40;
/** A run-in lead is one short sentence followed by more text. */
const LEAD_MAX = 40;

/** A label before a colon that opens an item: "元旦：", "依據：", "決定：". */
/** "问：" "主旨：" before the text; never the scheme of an address ("https://…"). */
const LABEL = /^(?:[^\uFF0C,\u3002\uFF1B;\s]{1,8}|\p{Script=Han}(?:[ \u3000]\p{Script=Han}){1,3})[\uFF1A:](?=\S)(?!\/\/)/v;

/** A term in corner brackets as a label, alone or over its text: "「密等及解密條件或保密期限」：", "「正本」或「副本」：". */
const TERM_LABEL = /^[\u300C\u201C][^\u300D\u201D\u3002\uFF0C,]{1,20}[\u300D\u201D](?:或[\u300C\u201C][^\u300D\u201D\u3002\uFF0C,]{1,20}[\u300D\u201D])?[\uFF1A:]/u;

export function leadEnd(text: string): number | undefined {
  const label = LABEL.exec(text) ?? TERM_LABEL.exec(text);
  if (label) return label[0].length;
  // (A clause ending in ；is one of a list's clauses, no run-in title: "应分别逐一书明全衔；其……".)
  const found = SENTENCE_END.exec(text);
  if (!found || found.index > LEAD_MAX || /[\uFF1B;]/u.test(found[0])) return undefined;
  // A run-in title is a phrase: a long first sentence with many clauses is the text itself.
  if ((text.slice(0, found.index).match(/[\uFF0C,]/gu) ?? []).length > 2) return undefined;
  const end = found.index + 1;
  return end < text.length ? end : undefined;
}

export function classify(line: Line): Classified {
  const content = line.content;

  const from = CONTINUED_FROM.exec(content);
  if (from && from[0].length === content.length) return { kind: 'continuation', line, direction: 'from', page: from[1]! };
  const to = CONTINUED_TO.exec(content);
  if (to && to[0].length === content.length) return { kind: 'continuation', line, direction: 'to', page: to[1]! };

  const dateline = CLOSING_DATELINE.exec(content);
  if (dateline) {
    const { agency, place, date } = dateline.groups ?? {};
    return { kind: 'dateline', line, agency: agency || undefined, place: place || undefined, date };
  }

  // An opening dateline alone on its line (a report's, under its headline in a running order).
  const opening = OPENING_DATELINE.exec(content);
  if (opening && opening[0].length === content.trimEnd().length) {
    const { agency, place, date } = opening.groups;
    return { kind: 'dateline', line, agency: agency || undefined, place: place || undefined, date };
  }

  const dash = DASH_ITEM.exec(content);
  if (dash) return { kind: 'item', line, style: 'dash', marker: dash[1]!, rest: trimLine(sliceLine(line, dash[0].length)) };
  const bullet = BULLET_ITEM.exec(content);
  if (bullet) return { kind: 'item', line, style: 'bullet', marker: bullet[1]!, rest: sliceLine(line, bullet[0].length) };

  if (SUBHEAD.test(content) && !SENTENCE_END.test(content)) return { kind: 'subhead', line };

  const marker = matchMarker(content);
  if (marker) {
    const rest = sliceLine(line, marker.length);
    const body = rest.content;
    const bare = body.length === 0 && (marker.kind === 'article' || marker.kind === 'numeral');
    if (bare || (body.length > 0 && body.length <= HEADING_MAX && !SENTENCE_END.test(body))) {
      return { kind: 'heading', line, markerKind: marker.kind, marker: marker.marker, rest };
    }
    const end = leadEnd(body);
    if (end !== undefined) {
      return {
        kind: 'paragraph',
        line,
        marker: marker.marker,
        markerKind: marker.kind,
        lead: sliceLine(rest, 0, end),
        rest: sliceLine(rest, end),
      };
    }
    return { kind: 'paragraph', line, marker: marker.marker, markerKind: marker.kind, rest };
  }

  const provision = PROVISION.exec(content);
  if (provision) {
    return { kind: 'paragraph', line, lead: sliceLine(line, 0, provision[0].length), rest: sliceLine(line, provision[0].length) };
  }

  return { kind: 'paragraph', line, rest: line };
}

/**
 * Provisions glued to their text ("第一百一十八条当事人进行……", a law cited under a ruling): their numbers are
 * leads where two or more paragraphs of the article open so (one alone may be a sentence: "第一条道路……").
 */
export function gluedProvisions(items: Classified[]): Classified[] {
  const glued = items.filter((item) => item.kind === 'paragraph' && !item.marker && !item.lead && !item.role && GLUED_PROVISION.test(item.line.content));
  if (glued.length < 2) return items;
  return items.map((item) => {
    if (!glued.includes(item)) return item;
    const length = GLUED_PROVISION.exec(item.line.content)![0].length;
    return { kind: 'paragraph', line: item.line, lead: sliceLine(item.line, 0, length), rest: sliceLine(item.line, length) };
  });
}
