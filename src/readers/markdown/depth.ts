// A markdown-it block rule that keeps the text of containers nested too deep.
// markdown-it itself stops at `maxNesting` (100 token levels) by skipping the
// rest of the container (`state.line = endLine`): a 1,000-deep quote read as
// nothing, a 1,000-deep list as its first 49 items. This rule runs first, at
// MAX_MARKDOWN_NESTING levels, and turns each line below into a paragraph with
// its quote and list marks dropped, so no text is lost and the recursion (of
// markdown-it and of the reader) stays shallow.
import type { StateBlock } from 'markdown-it';
import { MAX_MARKDOWN_NESTING } from '../../model/limits.js';

/** What the rule did, for the reader's report: the body lines (0-based) where it started. */
export type DepthEnv = Record<string, unknown> & { flattened?: number[] };

/** Quote marks and list marks at the start of a line ("> > - 1. "). */
const CONTAINER_MARKS = /^(?:[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)))+[ \t]*/;

function flattenDeep(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.level < MAX_MARKDOWN_NESTING || silent) return false;
  let line = startLine;
  for (; line < endLine; line++) {
    if (state.isEmpty(line)) continue;
    // A line indented less than this container belongs to one around it.
    if (line > startLine && state.sCount[line]! < state.blkIndent) break;
    const content = state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]).replace(CONTAINER_MARKS, '').trimEnd();
    if (!content) continue;
    const open = state.push('paragraph_open', 'p', 1);
    open.map = [line, line + 1];
    const inline = state.push('inline', '', 0);
    inline.content = content;
    inline.map = [line, line + 1];
    inline.children = [];
    state.push('paragraph_close', 'p', -1);
  }
  ((state.env as DepthEnv).flattened ??= []).push(startLine);
  state.line = line;
  return true;
}

export function depthLimit(md: { block: { ruler: { before(name: string, rule: string, fn: typeof flattenDeep): void } } }): void {
  md.block.ruler.before('table', 'zhpress_depth', flattenDeep);
}
