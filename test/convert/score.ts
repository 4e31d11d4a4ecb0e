// `npm run convert-score`: the conversion scorecard on the regression set
// (test/fixtures/convert/regression/*.tsv), zhpress's character mode beside plain
// opencc-js (s2tw, s2hk) on the same sentences.
//   npm run convert-score              sentences fully right, wrong Han characters per 10,000
//   npm run convert-score -- --diff    also every wrong sentence, with the characters that differ
//   npm run convert-score -- --dir D   another folder of .tsv files
import { differences, expected, openccJs, REGRESSION_DIR, regressionSet, REGIONS, score, zhpress, type Region, type Sentence } from './regression.js';

const args = process.argv.slice(2);
const showDiff = args.includes('--diff');
const dirAt = args.indexOf('--dir');
const sentences = regressionSet(dirAt >= 0 ? args[dirAt + 1] : REGRESSION_DIR);
if (sentences.length === 0) {
  console.log('no regression set: test/fixtures/convert/regression/*.tsv is empty or missing');
  process.exit(0);
}

const files = new Set(sentences.map((s) => s.where.split(':')[0]));
console.log(`conversion regression set: ${sentences.length} sentences in ${files.size} file${files.size === 1 ? '' : 's'}, character mode (no --vocabulary)\n`);

const pad = (s: string, n: number) => s.padEnd(n);
const COLUMN = 44;
console.log(`${pad("", 12)}${pad("zhpress", COLUMN)}opencc-js`);
const results = new Map<Region, { ours: string[]; theirs: string[] }>();
for (const region of REGIONS) {
  const ours = zhpress(sentences, region);
  const theirs = openccJs(sentences, region);
  results.set(region, { ours, theirs });
  const a = score(sentences, region, ours);
  const b = score(sentences, region, theirs);
  const cell = (s: typeof a) => `${s.right}/${s.sentences} right, ${s.wrong} wrong = ${s.per10k.toFixed(1)} per 10k`;
  console.log(`${pad(region, 12)}${pad(cell(a), COLUMN)}${cell(b)}`);
}
const han = score(sentences, 'zh-Hant-TW', sentences.map((s) => s.taiwan)).han;
console.log(`\n(${han} Han characters in the Taiwan forms; quotation marks compared as one, “” = 「」)`);

if (showDiff) {
  const mark = (text: string, at: Set<number>) => [...text].map((ch, i) => (at.has(i) ? `[${ch}]` : ch)).join('');
  for (const region of REGIONS) {
    const { ours } = results.get(region)!;
    const wrong = sentences.map((s, i) => [s, ours[i]!] as [Sentence, string]).filter(([s, found]) => differences(expected(s, region), found).length > 0);
    console.log(`\n${region}: ${wrong.length} wrong sentence${wrong.length === 1 ? '' : 's'}`);
    for (const [s, found] of wrong) {
      const d = differences(expected(s, region), found);
      const at = new Set(d.map((x) => x.at));
      console.log(`  ${s.where}  ${d.map((x) => `${x.found}→${x.expected}`).join(' ')}`);
      console.log(`    source    ${s.simplified}`);
      console.log(`    zhpress   ${mark(found, at)}`);
      console.log(`    expected  ${mark(expected(s, region), at)}`);
    }
  }
}
