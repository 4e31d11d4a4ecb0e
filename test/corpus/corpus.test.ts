// The real-text corpus and the made-up fixtures of each kind of trap, read by the
// text reader and compared with the structure an editor wrote for each (FORMAT.md).
// Texts the reader does not yet read fully right are listed in known-gaps.txt with
// the number of expected records it finds: they may not fall below it, and a text
// that becomes right must leave the list. Nothing is lost in any text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockText } from '../../src/model/visit.js';
import { readText } from '../../src/readers/text/index.js';
import { repairBreaks } from '../../src/transforms/repair-breaks.js';
import { compareText, type CorpusText, corpusTexts, kindFixtures, SHARED_CORPUS } from './corpus.js';
import { differences } from './expect.js';

const han = (s: string) => [...(s.match(/\p{Script=Han}/gu) ?? [])];

function knownGaps(): Map<string, number> {
  const gaps = new Map<string, number>();
  for (const line of readFileSync(join(import.meta.dirname, 'known-gaps.txt'), 'utf8').split('\n')) {
    const m = /^(\S+)\s+(\d+)\b/.exec(line);
    if (m) gaps.set(m[1]!, Number(m[2]));
  }
  return gaps;
}

const gaps = knownGaps();

function check(text: CorpusText) {
  const c = compareText(text);
  // Nothing lost, nothing added: the Han characters of the model (meta and blocks) are the source's;
  // the blocks keep the source's order (title-block lines move into the article's meta).
  const edition = c.edition;
  const meta = edition.children.flatMap((a) => [a.meta.kicker, a.meta.titleDerived ? undefined : a.meta.title, a.meta.subtitle, ...(a.meta.notes ?? []), a.meta.bylineInText ? undefined : a.meta.byline]);
  const blocks = edition.children.flatMap((a) => a.children.map(blockText)).join('');
  // Page furniture a paragraph ran across stands after that paragraph: the order check leaves it out.
  const inOrder = edition.children.flatMap((a) => a.children.filter((b) => !(b.type === 'paragraph' && b.role === 'record')).map(blockText)).join('');
  expect([...han(meta.filter(Boolean).join('')), ...han(blocks)].sort().join('')).toBe(han(c.source).sort().join(''));
  const source = han(c.source);
  let at = 0;
  for (const ch of han(inOrder)) {
    while (at < source.length && source[at] !== ch) at++;
    expect(at, 'the blocks keep the order of the source').toBeLessThan(source.length);
    at++;
  }
  const right = c.pairs.length === c.expected.length && c.pairs.length === c.found.length;
  const floor = gaps.get(text.name);
  if (floor === undefined) {
    expect(differences(c, 60), `${text.name} differs from its expectation (npm run corpus -- ${text.name})`).toEqual([]);
  } else {
    expect(right, `${text.name} is now read right: remove it from known-gaps.txt`).toBe(false);
    expect(c.pairs.length, `${text.name}: expected records found`).toBeGreaterThanOrEqual(floor);
  }
}

describe('the real-text corpus (test/corpus/expected)', () => {
  const texts = corpusTexts();
  it('has the corpus', () => expect(texts.length).toBeGreaterThanOrEqual(70));
  const missing = texts.filter((t) => !t.path);
  if (missing.length) {
    const message = `${missing.length} corpus text(s) not on this machine (they are read from ${SHARED_CORPUS}): ${missing.map((t) => t.name).join(', ')}`;
    if (process.env.CI) it('finds every corpus text in CI', () => expect.fail(message));
    else console.warn(`skipping: ${message}`);
  }
  for (const text of texts) {
    if (!text.path) it.skip(`${text.name} (not on this machine)`, () => {});
    else it(text.name, () => check(text));
  }
});

describe('fixtures of each kind of trap (test/fixtures/kinds)', () => {
  const fixtures = kindFixtures();
  it('has a fixture for each of the thirteen kinds', () => expect(fixtures.length).toBeGreaterThanOrEqual(26));
  for (const text of fixtures) it(text.name, () => check(text));
});

describe('break repair on the corpus', () => {
  const joins = (path: string) => {
    const { edition } = readText({ text: readFileSync(path, 'utf8'), path });
    return repairBreaks(edition, {}).report.filter((c) => c.kind === 'join-paragraphs');
  };
  it('makes no join in texts without column breaks', () => {
    const texts = [...corpusTexts(), ...kindFixtures()].filter((t) => t.path && !/^000_|column-break/.test(t.name));
    const found = texts.flatMap((t) => joins(t.path!).map((c) => `${t.name}:${c.position?.start.line} ${c.before}`));
    expect(found).toEqual([]);
  });
  it('repairs the seed\u2019s two cut paragraphs, and says why', () => {
    const found = joins(join(import.meta.dirname, '../../seeds/000_fb7c4685e6dc9c77.txt'));
    expect(found.map((c) => c.position?.start.line)).toEqual([71, 167]);
    for (const c of found) expect(c.message).toMatch(/mid-sentence/);
  });
});
