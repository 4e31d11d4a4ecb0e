// Traditional conversion in a fresh process, with the built library:
// building the converter (OpenCC's tables, zhpress's corrections, the jieba
// segmenter), the first conversion of the seed to zh-Hant-TW, the seed again
// (median), and 1 MB of text (the seed's articles repeated to 1,000,000 bytes
// of UTF-8), each beside plain opencc-js (s2tw, one converter, no segmentation:
// what the convert transform ran before it segmented words).
//   node bench/convert-in-process.mjs [runs]
import { createRequire } from 'node:module';
import { line, median } from './lib.mjs';
import { repeatedEdition, runTransforms, seedEdition, since } from './in-process.mjs';

const require = createRequire(import.meta.url);
const runs = Number(process.argv[2] ?? 7);
const { edition } = await seedEdition();
const options = { variant: 'zh-Hant-TW', skip: ['repair-breaks', 'punctuation'] };

/** The edition's text (its text runs, one a line), as plain opencc-js is given it. */
const textOf = (node) => {
  if (node.type === 'text') return node.value;
  return (node.children ?? []).map(textOf).join(node.type === 'text' ? '' : '\n');
};
const seedBytes = Buffer.byteLength(textOf(edition));
const big = repeatedEdition(edition, Math.max(1, Math.round(1_000_000 / seedBytes)));
const bigText = textOf(big);
const megabytes = Buffer.byteLength(bigText) / 1_000_000;

// The converter alone, where the internal module is there (not public API: skipped if it moved).
let buildMs;
try {
  const opencc = await import('../dist/transforms/convert/opencc.js');
  const { builtInDictionaries } = await import('../dist/io/dictionaries.js');
  const { from, to } = opencc.direction('zh-Hans', 'zh-Hant-TW', false);
  const started = performance.now();
  opencc.converter(from, to, builtInDictionaries)('一');
  buildMs = since(started);
} catch {
  buildMs = undefined;
}

let started = performance.now();
runTransforms(edition, options);
const firstMs = since(started);

const samples = [];
for (let i = 0; i < runs; i++) {
  started = performance.now();
  runTransforms(edition, options);
  samples.push(since(started));
}
const warm = median(samples);

const bigSamples = [];
for (let i = 0; i < Math.min(3, runs); i++) {
  started = performance.now();
  runTransforms(big, options);
  bigSamples.push(since(started));
}

// Plain opencc-js on the same texts.
started = performance.now();
const plain = require('opencc-js').Converter({ from: 'cn', to: 'tw' });
plain('一');
const plainBuildMs = since(started);
const seedText = textOf(edition);
const plainSeed = [];
for (let i = 0; i < runs; i++) {
  started = performance.now();
  plain(seedText);
  plainSeed.push(since(started));
}
const plainBig = [];
for (let i = 0; i < Math.min(3, runs); i++) {
  started = performance.now();
  plain(bigText);
  plainBig.push(since(started));
}

if (buildMs !== undefined) line('zh-Hant-TW: build the converter (OpenCC tables, corrections, jieba), first time', `${buildMs.toFixed(0)} ms`);
line(`zh-Hant-TW: first conversion of the seed${buildMs !== undefined ? ' (+ protector)' : ' (+ converter)'}`, `${firstMs.toFixed(1)} ms`);
line(`zh-Hant-TW: convert the seed edition, median of ${runs} after that`, `${warm.toFixed(1)} ms`);
line(`zh-Hant-TW: convert ${megabytes.toFixed(2)} MB (the seed x${big.children.length / edition.children.length}), median of ${bigSamples.length}`, `${(median(bigSamples) / 1000).toFixed(2)} s`);
line('  plain opencc-js s2tw: build the converter', `${plainBuildMs.toFixed(0)} ms`);
line('  plain opencc-js s2tw: the seed\'s text, median', `${median(plainSeed).toFixed(1)} ms`);
line(`  plain opencc-js s2tw: the ${megabytes.toFixed(2)} MB text, median`, `${(median(plainBig) / 1000).toFixed(2)} s`);
