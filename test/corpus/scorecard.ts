// `npm run corpus`: the reader's scorecard on the real-text corpus.
//   npm run corpus                 every text: expected blocks found, wrong blocks, fully right
//   npm run corpus -- NAME…        also what differs in those texts (a name's start is enough)
//   npm run corpus -- --dir PATH   a held-out set instead: PATH/expected/*.expect, PATH/texts/*.txt
import { compareText, corpusTexts, kindFixtures } from './corpus.js';
import { differences } from './expect.js';

const args = process.argv.slice(2);
const dirAt = args.indexOf('--dir');
const dir = dirAt >= 0 ? args.splice(dirAt, 2)[1] : undefined;
const wanted = args;
const totals = new Map<string, { expected: number; found: number; wrong: number }>();
const tally = (tag: string) => {
  let t = totals.get(tag);
  if (!t) totals.set(tag, (t = { expected: 0, found: 0, wrong: 0 }));
  return t;
};
let right = 0;
let read = 0;
const missing: string[] = [];
const rows: string[] = [];
for (const text of dir ? corpusTexts(dir) : [...corpusTexts(), ...kindFixtures()]) {
  if (!text.path) {
    missing.push(text.name);
    continue;
  }
  read++;
  const c = compareText(text);
  const matchedE = new Set(c.pairs.map(([i]) => i));
  const matchedF = new Set(c.pairs.map(([, j]) => j));
  c.expected.forEach((r, i) => {
    tally(r.tag).expected++;
    if (matchedE.has(i)) tally(r.tag).found++;
  });
  c.found.forEach((r, j) => {
    if (!matchedF.has(j)) tally(r.tag).wrong++;
  });
  const ok = c.pairs.length === c.expected.length && c.pairs.length === c.found.length;
  if (ok) right++;
  const wrong = c.found.length - c.pairs.length;
  rows.push(`${ok ? 'ok  ' : '    '}${text.name.padEnd(64)} ${String(c.pairs.length).padStart(4)}/${String(c.expected.length).padEnd(4)} wrong ${wrong}`);
  if (wanted.some((w) => text.name.startsWith(w))) {
    rows.push(...differences(c, 200).map((l) => `      ${l}`));
  }
}
console.log(rows.join('\n'));
console.log('');
console.log(`texts fully right: ${right} of ${read}${missing.length ? ` (${missing.length} not on this machine: ${missing.join(', ')})` : ''}`);
console.log('');
console.log('record      expected   found  (%)    wrong');
for (const [tag, t] of [...totals].sort((a, b) => b[1].expected - a[1].expected)) {
  const pct = t.expected ? ((100 * t.found) / t.expected).toFixed(1) : '-';
  console.log(`${tag.padEnd(10)} ${String(t.expected).padStart(9)} ${String(t.found).padStart(7)}  ${pct.padStart(5)} ${String(t.wrong).padStart(8)}`);
}
