// Blocks to CommonMark, one blank line between blocks (format: README "Markdown edition").
// Paragraphs with a role (signature, address, …) in a row go in one fenced div of
// that class, Pandoc's way: "::: signature" … ":::".
import type { Article, Block, Paragraph, ParagraphRole } from '../../model/types.js';
import { escapeLineStart, escapeText } from './escape.js';
import { inlines } from './inlines.js';

/**
 * A marker and the text after it. "第一章" and "第一条" end in a Han character: a
 * U+3000 keeps them apart from the text, as in print, so a reader finds the marker.
 */
function marked(marker: string | undefined, rest: string): string {
  if (!marker) return rest;
  // A decimal outline number ("1", "3.5") or a provision number is only a marker with a space after it.
  const spaced = /[\p{Script=Han}0-9\uFF10-\uFF19]$/v.test(marker);
  return spaced && rest !== '' && !/^[\s\u3000]/u.test(rest) ? `${marker}\u3000${rest}` : `${marker}${rest}`;
}

/** Text that starts a line: escape what would open a Markdown block there. */
function line(text: string): string {
  return escapeLineStart(text);
}

export function block(node: Block): string {
  switch (node.type) {
    case 'heading':
      return `${'#'.repeat(Math.min(node.depth + 1, 6))} ${marked(node.marker && escapeText(node.marker), inlines(node.children))}`;
    case 'paragraph':
      return line(marked(node.marker && escapeText(node.marker), inlines(node.children)));
    case 'subhead':
      return `**${inlines(node.children)}**`;
    case 'list':
      if (node.style === 'ordered' && node.children.every((item) => /^\d{1,9}[.)]$/.test(item.marker ?? ''))) {
        return node.children.map((item) => `${item.marker} ${inlines(item.children)}`).join('\n');
      }
      // A table of contents (entries without marks): a Markdown list under its 目录 heading.
      if (node.data?.role === 'contents') return node.children.map((item) => `- ${inlines(item.children)}`).join('\n');
      // A bullet list marked • (what a Markdown `-` list reads as): Markdown's own list syntax.
      if (node.style === 'bullet' && node.children.every((item) => (item.marker ?? '\u2022') === '\u2022')) {
        return node.children.map((item) => `- ${line(inlines(item.children))}`).join('\n');
      }
      // Each item a paragraph of its own, opening with its literal marker ("——", "●").
      return node.children.map((item) => line(`${escapeText(item.marker ?? '')}${inlines(item.children)}`)).join('\n\n');
    case 'quote':
      return `> ${inlines(node.children)}`;
    case 'dateline':
    case 'continuation':
      return line(inlines(node.children));
  }
}

/** The blocks, consecutive paragraphs of one role in one fenced div. */
function blocks(children: readonly Block[]): string[] {
  const out: string[] = [];
  let run: { role: ParagraphRole; paragraphs: Paragraph[] } | undefined;
  const flush = () => {
    if (run) out.push(`::: ${run.role}\n${run.paragraphs.map(block).join('\n\n')}\n:::`);
    run = undefined;
  };
  for (const child of children) {
    if (child.type === 'paragraph' && child.role) {
      if (run?.role !== child.role) flush();
      run ??= { role: child.role, paragraphs: [] };
      run.paragraphs.push(child);
      continue;
    }
    flush();
    out.push(block(child));
  }
  flush();
  return out;
}

export function article(node: Article): string {
  const title = node.meta.title ?? node.id;
  return [`# ${escapeText(title)}`, ...blocks(node.children)].join('\n\n');
}
