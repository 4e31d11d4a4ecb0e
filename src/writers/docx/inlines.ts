// Inline content to Word runs. A run carries at most a character style (Lead,
// Emphasis) and bold (for strong): fonts and sizes come from the paragraph style.
import { TextRun } from 'docx';
import type { Inline, PhrasingContent } from '../../model/types.js';
import { STYLE } from './styles.js';

interface RunState {
  /** Character style id. */
  style?: string;
  bold?: boolean;
}

function run(text: string, state: RunState): TextRun {
  return new TextRun({ text, ...(state.style ? { style: state.style } : {}), ...(state.bold ? { bold: true } : {}) });
}

function phrasing(node: PhrasingContent, state: RunState): TextRun[] {
  switch (node.type) {
    case 'text':
      return node.value ? [run(node.value, state)] : [];
    case 'strong':
      // Inside a lead, strong is bold already.
      return node.children.flatMap((child) => phrasing(child, state.style === STYLE.lead ? state : { ...state, bold: true }));
    case 'emphasis':
      // Emphasis in a lead keeps the lead's weight.
      return node.children.flatMap((child) => phrasing(child, { style: STYLE.emphasis, bold: state.bold || state.style === STYLE.lead }));
  }
}

/** The runs of a block: its literal marker first, then its content; a lead in the Lead character style. */
export function docxRuns(children: readonly Inline[], marker?: string): TextRun[] {
  const out: TextRun[] = marker ? [run(marker, {})] : [];
  for (const child of children) {
    if (child.type === 'lead') out.push(...child.children.flatMap((c) => phrasing(c, { style: STYLE.lead })));
    else out.push(...phrasing(child, {}));
  }
  return out;
}

/** Plain text as one run (titles, cover lines). */
export function docxText(text: string): TextRun[] {
  return text ? [run(text, {})] : [];
}
