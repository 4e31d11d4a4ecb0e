// `zhpress watch` (issue 21): builds once, rebuilds an input when it or its sidecar
// changes, goes on after a bad input, writes what `build` writes byte for byte,
// and ends cleanly on Ctrl-C. Runs the built command line (dist/).
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli/main.js');
const seed = join(root, 'seeds/000_fb7c4685e6dc9c77.txt');
const dir = mkdtempSync(join(tmpdir(), 'zhpress-watch-'));
const env = { ...process.env, ZHPRESS_DEBUG: '', SOURCE_DATE_EPOCH: '1756425600' };

interface Run {
  built: string;
  written?: number;
  failed?: number;
  failures?: { input: string; message: string }[];
  error?: string;
}

/** The watch's --json lines, as they come. */
function lines(child: ChildProcessWithoutNullStreams): (count: number) => Promise<Run[]> {
  const seen: Run[] = [];
  let buffer = '';
  let wake: (() => void) | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let at;
    while ((at = buffer.indexOf('\n')) >= 0) {
      seen.push(JSON.parse(buffer.slice(0, at)) as Run);
      buffer = buffer.slice(at + 1);
    }
    wake?.();
  });
  return async (count) => {
    const deadline = Date.now() + 90_000;
    while (seen.length < count) {
      if (Date.now() > deadline) throw new Error(`waited for ${count} runs of the watch, saw ${JSON.stringify(seen)}`);
      await new Promise<void>((done) => {
        wake = done;
        setTimeout(done, 500);
      });
    }
    return seen.slice(0, count);
  };
}

const outputs = (folder: string) => readdirSync(folder).filter((name) => !name.startsWith('.')).sort();

let child: ChildProcessWithoutNullStreams | undefined;
afterAll(() => {
  child?.kill('SIGKILL');
});

describe('zhpress watch', () => {
  it('rebuilds on edits of an input and its sidecar, survives a bad input, writes what build writes, ends on Ctrl-C', { timeout: 240_000 }, async () => {
    const a = join(dir, '简报.txt');
    const b = join(dir, 'b.txt');
    copyFileSync(seed, a);
    writeFileSync(b, '\u6D4B\u8BD5\u7684\u6B63\u6587\u3002\n');
    const out = join(dir, 'out');
    const args = [a, b, '--format', 'all', '--variant', 'zh-Hans,zh-Hant-TW', '--out', out];
    child = spawn(process.execPath, [cli, 'watch', ...args, '--json'], { cwd: dir, env });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const runs = lines(child);

    const [first] = await runs(1);
    expect(first).toMatchObject({ written: 12, failed: 0 });
    await new Promise((done) => setTimeout(done, 300)); // the watchers are set after the first build

    // An edit of one input rebuilds its six editions, not the other input's.
    writeFileSync(a, readFileSync(a, 'utf8').replace('\u4E0A\u5408\u7EC4\u7EC7', '\u4E0A\u6D77\u5408\u4F5C\u7EC4\u7EC7'));
    const second = (await runs(2))[1]!;
    expect(second).toMatchObject({ written: 6, failed: 0 });
    expect(second.built).toContain('\u7B80\u62A5.txt');

    // So does its sidecar.
    writeFileSync(`${a}.meta.yaml`, 'title: \u76D1\u89C6\u6807\u9898\n');
    expect((await runs(3))[2]).toMatchObject({ written: 6, failed: 0 });

    // A bad input is one failure naming the file, and the watch goes on.
    writeFileSync(b, '');
    const bad = (await runs(4))[3]!;
    expect(bad.failed).toBeGreaterThan(0);
    expect(bad.failures?.[0]?.message).toContain('b.txt');
    writeFileSync(b, '\u4FEE\u597D\u7684\u6B63\u6587\u3002\n');
    expect((await runs(5))[4]).toMatchObject({ written: 6, failed: 0 });
    expect(readFileSync(join(out, 'b.zh-Hans.md'), 'utf8')).toContain('\u4FEE\u597D\u7684\u6B63\u6587');

    // What the watch wrote is what a build of the same files writes.
    const fresh = join(dir, 'fresh');
    const built = spawnSync(process.execPath, [cli, 'build', ...args.slice(0, -1), fresh, '--quiet'], { cwd: dir, env, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    expect(outputs(out)).toEqual(outputs(fresh));
    expect(outputs(out)).toHaveLength(12);
    for (const name of outputs(out)) expect(readFileSync(join(out, name)).equals(readFileSync(join(fresh, name))), name).toBe(true);

    // Ctrl-C ends it: exit 0, no temporary file left.
    const exited = new Promise<number | null>((done) => child!.on('exit', (code) => done(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  });
});
