// The launcher runs the bundled command line through V8's code cache
// (src/cli/compile-cache.ts): made by a first run, used by the next, refused by
// V8 when it does not fit, and never a reason for a run to fail.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/writers/index.js';
import { BUILD_FORMATS, cacheDir, cacheFile, cacheStem, COMMANDS, commandOf, KEEP_OTHERS, seal, unseal } from '../../src/cli/compile-cache.js';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli/main.js');
const seed = join(root, 'seeds/000_fb7c4685e6dc9c77.txt');
const nodeCaches = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

function run(dir: string, args: string[], setting = 'report') {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ZHPRESS_CACHE_DIR: dir, ZHPRESS_COMPILE_CACHE: setting } });
  const use = result.stderr.match(/zhpress: compile cache (\w+)/)?.[1];
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, use };
}

const caches = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.v8cache')) : []);

describe.skipIf(nodeCaches)('the compile cache (Node 20: the launcher keeps it)', () => {
  it('is made by a first run, used by the next, with the same result', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhpress-cache-'));
    const first = run(dir, ['parse', seed]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.use).toBe('made');
    expect(caches(dir)).toHaveLength(1);
    const second = run(dir, ['parse', seed]);
    expect(second.use).toBe('used');
    expect(second.stdout).toBe(first.stdout);
  });
  it('a damaged cache is refused (its checksum; V8 would crash on it), the run goes on, and a good one replaces it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhpress-cache-'));
    const build = ['build', seed, '--format', 'md', '--out', join(dir, 'out'), '--quiet', '--force'];
    expect(run(dir, build).use).toBe('made');
    const [name] = caches(dir);
    expect(name).toMatch(/\.build-md\.v8cache$/);
    const data = readFileSync(join(dir, name!));
    data.fill(7, 64, 4096);
    writeFileSync(join(dir, name!), data);
    rmSync(join(dir, 'out'), { recursive: true });
    const damaged = run(dir, build);
    expect(damaged.code, damaged.stderr).toBe(0);
    expect(damaged.use).toBe('rejected');
    expect(readdirSync(join(dir, 'out'))).toContain('000_fb7c4685e6dc9c77.zh-Hans.md');
    expect(run(dir, build).use).toBe('used');
  });
  it('ZHPRESS_COMPILE_CACHE=0 neither reads nor writes one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhpress-cache-'));
    const result = run(dir, ['--version'], '0');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(caches(dir)).toHaveLength(0);
  });
  it('keeps one cache per command, so a short command does not read a build\u2019s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhpress-cache-'));
    expect(run(dir, ['parse', seed]).use).toBe('made');
    expect(run(dir, ['--version']).use).toBe('made');
    expect(run(dir, ['parse', seed]).use).toBe('used');
    expect(caches(dir).map((f) => f.split('.').at(-2)).sort()).toEqual(['other', 'parse']);
  });
  it('keeps the caches of the newest few other builds and removes older ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhpress-cache-'));
    for (let i = 0; i < KEEP_OTHERS + 3; i++) {
      for (const command of ['build', 'other']) {
        const path = join(dir, `bundle-old${i}-1-node0-x64-v8a.${command}.v8cache`);
        writeFileSync(path, 'old');
        utimesSync(path, 1_000_000 + i, 1_000_000 + i);
      }
    }
    writeFileSync(join(dir, 'unrelated.v8cache'), 'not ours');
    expect(run(dir, ['--version']).use).toBe('made');
    const left = caches(dir);
    expect(left).toContain('unrelated.v8cache');
    const kept = Array.from({ length: KEEP_OTHERS }, (_, k) => [`bundle-old${k + 3}-1-node0-x64-v8a.build.v8cache`, `bundle-old${k + 3}-1-node0-x64-v8a.other.v8cache`]).flat();
    expect(left.filter((f) => f.startsWith('bundle-old')).sort()).toEqual(kept.sort());
    expect(left).toHaveLength(2 * KEEP_OTHERS + 2);
  });
  it('a folder it cannot write costs only time, and the data is not even made', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'zhpress-cache-')), 'a-file');
    writeFileSync(file, '');
    const result = run(join(file, 'cache'), ['--version']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(result.use).toBe('unsaved');
  });
  it('creates the folder and its parent, never more (not a missing home)', () => {
    const home = join(mkdtempSync(join(tmpdir(), 'zhpress-cache-')), 'home');
    expect(run(join(home, '.cache', 'zhpress'), ['--version']).use).toBe('unsaved');
    expect(existsSync(home)).toBe(false);
    mkdirSync(home);
    expect(run(join(home, '.cache', 'zhpress'), ['--version']).use).toBe('made');
    expect(caches(join(home, '.cache', 'zhpress'))).toHaveLength(1);
  });
  it('a failed run keeps no cache (it compiled little)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhpress-cache-'));
    const result = run(dir, ['build', seed, '--format', 'md', '--variant', 'xx', '--out', join(dir, 'out')]);
    expect(result.code).toBe(2);
    expect(result.use).toBe('unsaved');
    expect(caches(dir)).toHaveLength(0);
  });
  it('runs under other V8 flags keep a cache of their own instead of refusing each other\u2019s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhpress-cache-'));
    const flagged = (setting = 'report') =>
      spawnSync(process.execPath, ['--max-old-space-size=3000', cli, '--version'], { encoding: 'utf8', env: { ...process.env, ZHPRESS_CACHE_DIR: dir, ZHPRESS_COMPILE_CACHE: setting } }).stderr.match(/compile cache (\w+)/)?.[1];
    expect(run(dir, ['--version']).use).toBe('made');
    expect(flagged()).toBe('made');
    expect(run(dir, ['--version']).use).toBe('used');
    expect(flagged()).toBe('used');
    expect(caches(dir)).toHaveLength(2);
  });
});

describe('where the cache lives', () => {
  it('ZHPRESS_CACHE_DIR, else XDG_CACHE_HOME/zhpress, else ~/.cache/zhpress (none in a shared folder)', () => {
    expect(cacheDir({ ZHPRESS_CACHE_DIR: '/x' })).toBe('/x');
    expect(cacheDir({ XDG_CACHE_HOME: '/y' })).toBe(join('/y', 'zhpress'));
    expect(cacheDir({})).toMatch(/[\\/]\.cache[\\/]zhpress$/);
  });
  it('a bundle changed in place, even to the same length, never meets the old cache', () => {
    const stem = (text: string, modified = 1_700_000_000_000) => cacheStem('/d/bundle.cjs', Buffer.from(text), modified);
    expect(stem('console.log(1)')).not.toBe(stem('console.log(2)'));
    expect(stem('console.log(1)')).not.toBe(stem('console.log(1)', 1_700_000_000_001));
    expect(cacheFile('/c', stem('console.log(1)'), 'build-pdf')).toMatch(new RegExp(`^/c/bundle-.*-node${process.versions.node}-${process.arch}-v8[0-9a-z]+\\.build-pdf\\.v8cache$`));
  });
  it('a sealed cache opens only whole: any changed byte, or a cut, and it is not used', () => {
    const data = Buffer.from('cached code '.repeat(50));
    const sealed = seal(data);
    expect(unseal(sealed)?.equals(data)).toBe(true);
    for (const at of [0, 5, 9, sealed.length - 1]) {
      const changed = Buffer.from(sealed);
      changed[at] = changed[at]! ^ 1;
      expect(unseal(changed), `byte ${at}`).toBeUndefined();
    }
    expect(unseal(sealed.subarray(0, sealed.length - 10))).toBeUndefined();
    expect(unseal(data)).toBeUndefined();
  });
  it('a run\u2019s cache is its command\u2019s, whatever options come first', () => {
    expect(commandOf(['build', 'seeds', '--format', 'pdf'])).toBe('build-pdf');
    expect(commandOf(['build', '--format=md,docx', 'seeds'])).toBe('build-docx-md');
    expect(commandOf(['build', 'seeds'])).toBe('build-all');
    expect(commandOf(['build', 'seeds', '--format', 'pdf;rm'])).toBe('build');
    expect(commandOf(['build', 'seeds', '--format', 'odt'])).toBe('build');
    expect(commandOf(['--quiet', 'parse', 'x.txt'])).toBe('parse');
    expect(commandOf(['--version'])).toBe('other');
    expect(commandOf(['bulid'])).toBe('other');
  });
  it('knows every command of zhpress --help and every format', () => {
    const help = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C' } }).stdout;
    const listed = [...help.matchAll(/^\s+zhpress (\w+)/gm)].map((m) => m[1]);
    expect(new Set(listed)).toEqual(new Set(COMMANDS));
    expect(new Set(BUILD_FORMATS)).toEqual(new Set([...FORMATS, 'all']));
  });
});
