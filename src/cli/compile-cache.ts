// The command line starts by compiling its bundle (dist/cli/bundle.cjs, made by
// scripts/bundle-cli.mjs): zhpress, yargs and docx, about 1 MB of JavaScript,
// compiled again at every start, and each function once more when first called.
// V8 can save that work as a code cache. Node 22 keeps one itself
// (module.enableCompileCache); on Node 20 the bundle is compiled here, with the
// cache V8 made at the end of an earlier run, which holds every function that
// run compiled.
//
// The cache is a file per bundle content, Node version and architecture, in
// $ZHPRESS_CACHE_DIR, else $XDG_CACHE_HOME/zhpress, else ~/.cache/zhpress.
// V8 checks that it fits (its version, flags, the source's length) and compiles
// from the source when it does not; it does not check the bytes, and a damaged
// cache crashed Node, so the file carries a CRC-32 of its own, checked first. A
// cache that cannot be read or written only costs time. ZHPRESS_COMPILE_CACHE=0
// turns it off.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import zlib from 'node:zlib';
// V8 refuses a cache made under other flags: the bundle's first module sets the heap's, so set
// them before compiling, and the cache made at exit fits the next run's compile.
import './heap.js';

/** zlib's CRC-32 (Node 20.15 and later; a named import would fail to load before). */
const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** Where compiled code is kept between runs. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ZHPRESS_CACHE_DIR) return env.ZHPRESS_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'zhpress');
  try {
    return join(homedir(), '.cache', 'zhpress');
  } catch {
    return join(tmpdir(), `zhpress-cache-${process.getuid?.() ?? 'user'}`);
  }
}

/** The cache file for this source: a new bundle, Node or architecture never meets an old cache. */
export function cacheFile(dir: string, file: string, source: Buffer): string {
  return join(dir, `${basename(file, '.cjs')}-${crc32!(source).toString(16)}-${source.length}-node${process.versions.node}-${process.arch}.v8cache`);
}

const MAGIC = Buffer.from('zhc1');

/** V8's cache data in an envelope: a mark and the CRC-32 of the data. */
export function seal(data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  MAGIC.copy(head);
  head.writeUInt32LE(crc32!(data), 4);
  return Buffer.concat([head, data]);
}

/** The cache data of a sealed file, or undefined if the file is not whole. */
export function unseal(file: Buffer): Buffer | undefined {
  if (file.length <= 8 || !file.subarray(0, 4).equals(MAGIC)) return undefined;
  const data = file.subarray(8);
  return crc32!(data) === file.readUInt32LE(4) ? data : undefined;
}

/** What happened to the cache in this run (for tests: ZHPRESS_COMPILE_CACHE=report prints it). */
export type CacheUse = 'off' | 'node' | 'used' | 'made' | 'rejected';

/** Caches of other builds of the bundle kept besides the newest (other installs may still use them). */
export const KEEP_OTHERS = 3;

/** Remove all but the newest few caches of builds of `file` other than the one at `keep`. */
function prune(dir: string, file: string, keep: string): void {
  const prefix = `${basename(file, '.cjs')}-`;
  const others = readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.v8cache') && join(dir, name) !== keep)
    .map((name) => ({ path: join(dir, name), time: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { path } of others.slice(KEEP_OTHERS)) rmSync(path, { force: true });
}

/** Write the cache at `path` whole or not at all; a cache that cannot be written only costs time. */
function writeQuietly(path: string, data: Buffer, file: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(temporary, data, { mode: 0o600 });
    renameSync(temporary, path);
    prune(dirname(path), file, path);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Not even a temporary file could be made there.
    }
  }
}

type ModuleWithCache = typeof Module & { enableCompileCache?: (dir: string) => unknown; wrap(source: string): string };

/** Run the CommonJS bundle at `url` as the main program, through the compile cache. */
export function runBundle(url: URL): void {
  const file = fileURLToPath(url);
  const require = createRequire(file);
  const setting = process.env.ZHPRESS_COMPILE_CACHE;
  const report = (use: CacheUse) => {
    if (setting === 'report') process.on('exit', () => process.stderr.write(`zhpress: compile cache ${use}\n`));
  };
  // Node 20 before 20.15 has no zlib.crc32: no cache there.
  const withCache = Module as ModuleWithCache;
  const usable = typeof withCache.enableCompileCache === 'function' || typeof crc32 === 'function';
  if (setting === '0' || !usable) {
    report('off');
    require(file);
    return;
  }
  const dir = cacheDir();
  if (typeof withCache.enableCompileCache === 'function') {
    withCache.enableCompileCache(join(dir, 'node'));
    report('node');
    require(file);
    return;
  }
  const source = readFileSync(file);
  const path = cacheFile(dir, file, source);
  let found: Buffer | undefined;
  try {
    found = readFileSync(path);
  } catch {
    found = undefined;
  }
  const cachedData = found && unseal(found);
  // There is no import() in the bundle (scripts/bundle-cli.mjs makes sure): a script from a
  // code cache would have lost its callback for it. A #! line is for the shell; inside the CommonJS wrapper it must be a comment, as Node makes it.
  const text = source.toString('utf8');
  const script = new vm.Script(withCache.wrap(text.startsWith('#!') ? `//${text}` : text), { filename: file, cachedData });
  const fits = cachedData !== undefined && !script.cachedDataRejected;
  report(found === undefined ? 'made' : fits ? 'used' : 'rejected');
  if (!fits) {
    // At exit the script holds every function this run compiled, not only the top level.
    process.on('exit', () => writeQuietly(path, seal(script.createCachedData()), file));
  }
  const module = { exports: {}, filename: file, id: '.', loaded: false };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, require, module, file, dirname(file));
}
