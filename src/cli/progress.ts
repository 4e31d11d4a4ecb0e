// What a batch shows while it runs: a progress bar on a terminal (done/total,
// current file, elapsed, ETA), one plain line per output otherwise.
import { cliProgress } from '../lazy.js';
import { plural, type BatchEvents, type Change, type OutputEvent } from '../index.js';
import { formatChange, isProblem } from './report.js';

export function size(bytes: number): string {
  if (bytes === 0) return '0 KB';
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function describe(event: OutputEvent): string {
  if (event.skipped) return `up to date ${event.path}`;
  return `wrote ${event.path} (${event.pages ? `${plural(event.pages, 'page')}, ` : ''}${size(event.bytes)})`;
}

export interface EventsMode {
  quiet: boolean;
  terminal: boolean;
  /**
   * The template file (or "template NAME" for a built-in one): its font fallbacks
   * (a role set in another family than the template asked for) are shown once
   * each per batch as notices naming it.
   */
  templateFile?: string;
}

export function batchEvents(mode: EventsMode): BatchEvents & { stop(): void } {
  const errorLine = (line: string) => process.stderr.write(`${line}\n`);
  const noticed = new Set<string>();
  /** The notice line for a change worth showing though it is not a problem, once per batch. */
  const notice = (change: Change): string | undefined => {
    if (!mode.templateFile || change.kind !== 'font-fallback' || noticed.has(change.message)) return undefined;
    noticed.add(change.message);
    return `${mode.templateFile}: notice: [${change.source}] ${change.kind}: ${change.message}`;
  };
  if (mode.quiet) {
    return { failure: (_input, message) => errorLine(`zhpress: ${message}`), stop: () => {} };
  }
  if (!mode.terminal) {
    return {
      output: (event) => errorLine(describe(event)),
      notice: (message) => errorLine(message),
      failure: (_input, message) => errorLine(`zhpress: ${message}`),
      report: (input: string, change: Change) => {
        if (isProblem(change)) errorLine(formatChange(input, change));
        else {
          const line = notice(change);
          if (line) errorLine(line);
        }
      },
      stop: () => {},
    };
  }
  const bar = new (cliProgress().SingleBar)(
    {
      format: ' {bar} {value}/{total} outputs | {elapsed}s elapsed, ETA {eta_formatted} | {file}',
      hideCursor: true,
      stream: process.stderr,
      etaBuffer: 20,
      clearOnComplete: true,
    },
    cliProgress().Presets.shades_classic,
  );
  const messages: string[] = [];
  return {
    start: (total) => bar.start(total, 0, { file: '' }),
    progress: (done, _total, current) => bar.update(done, { file: current }),
    failure: (_input, message) => messages.push(`zhpress: ${message}`),
    notice: (message) => messages.push(message),
    report: (input, change) => {
      if (isProblem(change)) messages.push(formatChange(input, change));
      else {
        const line = notice(change);
        if (line) messages.push(line);
      }
    },
    stop: () => {
      bar.stop();
      for (const line of messages) errorLine(line);
    },
  };
}
