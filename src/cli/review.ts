// How `zhpress check --variant` prints what a conversion decided: one line a
// group (a character and the form it became, or a word and its regional form)
// with its count, then its contexts, most frequent first, with their lines.
// Lines are wrapped to the terminal's width so groups stay easy to scan.
import { plural, type ConversionReview, type ReviewContext, type ReviewGroup } from '../index.js';

const WIDTH = 100;
const LINES_SHOWN = 3;

/** Columns a string takes on a terminal: East Asian wide characters two. */
function columns(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\p{Script=Han}\u3000-\u303F\uFF00-\uFF60\u300C-\u300F]/v.test(ch) ? 2 : 1;
  return n;
}

function context(c: ReviewContext): string {
  const count = c.count > 1 ? ` \u00D7${c.count}` : '';
  const lines = c.lines.length === 0 ? '' : ` (${c.lines.slice(0, LINES_SHOWN).join(', ')}${c.lines.length > LINES_SHOWN ? ', \u2026' : ''})`;
  return `${c.text}${count}${lines}`;
}

function group(g: ReviewGroup, width: number): string[] {
  const head = `  ${g.source} \u2192 ${g.form} \u00D7${g.count}`;
  const lines: string[] = [];
  let line = head.padEnd(head.length + Math.max(2, 18 - columns(head)));
  let fresh = true;
  for (const c of g.contexts.map(context)) {
    const piece = fresh ? c : `  ${c}`;
    if (!fresh && columns(line) + columns(piece) > width) {
      lines.push(line);
      line = `      ${c}`;
    } else line += piece;
    fresh = false;
  }
  lines.push(line);
  return lines;
}

/** The review as terminal lines, under a heading naming the input and the variant. */
export function formatReview(file: string, review: ConversionReview, width = WIDTH): string[] {
  const out: string[] = [];
  const total = (groups: ReviewGroup[]) => groups.reduce((n, g) => n + g.count, 0);
  if (review.characters.length > 0) {
    const characters = new Set(review.characters.map((g) => g.source)).size;
    out.push(`${file}: ${review.variant}: ${plural(total(review.characters), 'place')} where the context chose the form of a character (${plural(characters, 'character')}, ${plural(review.characters.length, 'form')}):`);
    for (const g of review.characters) out.push(...group(g, width));
  }
  if (review.vocabulary.length > 0) {
    out.push(`${file}: ${review.variant}: ${plural(total(review.vocabulary), 'word')} the regional vocabulary changed (${plural(review.vocabulary.length, 'change')}):`);
    for (const g of review.vocabulary) out.push(...group(g, width));
  }
  return out;
}
