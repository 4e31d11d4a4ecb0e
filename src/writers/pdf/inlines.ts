// Inline content to pdfmake text runs: one run per font, bold for leads and
// strong, the kai role and 着重号 (patches/pdfmake-emphasis.ts) for emphasis. Every character goes through the glyph
// check; "——" is kept whole and off line starts by gluing it to what precedes.
import type { Content } from 'pdfmake/interfaces.js';
import { splitByCoverage } from './coverage.js';
import type { Change, Inline, PhrasingContent, Position } from '../../model/types.js';
import type { FontRole } from '../../templates/types.js';
import type { PdfFonts } from './fonts.js';
import { EMPHASIS_DOTS, emphasisMarks } from '../../patches/pdfmake-emphasis.js';

export interface InlineContext {
  fonts: PdfFonts;
  role: FontRole;
  bold: boolean;
  report: Change[];
  position?: Position;
  /** How a run-in lead is set (the template's lead style): its role and weight. */
  lead?: { role: FontRole; bold: boolean };
  /** Inside emphasis: 着重号 under each character (patches/pdfmake-emphasis.ts). */
  emphasis?: boolean;
}

type TextRun = { text: string; font: string; bold?: boolean; noWrap?: boolean; fontFeatures?: string[]; decoration?: string; decorationStyle?: string };

/** A character with the dash after it, so "——" never starts a line nor splits. */
const DASH_GROUP = /[^\u2014\u2015\s]?[\u2014\u2015]{2,}/gu;

/**
 * Glued dashes in lines pdfmake breaks itself (centred titles, right-set datelines) are
 * set in the font's full-width forms, a true 2 em dash (linebreak.ts does the same in
 * the lines it breaks); not after a Latin letter or digit, which fwid would widen too.
 */
const FULL_WIDTH_GLUE = /^(?:[^\p{Script=Latin}\p{N}])?[\u2014\u2015]+$/v;

function runs(text: string, context: InlineContext): TextRun[] {
  const family = context.fonts.roles[context.role].family;
  const out: TextRun[] = [];
  let last = 0;
  const pieces: { text: string; glue: boolean }[] = [];
  for (const match of text.matchAll(DASH_GROUP)) {
    if (match.index > last) pieces.push({ text: text.slice(last, match.index), glue: false });
    pieces.push({ text: match[0], glue: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), glue: false });
  for (const piece of pieces) {
    for (const run of splitByCoverage(context.fonts.source, piece.text, family, context.fonts.fallbacks, context.bold, context.report, context.position)) {
      const node: TextRun = { text: run.text, font: run.family.name };
      if (context.bold) node.bold = true;
      if (context.emphasis && emphasisMarks()) {
        node.decoration = 'underline';
        node.decorationStyle = EMPHASIS_DOTS;
      }
      if (piece.glue) node.noWrap = true;
      if (piece.glue && FULL_WIDTH_GLUE.test(run.text)) node.fontFeatures = ['fwid'];
      out.push(node);
    }
  }
  return out;
}

function phrasing(node: PhrasingContent, context: InlineContext): TextRun[] {
  switch (node.type) {
    case 'text':
      return runs(node.value, context);
    case 'strong':
      return node.children.flatMap((child) => phrasing(child, { ...context, bold: true }));
    case 'emphasis':
      return node.children.flatMap((child) => phrasing(child, { ...context, role: 'kai', emphasis: true }));
  }
}

export function pdfInlines(children: readonly Inline[], context: InlineContext, marker?: string): Content[] {
  const out: TextRun[] = marker ? runs(marker, context) : [];
  for (const child of children) {
    if (child.type === 'lead') {
      const lead = { ...context, role: context.lead?.role ?? context.role, bold: context.lead?.bold ?? true };
      out.push(...child.children.flatMap((c) => phrasing(c, lead)));
    }
    else out.push(...phrasing(child, context));
  }
  return out as Content[];
}

/** Plain text in one role (titles, headers), with the glyph check. */
export function pdfText(text: string, context: InlineContext): Content[] {
  return runs(text, context) as Content[];
}
