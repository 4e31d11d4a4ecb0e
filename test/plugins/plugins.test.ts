// Plugins (issue 18): the example HTML plugin builds the seed through
// `zhpress build --plugin …` and through `plugins:` in the configuration; a bad
// plugin is one line naming its file; the library registers readers and transforms.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOneError, outputs, put, root, seed, tmp, zhpress } from '../robustness/helpers.js';
import { readInput } from '../../src/io/read-input.js';
import { runTransforms } from '../../src/index.js';
import { TRANSFORM_NAMES } from '../../src/transforms/index.js';
import { registerPlugin } from '../../src/plugins/index.js';
import { MIN_JOBS_PER_WORKER } from '../../src/batch/run.js';
import { INPUT_EXTENSIONS, READER_NAMES } from '../../src/readers/index.js';
import { FORMATS, loadWriter } from '../../src/writers/index.js';
import { loadTemplate } from '../../src/templates/index.js';
import { blockText, inlineText } from '../../src/model/visit.js';
import { edition as editionOf, article, paragraph, heading } from '../../src/model/builders.js';
import type { Edition } from '../../src/model/types.js';

const PLUGIN = join(root, 'examples/plugin-html/index.js');

/** The text of every element `tag` (h1–h5 for headings), tags inside it removed, entities read back. */
function elements(html: string, tag: string): string[] {
  const text = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return [...html.matchAll(new RegExp(`<(${tag})\\b[^>]*>([\\s\\S]*?)</\\1>`, 'g'))].map((m) => text(m[2]!));
}

/** The seed's model after the transforms, as `zhpress parse` prints it. */
function seedModel(): Edition {
  const result = zhpress(['parse', seed]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Edition;
}

describe('the example HTML plugin (examples/plugin-html)', () => {
  it('zhpress build --plugin: the HTML holds the seed\u2019s title, every heading (with its marker) and every paragraph\u2019s text', { timeout: 120_000 }, () => {
    const out = tmp('plugin');
    const result = zhpress(['build', seed, '--plugin', PLUGIN, '--format', 'html,md', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(outputs(out)).toEqual(['000_fb7c4685e6dc9c77.zh-Hans.html', '000_fb7c4685e6dc9c77.zh-Hans.md']);
    const html = readFileSync(join(out, '000_fb7c4685e6dc9c77.zh-Hans.html'), 'utf8');
    const model = seedModel();
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-Hans">/);
    expect(elements(html, 'title')).toEqual([model.meta.title ?? model.children[0]!.meta.title]);
    expect(elements(html, 'h1')).toEqual(model.children.map((a) => a.meta.title));
    const headings = model.children.flatMap((a) => a.children.filter((b) => b.type === 'heading').map((b) => (b.marker ?? '') + inlineText(b.children)));
    expect(headings.length).toBeGreaterThan(2);
    expect(elements(html, 'h[2-5]')).toEqual(headings);
    const paragraphs = model.children.flatMap((a) => a.children.filter((b) => b.type === 'paragraph').map((b) => blockText(b)));
    expect(elements(html, 'p').filter((p) => paragraphs.includes(p))).toEqual(paragraphs);
  });

  it('plugins: in zhpress.config.yaml, a path from the configuration\u2019s folder; two workers each load it', { timeout: 180_000 }, () => {
    const dir = tmp('plugin-config');
    mkdirSync(join(dir, 'texts'));
    mkdirSync(join(dir, 'plugins'));
    copyFileSync(PLUGIN, join(dir, 'plugins/html.mjs'));
    // Enough inputs for a second thread (MIN_JOBS_PER_WORKER each, src/batch/run.ts).
    for (let i = 0; i < 2 * MIN_JOBS_PER_WORKER; i++) put(join(dir, 'texts'), `t${String(i).padStart(2, '0')}.txt`, `第${i}号通知\n\n一、总体要求\n\n各单位要认真落实。\n`);
    put(dir, 'zhpress.config.yaml', 'inputs: [texts]\nformat: html\nplugins: [plugins/html.mjs]\nout: editions\n');
    const result = zhpress(['build', '--jobs', '2', '--json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as { written: number; workers: number };
    expect(summary).toMatchObject({ written: 2 * MIN_JOBS_PER_WORKER, workers: 2 });
    expect(elements(readFileSync(join(dir, 'editions/t07.zh-Hans.html'), 'utf8'), 'h2')).toEqual(['一、总体要求']);
  });
});

describe('a bad plugin is one line naming its file, exit 2, nothing written', () => {
  const dir = tmp('bad-plugin');
  put(dir, 'package.json', '{"type":"module"}');
  const cases: [string, string | undefined, RegExp][] = [
    ['missing.js', undefined, /missing\.js: plugin file not found/],
    ['no-export.js', 'export const helper = 1;\n', /no-export\.js: plugin: exports nothing zhpress can use; export default \{ writers/],
    ['no-write.js', 'export default { writers: { html: { extension: "html" } } };\n', /no-write\.js: plugin: writers\.html: write\(edition, context\) must be a function/],
    ['no-extension.js', 'export default { writers: { html: { write() {} } } };\n', /no-extension\.js: plugin: writers\.html: extension must be text/],
    ['taken.js', 'export default { writers: { pdf: { extension: "pdf", write() {} } } };\n', /taken\.js: format "pdf" is registered already \(by zhpress\)/],
    ['bad-name.js', 'export default { writers: { "My Format": { extension: "x", write() {} } } };\n', /bad-name\.js: format "My Format": a format's name is a short lower-case word/],
    ['typo.js', 'export default { writer: { html: {} } };\n', /typo\.js: plugin: unknown key "writer"; allowed here: name, writers, readers, transforms/],
    ['throws.js', 'throw new Error("no config");\n', /throws\.js: loading the plugin failed: Error: no config/],
    ['syntax.cjs', 'module.exports = {\n  writers: ;\n};\n', /syntax\.cjs:2: loading the plugin failed: SyntaxError/],
  ];
  for (const [name, content, message] of cases) {
    it(name, { timeout: 60_000 }, () => {
      if (content !== undefined) put(dir, name, content);
      const out = join(dir, `out-${name}`);
      const result = zhpress(['build', seed, '--plugin', `./${name}`, '--format', 'md', '--out', out], { cwd: dir });
      expectOneError(result, 2, message, name);
      expect(outputs(out)).toEqual([]);
    });
  }

  it('a writer that throws at work: one line naming the plugin and its error, exit 1', { timeout: 60_000 }, () => {
    put(dir, 'fails.js', 'export default { writers: { txt2: { extension: "txt2", write() { throw new TypeError("cannot"); } } } };\n');
    const result = zhpress(['build', seed, '--plugin', './fails.js', '--format', 'txt2', '--out', join(dir, 'out-fails')], { cwd: dir });
    expectOneError(result, 1, /fails\.js: the txt2 writer \(plugin\) failed: TypeError: cannot/);
  });

  it('a plugin\u2019s format without the plugin: the usage error says where formats come from', { timeout: 60_000 }, () => {
    expectOneError(zhpress(['build', seed, '--format', 'html', '--out', join(dir, 'out-none')]), 2, /unknown format "html" \(--format takes pdf, docx, md or all; a plugin's formats with --plugin\)/);
  });
});

describe('the library registers readers and transforms as well', () => {
  const dir = tmp('plugin-lib');
  registerPlugin(
    {
      name: 'lines',
      readers: {
        lines: {
          extensions: ['.lines'],
          // Each line a paragraph, "# " a heading: a reader is any function from text to a model.
          read: ({ text }: { text: string }) => ({
            edition: editionOf({ lang: 'zh-Hans' }, [
              article('a1', { title: '行' }, text.split('\n').filter(Boolean).map((line) => (line.startsWith('# ') ? heading(1, [line.slice(2)]) : paragraph([line])))),
            ]),
            report: [],
          }),
        },
      },
      transforms: [
        {
          name: 'shout',
          transform: (e: Edition) => ({ edition: { ...e, children: e.children.map((a) => ({ ...a, meta: { ...a.meta, title: `${a.meta.title}！` } })) }, report: [] }),
        },
      ],
    },
    'test-plugin',
  );

  it('a reader plugin: its extension is an input (folders are searched for it), --from knows its name', async () => {
    expect(INPUT_EXTENSIONS).toContain('.lines');
    expect(READER_NAMES).toContain('lines');
    const file = put(dir, 'a.lines', '# 总则\n第一条 内容。\n');
    const { edition } = await readInput(file);
    expect(edition.children[0]!.children.map((b) => [b.type, blockText(b)])).toEqual([
      ['heading', '总则'],
      ['paragraph', '第一条 内容。'],
    ]);
  });

  it('a transform plugin runs before convert, and --skip knows it', () => {
    expect(TRANSFORM_NAMES.slice(-2)).toEqual(['shout', 'convert']);
    const one = editionOf({ lang: 'zh-Hans' }, [article('a', { title: '题' }, [paragraph(['文'])])]);
    expect(runTransforms(one).edition.children[0]!.meta.title).toBe('题！');
    expect(runTransforms(one, { skip: ['shout'] }).edition.children[0]!.meta.title).toBe('题');
  });

  it('a writer plugin registered in-process is one of FORMATS and is loaded like the built-in ones', async () => {
    registerPlugin({ writers: { plain: { extension: 'txt', write: (e: Edition) => ({ data: e.children.map((a) => a.meta.title).join('\n') }) } } }, 'test-plugin');
    expect(FORMATS.slice(-1)).toEqual(['plain']);
    const written = await (await loadWriter('plain')).write(editionOf({ lang: 'zh-Hans' }, [article('a', { title: '题' }, [])]), { template: loadTemplate('briefing') });
    expect(written).toEqual({ data: '题', report: [] });
  });
});

