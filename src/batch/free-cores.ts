// How many cores are free for a batch's workers now: the default --jobs.
//
// A worker pays its own start (modules, fonts, converters, optimising the code), so
// two workers use about 1.4 times the CPU of one thread on a batch of some 80 outputs
// (13 inputs x 3 formats x 2 variants: 13.3-16.0 s against 9.6-10.5 s of CPU,
// 2026-12-02, 2 cores). When other programs take the second core, the second worker
// gets no core of its own and the batch only pays more: in alternating runs with other
// builds on the machine, --jobs 2 took 13.6 and 15.3 s against 9.0 and 9.9 s with
// --jobs 1; one --jobs 2 run that found the machine free took 7.5 s (the --jobs 1 run
// just before it 11.3 s). So the default counts the cores other processes leave free
// while the batch works out what is stale (os.cpus() times, less this process's own
// CPU time), and a --jobs the user gives is taken as given.
import { cpus } from 'node:os';

interface Sample {
  at: number;
  busy: number;
  own: number;
  cores: number;
}

function sample(): Sample {
  let busy = 0;
  const all = cpus();
  for (const { times } of all) busy += times.user + times.nice + times.sys + times.irq;
  const own = process.cpuUsage();
  return { at: performance.now(), busy, own: (own.user + own.system) / 1000, cores: all.length };
}

/** The shortest window worth judging by (os.cpus() counts in 10 ms ticks). */
export const MIN_WINDOW_MS = 100;

/** Start measuring; `free()` waits until the window is long enough and gives the free cores. */
export function measureFreeCores(): { free(): Promise<number> } {
  const start = sample();
  return {
    async free() {
      const wait = MIN_WINDOW_MS - (performance.now() - start.at);
      if (wait > 0) await new Promise((done) => setTimeout(done, wait));
      const end = sample();
      return freeCores(start, end);
    },
  };
}

/** Cores not used by other processes between two samples (this process's own use counts as free). */
export function freeCores(start: Sample, end: Sample): number {
  const wall = end.at - start.at;
  if (wall <= 0 || end.cores === 0) return end.cores;
  const others = Math.max(0, end.busy - start.busy - (end.own - start.own)) / wall;
  return Math.max(0, end.cores - others);
}
