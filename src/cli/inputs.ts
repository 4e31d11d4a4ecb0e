// Expands the inputs of a command: files as given, folders recursively, globs.
import { readdir, readlink, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { INPUT_EXTENSIONS, ZhpressError } from '../index.js';

const SIDECAR = /\.meta\.(ya?ml|json)$/i;

function isInput(path: string): boolean {
  return INPUT_EXTENSIONS.some((ext) => path.toLowerCase().endsWith(ext)) && !SIDECAR.test(path);
}

export interface FoundInput {
  path: string;
  /** The folder the user named, when the input was found in one. */
  root?: string;
}

/** tinyglobby, loaded when an input is a folder or a pattern (not for a single named file). */
let loaded: Promise<typeof import('tinyglobby')> | undefined;
const tinyglobby = () => (loaded ??= import('tinyglobby'));

/**
 * Links in `folder` with an input's name that point at nothing: the folder search
 * passes over them without a word, so they are named (an input the user expected
 * would otherwise be lost in silence).
 */
async function danglingLinks(folder: string): Promise<{ path: string; target: string }[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  const found: { path: string; target: string }[] = [];
  for (const entry of entries) {
    if (!entry.isSymbolicLink() || !isInput(entry.name)) continue;
    const path = join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name);
    // Hidden names (an editor's lock link, .#draft.txt) are not searched for inputs either.
    if (path.slice(folder.length).split(/[\\/]/).some((part) => part.startsWith('.'))) continue;
    if (await stat(path).then(() => false, () => true)) found.push({ path, target: await readlink(path).catch(() => '?') });
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const toStderr = (line: string) => void process.stderr.write(`${line}\n`);

/**
 * Inputs found in `base` whose real file lies outside it: reached through a symbolic
 * link to another folder. They are read (a link is how many people gather texts),
 * and one notice a folder says so, naming the first link's target.
 */
async function outsideLinks(base: string, paths: readonly string[]): Promise<string | undefined> {
  const real = await realpath(base);
  let count = 0;
  let first: string | undefined;
  for (const path of paths) {
    const target = await realpath(path).catch(() => undefined);
    if (!target) continue;
    const inside = relative(real, target);
    if (inside.startsWith('..') || isAbsolute(inside)) {
      count++;
      first ??= `${path} \u2192 ${target}`;
    }
  }
  return count ? `${base}: notice: ${count} input(s) reached through symbolic links to outside this folder are read (${first})` : undefined;
}


export async function expandInputs(patterns: readonly string[], notice: (line: string) => void = toStderr): Promise<FoundInput[]> {
  const found: FoundInput[] = [];
  for (const pattern of patterns) {
    // A file or folder that exists is taken as named, even when its name reads as a
    // glob ("!重要.txt", "*星.txt", "[草稿].txt").
    const literal = await stat(pattern).catch(() => undefined);
    if (!literal && (await tinyglobby()).isDynamicPattern(pattern)) {
      const matches = (await (await tinyglobby()).glob(pattern, { onlyFiles: true, expandDirectories: false })).filter(isInput).sort();
      if (matches.length === 0) throw new ZhpressError(`no input matches ${pattern}`, { hint: `inputs are ${INPUT_EXTENSIONS.join(', ')} files`, exitCode: 2 });
      found.push(...matches.map((path) => ({ path })));
      continue;
    }
    const info = literal;
    if (!info) throw new ZhpressError('no such file or folder', { file: pattern, exitCode: 2 });
    if (info.isDirectory()) {
      const base = pattern.replace(/[\\/]+$/, '');
      const matches = (await (await tinyglobby()).glob('**/*', { cwd: base, onlyFiles: true })).filter(isInput).sort();
      for (const link of await danglingLinks(base)) notice(`${link.path}: notice: skipped, a symbolic link to ${link.target}, which does not exist`);
      if (matches.length === 0) throw new ZhpressError(`the folder has no ${INPUT_EXTENSIONS.join(', ')} files`, { file: pattern, exitCode: 2 });
      const paths = matches.map((m) => `${base}/${m}`);
      const outside = await outsideLinks(base, paths);
      if (outside) notice(outside);
      found.push(...paths.map((path) => ({ path, root: base })));
    } else if (info.isFile()) {
      found.push({ path: pattern });
    } else {
      // A device or pipe (/dev/zero, a FIFO) would be read without end.
      throw new ZhpressError('not a regular file (a device, pipe or socket)', { file: pattern, hint: 'save the text to a file and give its path', exitCode: 2 });
    }
  }
  const seen = new Set<string>();
  return found.filter((input) => !seen.has(input.path) && seen.add(input.path));
}
