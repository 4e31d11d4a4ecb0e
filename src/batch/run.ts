// A batch: every input x variant x format, on a pool of worker threads,
// skipping outputs that are up to date, writing each output atomically from
// the main thread. One failing input does not stop the others.
import { readdir, readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { isZhpressError } from '../errors.js';
import { plural } from '../plural.js';
import { ensureFolder, removeAbandonedTemporaries, writeAtomic } from '../io/write-atomic.js';
import type { Change, Lang } from '../model/types.js';
import { loadTemplate } from '../templates/index.js';
import type { Format } from '../writers/index.js';
import { jobHash, Manifest, MANIFEST_NAME } from './manifest.js';
import { DEFAULT_NAME, type InputRef, inShard, type Job, planJobs } from './plan.js';
import { type JobRequest, type JobResult, type JobSettings, renderJob } from './render-job.js';
import { Scheduler } from './schedule.js';
import { measureFreeCores } from './free-cores.js';
import { loadPlugins } from '../plugins/index.js';

/** Jobs (an input in one variant) a further thread needs to pay for its start; see the pool below. */
export const MIN_JOBS_PER_WORKER = 40;

/** Jobs handed to a worker thread at a time: one it renders, one waiting. */
const IN_HAND = 2;

export interface BatchOptions extends JobSettings {
  inputs: InputRef[];
  formats: Format[];
  variants: Lang[];
  out: string;
  /** Threads that render (this one and workers); default: the machine's cores that other programs leave free. 1 renders in this thread alone. */
  jobs?: number;
  /** Rebuild outputs even when they are up to date. */
  force?: boolean;
  shard?: { index: number; count: number };
  /** Output name pattern; fields {dir} {name} {variant} {ext}. */
  name?: string;
}

export interface OutputEvent {
  input: string;
  path: string;
  format: Format;
  variant: Lang;
  bytes: number;
  pages?: number;
  skipped: boolean;
}

export interface BatchEvents {
  start?(total: number): void;
  output?(event: OutputEvent): void;
  failure?(input: string, message: string): void;
  report?(input: string, change: Change): void;
  progress?(done: number, total: number, current: string): void;
  /** Something the user should know that is not a failure. */
  notice?(message: string): void;
}

export interface BatchSummary {
  written: number;
  skipped: number;
  failed: number;
  failures: { input: string; message: string }[];
  pages: number;
  bytes: number;
  seconds: number;
  /** Threads that rendered: 1 is this thread alone; n is this thread and n - 1 workers beside it. */
  workers: number;
  outputs: OutputEvent[];
}

async function version(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** What a user's own fonts look like now: their names, sizes and dates. */
async function userFonts(): Promise<string[]> {
  const names = await readdir('fonts').catch(() => [] as string[]);
  const found: string[] = [];
  for (const name of names.sort()) {
    const info = await stat(join('fonts', name)).catch(() => undefined);
    if (info?.isFile()) found.push(`${name}:${info.size}:${info.mtimeMs}`);
  }
  return found;
}

/** The compiled worker (under the TypeScript sources, as in tests, the one in dist/). */
function workerFile(): string {
  const here = import.meta.url;
  return (here.endsWith('.ts') ? new URL('../../dist/batch/worker.js', here) : new URL('./worker.js', here)).href;
}

export async function runBatch(options: BatchOptions, events: BatchEvents = {}): Promise<BatchSummary> {
  const started = performance.now();
  // Without --jobs: the cores other programs leave free, measured while the stale outputs are found.
  const cores = options.jobs === undefined ? measureFreeCores() : undefined;
  const shard = options.shard;
  // An output folder inside (or equal to) an input folder: the Markdown editions of an
  // earlier build would be read as inputs and built again (新闻.zh-Hans.zh-Hans.md).
  const earlier = new Set(Manifest.recorded(options.out).map((path) => resolve(path)));
  const own = options.inputs.filter((input) => earlier.has(resolve(input.path)));
  if (own.length) {
    events.notice?.(`${options.out}: notice: skipped ${plural(own.length, 'input')} that an earlier build wrote there (${own[0]!.path}${own.length > 1 ? ', …' : ''})`);
  }
  const given = own.length ? options.inputs.filter((input) => !earlier.has(resolve(input.path))) : options.inputs;
  const inputs = shard ? given.filter((input) => inShard(input.path, shard)) : given;
  // Plugins first: their formats name outputs, and each worker loads them again by these paths.
  const plugins = loadPlugins(options.plugins);
  const jobs = planJobs(inputs, options.variants, options.formats, options.name ?? DEFAULT_NAME);
  // An output folder that cannot be made stops the batch at once: every output would fail.
  await ensureFolder(options.out);
  // What a killed build (SIGKILL) left where this one writes.
  removeAbandonedTemporaries([options.out, ...jobs.flatMap((job) => Object.values(job.outputs).map((path) => dirname(join(options.out, path!))))]);
  const settings: JobSettings = {
    template: options.template,
    vocabulary: options.vocabulary,
    dictionaries: options.dictionaries?.map((d) => resolve(d)),
    skip: options.skip,
    from: options.from,
    encoding: options.encoding,
    lenient: options.lenient,
    ...(options.embedFonts ? { embedFonts: true } : {}),
    ...(plugins.length ? { plugins } : {}),
  };
  // A changed user dictionary rebuilds what it converts: its content is part of every hash.
  const dictionaries = await Promise.all((settings.dictionaries ?? []).map(async (d) => createHash('sha256').update(await readFile(d)).digest('hex')));
  // A changed plugin file rebuilds too (only its own file is read: not what it imports).
  const pluginFiles = await Promise.all(plugins.map(async (p) => createHash('sha256').update(await readFile(p)).digest('hex')));
  const common = { version: await version(), fonts: await userFonts(), settings, dictionaries, ...(plugins.length ? { plugins: pluginFiles } : {}) };
  const templates = new Map<Lang, unknown>();
  for (const variant of options.variants) templates.set(variant, loadTemplate(options.template, variant));
  const manifest = await Manifest.load(options.out);

  const summary: BatchSummary = { written: 0, skipped: 0, failed: 0, failures: [], pages: 0, bytes: 0, seconds: 0, workers: 1, outputs: [] };
  const total = jobs.reduce((n, job) => n + job.formats.length, 0);
  events.start?.(total);
  let done = 0;

  // Work out what is stale; report what is fresh as skipped.
  const pending: { job: Job; hashes: Partial<Record<Format, string>> }[] = [];
  const reported = new Set<string>();
  for (const job of jobs) {
    const hashes: Partial<Record<Format, string>> = {};
    const stale: Format[] = [];
    for (const format of job.formats) {
      const path = job.outputs[format]!;
      const hash = await jobHash(job.input, { ...common, variant: job.variant, format, template: templates.get(job.variant) }).catch(() => 'unreadable');
      hashes[format] = hash;
      if (!options.force && manifest.isFresh(path, hash)) {
        const info = await stat(join(options.out, path));
        const event: OutputEvent = { input: job.input, path: join(options.out, path), format, variant: job.variant, bytes: info.size, skipped: true };
        summary.skipped++;
        summary.outputs.push(event);
        events.output?.(event);
        events.progress?.(++done, total, job.input);
      } else {
        stale.push(format);
      }
    }
    if (stale.length) pending.push({ job: { ...job, formats: stale }, hashes });
  }

  // This thread renders too, and each further thread is a worker that starts from
  // nothing (modules, fonts, converters; its first documents run before V8 has
  // optimised the code) while this one has loaded the modules already. So a second
  // thread pays only its own start, on a core of its own, and the variants split
  // between the threads (src/batch/schedule.ts) so that each loads the fonts and
  // converters of its own variants alone. Two threads on this project's 2-core machine
  // do not run at twice the speed of one, though: memory-heavy work runs about 30 %
  // slower on each core while the other is busy too (two copies of a small allocating
  // program take 3.0 s each side by side against 2.3 s alone; a loop of arithmetic
  // 2.2 s either way), and one thread already has V8's collector working on the
  // second core. Measured 2026-12-03 (13 and 40 copies of the seed and samples, all
  // formats, both variants): 26 jobs 6.0-6.6 s with two threads against 5.4-5.6 s
  // with one, 80 jobs 9.6-10.0 s against 9.7-10.5 s. So each thread gets at least
  // MIN_JOBS_PER_WORKER jobs; a smaller build stays in this thread.
  const byJobs = Math.floor(pending.length / MIN_JOBS_PER_WORKER);
  let wanted = options.jobs ?? availableParallelism();
  // A core counts as free when other programs leave at least 3/4 of it (src/batch/free-cores.ts).
  if (cores && Math.min(wanted, byJobs) > 1) wanted = Math.min(wanted, Math.max(1, Math.floor((await cores.free()) + 0.25)));
  const threads = Math.max(1, Math.min(wanted, byJobs));
  summary.workers = threads;
  // One pool of one thread per further worker: this thread chooses which thread takes
  // which job, so that each keeps to its variants. Each worker holds two jobs, so that
  // it has the next at hand while this thread is busy rendering its own.
  const Piscina = threads > 1 ? (await import('piscina')).Piscina : undefined;
  const workers = Piscina
    ? Array.from(
        { length: threads - 1 },
        () =>
          new Piscina({
            filename: workerFile(),
            minThreads: 1,
            maxThreads: 1,
            concurrentTasksPerWorker: IN_HAND,
            idleTimeout: 1000,
            // A large young generation: rendering allocates much short-lived memory (see src/cli/heap.ts).
            resourceLimits: { maxYoungGenerationSizeMb: 3 * 64 },
          }),
      )
    : [];
  const failedInputs = new Set<string>();

  const handle = async ({ job, hashes }: (typeof pending)[number], result: JobResult) => {
    if (result.error) {
      if (!failedInputs.has(job.input)) {
        failedInputs.add(job.input);
        summary.failures.push({ input: job.input, message: result.error.message });
        events.failure?.(job.input, result.error.message);
      }
      summary.failed += job.formats.length;
      for (const format of job.formats) manifest.forget(job.outputs[format]!);
      done += job.formats.length;
      events.progress?.(done, total, job.input);
      return;
    }
    for (const change of result.report) {
      const key = `${job.input}\u0000${JSON.stringify(change)}`;
      if (!reported.has(key)) {
        reported.add(key);
        events.report?.(job.input, change);
      }
    }
    for (const item of result.rendered) {
      const relativePath = job.outputs[item.format]!;
      const path = join(options.out, relativePath);
      try {
        await writeAtomic(path, item.data, options.out);
      } catch (error) {
        // An output that cannot be written fails itself, not the batch: each is reported
        // (a full or read-only folder fails them all, and the user should see which).
        const message = isZhpressError(error) ? error.format() : `${path}: cannot write: ${(error as Error).message}`;
        summary.failures.push({ input: job.input, message });
        events.failure?.(job.input, message);
        summary.failed++;
        manifest.forget(relativePath);
        events.progress?.(++done, total, job.input);
        continue;
      }
      manifest.record(relativePath, hashes[item.format]!);
      const event: OutputEvent = { input: job.input, path, format: item.format, variant: job.variant, bytes: item.data.byteLength, pages: item.pages, skipped: false };
      summary.written++;
      summary.bytes += event.bytes;
      summary.pages += event.pages ?? 0;
      summary.outputs.push(event);
      events.output?.(event);
      events.progress?.(++done, total, job.input);
    }
  };

  const request = ({ job }: (typeof pending)[number], index: number): JobRequest => ({
    input: job.input,
    variant: job.variant,
    formats: job.formats,
    settings,
    withReadReport: pending.findIndex((p) => p.job.input === job.input) === index,
  });

  try {
    if (workers.length) {
      const sizes = new Map<string, number>();
      for (const item of pending) if (!sizes.has(item.job.input)) sizes.set(item.job.input, await stat(item.job.input).then((s) => s.size, () => 0));
      const items = pending.map((item, index) => ({ item, index, variant: item.job.variant, cost: sizes.get(item.job.input)! }));
      // Thread 0 is this one; thread w > 0 is workers[w - 1].
      const scheduler = new Scheduler(items, options.variants, threads);
      const handled: Promise<void>[] = [];
      let stopped = false;
      let failure: { error: unknown } | undefined;
      const run = (w: number, next: (typeof items)[number]) =>
        w === 0 ? renderJob(request(next.item, next.index)) : (workers[w - 1]!.run(request(next.item, next.index)) as Promise<JobResult>);
      const work = async (w: number) => {
        for (let next = scheduler.next(w); next && !stopped; next = scheduler.next(w)) {
          const result = await run(w, next).catch((error: unknown) => {
            stopped = true;
            throw error;
          });
          // Written while the thread goes on with its next job.
          handled.push(
            handle(next.item, result).catch((error: unknown) => {
              stopped = true;
              failure ??= { error };
            }),
          );
        }
      };
      // The workers' lanes first: this thread's own job holds it until its first wait.
      const lanes: Promise<void>[] = [];
      for (let w = 1; w < threads; w++) for (let k = 0; k < IN_HAND; k++) lanes.push(work(w));
      lanes.push(work(0));
      await Promise.all(lanes);
      await Promise.all(handled);
      if (failure) throw failure.error;
    } else {
      for (const [index, item] of pending.entries()) await handle(item, await renderJob(request(item, index)));
    }
  } finally {
    await Promise.all(workers.map((pool) => pool.destroy()));
    try {
      manifest.save();
    } catch (error) {
      // Not recording the build loses no output, only the next build's shortcut.
      if (!isZhpressError(error)) throw error;
      summary.failures.push({ input: join(options.out, MANIFEST_NAME), message: error.format() });
      events.failure?.(join(options.out, MANIFEST_NAME), error.format());
    } finally {
      manifest.close();
    }
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
