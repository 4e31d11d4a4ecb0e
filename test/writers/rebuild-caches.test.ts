// What a rebuild reuses from the documents before it: deflated streams and font
// subsets (src/patches/stream-memo.ts), laid-out runs (src/patches/shared-runs.ts) and
// each block's lines (src/writers/pdf/line-memo.ts). Rebuilds of edited documents find
// most of their work done, and every PDF is the same, byte for byte, as made without.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Edition } from '../../src/model/types.js';
import { sharedRunsUse, useSharedRuns } from '../../src/patches/shared-runs.js';
import { streamMemoUse, useStreamMemo } from '../../src/patches/stream-memo.js';
import { readText } from '../../src/readers/text/index.js';
import { loadTemplate } from '../../src/templates/index.js';
import { runTransforms } from '../../src/transforms/index.js';
import { pdfWriter } from '../../src/writers/pdf/index.js';
import { writeFonts } from '../../src/fonts/write-fonts.js';
import { lineMemoUse, useLineMemo } from '../../src/writers/pdf/line-memo.js';

const seedPath = join(import.meta.dirname, '../../seeds/000_fb7c4685e6dc9c77.txt');
const seedText = readFileSync(seedPath, 'utf8');
const read = (text: string): Edition => runTransforms(readText({ text, path: seedPath }).edition, {}).edition;
const date = new Date('2025-08-29T00:00:00Z');

async function pdf(e: Edition, template: string): Promise<Buffer> {
  const resolved = loadTemplate(template, 'zh-Hans');
  return Buffer.from((await pdfWriter.write(e, { template: resolved, date, fonts: writeFonts(resolved) })).data as Uint8Array);
}

afterAll(() => {
  useStreamMemo(true);
  useSharedRuns(true);
  useLineMemo(true);
});

describe('the stream, subset, run and line caches', () => {
  // An edit in the first article (a character the seed has, and one it has not) and one near the end.
  const editions: [string, Edition][] = [
    ['the seed', read(seedText)],
    ['a character more in the first article', read(seedText.replace('\u4E0A\u5408\u7EC4\u7EC7', '\u4E0A\u5408\u7EC4\u7EC7\u4E00'))],
    ['a character the seed lacks', read(seedText.replace('\u4E0A\u5408\u7EC4\u7EC7', '\u4E0A\u5408\u7EC4\u7EC7\u9F98'))],
    ['a sentence fewer at the end', read(seedText.slice(0, seedText.lastIndexOf('\u3002', seedText.length - 3) + 1))],
  ];
  for (const template of ['briefing', 'newspaper']) {
    it(`gives the bytes made without them, rebuild after rebuild (${template})`, async () => {
      useStreamMemo(false);
      useSharedRuns(false);
      useLineMemo(false);
      const plain: Buffer[] = [];
      for (const [, e] of editions) plain.push(await pdf(e, template));
      useStreamMemo(true);
      useSharedRuns(true);
      useLineMemo(true);
      const linesBefore = lineMemoUse();
      const before = streamMemoUse();
      const runsBefore = sharedRunsUse();
      for (let round = 0; round < 2; round++) {
        for (const [index, [name, e]] of editions.entries()) {
          const made = await pdf(e, template);
          expect(made.length, name).toBeGreaterThan(10_000);
          expect(made.equals(plain[index]!), `${name}, round ${round + 1}`).toBe(true);
        }
      }
      const after = streamMemoUse();
      // The second round finds every stream and subset of the first.
      expect(after.reused - before.reused).toBeGreaterThan(0);
      expect(after.subsetsReused - before.subsetsReused).toBeGreaterThanOrEqual(editions.length);
      const linesAfter = lineMemoUse();
      expect(linesAfter.reused - linesBefore.reused).toBeGreaterThan((linesAfter.asked - linesBefore.asked) / 2);
      const runsAfter = sharedRunsUse();
      expect(runsAfter.reused - runsBefore.reused).toBeGreaterThan((runsAfter.asked - runsBefore.asked) / 2);
    }, 180_000);
  }
});
