// Robustness (issue 17, item 6): PDF line layout costs time linear in the length of a
// paragraph or a title. Four times the text may take about four times as long,
// never sixteen (quadratic); timed as CPU time in this process, best of two, so that
// a busy machine does not decide. And no character is lost on the way (pdftotext).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { article, edition, paragraph } from '../../src/model/builders.js';
import type { Edition } from '../../src/model/types.js';
import { loadTemplate } from '../../src/templates/index.js';
import { pdfWriter } from '../../src/writers/pdf/index.js';
import { clients, isSubsequence, run } from '../helpers/clients.js';
import { seed, tmp } from './helpers.js';
import { writeFonts } from '../../src/fonts/write-fonts.js';

const date = new Date('2025-08-29T00:00:00Z');
const template = loadTemplate('briefing', 'zh-Hans');
/** The seed's text without its layout (Han, full-width punctuation, some digits and Latin). */
const seedText = readFileSync(seed, 'utf8').replace(/\s+/g, '');
/** `bytes` bytes of the seed's text, one paragraph. */
const paragraphOf = (bytes: number) => {
  let text = '';
  while (Buffer.byteLength(text) < bytes) text += seedText;
  return Buffer.from(text).subarray(0, bytes).toString('utf8').replace(/\uFFFD+$/, '');
};
/** One Latin "word" of `length` letters (no space: pdfmake cuts it line by line). */
const word = (length: number) => 'abcdefghijklmnopqrstuvwxyz'.repeat(Math.ceil(length / 26)).slice(0, length);
const titled = (title: string, body: string): Edition => edition({ lang: 'zh-Hans', title }, [article('a1', { title }, [paragraph([body])])]);

async function pdf(e: Edition): Promise<Uint8Array> {
  return (await pdfWriter.write(e, { template, date, fonts: writeFonts(template) })).data as Uint8Array;
}

/** CPU milliseconds this process spends making the PDF, best of two. */
async function cost(e: Edition): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const before = process.cpuUsage();
    await pdf(e);
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** Non-space characters, one string per code point. */
const visible = (text: string) => [...text.replace(/\s+/g, '')];

describe('PDF line layout is linear in the length of the text', () => {
  beforeAll(async () => {
    await pdf(titled('T', paragraphOf(20_000))); // fonts loaded, code warm
  }, 120_000);

  const cases: [string, (scale: number) => Edition][] = [
    ['a paragraph (50 KB, then 200 KB)', (scale) => titled('T', paragraphOf(50_000 * scale))],
    ['a Chinese title (5,000 characters, then 20,000)', (scale) => titled(seedText.repeat(3 * scale).slice(0, 5_000 * scale), seedText.slice(0, 300))],
    ['a title that is one Latin word (2,000 letters, then 8,000)', (scale) => titled(word(2_000 * scale), seedText.slice(0, 300))],
  ];
  for (const [name, make] of cases) {
    it(`takes less than 8 times as long for 4 times ${name}`, async () => {
      const small = await cost(make(1));
      const large = await cost(make(4));
      expect(large / small, `${small.toFixed(0)} ms, then ${large.toFixed(0)} ms of CPU`).toBeLessThan(8);
    }, 300_000);
  }
});

describe.runIf(clients('pdftotext'))('nothing is lost in a long paragraph or a long title (pdftotext)', () => {
  const dir = tmp('linear');
  const check = async (e: Edition, wanted: string, name: string) => {
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, await pdf(e));
    const got = visible(run('pdftotext', ['-enc', 'UTF-8', file, '-']));
    const found = isSubsequence(visible(wanted), got);
    expect(found.ok, `lost after character #${found.at} of ${visible(wanted).length}`).toBe(true);
  };

  it('keeps every character of a 200 KB paragraph, in order', async () => {
    const text = paragraphOf(200_000);
    await check(titled('T', text), text, 'paragraph');
  }, 300_000);

  it('keeps every letter of a title that is one 20,000-letter word, and every character of a 20,000-character Chinese title', async () => {
    await check(titled(word(20_000), '\u6B63\u6587'), word(20_000), 'word');
    const title = seedText.repeat(3).slice(0, 20_000);
    await check(titled(title, '\u6B63\u6587'), title, 'han-title');
  }, 300_000);
});
