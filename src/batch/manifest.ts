// Incremental builds: a manifest in the output folder records, for each
// output, a hash of everything that made it (input and sidecar bytes,
// template, fonts, options, zhpress version) and the size and modification
// time of the file written. An output is skipped only when its hash has not
// changed and its file is the one written (not edited or replaced since).
//
// Several builds may share one output folder: each saves under a lock file,
// merging what it changed into the manifest as it is on disk then, so no
// build's entries are lost. A build that is interrupted (SIGINT, SIGTERM)
// saves what it finished before it exits (`saveInterrupted`).
import { createHash } from 'node:crypto';
import { closeSync, lstatSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { ZhpressError } from '../errors.js';
import { sidecarCandidates } from '../io/sidecar.js';
import { temporaryName } from '../io/write-atomic.js';

export const MANIFEST_NAME = '.zhpress-manifest.json';
export const MANIFEST_LOCK = '.zhpress-manifest.lock';

export interface ManifestEntry {
  hash: string;
  size: number;
  mtimeMs: number;
}

interface ManifestFile {
  version: 2;
  outputs: Record<string, ManifestEntry>;
}

function isEntry(value: unknown): value is ManifestEntry {
  const e = value as ManifestEntry;
  return Boolean(e) && typeof e.hash === 'string' && typeof e.size === 'number' && typeof e.mtimeMs === 'number';
}

/** The entries on disk; none when there is no manifest, an older one or an unreadable one. */
function readEntries(path: string): Map<string, ManifestEntry> {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as ManifestFile;
    if (parsed.version === 2 && parsed.outputs && typeof parsed.outputs === 'object') {
      return new Map(Object.entries(parsed.outputs).filter(([, entry]) => isEntry(entry)));
    }
  } catch {
    // build everything
  }
  return new Map();
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(sleeper, 0, 0, ms);

/** A lock older than this is a dead build's (a save takes milliseconds). */
const STALE_LOCK_MS = 30_000;
const LOCK_WAIT_MS = 60_000;

function lockIsStale(lock: string): boolean {
  try {
    const pid = Number(readFileSync(lock, 'utf8'));
    const age = Date.now() - statSync(lock).mtimeMs;
    if (age > STALE_LOCK_MS) return true;
    // No process id a second after the lock was made: its maker died between the two.
    if (!Number.isInteger(pid) || pid <= 0) return age > 1000;
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Run `work` holding the folder's manifest lock (an exclusively created file). */
function withLock<T>(folder: string, work: () => T): T {
  const lock = join(folder, MANIFEST_LOCK);
  const started = Date.now();
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      try {
        writeFileSync(fd, String(process.pid));
      } catch (error) {
        rmSync(lock, { force: true });
        throw error;
      } finally {
        closeSync(fd);
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (lockIsStale(lock)) rmSync(lock, { force: true });
      else if (Date.now() - started > LOCK_WAIT_MS) throw Object.assign(new Error(`${lock} is held by another build`), { code: 'ELOCKED' });
      else sleep(20);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Manifests of builds running now: saved if the process is interrupted. */
const open = new Set<Manifest>();

/** Save every running build's manifest (from a signal handler: synchronous). */
export function saveInterrupted(): void {
  for (const manifest of open) {
    try {
      manifest.save();
    } catch {
      // the outputs are whole; the next build only does more work
    }
  }
  open.clear();
}

export class Manifest {
  /** What this build wrote (an entry) or found stale or failed (null), to merge into the file. */
  private readonly changes = new Map<string, ManifestEntry | null>();

  private constructor(
    private readonly folder: string,
    private readonly outputs: Map<string, ManifestEntry>,
  ) {}

  /** The outputs the manifest in `out` records, as paths under `out`. */
  static recorded(out: string): string[] {
    return [...readEntries(join(out, MANIFEST_NAME)).keys()].map((output) => join(out, output));
  }

  static async load(out: string): Promise<Manifest> {
    const manifest = new Manifest(out, readEntries(join(out, MANIFEST_NAME)));
    open.add(manifest);
    return manifest;
  }

  /** True when the output was made from the same things and is still the file written then. */
  isFresh(output: string, hash: string): boolean {
    const entry = this.outputs.get(output);
    if (entry?.hash !== hash) return false;
    try {
      const info = lstatSync(join(this.folder, output));
      return info.isFile() && info.size === entry.size && info.mtimeMs === entry.mtimeMs;
    } catch {
      return false;
    }
  }

  /** Record an output just written (its size and time are read back from the file). */
  record(output: string, hash: string): void {
    let entry: ManifestEntry | null = null;
    try {
      const info = lstatSync(join(this.folder, output));
      entry = { hash, size: info.size, mtimeMs: info.mtimeMs };
    } catch {
      // replaced or removed at once: not up to date
    }
    if (entry) this.outputs.set(output, entry);
    else this.outputs.delete(output);
    this.changes.set(output, entry);
  }

  forget(output: string): void {
    this.outputs.delete(output);
    this.changes.set(output, null);
  }

  /** Merge this build's changes into the manifest on disk, under the folder's lock. */
  save(): void {
    const path = join(this.folder, MANIFEST_NAME);
    try {
      withLock(this.folder, () => {
        const merged = readEntries(path);
        for (const [output, entry] of this.changes) {
          if (entry) merged.set(output, entry);
          else merged.delete(output);
        }
        const sorted = Object.fromEntries([...merged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
        if (lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) {
          throw Object.assign(new Error(`${path} is a symbolic link`), { code: 'ELINK' });
        }
        const temporary = temporaryName(path);
        try {
          writeFileSync(temporary, `${JSON.stringify({ version: 2, outputs: sorted }, null, 1)}\n`, { flag: 'wx' });
          renameSync(temporary, path);
        } catch (error) {
          rmSync(temporary, { force: true });
          throw error;
        }
      });
      this.changes.clear();
    } catch (error) {
      throw new ZhpressError(`cannot record the build in ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
        hint: 'the outputs listed as written are whole; the next build rebuilds them',
        cause: error,
      });
    }
  }

  /** The build is over: no longer saved on an interrupt. */
  close(): void {
    open.delete(this);
  }
}

/** A hash of the inputs' bytes and of every setting that shapes the output. */
export async function jobHash(input: string, settings: unknown): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await readFile(input));
  for (const file of sidecarCandidates(input)) {
    const sidecar = await readFile(file).catch(() => undefined);
    if (sidecar) hash.update(file.slice(input.length - extname(input).length)).update(sidecar);
  }
  hash.update(JSON.stringify(settings));
  return hash.digest('hex');
}
