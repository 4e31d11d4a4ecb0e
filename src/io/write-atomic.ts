// Outputs are written to a temporary file beside the target and renamed into
// place, so an interrupted or failed build never leaves a truncated file.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ZhpressError } from '../errors.js';

export function temporaryName(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Temporary files being written now: removed if the process is interrupted. */
const pending = new Set<string>();

export function removePendingTemporaries(): void {
  for (const path of pending) rmSync(path, { force: true });
  pending.clear();
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

/** Make `folder` (and its parents) or fail with one clear error. */
export async function ensureFolder(folder: string): Promise<void> {
  try {
    await makeFolder(folder);
  } catch (error) {
    throw new ZhpressError(`cannot create the output folder ${folder}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      hint: 'choose another --out or fix its permissions',
      cause: error,
    });
  }
}

export async function writeAtomic(target: string, data: Uint8Array | string): Promise<void> {
  await ensureFolder(dirname(target));
  const temporary = temporaryName(target);
  pending.add(temporary);
  try {
    await writeFile(temporary, data);
    await rename(temporary, target);
    pending.delete(temporary);
  } catch (error) {
    await rm(temporary, { force: true });
    pending.delete(temporary);
    throw new ZhpressError(`cannot write ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      hint: 'check that the output folder is writable and has space',
      cause: error,
    });
  }
}
