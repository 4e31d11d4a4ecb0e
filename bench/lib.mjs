// Small helpers for the benchmarks: run a command N times, take the median,
// read peak memory from /usr/bin/time when it is there, and print a figure
// next to its target. Benchmarks print; they never assert.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const cli = join(root, 'dist/cli/main.js');
export const seed = join(root, 'seeds/000_fb7c4685e6dc9c77.txt');

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const timeCommand = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const MARK = 'ZHPRESS_BENCH_MAXRSS_KB=';

/** Whether peak RSS of child processes can be measured (GNU time, "Maximum resident set size"). */
export const canMeasurePeak = Boolean(timeCommand);

/**
 * Run a command; return wall seconds and, where /usr/bin/time exists, the
 * child's peak RSS in MB (its "Maximum resident set size"; worker threads are
 * in the same process, so they are counted) and the CPU seconds it used (user +
 * system: on a shared machine, what the command itself cost). `timeout` is in seconds.
 * Throws when the command fails, unless `allowFailure`.
 */
export function timed(command, args, { timeout, allowFailure = false, ...options } = {}) {
  const started = performance.now();
  const result = timeCommand
    ? spawnSync(timeCommand, ['-f', `${MARK}%M %U %S`, command, ...args], {
        encoding: 'utf8',
        cwd: root,
        maxBuffer: 256 * 1024 * 1024,
        timeout: timeout ? timeout * 1000 : undefined,
        killSignal: 'SIGKILL',
        ...options,
      })
    : spawnSync(command, args, { encoding: 'utf8', cwd: root, maxBuffer: 256 * 1024 * 1024, timeout: timeout ? timeout * 1000 : undefined, killSignal: 'SIGKILL', ...options });
  const seconds = (performance.now() - started) / 1000;
  const timedOut = result.error?.code === 'ETIMEDOUT' || (timeout !== undefined && result.signal === 'SIGKILL' && seconds >= timeout);
  let stderr = result.stderr ?? '';
  let peakMb;
  let cpuSeconds;
  if (timeCommand) {
    const lines = stderr.split('\n');
    const at = lines.findLastIndex((l) => l.startsWith(MARK));
    if (at >= 0) {
      const [kb, user, system] = lines[at].slice(MARK.length).split(' ').map(Number);
      peakMb = kb / 1024;
      cpuSeconds = user + system;
      lines.splice(at, 1);
      stderr = lines.filter((l) => !/^Command (exited with non-zero status|terminated by signal)/.test(l)).join('\n');
    }
  }
  const ok = result.status === 0 && !timedOut;
  if (!ok && !allowFailure) {
    throw new Error(`${command} ${args.join(' ')} ${timedOut ? `timed out after ${timeout} s` : `failed (status ${result.status})`}:\n${stderr}`);
  }
  return { seconds, peakMb: Number.isFinite(peakMb) ? peakMb : undefined, cpuSeconds: Number.isFinite(cpuSeconds) ? cpuSeconds : undefined, stdout: result.stdout ?? '', stderr, status: result.status, timedOut, ok };
}

export function repeat(runs, fn) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(fn(i));
  return samples;
}

const LABEL = 70;

/** A figure without a target. */
export function line(label, value) {
  console.log(`${label.padEnd(LABEL)} ${value}`);
}

/**
 * A figure next to its target: `measured` and `target` in the same unit; a
 * target is met when measured <= target (or >= with `atLeast`); printed OK,
 * else "over" (or "under" for an at-least target).
 */
export function check(label, measured, target, { unit = '', digits = 3, atLeast = false, note = '' } = {}) {
  const fmt = (v) => `${v.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
  if (measured === undefined || !Number.isFinite(measured)) {
    console.log(`${label.padEnd(LABEL)} ${'n/a'.padEnd(12)} target ${atLeast ? '>=' : '<='} ${fmt(target)}   not measured${note ? `  (${note})` : ''}`);
    return;
  }
  const met = atLeast ? measured >= target : measured <= target;
  console.log(
    `${label.padEnd(LABEL)} ${fmt(measured).padEnd(12)} target ${atLeast ? '>=' : '<='} ${fmt(target).padEnd(10)} ${met ? 'OK' : atLeast ? 'under' : 'over'}${note ? `  (${note})` : ''}`,
  );
}

export function peakNote() {
  return canMeasurePeak ? '' : '/usr/bin/time not found: peak RSS not measured';
}
