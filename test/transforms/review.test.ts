import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/readers/text/index.js';
import { phraseReview } from '../../src/transforms/convert/review.js';
import { runTransforms } from '../../src/transforms/index.js';

const seedPath = join(import.meta.dirname, '../../seeds/000_fb7c4685e6dc9c77.txt');
const seed = runTransforms(readText({ text: readFileSync(seedPath, 'utf8'), path: seedPath }).edition, { skip: ['convert'] }).edition;

describe('vocabulary review (zhpress check --variant zh-Hant-TW --vocabulary)', () => {
  const review = phraseReview(seed, 'zh-Hant-TW');
  const found = new Map(review.map((c) => [c.before, c]));

  it('lists each OpenCC Taiwan phrase conversion with its count', () => {
    expect(found.get('\u7db2\u7d61')).toMatchObject({ after: '\u7db2\u8def', kind: 'vocabulary' });
    expect(found.get('\u7db2\u7d61')!.message).toContain('\u00D74');
    const counts = review.map((c) => Number(/\u00D7(\d+)/.exec(c.message)![1]));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('leaves out what the news dictionary already keeps right', () => {
    for (const fixed of ['\u652f\u6301', '\u512a\u5316', '\u793e\u5340', '\u5149\u789f']) expect(found.has(fixed)).toBe(false);
  });
});
