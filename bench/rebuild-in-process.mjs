// A watch rebuild's work, in one process: the seed edited (a character more each
// time), read and rendered to one format, over and over, as `zhpress watch` does.
// Prints medians of wall and CPU time (user + system) of the rebuilds after the
// first 10 (V8 has optimised by then). ZHPRESS_NO_PATCH=stream-memo,shared-runs
// leaves out what rebuilds reuse from the documents before them, to compare.
//
//   node bench/rebuild-in-process.mjs [pdf|docx|md] [rebuilds, default 30]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, root, seed } from './lib.mjs';

const format = process.argv[2] ?? 'pdf';
const rebuilds = Number(process.argv[3] ?? 30);
const lib = await import(join(root, 'dist/index.js'));
const folder = mkdtempSync(join(tmpdir(), 'zhpress-rebuild-'));
const input = join(folder, 'seed.txt');
const original = readFileSync(seed, 'utf8');
const wall = [];
const cpu = [];
for (let i = 1; i <= rebuilds; i++) {
  writeFileSync(input, original.replace('\u4E0A\u5408\u7EC4\u7EC7', `\u4E0A\u5408\u7EC4\u7EC7${'\u4E00'.repeat(i)}`));
  const started = performance.now();
  const used = process.cpuUsage();
  const prepared = await lib.prepare(input, {});
  await lib.render(prepared.edition, format, 'zh-Hans', { template: 'briefing' });
  const spent = process.cpuUsage(used);
  if (i > 10) {
    wall.push(performance.now() - started);
    cpu.push((spent.user + spent.system) / 1000);
  }
}
rmSync(folder, { recursive: true, force: true });
console.log(`seed edited, read and rendered to ${format} in one process (ZHPRESS_NO_PATCH=${process.env.ZHPRESS_NO_PATCH ?? ''}), medians of ${wall.length}: wall ${median(wall).toFixed(1)} ms, CPU ${median(cpu).toFixed(1)} ms`);
