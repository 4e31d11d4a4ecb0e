// pdfmake's line layout, made linear (src/patches/pdfmake-linear.ts): the same
// PDF, byte for byte, as pdfmake's own methods give (pdfkit's own layout of runs
// with features included), and a cost that grows with the
// length of a paragraph or a title, not with its square (issues 17 and 21).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { article, edition, paragraph } from '../../src/model/builders.js';
import type { Edition } from '../../src/model/types.js';
import { readText } from '../../src/readers/text/index.js';
import { loadTemplate } from '../../src/templates/index.js';
import { runTransforms } from '../../src/index.js';
import { pdfWriter } from '../../src/writers/pdf/index.js';
import { usePdfmakeLayout } from '../../src/patches/pdfmake-linear.js';
import { writeFonts } from '../../src/fonts/write-fonts.js';

const seedPath = join(import.meta.dirname, '../../seeds/000_fb7c4685e6dc9c77.txt');
const seedText = readFileSync(seedPath, 'utf8');
const seed: Edition = runTransforms(readText({ text: seedText, path: seedPath }).edition, {}).edition;
const date = new Date('2025-08-29T00:00:00Z');
const template = loadTemplate('briefing', 'zh-Hans');
/** The seed's Han text without its layout, repeated to `length` characters. */
const han = (length: number) => seedText.replace(/\s+/g, '').repeat(Math.ceil(length / 1000)).slice(0, length);

/** One Latin "word" of `length` letters. */
const word = (length: number) => 'abcdefghijklmnopqrstuvwxyz'.repeat(Math.ceil(length / 26)).slice(0, length);

const titled = (title: string, body: string) => edition({ lang: 'zh-Hans', title }, [article('a1', { title }, [paragraph([body])])]);

async function pdf(e: Edition, kind: 'original' | 'linear', name = 'briefing'): Promise<Buffer> {
  usePdfmakeLayout(kind);
  return Buffer.from((await pdfWriter.write(e, { template: loadTemplate(name, 'zh-Hans'), date, fonts: writeFonts(loadTemplate(name, 'zh-Hans')) })).data as Uint8Array);
}

afterAll(() => usePdfmakeLayout('linear'));

describe("pdfmake's line layout, linear", () => {
  const cases: [string, Edition, string?][] = [
    ['the seed', seed],
    ['the seed on the GB/T 9704 grid', seed, 'gbt9704'],
    ['the seed in newspaper columns', seed, 'newspaper'],
    // A centred title is broken by pdfmake itself; a Latin word wider than the line is cut (hard wrap).
    ['a long title with a word wider than the line', titled(`${han(300)}${'Wide'.repeat(60)} ${han(200)}`, han(3000))],
    ['a long paragraph with Latin words and glued dashes', titled('T', `${han(400)}——${han(10)} ZHPRESS 5G 3.5% ${han(2000)}——${han(300)}`)],
    // Cut line by line, its rest only measured up to a few lines ahead until it is short.
    ['a title that is one 3,000-letter Latin word', titled(word(3000), han(500))],
    ['a title that is one 3,000-letter Latin word, over newspaper columns', titled(`${han(20)} ${word(3000)} ${han(20)}`, han(3000)), 'newspaper'],
  ];
  for (const [name, e, templateName] of cases) {
    it(`gives the PDF pdfmake's own methods give: ${name}`, async () => {
      const original = await pdf(e, 'original', templateName);
      const linear = await pdf(e, 'linear', templateName);
      expect(linear.length).toBeGreaterThan(1000);
      expect(linear.equals(original)).toBe(true);
    }, 120_000);
  }

  // Best of two runs each, as the machine may be busy. pdfmake's own methods take
  // about 60 times as long for 8 times the title (quadratic); the linear ones about 8.
  it('lays out 8 times the title in well under 8 squared times as long', async () => {
    usePdfmakeLayout('linear');
    const time = async (length: number) => {
      const e = titled(han(length), han(100));
      let best = Infinity;
      for (let i = 0; i < 2; i++) {
        const started = performance.now();
        await pdfWriter.write(e, { template, date, fonts: writeFonts(template) });
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    await time(1000); // warm
    const small = await time(3000);
    const large = await time(24_000);
    expect(large / small, `${small.toFixed(0)} ms for 3,000 characters, ${large.toFixed(0)} ms for 24,000`).toBeLessThan(24);
  }, 180_000);
});
