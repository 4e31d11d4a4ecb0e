// `zhpress watch`: build once, then rebuild an input's editions whenever it, its
// sidecar, the template file or a user dictionary changes. Everything runs in this
// one process, so fonts, converters, templates and optimised code stay warm and a
// rebuild costs only the document's own work. Rebuilds go through runBatch, as
// `build` does: the same outputs, written atomically, recorded in the manifest.
import { type FSWatcher, watch } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { forgetPrepared, forgetTemplates, isZhpressError, removePendingTemporaries, runBatch, SIDECAR_SUFFIXES, writerEntry, type BatchOptions, type InputRef } from '../../index.js';
import { batchEvents } from '../progress.js';
import { type Args, buildOptions, buildSetup } from './build.js';

/** Changes closer together than this are one rebuild (an editor's save is often several events). */
const SETTLE_MS = 15;

/** Cheapest first (the registry's cost): the Markdown and Word editions of an edit are in place before the PDF. */
const cost = (format: string) => writerEntry(format)?.cost ?? 1;

export const watchCommand: CommandModule<object, Args> = {
  command: 'watch [inputs..]',
  describe: "build the inputs, then rebuild an input's editions whenever it, its sidecar, the template or a dictionary changes (Ctrl-C ends)",
  builder: buildOptions,
  handler: async (cli) => {
    const { args, options, quiet, templateFile, templateLabel } = await buildSetup(cli);
    const formats = [...options.formats].sort((a, b) => cost(a) - cost(b));
    const say = (line: string) => {
      if (!quiet) process.stderr.write(`${line}\n`);
    };

    /** Which input a changed file rebuilds; `all` for the template and the dictionaries. */
    const owners = new Map<string, InputRef | 'all'>();
    for (const input of options.inputs) {
      owners.set(resolve(input.path), input);
      for (const suffix of SIDECAR_SUFFIXES) owners.set(resolve(input.path + suffix), input);
    }
    if (templateFile) owners.set(resolve(templateFile), 'all');
    for (const dictionary of options.dictionaries ?? []) owners.set(resolve(dictionary), 'all');

    let building = false;
    let timer: NodeJS.Timeout | undefined;
    const changed = new Set<InputRef | 'all'>();

    const build = async (inputs: InputRef[], what: string, batch: Partial<BatchOptions> = {}) => {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const events = batchEvents({ quiet, terminal: false, templateFile: templateLabel });
      try {
        const summary = await runBatch({ ...options, formats, inputs, jobs: 1, ...batch }, events);
        const ms = performance.now() - started;
        // CPU time of the process (user + system) besides the wall time: on a busy machine the wall time is mostly waiting.
        const used = process.cpuUsage(cpu);
        const cpuMs = Math.round((used.user + used.system) / 1000);
        if (args.json) process.stdout.write(`${JSON.stringify({ built: what, written: summary.written, skipped: summary.skipped, failed: summary.failed, failures: summary.failures, ms: Math.round(ms), cpuMs })}\n`);
        say(`${what}: ${summary.written} written, ${summary.skipped} up to date, ${summary.failed} failed in ${ms.toFixed(0)} ms; watching`);
      } catch (error) {
        // A bad template or an unwritable output folder: said, and the watch goes on.
        const message = isZhpressError(error) ? error.format() : `internal error: ${(error as Error).message}`;
        process.stderr.write(`zhpress: ${message}\n`);
        if (args.json) process.stdout.write(`${JSON.stringify({ built: what, error: message })}\n`);
      } finally {
        events.stop();
      }
    };

    const rebuild = async () => {
      timer = undefined;
      if (building || changed.size === 0) return;
      building = true;
      const all = changed.has('all');
      const inputs = all ? options.inputs : options.inputs.filter((input) => changed.has(input));
      changed.clear();
      // What was read before may have changed on disk: read it again.
      forgetPrepared();
      if (all) forgetTemplates();
      await build(inputs, all ? 'rebuilt every input' : `rebuilt ${inputs.map((input) => input.path).join(', ')}`);
      building = false;
      if (changed.size > 0) void rebuild();
    };

    const onChange = (file: string) => {
      const owner = owners.get(file);
      if (!owner) return;
      changed.add(owner);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void rebuild(), SETTLE_MS);
    };

    building = true;
    await build(options.inputs, `built ${options.inputs.length} input${options.inputs.length === 1 ? '' : 's'}`, { jobs: options.jobs ?? 1 });
    building = false;

    // Folders, not files, are watched: an editor that saves by renaming a new file into
    // place replaces the file a watcher on it would follow.
    const watchers: FSWatcher[] = [];
    for (const folder of new Set([...owners.keys()].map((file) => dirname(file)))) {
      try {
        const watcher = watch(folder, (_event, name) => {
          if (name) onChange(resolve(folder, name.toString()));
        });
        watcher.on('error', (error) => process.stderr.write(`zhpress: ${folder}: cannot watch any more (${error.message})\n`));
        watchers.push(watcher);
      } catch (error) {
        process.stderr.write(`zhpress: ${folder}: cannot watch (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`);
      }
    }
    if (changed.size > 0) void rebuild();
    say(`watching ${options.inputs.length} input${options.inputs.length === 1 ? '' : 's'} in ${watchers.length} folder${watchers.length === 1 ? '' : 's'}; Ctrl-C ends`);

    // Ctrl-C is how a watch ends: no partial file stays, and it is no failure.
    const end = () => {
      for (const watcher of watchers) watcher.close();
      if (timer) clearTimeout(timer);
      removePendingTemporaries();
      say('watch ended');
      process.exit(0);
    };
    process.removeAllListeners('SIGINT');
    process.removeAllListeners('SIGTERM');
    process.on('SIGINT', end);
    process.on('SIGTERM', end);
    await new Promise<never>(() => {});
  },
};
