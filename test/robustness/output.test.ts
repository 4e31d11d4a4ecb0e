// Robustness, second round (issue 17), the output side: nothing written through
// a symbolic link inside --out; SIGTERM handled like SIGINT; what a killed run
// left removed by the next; an interrupted batch, two builds at once and an
// output edited by hand all leave a manifest that tells the truth; long names;
// a read-only or full folder reports every failed output and the summary.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BODY, cli, errorLines, expectBuilt, files, outputs, put, root, tmp, zhpress } from './helpers.js';

const MANIFEST = '.zhpress-manifest.json';
const manifest = (out: string): Record<string, { hash: string; size: number; mtimeMs: number }> =>
  (JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as { outputs: Record<string, { hash: string; size: number; mtimeMs: number }> }).outputs;
const temporaries = (dir: string) => files(dir).filter((f) => f.endsWith('.tmp'));

/** A folder of `n` distinct inputs. */
function inputs(n: number, label: string): string {
  const dir = tmp(label);
  for (let i = 1; i <= n; i++) put(dir, `稿${String(i).padStart(2, '0')}.txt`, `第${i}号\n\n${BODY}`);
  return dir;
}

interface Running {
  pid: number;
  stderr: () => string;
  stdout: () => string;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when stderr matches `pattern`. */
  waitFor(pattern: RegExp, ms?: number): Promise<void>;
}

/** The built CLI as a child process that runs on while the test acts on it. */
function start(args: string[]): Running {
  const child = spawn(process.execPath, [cli, ...args], { cwd: root, env: { ...process.env, ZHPRESS_DEBUG: '' } });
  let stderr = '';
  let stdout = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const w of waiters.filter((w) => w.pattern.test(stderr))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return {
    pid: child.pid!,
    stderr: () => stderr,
    stdout: () => stdout,
    done,
    waitFor: (pattern, ms = 60_000) =>
      new Promise<void>((resolve, reject) => {
        if (pattern.test(stderr)) return resolve();
        const timer = setTimeout(() => reject(new Error(`no ${pattern} on stderr within ${ms} ms:\n${stderr}`)), ms);
        waiters.push({ pattern, resolve: () => (clearTimeout(timer), resolve()) });
        void done.then(() => setTimeout(() => reject(new Error(`exited before ${pattern}:\n${stderr}`)), 50));
      }),
  };
}

describe('no output is written through a symbolic link inside --out', () => {
  it('a folder inside --out that links elsewhere: refused, one line naming it; the other inputs built', () => {
    const dir = tmp('link-folder');
    mkdirSync(join(dir, 'in', 'sub'), { recursive: true });
    put(join(dir, 'in'), '首页.txt', BODY);
    put(join(dir, 'in', 'sub'), '内页.txt', BODY);
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    const out = join(dir, 'out');
    mkdirSync(out);
    symlinkSync(elsewhere, join(out, 'sub'));
    const result = zhpress(['build', join(dir, 'in'), '--format', 'md,pdf', '--out', out]);
    expect(result.code, result.stderr).toBe(1);
    const lines = errorLines(result.stderr);
    expect(lines, result.stderr).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^zhpress: refusing to write .*out\/sub\/内页\.zh-Hans\.(md|pdf): .*out\/sub is a symbolic link inside the output folder/);
    expect(files(elsewhere)).toEqual([]);
    expect(outputs(out).filter((f) => f !== 'sub').sort()).toEqual(['首页.zh-Hans.md', '首页.zh-Hans.pdf']);
    expect(temporaries(out)).toEqual([]);
    expect(result.stderr).toMatch(/^2 written, 0 up to date, 2 failed;/m);
  });

  it('a link deeper down (out/a/b -> elsewhere, a a real folder) is refused too', () => {
    const dir = tmp('link-deep');
    mkdirSync(join(dir, 'in', 'a', 'b'), { recursive: true });
    put(join(dir, 'in', 'a', 'b'), '深.txt', BODY);
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    const out = join(dir, 'out');
    mkdirSync(join(out, 'a'), { recursive: true });
    symlinkSync(elsewhere, join(out, 'a', 'b'));
    const result = zhpress(['build', join(dir, 'in'), '--format', 'md', '--out', out]);
    expect(result.code).toBe(1);
    expect(errorLines(result.stderr)).toEqual([expect.stringMatching(/refusing to write .*out\/a\/b\/深\.zh-Hans\.md: .*out\/a\/b is a symbolic link/)]);
    expect(files(elsewhere)).toEqual([]);
  });

  it('an output that is itself a link: refused, the file it points at unchanged', () => {
    const dir = tmp('link-file');
    const input = put(dir, '正文.txt', BODY);
    const victim = put(dir, 'victim.md', 'keep me\n');
    const out = join(dir, 'out');
    mkdirSync(out);
    symlinkSync(victim, join(out, '正文.zh-Hans.md'));
    const result = zhpress(['build', input, '--format', 'md', '--out', out]);
    expect(result.code).toBe(1);
    expect(errorLines(result.stderr)).toEqual([expect.stringMatching(/refusing to write .*正文\.zh-Hans\.md: .*正文\.zh-Hans\.md is a symbolic link/)]);
    expect(readFileSync(victim, 'utf8')).toBe('keep me\n');
    expect(lstatSync(join(out, '正文.zh-Hans.md')).isSymbolicLink()).toBe(true);
  });

  it('a manifest that is a link: the outputs are written, the link target is not, one line says so', () => {
    const dir = tmp('link-manifest');
    const input = put(dir, '正文.txt', BODY);
    const victim = put(dir, 'victim.json', '{"keep":1}\n');
    const out = join(dir, 'out');
    mkdirSync(out);
    symlinkSync(victim, join(out, MANIFEST));
    const result = zhpress(['build', input, '--format', 'md', '--out', out]);
    expect(result.code).toBe(1);
    expect(errorLines(result.stderr)).toEqual([expect.stringMatching(/cannot record the build in .*\.zhpress-manifest\.json: ELINK/)]);
    expect(readFileSync(victim, 'utf8')).toBe('{"keep":1}\n');
    expect(outputs(out)).toEqual(['正文.zh-Hans.md']);
  });

  it('--out itself may be a link (the user named it)', () => {
    const dir = tmp('link-root');
    const input = put(dir, '正文.txt', BODY);
    mkdirSync(join(dir, 'real'));
    symlinkSync(join(dir, 'real'), join(dir, 'out'));
    expectBuilt(zhpress(['build', input, '--format', 'md', '--out', join(dir, 'out')]));
    expect(outputs(join(dir, 'real'))).toEqual(['正文.zh-Hans.md']);
  });
});

describe('signals: SIGTERM like SIGINT, and what a killed run left', () => {
  for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
    it(`${signal} in a batch: a message, exit ${code}, nothing partial, the finished outputs recorded; the rerun builds only the rest`, async () => {
      const dir = inputs(10, `signal-${signal}`);
      const out = join(tmp(`signal-${signal}-out`), 'out');
      const run = start(['build', dir, '--format', 'pdf', '--out', out, '--jobs', '1']);
      await run.waitFor(/^wrote .*\n(.|\n)*^wrote /m);
      process.kill(run.pid, signal);
      const { code: exit } = await run.done;
      expect(exit, run.stderr()).toBe(code);
      expect(errorLines(run.stderr())).toEqual([expect.stringMatching(new RegExp(`^zhpress: interrupted \\(${signal}\\); the outputs written so far are complete and recorded`))]);
      expect(temporaries(out)).toEqual([]);
      const wrote = [...run.stderr().matchAll(/^wrote .*\/([^/]+\.pdf) /gm)].map((m) => m[1]!);
      expect(wrote.length).toBeGreaterThanOrEqual(2);
      expect(wrote.length, 'the batch finished before the signal').toBeLessThan(10);
      const recorded = Object.keys(manifest(out));
      for (const name of wrote) expect(recorded).toContain(name);
      for (const name of outputs(out)) expect(statSync(join(out, name)).size).toBeGreaterThan(0);

      const rerun = zhpress(['build', dir, '--format', 'pdf', '--out', out, '--jobs', '1']);
      expectBuilt(rerun);
      const upToDate = [...rerun.stderr.matchAll(/^up to date .*\/([^/]+\.pdf)$/gm)].map((m) => m[1]!);
      expect(upToDate.sort()).toEqual([...recorded].sort());
      expect(rerun.stderr).toMatch(new RegExp(`^${10 - recorded.length} written, ${recorded.length} up to date, 0 failed`, 'm'));
      expect(outputs(out)).toHaveLength(10);
    });
  }

  it('temporaries of a dead process are removed by the next build; a running one keeps its own', async () => {
    // A real process, killed: its id is one no running process has.
    const sleeper = spawn('sleep', ['30']);
    const dead = sleeper.pid!;
    const gone = new Promise((resolve) => sleeper.on('close', resolve));
    sleeper.kill('SIGKILL');
    await gone;
    const dir = tmp('stale-tmp');
    mkdirSync(join(dir, 'in', 'sub'), { recursive: true });
    put(join(dir, 'in'), '甲.txt', BODY);
    put(join(dir, 'in', 'sub'), '乙.txt', BODY);
    const out = join(dir, 'out');
    mkdirSync(join(out, 'sub'), { recursive: true });
    const left = [join(out, `.zp-${dead}-0badf00d.tmp`), join(out, 'sub', `.zp-${dead}-deadbeef.tmp`)];
    for (const path of left) writeFileSync(path, 'half a PDF');
    // This test's own process is alive: its fresh temporary stays, an hour-old one goes.
    const live = join(out, `.zp-${process.pid}-12345678.tmp`);
    const old = join(out, `.zp-${process.pid}-87654321.tmp`);
    writeFileSync(live, 'being written');
    writeFileSync(old, 'abandoned');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(old, twoHoursAgo, twoHoursAgo);
    // Names that only look alike are someone else's files.
    const other = put(out, '.zp-notes.tmp', 'mine');

    expectBuilt(zhpress(['build', join(dir, 'in'), '--format', 'md', '--out', out]));
    for (const path of [...left, old]) expect(existsSync(path), path).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(other)).toBe(true);
  });

  it('a build killed with SIGKILL mid-batch: the next build leaves no temporary and every output whole', async () => {
    const dir = inputs(8, 'sigkill');
    const out = join(tmp('sigkill-out'), 'out');
    const run = start(['build', dir, '--format', 'pdf,docx', '--out', out, '--jobs', '1']);
    await run.waitFor(/^wrote /m);
    process.kill(run.pid, 'SIGKILL');
    expect((await run.done).signal).toBe('SIGKILL');
    const rerun = zhpress(['build', dir, '--format', 'pdf,docx', '--out', out, '--jobs', '1']);
    expectBuilt(rerun);
    expect(temporaries(out)).toEqual([]);
    expect(outputs(out)).toHaveLength(16);
  });
});

describe('the manifest tells the truth', () => {
  it('two builds into one --out at the same time: both exit 0 and the manifest has every output', async () => {
    const a = inputs(8, 'concurrent-a');
    const b = tmp('concurrent-b');
    for (let i = 1; i <= 8; i++) put(b, `件${i}.txt`, `乙${i}\n\n${BODY}`);
    const out = join(tmp('concurrent-out'), 'out');
    const runs = [start(['build', a, '--format', 'md,docx', '--out', out]), start(['build', b, '--format', 'md,docx', '--out', out])];
    const ends = await Promise.all(runs.map((r) => r.done));
    ends.forEach((end, i) => expect(end.code, runs[i]!.stderr()).toBe(0));
    expect(Object.keys(manifest(out))).toHaveLength(32);
    expect(existsSync(join(out, '.zhpress-manifest.lock'))).toBe(false);
    for (const folder of [a, b]) {
      const rerun = zhpress(['build', folder, '--format', 'md,docx', '--out', out]);
      expectBuilt(rerun);
      expect(rerun.stderr).toMatch(/^0 written, 16 up to date, 0 failed/m);
    }
  });

  it("a lock left by a dead build is taken over, not waited on", () => {
    const dir = tmp('dead-lock');
    const input = put(dir, '正文.txt', BODY);
    const out = join(dir, 'out');
    mkdirSync(out);
    // A process id no process has (far above the kernel's pid_max default).
    writeFileSync(join(out, '.zhpress-manifest.lock'), '999999999');
    const result = zhpress(['build', input, '--format', 'md', '--out', out], { timeout: 30_000 });
    expectBuilt(result);
    expect(Object.keys(manifest(out))).toEqual(['正文.zh-Hans.md']);
    expect(existsSync(join(out, '.zhpress-manifest.lock'))).toBe(false);
  });

  it('an output edited by hand, or deleted, is built again; an untouched one is up to date', () => {
    const dir = tmp('edited');
    for (const name of ['甲', '乙', '丙']) put(dir, `${name}.txt`, BODY);
    const out = join(tmp('edited-out'), 'out');
    expectBuilt(zhpress(['build', dir, '--format', 'md,docx', '--out', out]));
    const edited = join(out, '甲.zh-Hans.md');
    const before = readFileSync(edited, 'utf8');
    writeFileSync(edited, `${before}手改的一行\n`);
    // Same size, other bytes: the time tells.
    const docx = join(out, '乙.zh-Hans.docx');
    const bytes = readFileSync(docx);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    writeFileSync(docx, bytes);
    const later = new Date(statSync(docx).mtimeMs + 5000);
    utimesSync(docx, later, later);
    unlinkSync(join(out, '丙.zh-Hans.md'));
    const result = zhpress(['build', dir, '--format', 'md,docx', '--out', out]);
    expectBuilt(result);
    const wrote = [...result.stderr.matchAll(/^wrote .*\/([^/]+) \(/gm)].map((m) => m[1]).sort();
    expect(wrote).toEqual(['丙.zh-Hans.md', '乙.zh-Hans.docx', '甲.zh-Hans.md'].sort());
    expect(result.stderr).toMatch(/^3 written, 3 up to date, 0 failed/m);
    expect(readFileSync(edited, 'utf8')).toBe(before);
  });
});

describe('names and folders that cannot take an output', () => {
  it('a valid 250-byte input name builds every format and variant, names within 255 bytes, told apart', () => {
    const dir = tmp('long-name');
    const stem = '很'.repeat(81); // 243 bytes
    const names = [`${stem}甲.txt`, `${stem}乙.txt`]; // 250 bytes each
    for (const name of names) expect(Buffer.byteLength(name)).toBe(250);
    for (const name of names) put(dir, name, BODY);
    const out = join(tmp('long-name-out'), 'out');
    const result = zhpress(['build', dir, '--format', 'all', '--variant', 'zh-Hans,zh-Hant-TW', '--out', out]);
    expectBuilt(result);
    const made = outputs(out);
    expect(made).toHaveLength(12);
    for (const name of made) expect(Buffer.byteLength(name), name).toBeLessThanOrEqual(255);
    expect(new Set(made).size).toBe(12);
    expect(made.filter((n) => n.endsWith('.zh-Hant-TW.docx'))).toHaveLength(2);
    expect(temporaries(out)).toEqual([]);
    expect(zhpress(['build', dir, '--format', 'all', '--variant', 'zh-Hans,zh-Hant-TW', '--out', out]).stderr).toMatch(/^0 written, 12 up to date, 0 failed/m);
  });

  it('a read-only output folder: every failed output one line, the summary, and --json its result', () => {
    const dir = tmp('readonly');
    chmodSync(dir, 0o755);
    for (const name of ['甲', '乙']) put(dir, `${name}.txt`, BODY);
    const out = join(dir, 'out');
    mkdirSync(out);
    const cache = tmp('readonly-cache');
    chmodSync(cache, 0o777);
    // Root writes anywhere: run the build as nobody, in a folder that is root's.
    const asRoot = process.getuid?.() === 0;
    if (!asRoot) chmodSync(out, 0o555);
    const run = (...extra: string[]) =>
      spawnSync(process.execPath, [cli, 'build', dir, '--format', 'md,docx', '--out', out, ...extra], {
        encoding: 'utf8',
        env: { ...process.env, ZHPRESS_DEBUG: '', ZHPRESS_CACHE_DIR: cache },
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
    try {
      const result = run();
      expect(result.status, result.stderr).toBe(1);
      const lines = errorLines(result.stderr);
      expect(lines.filter((l) => /cannot write .*\.zh-Hans\.(md|docx): EACCES/.test(l)), result.stderr).toHaveLength(4);
      expect(lines.filter((l) => /cannot record the build in .*: EACCES/.test(l))).toHaveLength(1);
      expect(lines).toHaveLength(5);
      expect(result.stderr).toMatch(/^0 written, 0 up to date, 4 failed; 0 pages, 0 KB/m);
      const json = run('--json');
      expect(json.status).toBe(1);
      const summary = JSON.parse(json.stdout) as { written: number; failed: number; failures: unknown[] };
      expect(summary.written).toBe(0);
      expect(summary.failed).toBe(4);
      expect(summary.failures).toHaveLength(5);
      expect(files(out)).toEqual([]);
    } finally {
      chmodSync(out, 0o755);
    }
  });

  it('a full output folder (a 256 KB tmpfs, filled): every failed output, the summary, --json', (context) => {
    const mount = join(tmp('full'), 'disk');
    mkdirSync(mount);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mount]).status !== 0) {
      console.warn('skipped: a full folder needs a small tmpfs, and mounting one needs root');
      context.skip();
    }
    try {
      const dir = tmp('full-in');
      for (const name of ['甲', '乙']) put(dir, `${name}.txt`, BODY);
      spawnSync('sh', ['-c', `cat /dev/zero > "${mount}/filler"`]);
      const result = zhpress(['build', dir, '--format', 'md,pdf', '--out', mount]);
      expect(result.code, result.stderr).toBe(1);
      const lines = errorLines(result.stderr);
      expect(lines.filter((l) => /cannot write .*\.zh-Hans\.(md|pdf): ENOSPC/.test(l)), result.stderr).toHaveLength(4);
      expect(result.stderr).toMatch(/^0 written, 0 up to date, 4 failed;/m);
      const json = zhpress(['build', dir, '--format', 'md,pdf', '--out', mount, '--json']);
      expect(json.code).toBe(1);
      expect((JSON.parse(json.stdout) as { failed: number }).failed).toBe(4);
      expect(temporaries(mount)).toEqual([]);
      expect(outputs(mount)).toEqual(['filler']);
      // Room again: the same build completes.
      rmSync(join(mount, 'filler'));
      expectBuilt(zhpress(['build', dir, '--format', 'md,pdf', '--out', mount]));
    } finally {
      spawnSync('umount', [mount]);
    }
  });
});

describe('inputs and messages', () => {
  it('a dangling link among the inputs is named on one line, the others built', () => {
    const dir = tmp('dangling');
    put(dir, '有.txt', BODY);
    symlinkSync(join(dir, 'no-such.txt'), join(dir, '无.txt'));
    const out = join(dir, 'out');
    const result = zhpress(['build', dir, '--format', 'md', '--out', out]);
    expectBuilt(result);
    const notices = result.stderr.split('\n').filter((l) => l.includes('无.txt'));
    expect(notices).toEqual([`${join(dir, '无.txt')}: notice: skipped, a symbolic link to ${join(dir, 'no-such.txt')}, which does not exist`]);
    expect(outputs(out)).toEqual(['有.zh-Hans.md']);
  });

  it('--out inside the input folder: the editions an earlier build wrote are not read as inputs', () => {
    for (const inside of ['', 'editions']) {
      const dir = tmp('out-in-input');
      put(dir, '稿.md', '# 标题\n\n正文一段。\n');
      const out = join(dir, inside);
      expectBuilt(zhpress(['build', dir, '--format', 'md', '--out', out]));
      const rerun = zhpress(['build', dir, '--format', 'md', '--out', out]);
      expectBuilt(rerun);
      expect(rerun.stderr).toMatch(/notice: skipped 1 input that an earlier build wrote there .*稿\.zh-Hans\.md/);
      expect(rerun.stderr).toMatch(/^0 written, 1 up to date, 0 failed/m);
      expect(outputs(out).filter((f) => f.includes('zh-Hans.zh-Hans'))).toEqual([]);
    }
  });

  it('one page is "1 page", in the output line and the summary', () => {
    const dir = tmp('plural');
    const input = put(dir, '短.txt', BODY);
    const result = zhpress(['build', input, '--format', 'pdf', '--template', 'gbt9704', '--out', join(dir, 'out')]);
    expectBuilt(result);
    expect(result.stderr).toMatch(/^wrote .*短\.zh-Hans\.pdf \(1 page, \d+ KB\)$/m);
    expect(result.stderr).toMatch(/^1 written, 0 up to date, 0 failed; 1 page, /m);
    expect(result.stderr).not.toMatch(/\b1 pages\b/);
  });
});
