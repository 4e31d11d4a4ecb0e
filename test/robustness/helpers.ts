// Shared helpers for the robustness suite (issue 9): run the built CLI, make
// odd inputs in a temporary folder, and check the rules every case must keep:
// a correct edition or ONE clear error line, the right exit code, no stack
// trace, nothing partial left in the output folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect } from 'vitest';

export const root = join(import.meta.dirname, '../..');
export const cli = join(root, 'dist/cli/main.js');
export const seed = join(root, 'seeds/000_fb7c4685e6dc9c77.txt');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  signal: NodeJS.Signals | null;
  ms: number;
}

export function zhpress(args: string[], options: { cwd?: string; timeout?: number; env?: Record<string, string> } = {}): CliResult {
  const started = performance.now();
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: options.cwd ?? root,
    encoding: 'utf8',
    timeout: options.timeout ?? 120_000,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ZHPRESS_DEBUG: '', ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal, ms: performance.now() - started };
}

/** A fresh temporary folder. */
export function tmp(label = 'robust'): string {
  return mkdtempSync(join(tmpdir(), `zhpress-${label}-`));
}

/** Write `content` to `dir/name` and return the path. */
export function put(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Every file under `dir` (relative paths, sorted); [] when it does not exist. */
export function files(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else found.push(relative(dir, p));
    }
  };
  walk(dir);
  return found.sort();
}

/** The outputs a user sees (no manifest, no hidden files). */
export function outputs(dir: string): string[] {
  return files(dir).filter((f) => !f.split('/').some((part) => part.startsWith('.')));
}

/** No temporary or empty files left behind. */
export function expectNothingPartial(dir: string): void {
  const all = files(dir);
  expect(all.filter((f) => f.endsWith('.tmp')), 'temporary files left').toEqual([]);
  for (const f of outputs(dir)) expect(statSync(join(dir, f)).size, `${f} is empty`).toBeGreaterThan(0);
}

const STACK = /\n\s+at |^\s+at .*:\d+:\d+\)?$/m;

/** The lines of stderr that are errors ("zhpress: ..."). */
export function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.startsWith('zhpress: '));
}

/** A failure: exit `code`, one error line matching `message` (and naming `file`), no stack. */
export function expectOneError(result: CliResult, code: number, message: RegExp, file?: string): string {
  const context = `exit ${result.code}\nstderr:\n${result.stderr}`;
  expect(result.signal, context).toBeNull();
  expect(result.code, context).toBe(code);
  expect(result.stderr, context).not.toMatch(STACK);
  expect(result.stderr, context).not.toMatch(/internal error/);
  const lines = errorLines(result.stderr);
  expect(lines, context).toHaveLength(1);
  expect(lines[0], context).toMatch(message);
  if (file) expect(lines[0], context).toContain(file);
  return lines[0]!;
}

/** A success: exit 0, no error lines, no stack. */
export function expectBuilt(result: CliResult): void {
  const context = `exit ${result.code} signal ${result.signal}\nstderr:\n${result.stderr.slice(0, 4000)}`;
  expect(result.signal, context).toBeNull();
  expect(result.code, context).toBe(0);
  expect(result.stderr, context).not.toMatch(STACK);
  expect(errorLines(result.stderr), context).toEqual([]);
}

/** The texts of a model: every text node's value and every marker and meta title, in order. */
export function modelTexts(node: unknown): string[] {
  const texts: string[] = [];
  const walk = (n: any) => {
    if (!n || typeof n !== 'object') return;
    if (n.meta) for (const k of ['kicker', 'title', 'subtitle']) if (typeof n.meta[k] === 'string') texts.push(n.meta[k]);
    if (typeof n.marker === 'string') texts.push(n.marker);
    if (n.type === 'text' && typeof n.value === 'string') texts.push(n.value);
    if (Array.isArray(n.children)) n.children.forEach(walk);
  };
  walk(node);
  return texts;
}

/** A plain Chinese paragraph text long enough to be a body. */
export const BODY = '\u3000\u3000这是正文的第一段，讲述会议的主要内容和成果。\n\n\u3000\u3000这是正文的第二段，继续介绍有关情况。\n';

/** `zhpress build file --format <format> --out <fresh folder beside file>`: the result and the folder. */
export function build(file: string, format = 'all', ...extra: string[]) {
  const out = join(file, '..', `out-${Math.random().toString(36).slice(2)}`);
  return { result: zhpress(['build', file, '--format', format, '--out', out, ...extra]), out };
}

/** The one output of `ext` in `out`, as text. */
export function outputText(out: string, ext: string): string {
  const file = outputs(out).find((f) => f.endsWith(`.${ext}`));
  expect(file, `no .${ext} output in ${out}: ${outputs(out).join(', ')}`).toBeDefined();
  return readFileSync(join(out, file!), 'utf8');
}

/** The one output of `ext` in `out`: its path. */
export function outputPath(out: string, ext: string): string {
  const file = outputs(out).find((f) => f.endsWith(`.${ext}`));
  expect(file, `no .${ext} output in ${out}`).toBeDefined();
  return join(out, file!);
}
