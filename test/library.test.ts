// The library as README shows it (issue 22, point 7): the example in "Library" runs as
// written against the built package, and wrong arguments are one clear error each.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isZhpressError, loadTemplate, loadWriter, readText, runTransforms } from '../src/index.js';

const root = join(import.meta.dirname, '..');

describe('the README library example', () => {
  it('runs as written: PDF bytes, a Taiwan title, a folder built to editions', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('\n## Library'));
    const code = /```js\n([\s\S]*?)```/.exec(section)![1]!;
    const dir = mkdtempSync(join(tmpdir(), 'zhpress-library-'));
    mkdirSync(join(dir, 'texts'));
    writeFileSync(join(dir, 'texts', '短讯.txt'), '合作共赢\n\n各方表示,将继续加强合作。\n');
    writeFileSync(join(dir, 'example.mjs'), code.replace("from 'zhpress'", `from ${JSON.stringify(pathToFileURL(join(root, 'dist/index.js')).href)}`));
    const result = spawnSync(process.execPath, ['example.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^\d{4,} bytes, 3 pages$/); // cover, contents, the text
    expect(lines[1]).toBe('上合組織峰會在天津舉行');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(
      ['短讯.zh-Hans.docx', '短讯.zh-Hans.md', '短讯.zh-Hans.pdf', '短讯.zh-Hant-TW.docx', '短讯.zh-Hant-TW.md', '短讯.zh-Hant-TW.pdf'].sort(),
    );
  }, 60_000);
});

describe('wrong arguments are a clear error', () => {
  const error = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(isZhpressError(e)).toBe(true);
      return (e as Error).message;
    }
    throw new Error('no error');
  };
  it('readText takes a string or { text }', () => {
    expect(readText('标题\n\n正文。\n').edition.children).toHaveLength(1);
    expect(error(() => readText(42 as never))).toMatch(/^readText\(\) takes the text as a string or as \{ text, path\? \}; got number/);
  });
  it('runTransforms wants the edition, a known variant and known transform names', () => {
    const read = readText('标题\n\n正文。\n');
    expect(error(() => runTransforms(read as never))).toMatch(/runTransforms\(\) takes an edition .*pass the reader result’s \.edition/);
    expect(error(() => runTransforms(read.edition, { variant: 'zh-TW' as never }))).toMatch(/unknown variant "zh-TW"; one of zh-Hans/);
    expect(error(() => runTransforms(read.edition, { skip: ['punctuations'] }))).toMatch(/unknown transform "punctuations"/);
  });
  it('loadWriter wants a known format; write wants a template', async () => {
    await expect(loadWriter('PDF' as never)).rejects.toThrow(/loadWriter\(\): unknown format "PDF"; one of pdf, docx, md/);
    const writer = await loadWriter('md');
    const { edition } = readText('标题\n\n正文。\n');
    await expect(async () => writer.write(edition, {} as never)).rejects.toThrow(/write\(\) takes \{ template \}/);
    expect(typeof (await writer.write(edition, { template: loadTemplate('briefing', 'zh-Hans') })).data).toBe('string');
  });
  it('the pure writers and convert transform, called without what the build layer reads, say how to get it', async () => {
    const { loadWriter: registryWriter } = await import('../src/writers/index.js');
    const { convert } = await import('../src/transforms/convert/index.js');
    const { edition } = readText('标题\n\n正文。\n');
    const template = loadTemplate('briefing', 'zh-Hans');
    for (const format of ['pdf', 'docx'] as const) {
      await expect(async () => (await registryWriter(format)).write(edition, { template })).rejects.toThrow(new RegExp(`the ${format} writer needs the fonts: .*writeFonts\\(template\\)`));
    }
    expect(() => convert(edition, { variant: 'zh-Hant-TW' })).toThrow(/the convert transform needs its dictionaries to convert to zh-Hant-TW/);
    // The library's own give them: fonts resolved, dictionary files read.
    expect((await (await loadWriter('docx')).write(edition, { template })).data).toBeInstanceOf(Uint8Array);
    expect(runTransforms(edition, { variant: 'zh-Hant-TW' }).edition.meta.lang).toBe('zh-Hant-TW');
  });
});
