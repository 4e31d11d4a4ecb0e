// Traditional conversion in a fresh process, with the built library: the
// first conversion to zh-Hant-TW (building the OpenCC converter and the
// dictionary protector), then the seed edition converted again (median).
//   node bench/convert-in-process.mjs [runs]
import { line, median } from './lib.mjs';
import { runTransforms, seedEdition, since } from './in-process.mjs';

const runs = Number(process.argv[2] ?? 7);
const { edition } = await seedEdition();
const options = { variant: 'zh-Hant-TW', skip: ['repair-breaks', 'punctuation'] };

// The converter alone, where the internal module is there (not public API: skipped if it moved).
let buildMs;
try {
  const opencc = await import('../dist/transforms/convert/opencc.js');
  const { from, to } = opencc.direction('zh-Hans', 'zh-Hant-TW', false);
  const started = performance.now();
  opencc.converter(from, to);
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
if (buildMs !== undefined) line('zh-Hant-TW: build the OpenCC converter (first time)', `${buildMs.toFixed(1)} ms`);
line(`zh-Hant-TW: first conversion of the seed${buildMs !== undefined ? ' (+ protector)' : ' (+ converter)'}`, `${firstMs.toFixed(1)} ms`);
line(`zh-Hant-TW: converter and protector set-up, first minus warm`, `${(firstMs + (buildMs ?? 0) - warm).toFixed(1)} ms`);
line(`zh-Hant-TW: convert the seed edition, median of ${runs} after that`, `${warm.toFixed(1)} ms`);
