// Robustness, second round (issue 17), the input side: Markdown nested past any
// sensible depth keeps every character; one bad input in a batch (a model nested
// 10,000 deep, a template with absurd sizes, a YAML alias bomb, a date that is no
// day, a broken font) is one line naming the file and the key, and the other
// inputs are still built; stdout that cannot be written is one line, never a trace.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMarkdown } from '../../src/readers/markdown/index.js';
import { isCalendarDate } from '../../src/model/dates.js';
import { BODY, build, cli, expectBuilt, expectOneError, outputs, outputText, put, root, seed, tmp, zhpress } from './helpers.js';

/** The Han characters of a text, in order. */
const han = (text: string) => (text.match(/\p{Script=Han}/gu) ?? []).join('');

/** The Han characters of a model's text nodes, in order (the article title from its `#` line). */
function modelHan(node: unknown): string {
  let out = '';
  const walk = (n: any) => {
    if (!n || typeof n !== 'object') return;
    if (n.type === 'article' && typeof n.meta?.title === 'string') out += n.meta.title;
    if (n.type === 'text') out += n.value;
    if (Array.isArray(n.children)) n.children.forEach(walk);
  };
  walk(node);
  return han(out);
}

const deepQuote = (n: number) => `# 标题\n\n${'>'.repeat(n)} 深层引用的文字内容。\n\n> 浅层引用。\n\n正文最后一段。\n`;
const deepList = (n: number) => `# 列表\n\n${Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- 第${i}项`).join('\n')}\n\n正文最后一段。\n`;
const mixed = (n: number) => `# 混合\n\n${Array.from({ length: n }, (_, i) => (i % 2 ? '> ' : '- ')).join('')}混合的文字。\n\n正文最后一段。\n`;

describe('Markdown nested deeper than the reader follows keeps every character', () => {
  const cases: [string, string][] = [
    ['a 100-deep quote', deepQuote(100)],
    ['a 1,000-deep quote', deepQuote(1000)],
    ['a 10,000-deep quote', deepQuote(10_000)],
    ['a 1,000-item nested list', deepList(1000)],
    ['quotes and lists mixed 300 deep', mixed(300)],
    ['bold and emphasis 5,000 deep', `# 行内\n\n${'*a '.repeat(5000)}强调文字${' a*'.repeat(5000)}\n`],
    ['10,000 asterisks', `# 行内\n\n${'*'.repeat(10_000)}强调文字${'*'.repeat(10_000)}\n`],
    ['10,000 brackets', `# 行内\n\n${'['.repeat(10_000)}链接文字${']'.repeat(10_000)}\n`],
  ];
  for (const [name, source] of cases) {
    it(name, { timeout: 60_000 }, () => {
      const { edition, report } = readMarkdown({ text: source, path: 'deep.md' });
      expect(modelHan(edition)).toBe(han(source));
      // A 100-deep quote is past the limit too; brackets nest nothing (they are text).
      if (!name.includes('brackets')) expect(report.some((c) => c.severity === 'warning' && /nested deeper|nested list/.test(c.message)), JSON.stringify(report.slice(0, 3))).toBe(true);
    });
  }

  it('a 1,000-deep quote built to Markdown: exit 0, a warning on stderr, every character in the edition', { timeout: 60_000 }, () => {
    const dir = tmp('deep');
    const file = put(dir, '深.md', deepQuote(1000));
    const { result, out } = build(file, 'md');
    expectBuilt(result);
    expect(result.stderr).toMatch(/深\.md:3:1: warning: .*nested deeper than 32 levels/);
    expect(han(outputText(out, 'md'))).toContain(han(deepQuote(1000)));
  });

  it('a 1,000-item nested list built to Markdown keeps all 1,000 items', { timeout: 60_000 }, () => {
    const dir = tmp('deep');
    const file = put(dir, '列表.md', deepList(1000));
    const { result, out } = build(file, 'md');
    expectBuilt(result);
    const md = outputText(out, 'md');
    for (const i of [0, 48, 49, 500, 999]) expect(md).toContain(`第${i}项`);
    expect(han(md)).toContain(han(deepList(1000)));
  });
});

describe('one bad input in a batch: one line naming the file, the others built', () => {
  let dir: string;
  let good: string;
  beforeAll(() => {
    dir = tmp('bad');
    good = put(dir, '好.txt', BODY);
  });

  it('a JSON model nested 10,000 deep', { timeout: 60_000 }, () => {
    let nested = '{"type":"text","value":"深"}';
    for (let i = 0; i < 10_000; i++) nested = `{"type":"strong","children":[${nested}]}`;
    const model = `{"modelVersion":1,"type":"edition","meta":{"lang":"zh-Hans"},"children":[{"type":"article","id":"a","meta":{},"children":[{"type":"paragraph","children":[${nested}]}]}]}`;
    const file = put(dir, '深.json', model);
    const out = join(dir, 'out-json');
    const result = zhpress(['build', file, good, '--format', 'md', '--out', out]);
    expectOneError(result, 1, /深\.json: \/children\/0\/children\/0.*nested deeper than 256 levels/, '深.json');
    expect(outputs(out)).toEqual(['好.zh-Hans.md']);
  });

  const templates: [string, string, RegExp][] = [
    ['size: 1e308', 'styles: { body: { size: 1e308 } }', /styles\.body\.size: .*larger than the type area/],
    ['size: .inf', 'styles: { title: { size: .inf } }', /styles\.title\.size: Infinity is not a finite length/],
    ['size: .nan', 'styles: { body: { size: .nan } }', /styles\.body\.size: NaN is not a finite length/],
    ['a 5000 pt type size', 'styles: { heading1: { size: 5000pt } }', /styles\.heading1\.size: 5000 pt is larger than the type area/],
    ['spaceBefore: 1e308', 'styles: { title: { spaceBefore: 1e308 } }', /styles\.title\.spaceBefore: .*more than the type area's height/],
    ['leading: 100000', 'styles: { body: { leading: 100000 } }', /styles\.body\.leading: .*more than the type area's height/],
    ['indent: 1e308', 'styles: { body: { indent: 1e308 } }', /styles\.body\.indent: .*as wide as the type area/],
    ['columnGap: 1e308', 'page: { columns: 2, columnGap: 1e308 }', /page\.columnGap: .*leaves each column less than 20 mm/],
  ];
  for (const [name, yaml, message] of templates) {
    it(`a template with ${name}: exit 2 at once, naming the file and key`, { timeout: 60_000 }, () => {
      const template = put(dir, `t-${name.replace(/\W+/g, '_')}.yaml`, `${yaml}\n`);
      const result = zhpress(['build', good, '--template', template, '--format', 'pdf,docx', '--out', join(dir, 'out-t')]);
      expectOneError(result, 2, message, template);
      expect(result.ms).toBeLessThan(20_000);
    });
  }

  /** A YAML "billion laughs": 9^13 copies of one list, if the aliases were expanded. */
  const bomb = () => {
    let yaml = 'a: &a [x, x, x, x, x, x, x, x, x]\n';
    let previous = 'a';
    for (let i = 0; i < 12; i++) {
      yaml += `b${i}: &b${i} [${Array(9).fill(`*${previous}`).join(', ')}]\n`;
      previous = `b${i}`;
    }
    return yaml;
  };

  it('a YAML template with an alias bomb: exit 2, one line naming the file', { timeout: 60_000 }, () => {
    const template = put(dir, 'bomb.yaml', bomb());
    const result = zhpress(['build', good, '--template', template, '--format', 'md', '--out', join(dir, 'out-bomb')]);
    expectOneError(result, 2, /template is not valid YAML: Excessive alias count/, template);
  });

  it('front matter with an alias bomb under a known key: one line naming the file, the others built', { timeout: 60_000 }, () => {
    const file = put(dir, '炸弹.md', `---\n${bomb()}title: *b11\n---\n\n# 标题\n\n正文。\n`);
    const out = join(dir, 'out-fm');
    const result = zhpress(['build', file, good, '--format', 'md', '--out', out]);
    expectOneError(result, 1, /炸弹\.md:\d+: front matter is not valid YAML: Excessive alias count/, '炸弹.md');
    expect(outputs(out)).toEqual(['好.zh-Hans.md']);
  });

  it('a sidecar date 2025-13-45: one line naming the sidecar and key; the others built', { timeout: 60_000 }, () => {
    const text = put(dir, '日期.txt', BODY);
    put(dir, '日期.txt.meta.yaml', 'title: 标题\ndate: 2025-13-45\n');
    const out = join(dir, 'out-date');
    const result = zhpress(['build', text, good, '--format', 'docx', '--out', out]);
    expectOneError(result, 1, /日期\.txt\.meta\.yaml:2: bad sidecar metadata: date: 2025-13-45 is no calendar date/);
    expect(outputs(out)).toEqual(['好.zh-Hans.docx']);
  });

  it('a model dated 2025-02-30: one line with the pointer', { timeout: 60_000 }, () => {
    const file = put(dir, '日期.json', JSON.stringify({ modelVersion: 1, type: 'edition', meta: { lang: 'zh-Hans', date: '2025-02-30' }, children: [] }));
    expectOneError(zhpress(['parse', file]), 1, /日期\.json: \/meta\/date: 2025-02-30 is no calendar date/);
  });

  it('front matter dated 2025-13-45: a warning with the key and line, the date left out', { timeout: 60_000 }, () => {
    const file = put(dir, '日期.md', '---\ndate: 2025-13-45\n---\n\n# 标题\n\n正文。\n');
    const result = zhpress(['check', file]);
    expect(result.stdout + result.stderr).toMatch(/日期\.md:2:1: warning: .*front matter: date: 2025-13-45 is no calendar date \(line 2\); left out/);
    expect(JSON.parse(zhpress(['parse', file]).stdout).meta.date).toBeUndefined();
  });

  it('calendar dates', () => {
    expect(['2024-02-29', '2025-12-31', '2025-01-01'].map(isCalendarDate)).toEqual([true, true, true]);
    expect(['2025-02-29', '2025-13-45', '2025-00-10', '2025-04-31', '2025'].map(isCalendarDate)).toEqual([false, false, false, false, false]);
  });

  it('no stray Ajv line on stderr when a sidecar is checked', { timeout: 60_000 }, () => {
    const text = put(dir, '旁注.txt', BODY);
    put(dir, '旁注.txt.meta.yaml', 'title: 标题\npage: 2\n');
    for (const args of [['check', text], ['build', text, '--format', 'md', '--out', join(dir, 'out-side')]]) {
      const result = zhpress(args);
      expect(result.stderr).not.toMatch(/strict mode|allowUnionTypes/);
    }
  });
});

describe('the command line', () => {
  it('stdout that cannot be written (/dev/full): one line and exit 1 for parse, schema, check and build --json', { timeout: 120_000 }, () => {
    const dir = tmp('full');
    for (const args of [['parse', seed], ['schema'], ['check', seed], ['build', seed, '--format', 'md', '--out', join(dir, 'o'), '--json']]) {
      const result = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" ${args.map((a) => `"${a}"`).join(' ')} > /dev/full`], { encoding: 'utf8', cwd: root });
      expectOneError({ code: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal, ms: 0 }, 1, /cannot write to standard output: ENOSPC/);
    }
  });

  it('a reader that closes the pipe early (EPIPE): silent, exit 0', { timeout: 60_000 }, () => {
    const result = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${cli}" parse "${seed}" | head -c1 >/dev/null`], { encoding: 'utf8', cwd: root });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('an input named after -- is read', { timeout: 60_000 }, () => {
    const dir = tmp('dashdash');
    put(dir, '-x.txt', BODY);
    const result = zhpress(['build', '--format', 'md', '--out', 'out', '--', '-x.txt'], { cwd: dir });
    expectBuilt(result);
    expect(outputs(join(dir, 'out'))).toEqual(['-x.zh-Hans.md']);
    const parsed = zhpress(['parse', '--', '-x.txt'], { cwd: dir });
    expect(parsed.code).toBe(0);
    expect(parsed.stdout).toContain('第一段');
  });

  it('a truncated or garbled font in fonts/: named once, left out, the PDF built with the bundled fonts', { timeout: 120_000 }, () => {
    const dir = tmp('font');
    mkdirSync(join(dir, 'fonts'));
    const noto = join(root, 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');
    put(dir, 'fonts/FangSong.ttf', readFileSync(noto).subarray(0, 3_000_000));
    put(dir, 'fonts/Tiny.ttf', readFileSync(noto).subarray(0, 100));
    put(dir, '正文.txt', BODY);
    const result = zhpress(['build', '正文.txt', '--template', 'gbt9704', '--format', 'pdf', '--out', 'out'], { cwd: dir });
    expectBuilt(result);
    expect(result.stderr.match(/fonts\/FangSong\.ttf: notice: not a usable font file \(it is truncated: its "glyf" table ends at byte \d+, the file has 3000000 bytes\)/g)).toHaveLength(1);
    expect(result.stderr.match(/fonts\/Tiny\.ttf: notice: not a usable font file/g)).toHaveLength(1);
    expect(outputs(join(dir, 'out'))).toEqual(['正文.zh-Hans.pdf']);
  });

  it('a symlinked folder inside an input folder that leads outside it: read, and said on stderr', { timeout: 60_000 }, () => {
    const dir = tmp('link');
    mkdirSync(join(dir, 'in'));
    mkdirSync(join(dir, 'elsewhere'));
    put(dir, 'in/甲.txt', BODY);
    put(dir, 'elsewhere/乙.txt', BODY);
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'in/link'));
    const result = zhpress(['build', 'in', '--format', 'md', '--out', 'out'], { cwd: dir });
    expectBuilt(result);
    expect(result.stderr).toMatch(/^in: notice: 1 input\(s\) reached through symbolic links to outside this folder are read \(in\/link\/乙\.txt → .*elsewhere\/乙\.txt\)$/m);
    expect(outputs(join(dir, 'out')).sort()).toEqual(['link/乙.zh-Hans.md', '甲.zh-Hans.md']);
    // A folder with no such link says nothing.
    cpSync(join(dir, 'elsewhere'), join(dir, 'plain'), { recursive: true });
    expect(zhpress(['build', 'plain', '--format', 'md', '--out', 'out2'], { cwd: dir }).stderr).not.toMatch(/notice/);
  });
});
