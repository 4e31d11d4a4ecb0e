// `npm run bench`: figures for the targets in the issues, printed next to
// their targets, never asserted. Every figure is measured on this machine when
// the script runs. Sections run by name: `node bench/run.mjs pdf docx md convert batch`.
//
//   pdf      seed to PDF as a whole process; in process; the seed x10/x25/x50 (issue 3)
//   docx     seed to .docx as a whole process; in process (issue 4)
//   md       seed to .md as a whole process; in process
//   convert  zh-Hant-TW: building the converter, then converting the seed
//   batch    N inputs x 3 formats x 2 variants, --jobs 1 and 2, then an unchanged run (issue 8)
//   peers    seed to PDF against typst, seed to .docx against pandoc: alternating pairs, ratios (issue 21)
//   watch    zhpress watch: time from an edit of the seed to its editions in place (issue 21)
//   paragraph  one 2 MB paragraph, a 100,000-character title and titles that are one long Latin word, to PDF (issues 17 and 21)
//
// Environment: BENCH_RUNS (whole-process runs, default 7); BENCH_FULL=1 for the
// full 200-input batch in the default run (`node bench/run.mjs batch` always
// runs the full size); BENCH_BATCH_INPUTS=N for any other size;
// BENCH_BATCH_TIMEOUT (s per batch run); BENCH_SCALES, BENCH_SCALE_TIMEOUT (see pdf-in-process.mjs);
// BENCH_WATCH_EDITS (edits timed in the watch section, default 9); BENCH_LONG_RUNS (runs of each case
// in the paragraph section, default 3).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, cli, line, median, peakNote, repeat, root, seed, timed } from './lib.mjs';

const SECTIONS = ['pdf', 'docx', 'md', 'convert', 'peers', 'watch', 'paragraph', 'batch'];
const only = process.argv.slice(2);
for (const name of only) {
  if (!SECTIONS.includes(name)) {
    console.error(`unknown section "${name}"; sections: ${SECTIONS.join(', ')}`);
    process.exit(2);
  }
}
const want = (name) => only.length === 0 || only.includes(name);
const work = mkdtempSync(join(tmpdir(), 'zhpress-bench-'));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const benchStarted = performance.now();

if (!existsSync(cli)) {
  console.error(`${cli} is missing: run \`npm run build\` first (npm run bench does).`);
  process.exit(1);
}

console.log(`zhpress benchmarks: node ${process.version}, ${process.platform}, figures measured now; targets from the issues\n`);

/** Seed to one format as a whole process (node start to file written): median and peak RSS. */
function wholeProcess(format, targetSeconds) {
  const out = join(work, `whole-${format}`);
  const samples = repeat(RUNS, () => timed(process.execPath, [cli, 'build', seed, '--format', format, '--out', out, '--force', '--quiet']));
  const seconds = median(samples.map((s) => s.seconds));
  const label = `seed to ${format}, whole process, median of ${RUNS}`;
  if (targetSeconds !== undefined) check(label, seconds, targetSeconds, { unit: 's' });
  else line(label, `${seconds.toFixed(3)} s (no target)`);
  line(`  min / max of the ${RUNS}`, `${Math.min(...samples.map((s) => s.seconds)).toFixed(3)} / ${Math.max(...samples.map((s) => s.seconds)).toFixed(3)} s`);
  const peaks = samples.map((s) => s.peakMb).filter((v) => v !== undefined);
  line(`  peak RSS of the process`, peaks.length ? `${Math.max(...peaks).toFixed(0)} MB` : `n/a (${peakNote()})`);
}

/** Node itself starting and exiting, for scale. */
function nodeStart() {
  const samples = repeat(RUNS, () => timed(process.execPath, ['-e', '0']));
  line(`for scale: node -e 0, median of ${RUNS}`, `${median(samples.map((s) => s.seconds)).toFixed(3)} s`);
}

/** A bench script in its own process, its output passed through. */
function script(file, ...args) {
  const result = spawnSync(process.execPath, [join(root, 'bench', file), ...args], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    console.log(`  (${file} failed with status ${result.status})`);
    process.exitCode = 1;
  }
}

function section(title, fn) {
  const started = performance.now();
  console.log(`# ${title}`);
  try {
    fn();
  } catch (error) {
    console.log(`  section failed: ${String(error.message ?? error).split('\n').slice(0, 4).join(' | ')}`);
    process.exitCode = 1;
  }
  console.log(`  (section took ${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
}

if (want('pdf') || want('docx') || want('md')) section('Start-up', nodeStart);

if (want('pdf')) {
  section('PDF (issue 3)', () => {
    wholeProcess('pdf', 0.5);
    script('pdf-in-process.mjs');
  });
}

if (want('docx')) {
  section('Word (issue 4)', () => {
    wholeProcess('docx', 0.4);
    script('in-process.mjs', 'docx', String(RUNS));
  });
}

if (want('md')) {
  section('Markdown', () => {
    wholeProcess('md');
    script('in-process.mjs', 'md', String(RUNS));
  });
}

if (want('convert')) {
  section('Traditional conversion (zh-Hant-TW), in a fresh process', () => script('convert-in-process.mjs', String(RUNS)));
}

/** Whether a program answers `--version`. */
const installed = (command) => spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;

/** zhpress and a peer in alternating pairs (so both see the same load): medians and their ratio. */
function pair(label, ours, peer, peerName) {
  const a = [];
  const b = [];
  for (let i = 0; i < RUNS; i++) {
    a.push(timed(...ours));
    b.push(timed(...peer));
  }
  const mine = median(a.map((s) => s.seconds));
  const theirs = median(b.map((s) => s.seconds));
  const peak = (samples) => (samples.some((s) => s.peakMb !== undefined) ? `, ${Math.max(...samples.map((s) => s.peakMb ?? 0)).toFixed(0)} MB` : '');
  line(`${label}: zhpress, median of ${RUNS} (alternating with ${peerName})`, `${mine.toFixed(3)} s${peak(a)}`);
  line(`${label}: ${peerName}, median of ${RUNS}`, `${theirs.toFixed(3)} s${peak(b)}`);
  return mine / theirs;
}

if (want('peers')) {
  section('Against typst and pandoc (issue 21), whole processes', () => {
    const out = join(work, 'peers');
    mkdirSync(out, { recursive: true });
    let typst = false;
    try {
      createRequire(import.meta.url).resolve('@myriaddreamin/typst-ts-node-compiler');
      typst = true;
    } catch {
      line('seed to PDF against typst', 'n/a (@myriaddreamin/typst-ts-node-compiler not installed: npm install)');
    }
    const ours = (format) => [process.execPath, [cli, 'build', seed, '--format', format, '--out', out, '--force', '--quiet']];
    if (typst) {
      const ratio = pair('seed to PDF', ours('pdf'), [process.execPath, [join(root, 'bench/typst-seed.mjs'), seed, join(out, 'typst.pdf')]], 'typst');
      check('  ratio zhpress / typst, seed to PDF', ratio, 1.0, { unit: 'x', digits: 2 });
    }
    if (installed('pandoc')) {
      // pandoc reads the seed as zhpress's Markdown edition of it (the same text and structure).
      timed(process.execPath, [cli, 'build', seed, '--format', 'md', '--out', out, '--force', '--quiet']);
      const markdown = join(out, readdirSync(out).find((f) => f.endsWith('.md')));
      const ratio = pair('seed to .docx', ours('docx'), ['pandoc', [markdown, '-o', join(out, 'pandoc.docx')]], 'pandoc');
      check('  ratio zhpress / pandoc, seed to .docx', ratio, 1.2, { unit: 'x', digits: 2 });
    } else line('seed to .docx against pandoc', 'n/a (pandoc not installed)');
  });
}

/** Run `zhpress watch` on a copy of the seed; time edits until their editions are in place. */
async function watchLatency() {
  const edits = Number(process.env.BENCH_WATCH_EDITS ?? 9);
  const folder = join(work, 'watch');
  mkdirSync(folder, { recursive: true });
  const input = join(folder, 'seed.txt');
  copyFileSync(seed, input);
  const original = readFileSync(input, 'utf8');
  const child = spawn(process.execPath, [cli, 'watch', input, '--format', 'all', '--out', join(folder, 'out'), '--json'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const runs = [];
  let waiting;
  let buffer = '';
  child.stdout.on('data', (chunk) => {
    buffer += chunk;
    let at;
    while ((at = buffer.indexOf('\n')) >= 0) {
      runs.push({ at: performance.now(), ...JSON.parse(buffer.slice(0, at)) });
      buffer = buffer.slice(at + 1);
      waiting?.();
    }
  });
  const next = (count) =>
    new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`watch gave ${runs.length} runs, waited for ${count}`)), 120_000);
      waiting = () => {
        if (runs.length >= count) {
          clearTimeout(timer);
          done(runs[count - 1]);
        }
      };
      waiting();
    });
  try {
    const first = await next(1);
    line('zhpress watch: first build of the seed (3 formats), in the process', `${first.ms} ms`);
    const latencies = [];
    const inProcess = [];
    const cpu = [];
    for (let i = 1; i <= edits; i++) {
      await new Promise((done) => setTimeout(done, 400));
      const edited = performance.now();
      writeFileSync(input, original.replace('\u4E0A\u5408\u7EC4\u7EC7', `\u4E0A\u5408\u7EC4\u7EC7${'\u4E00'.repeat(i)}`));
      const run = await next(1 + i);
      if (run.failed || run.error) throw new Error(`a rebuild failed: ${JSON.stringify(run)}`);
      latencies.push(run.at - edited);
      inProcess.push(run.ms);
      cpu.push(run.cpuMs);
    }
    check(`zhpress watch: edit of the seed to its 3 editions in place, median of ${edits}`, median(latencies), 100, { unit: 'ms', digits: 0 });
    line(`  min / max of the ${edits}`, `${Math.min(...latencies).toFixed(0)} / ${Math.max(...latencies).toFixed(0)} ms`);
    line('  of which the rebuild itself (reading to the last rename), median', `${median(inProcess).toFixed(0)} ms`);
    if (cpu.every((v) => typeof v === 'number')) line('  CPU time of the rebuild (user + system, all threads), median', `${median(cpu).toFixed(0)} ms`);
  } finally {
    child.kill('SIGINT');
  }
}

if (want('watch')) {
  console.log('# Watch (issue 21)');
  const started = performance.now();
  try {
    await watchLatency();
  } catch (error) {
    console.log(`  section failed: ${String(error.message ?? error).split('\n')[0]}`);
    process.exitCode = 1;
  }
  console.log(`  (section took ${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
}

if (want('paragraph')) {
  section('Long paragraph and long titles to PDF (issues 17 and 21), whole processes', () => {
    const folder = join(work, 'paragraph');
    mkdirSync(folder, { recursive: true });
    const han = readFileSync(seed, 'utf8').replace(/\s+/g, '');
    /** The seed's Han text (punctuation included, no spaces) repeated to `length` characters. */
    const hanText = (length) => han.repeat(Math.ceil(length / han.length)).slice(0, length);
    const bytes = 2 * 1024 * 1024;
    let text = '';
    while (Buffer.byteLength(text) < bytes) text += han;
    const paragraph = join(folder, 'paragraph.txt');
    writeFileSync(paragraph, `${Buffer.from(text).subarray(0, bytes).toString('utf8').replace(/\uFFFD+$/, '')}\n`);
    // A title is the front matter's (listed in the outline), over one short paragraph.
    const titled = (name, title) => {
      const file = join(folder, name);
      writeFileSync(file, `---\ntitle: "${title}"\n---\n\n${hanText(300)}\n`);
      return file;
    };
    const latinWord = (length) => 'abcdefghijklmnopqrstuvwxyz'.repeat(Math.ceil(length / 26)).slice(0, length);
    const cases = [
      ['one 2 MB paragraph', paragraph],
      ['a 100,000-character Chinese title', titled('title-han.md', hanText(100_000))],
      ['a title that is one 20,000-letter Latin word', titled('title-word.md', latinWord(20_000))],
      ['a title that is one 100,000-letter Latin word', titled('title-long-word.md', latinWord(100_000))],
    ];
    const runs = Number(process.env.BENCH_LONG_RUNS ?? 3);
    for (const [label, input] of cases) {
      const samples = [];
      for (let i = 0; i < runs; i++) {
        const run = timed(process.execPath, [cli, 'build', input, '--format', 'pdf', '--out', join(folder, 'out'), '--force', '--json'], { timeout: 300, allowFailure: true });
        if (run.timedOut || run.status !== 0) {
          line(`${label} to PDF`, run.timedOut ? 'did not finish within 300 s (over)' : `failed (status ${run.status})`);
          samples.length = 0;
          break;
        }
        samples.push({ ...run, pages: JSON.parse(run.stdout).pages });
      }
      if (samples.length === 0) continue;
      check(`${label} to PDF (${samples[0].pages} pages), median of ${runs}`, median(samples.map((r) => r.seconds)), 10, { unit: 's', digits: 1 });
      const cpu = samples.map((r) => r.cpuSeconds).filter((v) => v !== undefined);
      line('  CPU time (user + system), median', cpu.length ? `${median(cpu).toFixed(1)} s (wall time above includes waiting for a shared CPU)` : `n/a (${peakNote()})`);
      line('  min / max wall', `${Math.min(...samples.map((r) => r.seconds)).toFixed(1)} / ${Math.max(...samples.map((r) => r.seconds)).toFixed(1)} s`);
      const peaks = samples.map((r) => r.peakMb).filter((v) => v !== undefined);
      line('  peak RSS', peaks.length ? `${Math.max(...peaks).toFixed(0)} MB` : `n/a (${peakNote()})`);
    }
  });
}

if (want('batch')) {
  const FULL = 200;
  const explicit = only.includes('batch');
  const count = Number(process.env.BENCH_BATCH_INPUTS ?? (explicit || process.env.BENCH_FULL === '1' ? FULL : 40));
  const outputs = count * 3 * 2;
  const reduced = count !== FULL;
  const title = `Batch (issue 8): ${count} inputs x 3 formats x 2 variants = ${outputs} outputs`;
  section(reduced ? `${title} -- REDUCED from ${FULL} (BENCH_FULL=1 or \`node bench/run.mjs batch\` for the full size)` : title, () => {
    const samplesDir = join(root, '../shared/samples');
    const sources = [seed];
    if (existsSync(samplesDir)) sources.push(...readdirSync(samplesDir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(samplesDir, f)));
    const inputs = join(work, 'inputs');
    mkdirSync(inputs, { recursive: true });
    for (let i = 0; i < count; i++) copyFileSync(sources[i % sources.length], join(inputs, `doc-${String(i).padStart(3, '0')}.txt`));
    line('inputs', `${count} copies of ${sources.length} texts (the seed${sources.length > 1 ? ` and ${sources.length - 1} samples` : ''})`);

    // Targets are for the full size. A smaller run is not judged against them: each
    // worker's start (modules, fonts, OpenCC dictionaries, optimisation) does not shrink
    // with the batch, so a fraction of the inputs takes more than that fraction of the time.
    const scale = count / FULL;
    const unjudged = `no verdict: the targets are for ${FULL} inputs (node bench/run.mjs batch)`;
    const timeout = Number(process.env.BENCH_BATCH_TIMEOUT ?? (reduced ? Math.max(60, 600 * scale) : 900));
    const build = (jobs, out, extra = []) =>
      timed(process.execPath, [cli, 'build', inputs, '--format', 'all', '--variant', 'zh-Hans,zh-Hant-TW', '--jobs', String(jobs), '--out', out, '--json', ...extra], {
        timeout,
        allowFailure: true,
      });
    const summaryOf = (run) => {
      try {
        return JSON.parse(run.stdout);
      } catch {
        return undefined;
      }
    };
    const results = {};
    for (const jobs of [1, 2]) {
      const out = join(work, `batch-${jobs}`);
      rmSync(out, { recursive: true, force: true });
      const run = build(jobs, out);
      const summary = summaryOf(run);
      if (run.timedOut || !summary) {
        line(`--jobs ${jobs}`, run.timedOut ? `did not finish within ${timeout} s (over)` : `failed (status ${run.status}): ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
        continue;
      }
      results[jobs] = run.seconds;
      const label = `--jobs ${jobs}: wall time, ${summary.written} written, ${summary.failed} failed`;
      if (jobs === 2 && !reduced) check(label, run.seconds, 60, { unit: 's', digits: 1 });
      else line(label, `${run.seconds.toFixed(1)} s${jobs === 2 ? ` (${unjudged})` : ''}`);
      line(`  --jobs ${jobs}: documents per second`, `${(count / run.seconds).toFixed(2)} inputs/s, ${(summary.written / run.seconds).toFixed(1)} outputs/s, ${summary.pages} PDF pages`);
      line(`  --jobs ${jobs}: peak RSS of the process (threads included)`, run.peakMb !== undefined ? `${run.peakMb.toFixed(0)} MB` : `n/a (${peakNote()})`);
      if (summary.failed) line(`  --jobs ${jobs}: failures`, summary.failures.slice(0, 3).map((f) => `${f.input}: ${f.message}`).join(' | '));
      if (jobs === 2) {
        const again = build(2, out);
        const second = summaryOf(again);
        if (again.timedOut || !second) line('second, unchanged run with --jobs 2', again.timedOut ? `did not finish within ${timeout} s (over)` : `failed (status ${again.status})`);
        else
          check(`second, unchanged run with --jobs 2 (${second.skipped} skipped, ${second.written} written)`, again.seconds, 3, {
            unit: 's',
            digits: 2,
            note: reduced ? `${outputs} outputs; the target is for ${FULL * 6}` : '',
          });
      }
    }
    if (results[1] && results[2] && !reduced) check('speed-up from 1 to 2 jobs', results[1] / results[2], 1.7, { unit: 'x', digits: 2, atLeast: true });
    else if (results[1] && results[2]) line('speed-up from 1 to 2 jobs', `${(results[1] / results[2]).toFixed(2)} x (${unjudged})`);
    else line('speed-up from 1 to 2 jobs', 'n/a (a run did not finish)');
  });
}

rmSync(work, { recursive: true, force: true });
console.log(`whole benchmark run: ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`);
