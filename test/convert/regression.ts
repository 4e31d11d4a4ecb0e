// The conversion regression set (test/fixtures/convert/regression/*.tsv): real
// Simplified sentences with their right Taiwan and Hong Kong forms, written by
// reading. Columns: simplified, taiwan, hongkong, source; # starts a comment.
// Shared by the score script (score.ts) and the test (test/transforms/regression.test.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { article, edition, paragraph } from '../../src/model/builders.js';
import type { Lang } from '../../src/model/types.js';
import { blockText } from '../../src/model/visit.js';
import { convertEdition } from '../helpers/convert.js';

export const REGRESSION_DIR = join(import.meta.dirname, '../fixtures/convert/regression');

export interface Sentence {
  simplified: string;
  taiwan: string;
  hongkong: string;
  source: string;
  /** File name and line, for messages. */
  where: string;
}

export type Region = 'zh-Hant-TW' | 'zh-Hant-HK';
export const REGIONS: Region[] = ['zh-Hant-TW', 'zh-Hant-HK'];

export function expected(sentence: Sentence, region: Region): string {
  return region === 'zh-Hant-TW' ? sentence.taiwan : sentence.hongkong;
}

/** Every sentence of every .tsv file of the set, in file and line order. */
export function regressionSet(dir = REGRESSION_DIR): Sentence[] {
  if (!existsSync(dir)) return [];
  const sentences: Sentence[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort()) {
    readFileSync(join(dir, file), 'utf8')
      .replace(/^\uFEFF/u, '')
      .split(/\r?\n/u)
      .forEach((line, i) => {
        if (line.trim() === '' || line.startsWith('#')) return;
        const [simplified = '', taiwan = '', hongkong = '', source = ''] = line.split('\t');
        if (simplified === '' || taiwan === '' || hongkong === '') return;
        sentences.push({ simplified, taiwan, hongkong, source, where: `${file}:${i + 1}` });
      });
  }
  return sentences;
}

/** Quotation marks are the quotes option's business, not conversion's: compared as one. */
const QUOTES: Record<string, string> = { '\u201C': '\u300C', '\u201D': '\u300D', '\u2018': '\u300E', '\u2019': '\u300F' };
export function normaliseQuotes(text: string): string {
  return text.replace(/[\u201C\u201D\u2018\u2019]/gu, (q) => QUOTES[q]!);
}

/** zhpress's character mode (the convert transform, no vocabulary) on every sentence, in one edition. */
export function zhpress(sentences: readonly Sentence[], region: Region, vocabulary = false): string[] {
  if (sentences.length === 0) return [];
  const source = edition({ lang: 'zh-Hans' }, [article('regression', {}, sentences.map((s) => paragraph([s.simplified])))]);
  const out = convertEdition(source, { variant: region, vocabulary, quotes: 'source' }).edition;
  return out.children[0]!.children.map(blockText);
}

const plain = new Map<Region, (s: string) => string>();
/** Plain opencc-js (s2tw / s2hk) on every sentence. */
export function openccJs(sentences: readonly Sentence[], region: Region): string[] {
  const convert = plain.get(region) ?? OpenCC.Converter({ from: 'cn', to: region === 'zh-Hant-TW' ? 'tw' : 'hk' });
  plain.set(region, convert);
  return sentences.map((s) => convert(s.simplified));
}

const HAN = /\p{Script=Han}/u;

export interface Difference {
  /** Index of the code point in the expected sentence. */
  at: number;
  expected: string;
  found: string;
}

/** The Han characters of `found` that differ from `want` (quotation marks compared as one). */
export function differences(want: string, found: string): Difference[] {
  const a = [...normaliseQuotes(want)];
  const b = [...normaliseQuotes(found)];
  const out: Difference[] = [];
  if (a.length === b.length) {
    a.forEach((ch, i) => {
      if (ch !== b[i] && (HAN.test(ch) || HAN.test(b[i]!))) out.push({ at: i, expected: ch, found: b[i]! });
    });
    return out;
  }
  // Lengths differ (rare: a phrase written in more or fewer characters): every Han
  // character of the longer one that the common prefix and suffix do not explain.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  for (let k = 0; k < Math.max(endA - start, endB - start); k++) {
    out.push({ at: start + k, expected: a[start + k] ?? '', found: b[start + k] ?? '' });
  }
  return out;
}

export function hanCount(text: string): number {
  let n = 0;
  for (const ch of text) if (HAN.test(ch)) n++;
  return n;
}

export interface Score {
  sentences: number;
  right: number;
  han: number;
  wrong: number;
  /** Wrong Han characters per 10,000. */
  per10k: number;
}

export function score(sentences: readonly Sentence[], region: Region, found: readonly string[]): Score {
  let right = 0;
  let han = 0;
  let wrong = 0;
  sentences.forEach((s, i) => {
    const want = expected(s, region);
    han += hanCount(want);
    const d = differences(want, found[i]!);
    wrong += d.length;
    if (d.length === 0) right++;
  });
  return { sentences: sentences.length, right, han, wrong, per10k: han === 0 ? 0 : (wrong * 10_000) / han };
}

export type { Lang };
