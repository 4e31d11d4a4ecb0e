// The command line starts by compiling its bundle (dist/cli/bundle.cjs, made by
// scripts/bundle-cli.mjs): zhpress, yargs and docx, about 1 MB of JavaScript,
// compiled again at every start, and each function once more when first called.
// V8 can save that work as a code cache. Node 22 keeps one itself
// (module.enableCompileCache); on Node 20 the bundle is compiled here, with the
// cache V8 made at the end of an earlier run, which holds every function that
// run compiled.
//
// The cache is a file per build of the bundle, Node and V8 flags, and per command
// (cacheStem, commandOf), in $ZHPRESS_CACHE_DIR, else $XDG_CACHE_HOME/zhpress,
// else ~/.cache/zhpress.
// V8 checks that it fits (its version, flags, the source's length) and compiles
// from the source when it does not; it does not check the bytes, and a damaged
// cache crashed Node, so the file carries a CRC-32 of its own, checked first. A
// cache that cannot be read or written only costs time. ZHPRESS_COMPILE_CACHE=0
// turns it off.
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedDataVersionTag } from 'node:v8';
import vm from 'node:vm';
import { crc32 } from '../io/crc32.js';
import { FORMATS } from '../writers/index.js';
// V8 refuses a cache made under other flags: the bundle's first module sets the heap's, so set
// them before compiling, and the cache made at exit fits the next run's compile.
import './heap.js';

/** Where compiled code is kept between runs; none without a home folder (a shared one such as /tmp could be planted). */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.ZHPRESS_CACHE_DIR) return env.ZHPRESS_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'zhpress');
  try {
    const home = homedir();
    return home ? join(home, '.cache', 'zhpress') : undefined;
  } catch {
    return undefined;
  }
}

/** The commands of `zhpress --help` (a test keeps the lists the same) and the formats of `build`, from the writers' registry. */
export const COMMANDS = ['build', 'watch', 'parse', 'check', 'templates', 'fonts', 'schema'] as const;
export const BUILD_FORMATS: readonly string[] = [...FORMATS, 'all'];

/**
 * Which cache a run uses: one per command, and for `build` per set of formats.
 * V8 reads all of a cache at start: a build's would slow `zhpress --version`
 * down by more than it saves there, and a cache made by a Markdown build holds
 * none of the Word writer's functions. Only speed depends on this reading of
 * the arguments; yargs reads them for everything else.
 */
export function commandOf(args: readonly string[]): string {
  const first = args.find((arg) => !arg.startsWith('-'));
  if (!(COMMANDS as readonly string[]).includes(first ?? '')) return 'other';
  if (first !== 'build') return first!;
  const at = args.findIndex((arg) => arg === '--format' || arg.startsWith('--format='));
  const value = at < 0 ? 'all' : args[at]!.startsWith('--format=') ? args[at]!.slice('--format='.length) : (args[at + 1] ?? '');
  const formats = [...new Set(value.split(',').map((f) => f.trim()))].sort();
  return formats.every((f) => (BUILD_FORMATS as readonly string[]).includes(f)) ? `build-${formats.join('-')}` : 'build';
}

/**
 * The caches of one build of the bundle share this stem: its CRC-32, length and
 * time of writing (V8 itself compares only the source's length, and runs a cache
 * of other code), then the Node version, architecture and V8's tag for its
 * version and flags (a run with other flags, say --max-old-space-size, would
 * have every cache refused and made again).
 */
export function cacheStem(file: string, source: Buffer, modified: number): string {
  const build = `${crc32(source).toString(16)}-${source.length}-${Math.trunc(modified).toString(36)}`;
  return `${basename(file, '.cjs')}-${build}-node${process.versions.node}-${process.arch}-v8${cachedDataVersionTag().toString(36)}`;
}

/** The cache file of `command` for this build of the bundle. */
export function cacheFile(dir: string, stem: string, command: string): string {
  return join(dir, `${stem}.${command}.v8cache`);
}

const MAGIC = Buffer.from('zhc1');

/** V8's cache data in an envelope: a mark and the CRC-32 of the data. */
export function seal(data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  MAGIC.copy(head);
  head.writeUInt32LE(crc32(data), 4);
  return Buffer.concat([head, data]);
}

/** The cache data of a sealed file, or undefined if the file is not whole. */
export function unseal(file: Buffer): Buffer | undefined {
  if (file.length <= 8 || !file.subarray(0, 4).equals(MAGIC)) return undefined;
  const data = file.subarray(8);
  return crc32(data) === file.readUInt32LE(4) ? data : undefined;
}

/**
 * What happened to the cache in this run (ZHPRESS_COMPILE_CACHE=report prints it at exit):
 * none kept, Node's own, used, made, refused and made again, or none found and none saved
 * (a failed run, or a folder that cannot be written).
 */
export type CacheUse = 'off' | 'node' | 'used' | 'made' | 'rejected' | 'unsaved';

/** Builds of the bundle whose caches are kept besides the current one's (other installs may still use them). */
export const KEEP_OTHERS = 3;

/** Remove the caches of all but the newest few other builds of `file`. */
function prune(dir: string, file: string, stem: string): void {
  const newest = new Map<string, number>();
  for (const name of readdirSync(dir)) {
    const found = /^(.+)\.[a-z-]+\.v8cache$/.exec(name);
    if (!found || !name.startsWith(`${basename(file, '.cjs')}-`) || found[1] === stem) continue;
    newest.set(found[1]!, Math.max(newest.get(found[1]!) ?? 0, statSync(join(dir, name)).mtimeMs));
  }
  const old = new Set([...newest].sort((a, b) => b[1] - a[1]).slice(KEEP_OTHERS).map(([build]) => build));
  for (const name of readdirSync(dir)) {
    const found = /^(.+)\.[a-z-]+\.v8cache$/.exec(name);
    if (found && old.has(found[1]!)) rmSync(join(dir, name), { force: true });
  }
}

/** Make the cache folder, and its parent if missing (~/.cache), never more: not a missing home. */
function makeFolder(dir: string): void {
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT') throw error;
    mkdirSync(dirname(dir), { mode: 0o700 });
    mkdirSync(dir, { mode: 0o700 });
  }
}

/**
 * Write the cache at `path` whole or not at all. The data is made only once a
 * file could be opened for it: making it takes time a run with an unwritable
 * folder should not spend at every exit.
 */
function save(path: string, data: () => Buffer): boolean {
  const temporary = `${path}.${process.pid}.tmp`;
  let fd: number;
  try {
    makeFolder(dirname(path));
    fd = openSync(temporary, 'w', 0o600);
  } catch {
    return false;
  }
  try {
    writeFileSync(fd, data());
    closeSync(fd);
    renameSync(temporary, path);
    return true;
  } catch {
    try {
      closeSync(fd);
    } catch {
      // Closed already.
    }
    rmSync(temporary, { force: true });
    return false;
  }
}

type ModuleWithCache = typeof Module & { enableCompileCache?: (dir: string) => unknown; wrap(source: string): string };

/** Run the CommonJS bundle at `url` as the main program, through the compile cache. */
export function runBundle(url: URL): void {
  const file = fileURLToPath(url);
  const require = createRequire(file);
  const setting = process.env.ZHPRESS_COMPILE_CACHE;
  let use: CacheUse = 'off';
  if (setting === 'report') process.on('exit', () => process.stderr.write(`zhpress: compile cache ${use}\n`));
  const withCache = Module as ModuleWithCache;
  const dir = cacheDir();
  if (setting === '0' || dir === undefined) {
    require(file);
    return;
  }
  if (typeof withCache.enableCompileCache === 'function') {
    withCache.enableCompileCache(join(dir, 'node'));
    use = 'node';
    require(file);
    return;
  }
  const source = readFileSync(file);
  const stem = cacheStem(file, source, statSync(file).mtimeMs);
  const path = cacheFile(dir, stem, commandOf(process.argv.slice(2)));
  let found: Buffer | undefined;
  try {
    found = readFileSync(path);
  } catch {
    found = undefined;
  }
  const cachedData = found && unseal(found);
  // A #! line is for the shell; inside the CommonJS wrapper it must be a comment, as Node makes it.
  const text = source.toString('utf8');
  // The bundle has no import() (scripts/bundle-cli.mjs makes sure): a script compiled from a
  // code cache has lost its callback for it.
  const script = new vm.Script(withCache.wrap(text.startsWith('#!') ? `//${text}` : text), { filename: file, cachedData });
  const fits = cachedData !== undefined && !script.cachedDataRejected;
  use = fits ? 'used' : found === undefined ? 'made' : 'rejected';
  if (!fits) {
    // At exit the script holds every function this run compiled, not only the top level; a
    // failed run (a usage error, say) compiled little, and its cache would be kept for good.
    process.prependListener('exit', (code) => {
      if (code !== 0 || !save(path, () => seal(script.createCachedData()))) {
        use = 'unsaved';
        return;
      }
      try {
        prune(dir, file, stem);
      } catch {
        // Old caches stay until a later run can remove them.
      }
    });
  }
  const module = { exports: {}, filename: file, id: '.', loaded: false };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, require, module, file, dirname(file));
}
