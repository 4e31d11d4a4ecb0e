// PDF inside one process (issue 3), with the built library:
//   node bench/pdf-in-process.mjs            seed, first and median after it; then the
//                                            seed repeated 10x, 25x and 50x as one edition,
//                                            each in a child process (for its peak RSS)
//   node bench/pdf-in-process.mjs --scale N  (child) the seed x N: prints one JSON line
// BENCH_SCALES=10,25,50 chooses the sizes; BENCH_SCALE_TIMEOUT (s, default 120) bounds each child.
import { canMeasurePeak, check, line, peakNote, root, timed } from './lib.mjs';
import { inProcess, renderOnce, repeatedEdition, seedEdition } from './in-process.mjs';

const scaleAt = process.argv.indexOf('--scale');

if (scaleAt >= 0) {
  // Child: warm up on the seed, then time the repeated edition.
  const times = Number(process.argv[scaleAt + 1]);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const { edition } = await seedEdition();
  const warm = await renderOnce(edition, 'pdf');
  const big = repeatedEdition(edition, times);
  const run = await renderOnce(big, 'pdf');
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(JSON.stringify({ times, firstMs: warm.ms, ms: run.ms, pages: run.result.pages, bytes: run.result.data.byteLength, sampledPeakMb: peak / 1048576 }));
} else {
  await inProcess('pdf', { runs: 7, targetMs: 100 });

  const scales = (process.env.BENCH_SCALES ?? '10,25,50').split(',').map(Number).filter((n) => n > 0);
  const timeout = Number(process.env.BENCH_SCALE_TIMEOUT ?? 120);
  const results = [];
  for (const times of scales) {
    const child = timed(process.execPath, [new URL(import.meta.url).pathname, '--scale', String(times)], { cwd: root, timeout, allowFailure: true });
    if (!child.ok) {
      line(`seed x${times} to PDF, in process`, child.timedOut ? `did not finish within ${timeout} s (over)` : `failed: ${child.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      break;
    }
    const r = JSON.parse(child.stdout.trim().split('\n').pop());
    results.push(r);
    const peakMb = child.peakMb ?? r.sampledPeakMb;
    const how = canMeasurePeak ? 'peak RSS of the process' : 'peak RSS, sampled in process';
    const pageRate = r.pages ? `${r.pages} pages, ${((r.ms / 1000 / r.pages) * 1000).toFixed(1)} ms/page` : 'pages unknown';
    if (times === 50) {
      check(`seed x50 to PDF bytes, in process (after a first document)`, r.ms / 1000, 5, { unit: 's', digits: 2, note: pageRate });
      check(`seed x50 to PDF, ${how}`, peakMb, 400, { unit: 'MB', digits: 0, note: peakNote() });
    } else {
      line(`seed x${times} to PDF bytes, in process (after a first document)`, `${(r.ms / 1000).toFixed(2)} s, ${pageRate}`);
      line(`seed x${times} to PDF, ${how}`, `${peakMb.toFixed(0)} MB`);
    }
    line(`  (child process seed x${times}, whole: start, seed, x${times}, exit)`, `${child.seconds.toFixed(2)} s`);
  }
  if (results.length >= 2) {
    const a = results[0];
    const b = results[results.length - 1];
    const perPage = (r) => r.ms / r.pages;
    const ratio = perPage(b) / perPage(a);
    line(
      `linearity: time per page x${b.times} / x${a.times}`,
      `${ratio.toFixed(2)} (1.00 = linear; ${perPage(a).toFixed(1)} -> ${perPage(b).toFixed(1)} ms/page)`,
    );
  }
}
