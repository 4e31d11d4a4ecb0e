// `npm run bench`: figures for the targets in the issues, printed, not asserted.
// Every figure is measured on this machine when the script runs.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { line, median, repeat, timed } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/cli/main.js');
const seed = join(root, 'seeds/000_fb7c4685e6dc9c77.txt');
const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);
const work = mkdtempSync(join(tmpdir(), 'zhpress-bench-'));

function wholeProcess(format, runs = 7) {
  const out = join(work, `whole-${format}`);
  const samples = repeat(runs, () => timed(process.execPath, [cli, 'build', seed, '--format', format, '--out', out, '--force', '--quiet']));
  line(`seed to ${format}, whole process, median of ${runs}`, `${median(samples.map((s) => s.seconds)).toFixed(3)} s`);
  line(`seed to ${format}, whole process, peak RSS`, `${Math.max(...samples.map((s) => s.peakMb ?? 0)).toFixed(0)} MB`);
}

if (want('pdf')) {
  console.log('# PDF (issue 3)');
  wholeProcess('pdf');
  const inProcess = spawnSync(process.execPath, [join(root, 'bench/pdf-in-process.mjs')], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] });
  if (inProcess.status !== 0) process.exitCode = 1;
}

if (want('docx')) {
  console.log('# Word (issue 4)');
  wholeProcess('docx');
}

if (want('md')) {
  console.log('# Markdown');
  wholeProcess('md');
}

if (want('batch')) {
  console.log('# Batch (issue 8): 200 inputs x 3 formats x 2 variants');
  const inputs = join(work, 'inputs');
  mkdirSync(inputs, { recursive: true });
  const sources = [seed, ...readdirSync(join(root, '../shared/samples')).filter((f) => f.endsWith('.txt')).map((f) => join(root, '../shared/samples', f))].filter((f) => {
    try {
      readFileSync(f);
      return true;
    } catch {
      return false;
    }
  });
  for (let i = 0; i < 200; i++) copyFileSync(sources[i % sources.length], join(inputs, `doc-${String(i).padStart(3, '0')}.txt`));
  const results = {};
  for (const jobs of [1, 2]) {
    const out = join(work, `batch-${jobs}`);
    rmSync(out, { recursive: true, force: true });
    const run = timed(process.execPath, [cli, 'build', inputs, '--format', 'all', '--variant', 'zh-Hans,zh-Hant-TW', '--jobs', String(jobs), '--out', out, '--json']);
    const summary = JSON.parse(run.stdout);
    results[jobs] = run.seconds;
    line(`--jobs ${jobs}: ${summary.written} outputs`, `${run.seconds.toFixed(1)} s, ${(200 / run.seconds).toFixed(1)} documents/s, peak RSS ${run.peakMb?.toFixed(0)} MB`);
    if (jobs === 2) {
      const again = timed(process.execPath, [cli, 'build', inputs, '--format', 'all', '--variant', 'zh-Hans,zh-Hant-TW', '--jobs', '2', '--out', out, '--json']);
      line('second, unchanged run with --jobs 2', `${again.seconds.toFixed(2)} s, ${JSON.parse(again.stdout).skipped} skipped`);
    }
  }
  line('speed-up from 1 to 2 jobs', `${(results[1] / results[2]).toFixed(2)}x`);
}

rmSync(work, { recursive: true, force: true });
