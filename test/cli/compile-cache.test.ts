// The launcher runs the bundled command line through Node's own compile cache
// (src/cli/compile-cache.ts, Node 22 and later): kept in zhpress's cache folder,
// off with ZHPRESS_COMPILE_CACHE=0, and never a reason for a run to fail. Node 20
// has none and runs without one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDir } from '../../src/cli/compile-cache.js';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli/main.js');
const seed = join(root, 'seeds/000_fb7c4685e6dc9c77.txt');
const nodeCaches = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

function run(dir: string, args: string[], setting = 'report') {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ZHPRESS_CACHE_DIR: dir, ZHPRESS_COMPILE_CACHE: setting } });
  const status = result.stderr.match(/zhpress: compile cache (status \d|off)/)?.[1];
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, status };
}

/** Files Node's compile cache wrote under `dir`. */
const cached = (dir: string): string[] => (existsSync(join(dir, 'node')) ? readdirSync(join(dir, 'node'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : []);

describe(`the compile cache on Node ${process.versions.node} (${nodeCaches ? "Node's own" : 'none: Node 20 has none'})`, () => {
  it('is made in the cache folder by a first run and used by the next, with the same result (Node 20: none, nothing written)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhpress-cache-'));
    const first = run(dir, ['parse', seed]);
    expect(first.code, first.stderr).toBe(0);
    if (!nodeCaches) {
      expect(first.status).toBe('off');
      expect(existsSync(join(dir, 'node'))).toBe(false);
      return;
    }
    expect(first.status).toBe('status 1');
    expect(cached(dir).length).toBeGreaterThan(0);
    const second = spawnSync(process.execPath, [cli, 'parse', seed], { cwd: root, encoding: 'utf8', env: { ...process.env, ZHPRESS_CACHE_DIR: dir, NODE_DEBUG_NATIVE: 'COMPILE_CACHE' } });
    expect(second.stdout).toBe(first.stdout);
    // Node's own trace: the bundle's code came from the cache.
    expect(second.stderr).toMatch(/bundle\.cjs was accepted/);
  });
  it('ZHPRESS_COMPILE_CACHE=0 neither reads nor writes one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhpress-cache-'));
    const result = run(dir, ['--version'], '0');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(cached(dir)).toHaveLength(0);
  });
  it('a folder it cannot write costs only time', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'zhpress-cache-')), 'a-file');
    writeFileSync(file, '');
    const result = run(join(file, 'cache'), ['build', seed, '--format', 'md', '--out', join(file, '..', 'out'), '--quiet']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.status).toBe(nodeCaches ? 'status 0' : 'off');
    expect(readdirSync(join(file, '..', 'out'))).toContain('000_fb7c4685e6dc9c77.zh-Hans.md');
  });
});

describe('where the cache lives', () => {
  it('ZHPRESS_CACHE_DIR, else XDG_CACHE_HOME/zhpress, else ~/.cache/zhpress (none in a shared folder)', () => {
    expect(cacheDir({ ZHPRESS_CACHE_DIR: '/x' })).toBe('/x');
    expect(cacheDir({ XDG_CACHE_HOME: '/y' })).toBe(join('/y', 'zhpress'));
    expect(cacheDir({})).toMatch(/[\\/]\.cache[\\/]zhpress$/);
  });
});
