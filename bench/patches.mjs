// What each library patch gains (src/patches/README.md): whole-process runs of the
// bundled command line with every patch and with one left out (ZHPRESS_NO_PATCH),
// alternating, medians of CPU time (user + sys, from /usr/bin/time: steadier than
// wall time on this shared machine) and of wall time.
//
//   node bench/patches.mjs FORMAT ROUNDS PATCH... [-- EXTRA BUILD ARGS]
//   node bench/patches.mjs pdf 7 fast-tables direct-layout light-subsets
//   node bench/patches.mjs docx 9 docx-compiler
//   node bench/patches.mjs md 11 yargs-help
//   node bench/patches.mjs pdf 5 fontkit-shared -- test/fixtures/kinds/01-commentary-column-kicker-subtitle.txt --jobs 1
//
// BENCH_BUNDLE=dist/cli/other.cjs runs another bundle as `without` (string-width is
// patched when bundling: build one with ZHPRESS_NO_PATCH=string-width).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { median, root, seed } from './lib.mjs';

const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const [format = 'pdf', rounds = '7', ...patches] = dash < 0 ? argv : argv.slice(0, dash);
const extra = dash < 0 ? [] : argv.slice(dash + 1);
const bundle = join(root, 'dist/cli/bundle.cjs');
if (!existsSync(bundle) || !existsSync('/usr/bin/time')) {
  console.error('needs dist/cli/bundle.cjs (npm run build) and /usr/bin/time (apt-get install time)');
  process.exit(1);
}
const args = format === 'version' ? ['--version'] : ['build', seed, ...extra, '--format', format, '--out', join(root, 'out/bench-patches'), '--force', '--quiet'];
const configs = [['all patches', bundle, {}], ...(process.env.BENCH_BUNDLE ? [[`bundle ${process.env.BENCH_BUNDLE}`, join(root, process.env.BENCH_BUNDLE), {}]] : []), ...patches.map((name) => [`without ${name}`, bundle, { ZHPRESS_NO_PATCH: name }])];

function run([, main, env]) {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', 'CPU %U %S', process.execPath, main, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(result.stderr);
  const [, user, sys] = /CPU ([\d.]+) ([\d.]+)/.exec(result.stderr);
  return { cpu: Number(user) + Number(sys), wall: (performance.now() - started) / 1000 };
}

for (const config of configs) run(config);
const samples = configs.map(() => []);
for (let i = 0; i < Number(rounds); i++) configs.forEach((config, k) => samples[k].push(run(config)));
console.log(`${format} ${extra.join(' ')} (node ${process.version}, ${rounds} alternating rounds)`);
configs.forEach(([label], k) => {
  const cpu = median(samples[k].map((s) => s.cpu));
  const wall = median(samples[k].map((s) => s.wall));
  console.log(`  ${label.padEnd(28)} CPU ${cpu.toFixed(2)} s   wall ${wall.toFixed(2)} s`);
});
