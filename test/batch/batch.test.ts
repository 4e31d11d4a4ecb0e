// Issue 8, as a user runs it: many inputs, a corrupt one, two jobs, a rerun, shards.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli/main.js');
const seed = join(root, 'seeds/000_fb7c4685e6dc9c77.txt');
const dir = mkdtempSync(join(tmpdir(), 'zhpress-batch-e2e-'));
const inputs = join(dir, 'in');
// 40 copies and one corrupt input, 82 jobs: enough for a second thread (MIN_JOBS_PER_WORKER).
const COPIES = 40;

function zhpress(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 300_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under `folder`, relative, without the manifest. */
function files(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(folder.length + 1))
    .filter((f) => f !== '.zhpress-manifest.json')
    .sort();
}

describe('a batch of copies of the seed and one corrupt input', () => {
  beforeAll(() => {
    mkdirSync(inputs);
    for (let i = 1; i <= COPIES; i++) copyFileSync(seed, join(inputs, `\u7b2c${i}\u7bc7 \u7a3f\u4ef6.txt`));
    writeFileSync(join(inputs, '\u635f\u574f.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  });

  it('builds every output of the good inputs with two jobs, reports the corrupt one, exits 1 and leaves nothing partial', () => {
    const out = join(dir, 'out');
    const { code, stdout, stderr } = zhpress(['build', inputs, '--format', 'all', '--variant', 'zh-Hans,zh-Hant-TW', '--jobs', '2', '--out', out, '--json']);
    expect(code, stderr).toBe(1);
    const summary = JSON.parse(stdout) as { written: number; failed: number; workers: number; failures: { input: string; message: string }[] };
    expect(summary.workers).toBe(2);
    expect(summary.written).toBe(COPIES * 6);
    expect(summary.failures).toHaveLength(1);
    expect(summary.failures[0]!.message).toMatch(/\u635f\u574f\.txt.*not a text file/);
    const written = files(out);
    expect(written).toHaveLength(COPIES * 6);
    expect(written.filter((f) => /\.tmp|~$/.test(f))).toEqual([]);
    expect(written.every((f) => /\.(zh-Hans|zh-Hant-TW)\.(pdf|docx|md)$/.test(f))).toBe(true);
    for (const f of written.filter((name) => name.endsWith('.pdf'))) expect(readFileSync(join(out, f)).subarray(-6).toString('latin1')).toMatch(/%%EOF/);

    const again = zhpress(['build', inputs, '--format', 'all', '--variant', 'zh-Hans,zh-Hant-TW', '--jobs', '2', '--out', out, '--json']);
    const second = JSON.parse(again.stdout) as { written: number; skipped: number };
    expect(second.written).toBe(0);
    expect(second.skipped).toBe(COPIES * 6);
  }, 300_000);

  it('--shard 1/2 and 2/2 together build each output exactly once', () => {
    const a = join(dir, 'shard1');
    const b = join(dir, 'shard2');
    const one = zhpress(['build', inputs, '--format', 'md', '--shard', '1/2', '--out', a, '--json']);
    const two = zhpress(['build', inputs, '--format', 'md', '--shard', '2/2', '--out', b, '--json']);
    const good = (r: { stdout: string }) => JSON.parse(r.stdout) as { written: number; failed: number };
    expect(good(one).written + good(two).written).toBe(COPIES);
    expect(good(one).failed + good(two).failed).toBe(1);
    // About 20 jobs each: too few to pay for a second thread, so each shard stays in one.
    expect((JSON.parse(one.stdout) as { workers: number }).workers).toBe(1);
    const union = [...files(a), ...files(b)];
    expect(new Set(union).size).toBe(union.length);
    expect(union).toHaveLength(COPIES);
  }, 120_000);
});
