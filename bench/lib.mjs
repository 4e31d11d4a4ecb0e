// Small helpers for the benchmarks: run a command N times, take the median,
// and read peak memory from /usr/bin/time when it is there.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const timeCommand = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Run a command; return wall seconds and, where /usr/bin/time exists, peak RSS in MB. */
export function timed(command, args, options = {}) {
  const started = performance.now();
  const result = timeCommand
    ? spawnSync(timeCommand, ['-f', '%M', command, ...args], { encoding: 'utf8', ...options })
    : spawnSync(command, args, { encoding: 'utf8', ...options });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  const rssKb = timeCommand ? Number(result.stderr.trim().split('\n').pop()) : NaN;
  return { seconds, peakMb: Number.isFinite(rssKb) ? rssKb / 1024 : undefined, stdout: result.stdout };
}

export function repeat(runs, fn) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(fn(i));
  return samples;
}

export function line(label, value) {
  console.log(`${label.padEnd(58)} ${value}`);
}
