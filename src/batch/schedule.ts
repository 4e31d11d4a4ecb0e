// Which job a free worker takes next, in a batch on several worker threads.
//
// A worker's start is most of a small batch's time, and much of it belongs to a
// variant: the Traditional editions need OpenCC's dictionaries, the segmenter and
// other fonts (Debian's CFF faces), the Simplified ones the SC fonts. Measured on
// 2 cores (13 inputs x 3 formats, one thread, CPU time): one variant alone 5.0-5.2 s
// (zh-Hans) and 5.2-6.1 s (zh-Hant-TW), both 7.9 s, of which 2.7-2.9 s is the work
// itself once everything is warm. So each worker has home variants (variant i goes
// to worker i mod n) and takes the largest job of its own first (largest first
// balances the end of the batch); a worker with nothing of its own left takes work
// of a variant it has not rendered yet only when enough of it remains to pay for
// that variant's start (STEAL_COLD_JOBS), and of a variant it has rendered, any.
// One input's variants go to different workers, so each reads the input again:
// reading is a few per cent of a job (a worker's cache of the input read last
// would not keep it across the variants anyway).
import type { Lang } from '../model/types.js';

/**
 * Jobs of a variant that must be waiting before a worker that has not rendered that
 * variant takes one. Starting a variant costs about 1.5 s of CPU on this project's
 * 2-core machine, a warm job about 0.1-0.2 s; while the stealer starts, the owner goes
 * on, so the rest is done at (R + start) / 2 instead of R, and stealing pays when the
 * owner's remaining work R is more than the start: about 10 jobs and more.
 */
export const STEAL_COLD_JOBS = 12;

export interface Schedulable {
  variant: Lang;
  /** Relative cost, larger first (the input's size in bytes). */
  cost: number;
}

export class Scheduler<T extends Schedulable> {
  /** Waiting jobs by variant, each queue largest first. */
  private readonly queues = new Map<Lang, T[]>();
  private readonly homes: Lang[][];
  private readonly warm: Set<Lang>[];

  constructor(items: readonly T[], variants: readonly Lang[], workers: number) {
    for (const variant of variants) this.queues.set(variant, []);
    for (const item of items) {
      if (!this.queues.has(item.variant)) this.queues.set(item.variant, []);
      this.queues.get(item.variant)!.push(item);
    }
    // A stable sort: equal costs keep the plan's order.
    for (const queue of this.queues.values()) queue.sort((a, b) => b.cost - a.cost);
    const all = [...this.queues.keys()];
    this.homes = Array.from({ length: workers }, () => [] as Lang[]);
    all.forEach((variant, i) => this.homes[i % workers]!.push(variant));
    // With more workers than variants, the others share the variants in turn.
    for (let w = all.length; w < workers; w++) this.homes[w]!.push(all[w % all.length]!);
    this.warm = Array.from({ length: workers }, () => new Set<Lang>());
  }

  get remaining(): number {
    let n = 0;
    for (const queue of this.queues.values()) n += queue.length;
    return n;
  }

  /** The job worker `w` should render next, taken off its queue; undefined: nothing for it. */
  next(w: number): T | undefined {
    const largest = (variants: Iterable<Lang>) => {
      let best: Lang | undefined;
      for (const variant of variants) {
        const head = this.queues.get(variant)?.[0];
        if (head && (best === undefined || head.cost > this.queues.get(best)![0]!.cost)) best = variant;
      }
      return best;
    };
    const others = [...this.queues.keys()].filter((v) => !this.homes[w]!.includes(v));
    const variant =
      largest(this.homes[w]!) ??
      largest(others.filter((v) => this.warm[w]!.has(v))) ??
      largest(others.filter((v) => this.queues.get(v)!.length >= STEAL_COLD_JOBS));
    if (variant === undefined) return undefined;
    this.warm[w]!.add(variant);
    return this.queues.get(variant)!.shift();
  }
}
