// markdown-it inline tokens into model inlines: text, strong, emphasis. What the
// model has no place for (images, links, code, inline HTML, strikethrough,
// footnote references) keeps its text and is reported.
import type { Token } from 'markdown-it';
import { emphasis, mergeInlines, strong, text } from '../../model/builders.js';
import type { Change, Inline, PhrasingContent, Position } from '../../model/types.js';
import { inlineText } from '../../model/visit.js';
import { SOURCE } from './front-matter.js';
import { MAX_INLINE_NESTING } from '../../model/limits.js';

export interface InlineContext {
  /** Position given to every inline node (line-level: the block's). */
  position: Position | undefined;
  /** 1-based file line, for messages. */
  line: number;
  report: Change[];
}

/** Characters between which a line break inside a paragraph is no space (Chinese text). */
const WIDE = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF\u2014\u2015\u2026\u2018\u2019\u201C\u201D\u00B7\u2022\u25CF]/v;

export function unsupported(context: { position: Position | undefined; line: number; report: Change[] }, what: string, kept: string): void {
  context.report.push({
    source: SOURCE,
    kind: 'unsupported',
    message: `${what} at line ${context.line} ${kept}`,
    ...(context.position ? { position: context.position } : {}),
    severity: 'warning',
  });
}

/** `flat`: opened below MAX_INLINE_NESTING, so kept as its children without a wrapper. */
type Frame = { kind: 'root' | 'strong' | 'emphasis' | 'pass' | 'link'; children: (PhrasingContent | string)[]; flat?: boolean };

function firstChar(tokens: readonly Token[], from: number): string {
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'softbreak' || token.type === 'hardbreak') return '';
    if (token.type === 'image') return token.content[0] ?? '';
    if (token.content) return token.content[0]!;
  }
  return '';
}

/** The inlines of one inline token's children. */
export function inlinesOf(tokens: readonly Token[] | null | undefined, context: InlineContext): PhrasingContent[] {
  const stack: Frame[] = [{ kind: 'root', children: [] }];
  const extra = context.position ? { position: context.position } : undefined;
  let lastChar = '';
  let footnote = false;
  const top = () => stack[stack.length - 1]!;
  const push = (node: PhrasingContent | PhrasingContent[]) => {
    const nodes = Array.isArray(node) ? node : [node];
    for (const n of nodes) {
      top().children.push(n);
      const value = n.type === 'text' ? n.value : inlineText(n.children);
      if (value) lastChar = value[value.length - 1]!;
    }
  };
  let tooDeep = false;
  const open = (kind: Frame['kind']) => {
    const flat = stack.length > MAX_INLINE_NESTING;
    if (flat && !tooDeep) {
      tooDeep = true;
      unsupported(context, `bold and emphasis nested deeper than ${MAX_INLINE_NESTING} levels`, 'kept as the text of the deepest');
    }
    stack.push({ kind, children: [], flat });
  };
  const close = (kind: Frame['kind']) => {
    // Unbalanced tokens cannot come from markdown-it; be safe anyway.
    if (stack.length === 1 || top().kind !== kind) return;
    const frame = stack.pop()!;
    const children = mergeInlines(frame.children);
    if (frame.flat) push(children);
    else if (kind === 'strong') push(strong(children, extra));
    else if (kind === 'emphasis') push(emphasis(children, extra));
    else if (kind === 'link' && inlineText(children).startsWith('^')) {
      unsupported(context, 'footnote reference', 'kept as text');
      footnote = true;
      push(mergeInlines([text('[', extra), ...children, text(']', extra)]));
    } else {
      if (kind === 'link') unsupported(context, 'link', 'kept as its text (the address is dropped)');
      push(children);
    }
  };

  const list = tokens ?? [];
  for (let i = 0; i < list.length; i++) {
    const token = list[i]!;
    switch (token.type) {
      case 'text':
      case 'text_special':
        push(text(token.content, extra));
        break;
      case 'hardbreak':
        // An explicit line break ("\\" or two spaces at the end of a line) is kept.
        push(text('\n', extra));
        break;
      case 'softbreak': {
        const next = firstChar(list, i + 1);
        const joiner = WIDE.test(lastChar) || WIDE.test(next) || !lastChar || !next ? '' : ' ';
        if (joiner) push(text(joiner, extra));
        break;
      }
      case 'strong_open':
        open('strong');
        break;
      case 'strong_close':
        close('strong');
        break;
      case 'em_open':
        open('emphasis');
        break;
      case 'em_close':
        close('emphasis');
        break;
      case 's_open':
        unsupported(context, 'strikethrough', 'kept as plain text');
        open('pass');
        break;
      case 's_close':
        close('pass');
        break;
      case 'link_open':
        open('link');
        break;
      case 'link_close':
        close('link');
        break;
      case 'image':
        unsupported(context, `image "${token.attrGet('src') ?? ''}"`, 'kept as its alt text');
        push(inlinesOf(token.children, context));
        break;
      case 'code_inline':
        unsupported(context, 'inline code', 'kept as plain text');
        push(text(token.content, extra));
        break;
      case 'html_inline':
        unsupported(context, 'inline HTML', 'kept as text');
        push(text(token.content, extra));
        break;
      default:
        if (token.content) {
          unsupported(context, `inline "${token.type}"`, 'kept as text');
          push(text(token.content, extra));
        }
    }
  }
  while (stack.length > 1) close(top().kind);
  const children = mergeInlines(stack[0]!.children);
  if (!footnote && inlineText(children).includes('[^')) unsupported(context, 'footnote reference', 'kept as text');
  return children;
}

/** The inlines without their first `n` characters (a marker, a list mark). Empty containers go. */
export function dropStart<T extends Inline>(children: readonly T[], n: number): T[] {
  const out: T[] = [];
  let left = n;
  for (const child of children) {
    if (left <= 0) {
      out.push(child);
      continue;
    }
    if (child.type === 'text') {
      if (child.value.length <= left) {
        left -= child.value.length;
        continue;
      }
      out.push({ ...child, value: child.value.slice(left) });
      left = 0;
      continue;
    }
    const length = inlineText(child.children).length;
    if (length <= left) {
      left -= length;
      continue;
    }
    out.push({ ...child, children: dropStart(child.children, left) } as T);
    left = 0;
  }
  return mergeInlines(out);
}

/** Drop leading white space (the spacing after a marker). */
export function trimStart<T extends Inline>(children: readonly T[]): T[] {
  const content = inlineText(children);
  const spaces = content.length - content.replace(/^[\s\u3000]+/u, '').length;
  return spaces ? dropStart(children, spaces) : [...children];
}
