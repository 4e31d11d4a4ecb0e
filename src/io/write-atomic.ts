// Outputs are written to a temporary file beside the target and renamed into
// place, so an interrupted or failed build never leaves a truncated file.
// Inside an output folder, nothing is written through a symbolic link: every
// folder on the way down and the output itself are checked with lstat.
import { randomBytes } from 'node:crypto';
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { lstat, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { ZhpressError } from '../errors.js';

/**
 * `.zp-<pid>-<8 hex>.tmp`: short (a 255-byte output name still has a temporary
 * name that fits) and recognisable, so a later run can remove what a killed one left.
 */
const TEMPORARY = /^\.zp-(\d+)-[0-9a-f]{8}\.tmp$/;

export function temporaryName(target: string): string {
  return join(dirname(target), `.zp-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/** Temporary files being written now: removed if the process is interrupted. */
const pending = new Set<string>();

export function removePendingTemporaries(): void {
  for (const path of pending) rmSync(path, { force: true });
  pending.clear();
}

/** A temporary older than this is removed even when its process id is in use again. */
const ABANDONED_MS = 60 * 60 * 1000;

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove the temporary files a killed run (SIGKILL, a power cut) left in these
 * folders: those whose process is gone, and any older than an hour. A run still
 * writing keeps its own. Returns the paths removed.
 */
export function removeAbandonedTemporaries(folders: Iterable<string>, now = Date.now()): string[] {
  const removed: string[] = [];
  for (const folder of new Set(folders)) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const match = TEMPORARY.exec(name);
      if (!match) continue;
      const path = join(folder, name);
      try {
        const info = lstatSync(path);
        if (!info.isFile()) continue;
        const pid = Number(match[1]);
        if (pid !== process.pid && (!running(pid) || now - info.mtimeMs > ABANDONED_MS)) {
          rmSync(path, { force: true });
          removed.push(path);
        }
      } catch {
        // gone already, or not ours to remove
      }
    }
  }
  return removed;
}

/**
 * `mkdir -p`, one level at a time. Node's own `recursive: true` spins forever
 * where a parent exists but refuses new entries with ENOENT (e.g. under /proc),
 * so each level is tried once, after its parent.
 */
async function makeFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if ((await stat(folder)).isDirectory()) return;
      throw Object.assign(new Error(`${folder} is a file`), { code: 'ENOTDIR' });
    }
    const parent = dirname(folder);
    if (code !== 'ENOENT' || parent === folder) throw error;
  }
  await makeFolder(dirname(folder));
  try {
    await mkdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !(await stat(folder)).isDirectory()) throw error;
  }
}

/** Why a folder cannot be made, in words (the error code in brackets). */
async function whyNot(folder: string, code: string): Promise<string> {
  if (code === 'ENOTDIR') {
    // The folder itself, or one of its parents, is a file.
    for (let at = folder; ; at = dirname(at)) {
      const info = await stat(at).catch(() => undefined);
      if (info && !info.isDirectory()) return at === folder ? 'a file of that name is in the way (ENOTDIR)' : `${at} is a file, not a folder (ENOTDIR)`;
      if (dirname(at) === at) break;
    }
    return 'a part of the path is a file, not a folder (ENOTDIR)';
  }
  const words: Record<string, string> = { EACCES: 'permission denied', EPERM: 'not permitted', EROFS: 'the file system is read-only', ENOSPC: 'no space left on the device' };
  return words[code] ? `${words[code]} (${code})` : code;
}

/** Make `folder` (and its parents) or fail with one clear error. */
export async function ensureFolder(folder: string): Promise<void> {
  try {
    await makeFolder(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ZhpressError(`cannot create the output folder ${folder}: ${code ? await whyNot(folder, code) : (error as Error).message}`, {
      hint: code === 'ENOTDIR' ? 'choose another --out, or move the file out of the way' : 'choose another --out or fix its permissions',
      cause: error,
    });
  }
}

function throughLink(target: string, link: string): ZhpressError {
  return new ZhpressError(`refusing to write ${target}: ${link} is a symbolic link inside the output folder`, {
    hint: 'outputs are never written through a link; remove the link or choose another --out',
  });
}

/**
 * Make the folders from `root` down to `target`'s, refusing any that is a
 * symbolic link (or not a folder), and refuse a `target` that is a link. The
 * root itself (the --out the user named) may be a link.
 */
async function folderInside(root: string, target: string): Promise<void> {
  const path = relative(root, target);
  if (!path || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) {
    throw new ZhpressError(`refusing to write ${target}: it is not inside the output folder ${root}`);
  }
  let at = root;
  for (const part of path.split(sep).slice(0, -1)) {
    at = join(at, part);
    let info = await lstat(at).catch(() => undefined);
    if (!info) {
      await mkdir(at).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
      info = await lstat(at);
    }
    if (info.isSymbolicLink()) throw throughLink(target, at);
    if (!info.isDirectory()) throw Object.assign(new Error(`${at} is a file`), { code: 'ENOTDIR' });
  }
  if ((await lstat(target).catch(() => undefined))?.isSymbolicLink()) throw throughLink(target, target);
}

/**
 * Write `data` to `target` atomically. With `root` (the output folder that
 * `target` is inside), no folder under `root` and not the target may be a
 * symbolic link: the write is refused instead of going where the link points.
 */
export async function writeAtomic(target: string, data: Uint8Array | string, root?: string): Promise<void> {
  let temporary: string | undefined;
  try {
    if (root === undefined) await ensureFolder(dirname(target));
    else await folderInside(root, target);
    temporary = temporaryName(target);
    pending.add(temporary);
    // 'wx': never opens an existing file or follows a link planted under the temporary name.
    await writeFile(temporary, data, { flag: 'wx' });
    await rename(temporary, target);
    pending.delete(temporary);
  } catch (error) {
    if (temporary) {
      await rm(temporary, { force: true });
      pending.delete(temporary);
    }
    if (error instanceof ZhpressError) throw error;
    throw new ZhpressError(`cannot write ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      hint: 'check that the output folder is writable and has space',
      cause: error,
    });
  }
}
