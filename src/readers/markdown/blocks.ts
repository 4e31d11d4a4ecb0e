// markdown-it's block tokens into a flat run of units: article titles (`#`),
// thematic breaks, and model blocks. Consecutive dash or bullet paragraphs
// become one list. A fenced div (`::: signature`) holds paragraphs of that role,
// one a line. What the model has no place for (tables, code, HTML, definitions,
// divs of other classes) is kept as plain paragraphs and reported.
import type { Token } from 'markdown-it';
import { list, listItem, paragraph, quote, text } from '../../model/builders.js';
import { PARAGRAPH_ROLES } from '../../model/types.js';
import type { Block, Change, ListItem, ParagraphRole, PhrasingContent, Position } from '../../model/types.js';
import { inlineText } from '../../model/visit.js';
import { SOURCE } from './front-matter.js';
import { inlinesOf, unsupported } from './inlines.js';
import { type Classified, classifyParagraph, makeHeading, standsAlone } from './paragraphs.js';
import { type Locator, spanOf } from './source.js';

export type Unit =
  | { kind: 'title'; title: string; position: Position | undefined }
  | { kind: 'break'; position: Position | undefined }
  | { kind: 'block'; block: Block };

type Mode =
  | { kind: 'body' }
  | { kind: 'quote' }
  /** Inside a Markdown list: every paragraph is an item; the first of each list item gets its mark. */
  | { kind: 'item'; items: ListItem[]; marker: string | undefined; count: number }
  /** Inside a fenced div of a paragraph role: every line is a paragraph of that role, as written. */
  | { kind: 'role'; role: ParagraphRole };

const CELL_SEPARATOR = '\u3000';

/** The token of a fenced div (markdown-it-container, registered as "div" in index.ts). */
export const DIV_OPEN = 'container_div_open';

/** Index of the token closing the one opened at `open`. */
function closeOf(tokens: readonly Token[], open: number): number {
  const level = tokens[open]!.level;
  for (let i = open + 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.level === level && token.nesting === -1) return i;
  }
  return tokens.length - 1;
}

/** Splits inline tokens at top-level line breaks. */
function splitAtBreaks(tokens: readonly Token[]): Token[][] {
  const lines: Token[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if ((token.type === 'softbreak' || token.type === 'hardbreak') && depth === 0) {
      lines.push([]);
      continue;
    }
    depth += token.nesting;
    lines[lines.length - 1]!.push(token);
  }
  return lines;
}

function tokensText(tokens: readonly Token[]): string {
  return tokens.map((token) => token.content).join('');
}

/**
 * The class of a fenced div, Pandoc's way: `::: signature`, `::: {.signature}`,
 * `::: {#id .signature key=value}` (the first class), with or without closing colons.
 */
export function divClass(info: string): string | undefined {
  const spec = info.trim().replace(/\s*:+$/, '');
  if (spec.startsWith('{')) return /(?:^|[\s{])\.([^\s}]+)/u.exec(spec)?.[1];
  return /^\S+/u.exec(spec)?.[0];
}

const isRole = (name: string | undefined): name is ParagraphRole => (PARAGRAPH_ROLES as readonly string[]).includes(name ?? '');

/** Splits inline tokens at top-level soft breaks (a hard break stays in its line). */
function splitAtSoftBreaks(tokens: readonly Token[]): Token[][] {
  const lines: Token[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if (token.type === 'softbreak' && depth === 0) {
      lines.push([]);
      continue;
    }
    depth += token.nesting;
    lines[lines.length - 1]!.push(token);
  }
  return lines;
}

export class BlockBuilder {
  readonly units: Unit[] = [];
  private run: { style: 'dash' | 'bullet'; items: ListItem[] } | undefined;

  constructor(
    private readonly locate: Locator,
    private readonly report: Change[],
    /** Body lines, for what markdown-it leaves out of its tokens (definitions). */
    private readonly bodyLines: readonly string[],
  ) {}

  build(tokens: readonly Token[]): Unit[] {
    let covered = 0;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.map) {
        this.gap(covered, token.map[0]);
        // A div's map ends at its closing fence, which is part of it.
        covered = Math.max(covered, token.map[1] + (token.type === DIV_OPEN ? 1 : 0));
      }
      const end = token.nesting === 1 ? closeOf(tokens, i) : i;
      this.block(tokens, i, end, { kind: 'body' });
      i = end;
    }
    this.gap(covered, this.bodyLines.length);
    this.flushRun();
    return this.units;
  }

  // ------------------------------------------------------------ emitting

  private emit(block: Block): void {
    this.flushRun();
    this.units.push({ kind: 'block', block });
  }

  private flushRun(): void {
    const run = this.run;
    if (!run) return;
    this.run = undefined;
    const first = run.items[0]?.position;
    const last = run.items[run.items.length - 1]?.position;
    const position = spanOf(first, last);
    this.units.push({ kind: 'block', block: list(run.style, run.items, position ? { position } : undefined) });
  }

  private classified(found: Classified): void {
    if (found.kind === 'block') {
      this.emit(found.block);
      return;
    }
    if (this.run && this.run.style !== found.style) this.flushRun();
    this.run ??= { style: found.style, items: [] };
    this.run.items.push(found.item);
  }

  /** Inline content of one paragraph-like thing, placed by mode. `plain`: no classification. */
  private inlines(children: PhrasingContent[], position: Position | undefined, mode: Mode, plain = false): void {
    if (children.length === 0) return;
    const at = position ? { position } : undefined;
    switch (mode.kind) {
      case 'quote':
        this.emit(quote(children, at));
        return;
      case 'item':
        mode.items.push(listItem(children, { ...(mode.marker !== undefined ? { marker: mode.marker } : {}), ...at }));
        mode.marker = undefined;
        mode.count++;
        return;
      case 'role':
        this.emit(paragraph(children, { role: mode.role, ...at }));
        return;
      case 'body':
        if (plain) this.emit(paragraph(children, at));
        else this.classified(classifyParagraph(children, position));
    }
  }

  private context(position: Position | undefined) {
    return { position, line: position?.start.line ?? 0, report: this.report };
  }

  /** Plain lines (code, HTML, definitions) as paragraphs, one a line. */
  private plainLines(lines: readonly string[], firstBodyLine: number, mode: Mode): void {
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      const position = this.locate.map([firstBodyLine + i, firstBodyLine + i + 1]);
      const value = line.replace(/^[ \t]+|[ \t]+$/g, '');
      this.inlines([text(value, position ? { position } : undefined)], position, mode, true);
    });
  }

  /** Lines markdown-it made no token of: link and footnote definitions. */
  private gap(from: number, to: number): void {
    for (let line = from; line < to; line++) {
      const content = this.bodyLines[line] ?? '';
      if (!content.trim()) continue;
      const position = this.locate.map([line, line + 1]);
      const what = content.trimStart().startsWith('[^') ? 'footnote' : 'link definition';
      unsupported(this.context(position), what, 'kept as a paragraph');
      this.plainLines([content], line, { kind: 'body' });
    }
  }

  // ------------------------------------------------------------ walking

  /** Children of a container token: tokens strictly between open and close. */
  private children(tokens: readonly Token[], open: number, close: number, mode: Mode): void {
    for (let i = open + 1; i < close; i++) {
      const end = tokens[i]!.nesting === 1 ? closeOf(tokens, i) : i;
      this.block(tokens, i, end, mode);
      i = end;
    }
  }

  private block(tokens: readonly Token[], i: number, end: number, mode: Mode): void {
    const token = tokens[i]!;
    const position = this.locate.map(token.map);
    const context = this.context(position);
    switch (token.type) {
      case 'heading_open': {
        const inline = tokens[i + 1]!;
        const children = inlinesOf(inline.children, context);
        const level = Number(token.tag.slice(1));
        if (mode.kind !== 'body') {
          this.inlines(children, position, mode);
        } else if (level === 1) {
          this.flushRun();
          this.units.push({ kind: 'title', title: inlineText(children), position });
        } else {
          if (level > 5) {
            this.report.push({
              source: SOURCE,
              kind: 'heading-depth',
              message: `heading level ${level} at line ${context.line} read as depth 4 (the deepest)`,
              ...(position ? { position } : {}),
              severity: 'warning',
            });
          }
          if (children.length) this.emit(makeHeading(level, children, position));
        }
        return;
      }
      case 'paragraph_open': {
        const inline = tokens[i + 1]!;
        this.paragraph(inline, position, mode);
        return;
      }
      case DIV_OPEN: {
        const name = divClass(token.info);
        if (isRole(name)) {
          this.flushRun();
          this.children(tokens, i, end, { kind: 'role', role: name });
          return;
        }
        unsupported(context, name ? `div of class "${name}"` : 'div without a class', `kept as its content (the classes of paragraph roles are ${PARAGRAPH_ROLES.join(', ')})`);
        this.children(tokens, i, end, mode);
        return;
      }
      case 'blockquote_open':
        this.flushRun();
        this.children(tokens, i, end, mode.kind === 'item' ? mode : { kind: 'quote' });
        return;
      case 'bullet_list_open':
      case 'ordered_list_open':
        this.markdownList(tokens, i, end, mode);
        return;
      case 'hr':
        if (mode.kind === 'body') {
          this.flushRun();
          this.units.push({ kind: 'break', position });
        }
        return;
      case 'table_open':
        unsupported(context, 'table', 'kept as paragraphs, one a row');
        this.table(tokens, i, end, mode);
        return;
      case 'fence':
      case 'code_block':
        unsupported(context, 'code block', 'kept as paragraphs, one a line');
        this.plainLines(token.content.replace(/\n$/, '').split('\n'), (token.map?.[0] ?? 0) + (token.type === 'fence' ? 1 : 0), mode);
        return;
      case 'html_block':
        // An HTML comment ("<!-- INFO END -->" in a law collection's files) is no text of the document.
        if (/^\s*<!--[\s\S]*?-->\s*$/u.test(token.content)) {
          this.report.push({ source: SOURCE, kind: 'comment', message: `dropped an HTML comment at line ${context.line} (it is not shown in Markdown either)`, ...(position ? { position } : {}) });
          return;
        }
        unsupported(context, 'HTML block', 'kept as paragraphs, one a line');
        this.plainLines(token.content.replace(/\n$/, '').split('\n'), token.map?.[0] ?? 0, mode);
        return;
      default:
        if (token.nesting === 1) {
          this.children(tokens, i, end, mode);
        } else if (token.content) {
          unsupported(context, `"${token.type}"`, 'kept as a paragraph');
          this.plainLines(token.content.split('\n'), token.map?.[0] ?? 0, mode);
        }
    }
  }

  private paragraph(inline: Token, position: Position | undefined, mode: Mode): void {
    const tokens = inline.children ?? [];
    if (mode.kind === 'role') {
      // Lines of a signature, an address, an attachment list: each a paragraph of its own.
      const first = inline.map?.[0] ?? 0;
      const lines = splitAtSoftBreaks(tokens);
      if (lines.length === 1) {
        this.inlines(inlinesOf(tokens, this.context(position)), position, mode);
        return;
      }
      let line = first;
      for (const piece of lines) {
        const breaks = piece.filter((t) => t.type === 'hardbreak').length;
        const at = this.locate.map([line, line + breaks + 1]);
        this.inlines(inlinesOf(piece, this.context(at)), at, mode);
        line += breaks + 1;
      }
      return;
    }
    const lines = splitAtBreaks(tokens);
    // A paragraph whose lines include a dateline, page reference or list item
    // (hand-written without blank lines): those lines stand alone.
    if (mode.kind === 'body' && lines.length > 1 && lines.some((line) => standsAlone(tokensText(line)))) {
      const first = inline.map?.[0] ?? 0;
      let pending: { tokens: Token[]; from: number; to: number } | undefined;
      const flush = () => {
        if (!pending) return;
        const at = this.locate.map([first + pending.from, first + pending.to + 1]);
        this.inlines(inlinesOf(pending.tokens, this.context(at)), at, mode);
        pending = undefined;
      };
      lines.forEach((line, index) => {
        if (standsAlone(tokensText(line))) {
          flush();
          const at = this.locate.map([first + index, first + index + 1]);
          this.inlines(inlinesOf(line, this.context(at)), at, mode);
          return;
        }
        if (pending) {
          const breakToken = tokens.find((t) => t.type === 'softbreak' || t.type === 'hardbreak')!;
          pending.tokens.push(breakToken, ...line);
          pending.to = index;
        } else {
          pending = { tokens: [...line], from: index, to: index };
        }
      });
      flush();
      return;
    }
    this.inlines(inlinesOf(tokens, this.context(position)), position, mode);
  }

  private markdownList(tokens: readonly Token[], open: number, close: number, mode: Mode): void {
    const ordered = tokens[open]!.type === 'ordered_list_open';
    const position = this.locate.map(tokens[open]!.map);
    if (mode.kind === 'quote') {
      unsupported(this.context(position), 'list inside a quote', 'kept as quotes, one an item');
      this.children(tokens, open, close, mode);
      return;
    }
    if (mode.kind === 'role') {
      unsupported(this.context(position), `list inside a "${mode.role}" div`, 'kept as its paragraphs, one an item');
      this.children(tokens, open, close, mode);
      return;
    }
    const nested = mode.kind === 'item';
    if (nested) unsupported(this.context(position), 'nested list', 'flattened into the list around it');
    const items: ListItem[] = nested ? mode.items : [];
    for (let i = open + 1; i < close; i++) {
      const token = tokens[i]!;
      const end = closeOf(tokens, i);
      if (token.type === 'list_item_open') {
        const marker = ordered ? `${token.info}${token.markup}` : '\u2022';
        const itemMode: Mode = { kind: 'item', items, marker, count: 0 };
        const before = items.length;
        this.children(tokens, i, end, itemMode);
        if (itemMode.count > 1) {
          unsupported(this.context(this.locate.map(token.map)), 'list item with several blocks', 'kept as several items');
        }
        if (items.length === before) {
          const at = this.locate.map(token.map);
          items.push(listItem([], { marker, ...(at ? { position: at } : {}) }));
        }
      }
      i = end;
    }
    if (nested) return;
    // A "- " list right after a 目录 heading is the table of contents, entries without marks.
    const previous = this.units[this.units.length - 1];
    const contents = !this.run && !ordered && previous?.kind === 'block' && previous.block.type === 'subhead' && previous.block.data?.role === 'contents';
    if (contents) {
      for (const item of items) delete item.marker;
      this.emit(list('bullet', items, { ...(position ? { position } : {}), data: { role: 'contents' } }));
      return;
    }
    this.emit(list(ordered ? 'ordered' : 'bullet', items, position ? { position } : undefined));
  }

  private table(tokens: readonly Token[], open: number, close: number, mode: Mode): void {
    let row: PhrasingContent[] | undefined;
    let rowPosition: Position | undefined;
    for (let i = open + 1; i < close; i++) {
      const token = tokens[i]!;
      if (token.type === 'tr_open') {
        row = [];
        rowPosition = this.locate.map(token.map);
      } else if (token.type === 'inline' && row) {
        const cell = inlinesOf(token.children, this.context(rowPosition));
        if (cell.length === 0) continue;
        if (row.length) row.push(text(CELL_SEPARATOR, rowPosition ? { position: rowPosition } : undefined));
        row.push(...cell);
      } else if (token.type === 'tr_close' && row) {
        this.inlines(mergeRow(row), rowPosition, mode, true);
        row = undefined;
      }
    }
  }
}

function mergeRow(row: PhrasingContent[]): PhrasingContent[] {
  return paragraph(row).children as PhrasingContent[];
}
