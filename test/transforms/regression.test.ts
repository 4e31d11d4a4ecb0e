// The conversion regression set (test/fixtures/convert/regression/*.tsv) in
// character mode: every sentence right in Taiwan and Hong Kong, but those in
// test/convert/known-gaps.tsv, each with its reason. `npm run convert-score`
// prints the score beside plain opencc-js; `-- --diff` the wrong sentences.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { differences, expected, regressionSet, REGIONS, zhpress } from '../convert/regression.js';

const sentences = regressionSet();
const gaps = new Set(
  readFileSync(join(import.meta.dirname, '../convert/known-gaps.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t').slice(0, 2).join('\t')),
);

describe('the conversion regression set', () => {
  it('has its sentences', () => expect(sentences.length).toBeGreaterThanOrEqual(500));
  for (const region of REGIONS) {
    it(`is right in ${region}, character mode, but for the known gaps`, () => {
      const found = zhpress(sentences, region);
      const wrong: string[] = [];
      const cameRight: string[] = [];
      sentences.forEach((s, i) => {
        const d = differences(expected(s, region), found[i]!);
        const gap = gaps.has(`${s.where}\t${region}`);
        if (d.length > 0 && !gap) wrong.push(`${s.where} ${d.map((x) => `${x.found}→${x.expected}`).join(' ')}: ${found[i]}`);
        if (d.length === 0 && gap) cameRight.push(s.where);
      });
      expect(wrong, 'wrong sentences').toEqual([]);
      expect(cameRight, 'known gaps now right: take them out of test/convert/known-gaps.tsv').toEqual([]);
    });
  }
});
