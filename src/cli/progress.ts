// What a batch shows while it runs: a progress bar on a terminal (done/total,
// current file, elapsed, ETA), one plain line per output otherwise.
import cliProgress from 'cli-progress';
import type { BatchEvents, Change, OutputEvent } from '../index.js';
import { formatChange, isProblem } from './report.js';

export function size(bytes: number): string {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function describe(event: OutputEvent): string {
  if (event.skipped) return `up to date ${event.path}`;
  return `wrote ${event.path} (${event.pages ? `${event.pages} pages, ` : ''}${size(event.bytes)})`;
}

export function batchEvents(mode: { quiet: boolean; terminal: boolean }): BatchEvents & { stop(): void } {
  const errorLine = (line: string) => process.stderr.write(`${line}\n`);
  if (mode.quiet) {
    return { failure: (_input, message) => errorLine(`zhpress: ${message}`), stop: () => {} };
  }
  if (!mode.terminal) {
    return {
      output: (event) => errorLine(describe(event)),
      failure: (_input, message) => errorLine(`zhpress: ${message}`),
      report: (input: string, change: Change) => {
        if (isProblem(change)) errorLine(formatChange(input, change));
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: ' {bar} {value}/{total} outputs | {elapsed}s elapsed, ETA {eta_formatted} | {file}',
      hideCursor: true,
      stream: process.stderr,
      etaBuffer: 20,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const messages: string[] = [];
  return {
    start: (total) => bar.start(total, 0, { file: '' }),
    progress: (done, _total, current) => bar.update(done, { file: current }),
    failure: (_input, message) => messages.push(`zhpress: ${message}`),
    report: (input, change) => {
      if (isProblem(change)) messages.push(formatChange(input, change));
    },
    stop: () => {
      bar.stop();
      for (const line of messages) errorLine(line);
    },
  };
}
