import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inShard, parseShard, planJobs } from '../../src/batch/plan.js';

describe('planJobs', () => {
  it('names outputs by input name, variant and extension, one job per input and variant', () => {
    const jobs = planJobs([{ path: 'seeds/人民日报 第2版.txt' }], ['zh-Hans', 'zh-Hant-TW'], ['pdf', 'md']);
    expect(jobs).toHaveLength(2);
    expect(jobs[1]!.outputs).toEqual({ pdf: '人民日报 第2版.zh-Hant-TW.pdf', md: '人民日报 第2版.zh-Hant-TW.md' });
  });
  it('keeps the folder structure below a named folder', () => {
    const jobs = planJobs([{ path: 'in/a/x.txt', root: 'in' }, { path: 'in/b/x.txt', root: 'in' }], ['zh-Hans'], ['md']);
    expect(jobs.map((j) => j.outputs.md)).toEqual(['a/x.zh-Hans.md', 'b/x.zh-Hans.md']);
  });
  it('never lets two inputs of the same name overwrite each other', () => {
    const jobs = planJobs([{ path: 'a/同名.txt' }, { path: 'b/同名.txt' }, { path: 'c/d/同名.txt' }], ['zh-Hans'], ['md']);
    const names = jobs.map((j) => j.outputs.md);
    expect(new Set(names).size).toBe(3);
    expect(names).toEqual(['a_同名.zh-Hans.md', 'b_同名.zh-Hans.md', 'd_同名.zh-Hans.md']);
  });
  it('keeps every output inside the output folder, whatever the pattern', () => {
    const [job] = planJobs([{ path: 'x.txt' }], ['zh-Hans'], ['md'], '../../{dir}/../{name}.{ext}');
    expect(job!.outputs.md).toBe('x.md');
  });
  it('refuses a pattern that would make outputs collide or lacks fields', () => {
    expect(() => planJobs([{ path: 'x.txt' }], ['zh-Hans', 'zh-Hant'], ['md'], '{name}.{ext}')).toThrow(/two outputs would both be written/);
    expect(() => planJobs([{ path: 'x.txt' }], ['zh-Hans'], ['md'], '{name}.{lang}.{ext}')).toThrow(/unknown field \{lang\}/);
  });
});

describe('shards', () => {
  it('parse K/N and refuse nonsense', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(() => parseShard('5/4')).toThrow(/bad --shard/);
    expect(() => parseShard('x')).toThrow(/bad --shard/);
  });
  it('every input falls in exactly one shard, for any N', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 6 }), (paths, count) => {
        for (const path of paths) {
          const owners = Array.from({ length: count }, (_, i) => inShard(path, { index: i + 1, count })).filter(Boolean);
          expect(owners).toHaveLength(1);
        }
      }),
    );
  });
});
