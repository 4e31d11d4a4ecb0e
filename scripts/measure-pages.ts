// Page-level faults over texts in the three built-in templates, measured from the PDFs:
//   npx tsx scripts/measure-pages.ts [inputs..]     (default: seeds, ../shared/samples, ../shared/corpus)
// Builds the PDFs with dist/ (run `npm run build` first) into a temporary folder, then
// prints per template the headings at a foot, orphans, widows, runts, empty pages,
// prohibited starts and ends, and for columns the baseline-grid share, the last pages left
// unbalanced and the bands above a title partway down a page more than a line out (of all
// such bands: "unbalanced/all"). --keep keeps the PDFs; --pdfs=folder measures the PDFs
// of an earlier --keep run (its template folders) without building;
// --verbose lists each fault; --templates=a,b; --variant=zh-Hant-TW (one variant, zh-Hans unless
// given); --cli=path/to/main.js (another build of the CLI).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadTemplate } from '../src/templates/index.js';
import { measurePdf, type Fault } from '../test/helpers/page-measure.js';

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const verbose = args.includes('--verbose');
const templateArg = args.find((a) => a.startsWith('--templates='));
const variant = args.find((a) => a.startsWith('--variant='))?.slice(10) ?? 'zh-Hans';
const cli = args.find((a) => a.startsWith('--cli='))?.slice(6);
const built = args.find((a) => a.startsWith('--pdfs='))?.slice(7);
const inputs = args.filter((a) => !a.startsWith('--'));
const root = resolve(import.meta.dirname, '..');
const folders = inputs.length ? inputs : [join(root, 'seeds'), resolve(root, '../shared/samples'), resolve(root, '../shared/corpus')];
// The texts of a folder (its README and notes are no texts).
const sources = folders.flatMap((f) => (statSync(f).isDirectory() ? readdirSync(f).filter((n) => n.endsWith('.txt')).map((n) => join(f, n)) : [f]));
const templates = templateArg ? templateArg.slice(12).split(',') : ['briefing', 'gbt9704', 'newspaper'];
const out = built ? resolve(built) : mkdtempSync(join(tmpdir(), 'zhpress-measure-'));
const kinds: Fault['kind'][] = ['heading-at-foot', 'orphan', 'widow', 'runt', 'empty-page', 'bad-start', 'bad-end'];
console.log(`variant ${variant}`);
console.log(['template', 'pdfs', 'pages', ...kinds, 'grid', 'unbalanced', 'bands'].join('\t'));
for (const name of templates) {
  const dir = join(out, name);
  if (!built) {
    const build = spawnSync('node', [cli ? resolve(cli) : join(root, 'dist/cli/main.js'), 'build', ...sources, '--format', 'pdf', '--variant', variant, '--template', name, '--out', dir, '--quiet', '--force', '--jobs', '1'], { encoding: 'utf8' });
    if (build.status !== 0 && build.status !== 1) throw new Error(`build failed: ${build.stderr}`);
  }
  const t = loadTemplate(name);
  const geometry = { top: (t.page.margins.top * 72) / 25.4, bottom: (t.page.margins.bottom * 72) / 25.4, columns: t.page.columns };
  const totals = Object.fromEntries(kinds.map((k) => [k, 0])) as Record<Fault['kind'], number>;
  let pages = 0;
  let files = 0;
  const grid: number[] = [];
  let unbalanced = 0;
  // Bands of columns above a title partway down a page: all, and those more than a line out.
  let bands = 0;
  let offBands = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort()) {
    const report = measurePdf(join(dir, file), geometry);
    files++;
    pages += report.pages;
    for (const k of kinds) totals[k] += report.counts[k];
    if (report.gridShare !== undefined) grid.push(report.gridShare);
    if ((report.lastPageImbalance ?? 0) > 1) {
      unbalanced++;
      if (verbose) console.log(`  ${name} ${file} p${report.pages} unbalanced last page (${report.lastPageImbalance} lines)`);
    }
    if (verbose) for (const f of report.faults) console.log(`  ${name} ${file} p${f.page} ${f.kind}: ${f.text.slice(0, 40)}`);
    for (const b of report.bands ?? []) {
      bands++;
      if (b.imbalance <= 1) continue;
      offBands++;
      if (verbose) console.log(`  ${name} ${file} p${b.page} unbalanced band (${b.imbalance} lines) above: ${b.title.slice(0, 40)}`);
    }
  }
  const share = grid.length ? `${Math.round(Math.min(...grid) * 100)}-${Math.round(Math.max(...grid) * 100)}%` : '-';
  console.log([name, files, pages, ...kinds.map((k) => totals[k]), share, grid.length ? unbalanced : '-', grid.length ? `${offBands}/${bands}` : '-'].join('\t'));
}
if (keep || built) console.log(`PDFs in ${out}`);
else rmSync(out, { recursive: true, force: true });
