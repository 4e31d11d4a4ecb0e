// In-process timings with the built library (dist/): the first document
// (cold: fonts, templates, modules warming up) and the median of the
// documents after it. Also usable on its own:
//   node bench/in-process.mjs <pdf|docx|md> [runs]
import { pathToFileURL } from 'node:url';
import { check, line, median, seed } from './lib.mjs';

const lib = await import('../dist/index.js');
export const { prepare, render, loadTemplate, loadWriter, documentDate, runTransforms } = lib;

/** Milliseconds since `started`. */
export const since = (started) => performance.now() - started;

/** The seed read and given the variant-independent transforms, once. */
export async function seedEdition() {
  const started = performance.now();
  const prepared = await prepare(seed, {});
  return { edition: prepared.edition, ms: since(started) };
}

/** The edition with its articles repeated `times` times, each copy with distinct ids. */
export function repeatedEdition(edition, times) {
  const children = [];
  for (let k = 0; k < times; k++) {
    for (const article of edition.children) children.push({ ...structuredClone(article), id: `${article.id}-r${k + 1}` });
  }
  return { ...edition, children };
}

/** One render to bytes, the way a build does it (convert step for the variant, template, writer). */
export async function renderOnce(edition, format, variant = 'zh-Hans') {
  const started = performance.now();
  const result = await render(edition, format, variant, { template: 'briefing' });
  return { ms: since(started), result };
}

/**
 * Print the in-process figures for one format: the first document, then the
 * median of `runs` after it. `targetMs` is the target for the median, if any.
 */
export async function inProcess(format, { runs = 7, targetMs, label = format } = {}) {
  const { edition, ms: prepareMs } = await seedEdition();
  const first = await renderOnce(edition, format);
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push((await renderOnce(edition, format)).ms);
  // Then on to the 20th document: V8 takes about that long to optimise the hot code,
  // so the documents right after the first are slower than a long batch's.
  const steady = [];
  for (let i = runs + 1; i < 20; i++) {
    const ms = (await renderOnce(edition, format)).ms;
    if (i >= 10) steady.push(ms);
  }
  const pages = first.result.pages;
  line(`seed to ${label}, in process: read + shared transforms (first)`, `${prepareMs.toFixed(1)} ms`);
  line(`seed to ${label}, in process: first document`, `${first.ms.toFixed(1)} ms${pages ? `, ${pages} pages` : ''}`);
  const label2 = `seed to ${label} bytes, in process, median of ${runs} after the first`;
  if (targetMs !== undefined) check(label2, median(samples), targetMs, { unit: 'ms', digits: 1 });
  else line(label2, `${median(samples).toFixed(1)} ms`);
  line(`  median of documents 11-20 (warmed up, as in a batch)`, `${median(steady).toFixed(1)} ms`);
  return { first: first.ms, median: median(samples), steady: median(steady), pages };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const format = process.argv[2] ?? 'pdf';
  const runs = Number(process.argv[3] ?? 7);
  const targets = { pdf: 100 };
  await inProcess(format, { runs, targetMs: targets[format] });
}
