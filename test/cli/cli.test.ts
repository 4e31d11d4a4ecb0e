// The command line as a user runs it: the built CLI (npm test builds it first).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli/main.js');
const seed = join(root, 'seeds/000_fb7c4685e6dc9c77.txt');

function run(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ZHPRESS_DEBUG: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const han = (s: string) => s.match(/\p{Script=Han}/gu)?.join('') ?? '';

describe('zhpress parse', () => {
  const { code, stdout } = run(['parse', seed]);
  const model = JSON.parse(stdout);
  it('prints the model of the seed: two articles', () => {
    expect(code).toBe(0);
    expect(model.modelVersion).toBe(1);
    expect(model.children).toHaveLength(2);
  });
  it('has the two broken paragraphs joined and the punctuation widened', () => {
    const texts: string[] = [];
    const walk = (n: any) => {
      if (n.type === 'text') texts.push(n.value);
      if (n.marker) texts.push(n.marker);
      n.children?.forEach(walk);
    };
    walk(model);
    const all = texts.join('\n');
    expect(all).toContain('上合组织继续坚持真正的多边主义');
    expect(all).toContain('持续推进“光盘行动”');
    expect(all).not.toMatch(/\p{Script=Han}[,;:()]|[,;:()]\p{Script=Han}/u);
    expect(all).toContain('5G');
    expect(all).toContain('60%');
    expect(all).toContain('8900亿美元');
  });
  it('keeps every Han character of the input in order', () => {
    const texts: string[] = [];
    const walk = (n: any) => {
      if (n.marker) texts.push(n.marker);
      if (n.type === 'text') texts.push(n.value);
      n.children?.forEach(walk);
    };
    walk(model);
    expect(han(texts.join(''))).toBe(han(readFileSync(seed, 'utf8')));
  });
  it('--raw gives the reader\u2019s model before the transforms', () => {
    const raw = JSON.parse(run(['parse', '--raw', seed]).stdout);
    expect(JSON.stringify(raw)).toContain('上合组织继续坚"');
  });
});

describe('zhpress check', () => {
  it('reports exactly the two repairs with line numbers', () => {
    const { stdout } = run(['check', seed]);
    const joins = stdout.split('\n').filter((l) => l.includes('join-paragraphs'));
    expect(joins).toHaveLength(2);
    expect(joins[0]).toMatch(/000_fb7c4685e6dc9c77\.txt:\d+:\d+: /);
  });
  it('exits 1 on problems and prints one line each', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhpress-check-'));
    const file = join(dir, '断行.txt');
    writeFileSync(file, '正文第一段。\n\n这是一个被分栏截断的段\n\n二、标题\n\n正文。\n');
    const { code, stdout } = run(['check', file]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/warning: .*suspect-break/);
  });
});

describe('errors a user meets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhpress-errors-'));
  const cases: [string, string | Uint8Array, RegExp, number][] = [
    ['空.txt', '', /the file is empty/, 1],
    ['空白.txt', ' \n\u3000\n', /only whitespace/, 1],
    ['图片.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), /not a text file/, 1],
    ['坏.json', '{"modelVersion": 1, "type": "edition", "meta": {"lang": "zh-Hans"}, "children": [{"type": "article", "id": "a", "meta": {}, "children": [{"type": "para", "children": []}]}]}', /\/children\/0\/children\/0\/type: unknown node type "para"/, 1],
  ];
  for (const [name, content, message, exit] of cases) {
    it(`${name}: one clear line naming the file, exit ${exit}, no stack`, () => {
      const file = join(dir, name);
      writeFileSync(file, content);
      const { code, stderr } = run(['parse', file]);
      expect(code).toBe(exit);
      expect(stderr).toMatch(message);
      expect(stderr).toContain(name);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).not.toMatch(/\n\s+at /);
    });
  }
  it('a missing file exits 2 with one line', () => {
    const { code, stderr } = run(['parse', join(dir, '没有.txt')]);
    expect(code).toBe(2);
    expect(stderr.trim()).toMatch(/没有\.txt: no such file/);
  });
  it('a bad option value is a usage error, exit 2', () => {
    const { code, stderr } = run(['build', seed, '--format', 'odt', '--out', dir]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown format "odt".*pdf, docx, md/);
  });
  it('stops quietly when the reader closes the pipe early (zhpress parse ... | head -c 100)', () => {
    const result = spawnSync('bash', ['-c', `"${process.execPath}" "${cli}" parse "${seed}" | head -c 100 > /dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('0');
  });
  it('--help describes every command', () => {
    const { code, stdout } = run(['--help']);
    expect(code).toBe(0);
    for (const command of ['build', 'parse', 'check', 'templates', 'fonts', 'schema']) expect(stdout).toContain(command);
  });
});

// npm run build bundles the command line with yargs and docx (scripts/bundle-cli.mjs): modules
// must still find their files, yargs its locales and, from any folder, zhpress's package.json.
describe('the bundled command line', () => {
  it('is bundle.cjs, yargs and docx included, run by the launcher in dist/cli/main.js', () => {
    const launcher = readFileSync(join(root, 'dist/cli/main.js'), 'utf8');
    expect(launcher).toContain('runBundle(');
    expect(launcher.split('\n').length).toBeLessThan(12);
    const bundle = readFileSync(join(root, 'dist/cli/bundle.cjs'), 'utf8');
    // Strict, as the ES modules it comes from were: the directive counts only before any statement.
    expect(bundle.replace(/^#!.*\n/, '').startsWith('"use strict";')).toBe(true);
    expect(bundle).not.toMatch(/require\(["'](yargs|docx)["']\)/);
    for (const writer of ['pdf', 'docx', 'markdown']) expect(bundle, writer).toContain(`// dist/writers/${writer}/index.js`);
    // import.meta is empty in CommonJS: every use was rewritten to the module's own place.
    expect(bundle).not.toMatch(/import\.meta|import_meta/);
    // Nor import(): V8 drops a script's dynamic import callback when the script comes from the code cache.
    expect(bundle).not.toMatch(/\bimport\(/);
  });
  it('writes the same Word file as the library (the bundled docx is the installed one)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'zhpress-bundle-'));
    const input = 'seeds/000_fb7c4685e6dc9c77.txt';
    const { code, stderr } = run(['build', input, '--format', 'docx', '--out', out, '--quiet']);
    expect(code, stderr).toBe(0);
    const lib = await import(pathToFileURL(join(root, 'dist/index.js')).href);
    const previous = process.cwd();
    process.chdir(root);
    try {
      const { edition } = await lib.prepare(input, {});
      const { data } = await lib.render(edition, 'docx', 'zh-Hans', { template: 'briefing' });
      expect(Buffer.compare(Buffer.from(data), readFileSync(join(out, '000_fb7c4685e6dc9c77.zh-Hans.docx')))).toBe(0);
    } finally {
      process.chdir(previous);
    }
  });
  it('finds yargs\u2019 locales and its own version when npm hoists its dependencies', () => {
    const project = mkdtempSync(join(tmpdir(), 'zhpress-hoisted-'));
    const modules = join(project, 'node_modules');
    mkdirSync(modules);
    for (const name of readdirSync(join(root, 'node_modules'))) if (!name.startsWith('.')) symlinkSync(join(root, 'node_modules', name), join(modules, name));
    const installed = join(modules, 'zhpress');
    for (const part of ['package.json', 'dist', 'templates', 'dictionaries']) cpSync(join(root, part), join(installed, part), { recursive: true });
    const launch = (args: string[]) =>
      spawnSync(process.execPath, [join(installed, 'dist/cli/main.js'), ...args], { cwd: project, encoding: 'utf8', env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' } });
    expect(launch(['--help']).stdout).toContain('\u547D\u4EE4\uFF1A');
    expect(launch(['--version']).stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });
  it('shares the parsed fonts with pdfkit (fontkit installed before pdfmake loads)', () => {
    const out = mkdtempSync(join(tmpdir(), 'zhpress-bundle-'));
    const { code, stderr } = run(['build', seed, '--format', 'pdf', '--out', out, '--quiet']);
    expect(code).toBe(0);
    expect(stderr).not.toContain('ZHPRESS_FONTS_NOT_SHARED');
    expect(readdirSync(out).filter((f) => f.endsWith('.pdf'))).toHaveLength(1);
  });
  it('prints zhpress\u2019s version from another folder', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const { code, stdout } = run(['--version'], tmpdir());
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(version);
  });
  it('speaks the user\u2019s language in its own words (zh_CN: \u547D\u4EE4 for Commands)', () => {
    const result = spawnSync(process.execPath, [cli, '--help'], { cwd: tmpdir(), encoding: 'utf8', env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' } });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('\u547D\u4EE4\uFF1A');
    expect(result.stdout).toContain('build');
  });
});

describe('zhpress build --format md', () => {
  it('writes one Markdown file per input and variant, atomically', () => {
    const out = mkdtempSync(join(tmpdir(), 'zhpress-md-'));
    const { code, stderr } = run(['build', seed, '--format', 'md', '--out', out]);
    expect(code, stderr).toBe(0);
    expect(readdirSync(out).filter((f) => !f.startsWith('.'))).toEqual(['000_fb7c4685e6dc9c77.zh-Hans.md']);
    const md = readFileSync(join(out, '000_fb7c4685e6dc9c77.zh-Hans.md'), 'utf8');
    expect(md.startsWith('---\n')).toBe(true);
    expect(md).toContain('lang: zh-Hans');
  });
  it('one failing input does not stop the others; exit 1; nothing partial left', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhpress-batch-'));
    writeFileSync(join(dir, '好.txt'), readFileSync(seed));
    writeFileSync(join(dir, '坏.txt'), Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    const out = join(dir, 'out');
    const { code, stderr } = run(['build', dir, '--format', 'md', '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/坏\.txt: /);
    expect(readdirSync(out).filter((f) => !f.startsWith('.'))).toEqual(['好.zh-Hans.md']);
  });
});

describe('zhpress build --dictionary', () => {
  it('applies a user dictionary over the built-in one, and refuses a missing file with exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhpress-dict-'));
    const dictionary = join(dir, 'keep.txt');
    writeFileSync(dictionary, '==\u4e0a\u6d77\u5408\u4f5c\u7ec4\u7ec7\n'); // ==: byte for byte (=: its characters converted)
    const out = join(dir, 'out');
    const { code, stderr } = run(['build', seed, '--format', 'md', '--variant', 'zh-Hant-TW', '--dictionary', dictionary, '--out', out, '--quiet']);
    expect(code, stderr).toBe(0);
    const md = readFileSync(join(out, '000_fb7c4685e6dc9c77.zh-Hant-TW.md'), 'utf8');
    expect(md).toContain('\u4e0a\u6d77\u5408\u4f5c\u7ec4\u7ec7');
    expect(md).toContain('\u5408\u4f5c');
    const missing = run(['build', seed, '--format', 'md', '--variant', 'zh-Hant-TW', '--dictionary', join(dir, 'none.txt'), '--out', out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/none\.txt.*dictionary file not found/);
  });
});
