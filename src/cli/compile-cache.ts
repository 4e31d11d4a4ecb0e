// The command line starts by compiling its bundle (dist/cli/bundle.cjs, made by
// scripts/bundle-cli.mjs): zhpress, yargs and docx, about 1 MB of JavaScript.
// On Node 22 and later the launcher (dist/cli/main.js) turns on Node's own
// compile cache (module.enableCompileCache), which keeps V8's compiled code
// between runs and checks it against the source; Node 20 has none, and compiles
// the bundle at every start (a hand-made V8 cache for Node 20 saved at most 20 ms
// of `zhpress --version` and nothing measurable of a build, and was removed).
//
// The cache lives in $ZHPRESS_CACHE_DIR, else $XDG_CACHE_HOME/zhpress, else
// ~/.cache/zhpress, in a folder `node`; none without a home folder (a shared one
// such as /tmp could be planted). A cache that cannot be read or written only
// costs time. ZHPRESS_COMPILE_CACHE=0 turns it off; =report prints what Node did.
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// V8 keys compiled code to its flags: the bundle's first module sets the heap's, so set
// them before anything is compiled, and every run compiles under the same flags.
import './heap.js';

/** Where compiled code is kept between runs; none without a home folder. */
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

type EnableCompileCache = (dir: string) => { status: number; message?: string; directory?: string };

/** Run the CommonJS bundle at `url` as the main program, through Node's compile cache where it has one. */
export function runBundle(url: URL): void {
  const file = fileURLToPath(url);
  const setting = process.env.ZHPRESS_COMPILE_CACHE;
  const enable = (Module as { enableCompileCache?: EnableCompileCache }).enableCompileCache;
  const dir = cacheDir();
  if (setting !== '0' && dir !== undefined && typeof enable === 'function') {
    const result = enable(join(dir, 'node'));
    // Node's statuses: 0 failed, 1 enabled, 2 already enabled, 3 disabled (NODE_DISABLE_COMPILE_CACHE).
    if (setting === 'report') process.stderr.write(`zhpress: compile cache status ${result.status}${result.directory ? ` in ${result.directory}` : ''}${result.message ? ` (${result.message})` : ''}\n`);
  } else if (setting === 'report') process.stderr.write(`zhpress: compile cache off\n`);
  createRequire(file)(file);
}
