// The library patches (src/patches/README.md): the packages they patch are pinned
// and installed at that version, every patch installs and finds what it expects
// (none is skipped silently), a package that changed fails with one clear line,
// and no file outside src/patches reaches into another package's internals.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Document, Paragraph } from 'docx';
import { readText } from '../src/readers/text/index.js';
import { loadTemplate } from '../src/templates/index.js';
import { pdfWriter } from '../src/writers/pdf/index.js';
import { packageParts } from '../src/writers/docx/package.js';
import { bundledYargsShim, lazySegmenter, STRING_WIDTH, YARGS_SHIM } from '../src/patches/bundle-sources.js';
import { expectMembers, installedPatches, PATCHES } from '../src/patches/expect.js';
import { emphasisMarks } from '../src/patches/pdfmake-emphasis.js';
import { expectTables } from '../src/patches/fast-tables.js';
import { expectLayout } from '../src/patches/direct-layout.js';
import { skipHelpCache } from '../src/patches/yargs-help.js';
import { sharedFontkit } from '../src/patches/fontkit-shared.js';
import { openFace, findFamily } from '../src/fonts/index.js';
import { writeFonts } from '../src/fonts/write-fonts.js';

const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; overrides: Record<string, Record<string, string>> };
const versionAt = (folder: string) => (JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string }).version;

/** The folder of package `name` as Node resolves it from `from` (package.json files are often not exported). */
function packageDir(from: string, name: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`${name} is not installed where ${from} would find it`);
  }
}
const seed = join(root, 'seeds/000_fb7c4685e6dc9c77.txt');

/** The patched packages: pinned to an exact version in package.json. */
const PATCHED = ['fontkit', 'pdfkit', 'pdfmake', 'docx', 'yargs'];

describe('the patched packages', () => {
  it('are pinned exactly in package.json and installed at that version, where pdfmake loads them', () => {
    for (const name of PATCHED) expect(pkg.dependencies[name], name).toMatch(/^\d+\.\d+\.\d+$/);
    const pdfmake = packageDir(root, 'pdfmake');
    const pdfkit = packageDir(pdfmake, 'pdfkit');
    expect(versionAt(pdfkit)).toBe(pkg.dependencies.pdfkit);
    expect(versionAt(packageDir(pdfkit, 'fontkit'))).toBe(pkg.dependencies.fontkit);
    for (const name of ['pdfmake', 'docx', 'yargs']) expect(versionAt(packageDir(root, name)), name).toBe(pkg.dependencies[name]);
  });
  it('string-width, patched as the command line is bundled, is pinned by overrides for every parent that brings it', () => {
    const yargs = packageDir(root, 'yargs');
    const cliui = packageDir(yargs, 'cliui');
    const wrapAnsi = packageDir(cliui, 'wrap-ansi');
    for (const [parent, folder] of [['yargs', yargs], ['cliui', cliui], ['wrap-ansi', wrapAnsi]] as const) {
      expect(versionAt(packageDir(folder, 'string-width')), parent).toBe(pkg.overrides[parent]?.['string-width']);
    }
  });
});

describe('every patch', () => {
  it('installs on a PDF, a .docx and the command line, and none is left out', async () => {
    const template = loadTemplate('briefing', 'zh-Hans');
    await pdfWriter.write(readText({ text: readFileSync(seed, 'utf8'), path: seed }).edition, { template, date: new Date(0), fonts: writeFonts(template) });
    await packageParts(new Document({ sections: [{ children: [new Paragraph('x')] }] }));
    // (The seed has no emphasis: the dots' patch installs where a run asks for it.)
    expect(emphasisMarks()).toBe(true);
    const yargs = (await import('yargs')).default;
    skipHelpCache(yargs([]));
    // The CFF one needs a CFF font: Noto CJK from fontconfig where installed (CI installs it).
    const cff = findFamily('Noto Serif CJK SC');
    if (cff) openFace(cff.normal);
    else if (process.env.CI) throw new Error('Noto Serif CJK SC (fonts-noto-cjk) is required when CI is set');
    else console.warn('skipping the CFF patch: no Noto Serif CJK SC (apt-get install fonts-noto-cjk)');
    const expected = PATCHES.filter((name) => name !== 'string-width' && (cff || name !== 'cff-return-stubs'));
    expect(installedPatches()).toEqual(expected);
  }, 120_000);
  it('the bundle\u2019s source patches fit the installed yargs and string-width', () => {
    const shim = join(packageDir(root, 'yargs'), 'lib/platform-shims/esm.mjs');
    expect(YARGS_SHIM.test(shim)).toBe(true);
    const patched = bundledYargsShim(readFileSync(shim, 'utf8'), shim, 'SHIM_URL', 'BUNDLE_URL');
    expect(patched).toContain('fileURLToPath(SHIM_URL)');
    expect(patched).not.toContain('import.meta.url');
    const widths = readdirSync(join(root, 'node_modules'), { recursive: true, encoding: 'utf8' }).filter((f) => /(^|[\\/])string-width[\\/]index\.js$/.test(f)).map((f) => join(root, 'node_modules', f));
    const bundled = widths.filter((file) => STRING_WIDTH.test(file) && !relative(root, file).includes('cli-progress'));
    expect(bundled.length).toBeGreaterThanOrEqual(3);
    for (const file of bundled) expect(lazySegmenter(readFileSync(file, 'utf8'), file), file).toContain('eagerSegmenter ??= new Intl.Segmenter()');
  });
});

describe('a package that no longer fits its patch', () => {
  it('fails with one line naming the package, the member and what to do', () => {
    const font = sharedFontkit().create(readFileSync(findFamily('Noto Sans SC')!.normal.file)) as object;
    expect(() => expectTables({ ...font, _tables: undefined })).toThrow(/^zhpress's patch of fontkit no longer fits: Font\._tables is missing, expected an object$/);
    expect(() => expectLayout(Object.create(font, { _cmapProcessor: { value: {} } }) as object)).toThrow(/Font\._cmapProcessor\.lookup is missing, expected a function/);
    expect(() => expectMembers('docx', 'Packer.compiler', undefined, { compile: 'function' })).toThrow(/^zhpress's patch of docx no longer fits: Packer\.compiler is missing, not an object$/);
    expect(() => skipHelpCache({} as never)).toThrow(/patch of yargs no longer fits: the yargs instance\.getInternalMethods is missing/);
    expect(() => lazySegmenter('export default 1;', 'string-width/index.js')).toThrow(/patch of string-width no longer fits: string-width\/index\.js no longer has/);
    expect(() => bundledYargsShim('', 'esm.mjs', 'a', 'b')).toThrow(/patch of yargs no longer fits/);
    try {
      expectMembers('docx', 'Packer.compiler', {}, { compile: 'function' });
    } catch (error) {
      expect((error as { hint?: string }).hint).toMatch(/pins docx .*src\/patches\/README\.md.*npm ci/);
      expect((error as { exitCode?: number }).exitCode).toBe(70);
    }
  });
});

describe('outside src/patches', () => {
  it('no file touches another package\u2019s private members, module cache or private API', () => {
    const sources = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join('src', f).split('\\').join('/'));
    const offenders: string[] = [];
    for (const file of sources) {
      if (file.startsWith('src/patches/')) continue;
      const text = readFileSync(join(root, file), 'utf8');
      for (const [n, line] of text.split('\n').entries()) {
        if (/\.\s*_[A-Za-z]\w*|\[['"]_[A-Za-z]|require\.cache|getInternalMethods|\.prototype\b|Packer as unknown/.test(line.replace(/\/\/.*$/, ''))) offenders.push(`${file}:${n + 1}: ${line.trim()}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
