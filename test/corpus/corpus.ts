// The real-text corpus: every `expected/NAME.expect` with its text, from
// `texts/` (public-domain texts kept in the project) or `../shared/corpus/`
// (copyrighted ones, read where that folder exists).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Edition } from '../../src/model/types.js';
import { readText } from '../../src/readers/text/index.js';
import { repairBreaks } from '../../src/transforms/repair-breaks.js';
import { compare, type Comparison, parseExpect, project } from './expect.js';

const here = import.meta.dirname;
export const SHARED_CORPUS = resolve(here, '../../../shared/corpus');
/** Where a text may be: kept in the project, the seeds, the shared corpus and samples. */
const PLACES = [join(here, 'texts'), resolve(here, '../../seeds'), SHARED_CORPUS, resolve(here, '../../../shared/samples')];

export interface CorpusText {
  name: string;
  /** Where the text is, or undefined when it is not on this machine. */
  path?: string;
  expectPath: string;
}

/** The made-up fixtures of test/fixtures/kinds: each text with its expectation beside it. */
export function kindFixtures(): CorpusText[] {
  const folder = resolve(here, '../fixtures/kinds');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith('.expect'))
    .sort()
    .map((f) => ({ name: f.replace(/\.expect$/, ''), path: join(folder, f.replace(/\.expect$/, '.txt')), expectPath: join(folder, f) }));
}

/**
 * The texts with an expectation in `expected/`, or in `<dir>/expected` with their texts in
 * `<dir>/texts` (a held-out set kept outside the project: `npm run corpus -- --dir PATH`).
 */
export function corpusTexts(dir?: string): CorpusText[] {
  const expected = dir ? join(dir, 'expected') : join(here, 'expected');
  const places = dir ? [join(dir, 'texts')] : PLACES;
  return readdirSync(expected)
    .filter((f) => f.endsWith('.expect'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.expect$/, '');
      const path = places.map((place) => join(place, `${name}.txt`)).find((p) => existsSync(p));
      return { name, path, expectPath: join(expected, f) };
    });
}

/** The reader and the structural transform, as `zhpress build` runs them. */
export function readCorpusText(path: string): { source: string; edition: Edition } {
  const source = readFileSync(path, 'utf8');
  const { edition } = readText({ text: source, path });
  return { source, edition: repairBreaks(edition, {}).edition };
}

export function compareText(text: CorpusText): Comparison & { edition: Edition; source: string } {
  const { source, edition } = readCorpusText(text.path!);
  const expected = parseExpect(readFileSync(text.expectPath, 'utf8'));
  return { ...compare(expected, project(edition)), edition, source };
}
