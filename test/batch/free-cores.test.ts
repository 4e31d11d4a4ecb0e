import { describe, expect, it } from 'vitest';
import { freeCores, measureFreeCores, MIN_WINDOW_MS } from '../../src/batch/free-cores.js';

const at = (ms: number, busy: number, own: number) => ({ at: ms, busy, own, cores: 2 });

describe('the cores free for a batch', () => {
  it("counts what other processes use, not this one's own work", () => {
    // 100 ms on 2 cores: 150 ms busy in all, 100 of them this process's: others used half a core.
    expect(freeCores(at(0, 1000, 10), at(100, 1150, 110))).toBeCloseTo(1.5);
    // All of it this process's: both cores free.
    expect(freeCores(at(0, 1000, 10), at(100, 1200, 210))).toBeCloseTo(2);
    // Others took both cores.
    expect(freeCores(at(0, 1000, 10), at(100, 1200, 10))).toBeCloseTo(0);
  });
  it('measures over at least the window it needs, and gives a number of cores', async () => {
    const started = performance.now();
    const free = await measureFreeCores().free();
    expect(performance.now() - started).toBeGreaterThanOrEqual(MIN_WINDOW_MS - 1);
    expect(free).toBeGreaterThanOrEqual(0);
  });
});
