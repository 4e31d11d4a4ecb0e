import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Scheduler, STEAL_COLD_JOBS } from '../../src/batch/schedule.js';
import type { Lang } from '../../src/model/types.js';

type Item = { id: string; variant: Lang; cost: number };

const items = (inputs: number[], variants: Lang[]): Item[] =>
  inputs.flatMap((cost, i) => variants.map((variant) => ({ id: `${i}:${variant}`, variant, cost })));

/** Every job the workers take, in turns (worker 0, 1, ... while any takes one). */
function drain(scheduler: Scheduler<Item>, workers: number): Item[][] {
  const taken: Item[][] = Array.from({ length: workers }, () => []);
  const done = new Set<number>();
  while (done.size < workers) {
    for (let w = 0; w < workers; w++) {
      if (done.has(w)) continue;
      const next = scheduler.next(w);
      if (next) taken[w]!.push(next);
      else done.add(w);
    }
  }
  return taken;
}

describe('the batch scheduler', () => {
  it('gives each worker its own variant, largest input first', () => {
    const scheduler = new Scheduler(items([10, 30, 20], ['zh-Hans', 'zh-Hant-TW']), ['zh-Hans', 'zh-Hant-TW'], 2);
    const [first, second] = drain(scheduler, 2);
    expect(first!.map((i) => i.id)).toEqual(['1:zh-Hans', '2:zh-Hans', '0:zh-Hans']);
    expect(second!.map((i) => i.id)).toEqual(['1:zh-Hant-TW', '2:zh-Hant-TW', '0:zh-Hant-TW']);
  });

  it("takes another variant's jobs only when enough of them wait to pay for its start", () => {
    const variants: Lang[] = ['zh-Hans', 'zh-Hant-TW'];
    const few = new Scheduler(items([1], ['zh-Hans']).concat(items(Array(STEAL_COLD_JOBS - 1).fill(1), ['zh-Hant-TW'])), variants, 2);
    expect(few.next(0)!.variant).toBe('zh-Hans');
    // Nothing of its own left, too little of the other variant: this worker is done.
    expect(few.next(0)).toBeUndefined();
    const many = new Scheduler(items(Array(STEAL_COLD_JOBS).fill(1), ['zh-Hant-TW']), variants, 2);
    expect(many.next(0)!.variant).toBe('zh-Hant-TW');
    // Once it has rendered that variant, it goes on taking it to the end.
    const taken = drain(many, 2);
    expect(taken[0]!.length + taken[1]!.length).toBe(STEAL_COLD_JOBS - 1);
    expect(taken[0]!.length).toBeGreaterThan(0);
  });

  it('shares one variant among all workers', () => {
    const [a, b] = drain(new Scheduler(items([5, 4, 3, 2], ['zh-Hans']), ['zh-Hans'], 2), 2);
    expect(a!.map((i) => i.cost)).toEqual([5, 3]);
    expect(b!.map((i) => i.cost)).toEqual([4, 2]);
  });

  it('hands out every job exactly once, whatever the workers and variants', () => {
    const all: Lang[] = ['zh-Hans', 'zh-Hant-TW', 'zh-Hant-HK', 'zh-Hant'];
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { maxLength: 40 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }), (costs, count, workers) => {
        const variants = all.slice(0, count);
        const jobs = items(costs, variants);
        const taken = drain(new Scheduler(jobs, variants, workers), workers).flat();
        expect(taken.map((i) => i.id).sort()).toEqual(jobs.map((i) => i.id).sort());
      }),
    );
  });
});
