import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZhpressError } from '../../src/errors.js';
import { listTemplates, loadTemplate, mmToPt, typeArea } from '../../src/templates/index.js';
import { BUILTIN_DIR, parseTemplate } from '../../src/templates/load.js';

const dir = mkdtempSync(join(tmpdir(), 'zhpress-templates-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
function error(fn: () => unknown): ZhpressError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ZhpressError) return e;
    throw e;
  }
  throw new Error('expected a ZhpressError');
}

describe('built-in templates', () => {
  it('lists briefing, gbt9704 and newspaper with descriptions', () => {
    const names = listTemplates().map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['briefing', 'gbt9704', 'newspaper']));
    expect(listTemplates().every((t) => t.description.length > 10)).toBe(true);
    // Run from the project folder, its templates/ is the built-in one, not a local one.
    expect(listTemplates().filter((t) => ['briefing', 'gbt9704', 'newspaper'].includes(t.name)).every((t) => t.builtin)).toBe(true);
  });

  it('gbt9704: A4, 156 x 225 mm type area, 16 pt body on a 22 x 28 grid, outer page numbers', () => {
    const t = loadTemplate('gbt9704', 'zh-Hans');
    const area = typeArea(t.page);
    expect(area.width).toBeCloseTo(mmToPt(156), 1);
    expect(area.height).toBeCloseTo(mmToPt(225), 1);
    expect(t.page.grid).toEqual({ linesPerPage: 22, charsPerLine: 28 });
    expect(t.styles.body.size).toBe(16);
    expect(t.styles.body.leading).toBeCloseTo(area.height / 22, 5);
    expect(t.styles.title.size).toBe(22);
    expect(t.styles.heading1.font).toBe('sans');
    expect(t.styles.heading2.font).toBe('kai');
    expect(t.styles.footer.size).toBe(14);
    expect(t.footer?.outer).toBe('\u2014 {page} \u2014');
  });

  it('Taiwan and Hong Kong variants use corner quotes and regional fonts first', () => {
    const tw = loadTemplate('briefing', 'zh-Hant-TW');
    expect(tw.quotes).toBe('corner');
    expect(tw.fonts.serif.split(',')[0]).toBe('Noto Serif TC');
    expect(tw.fonts.kai.split(',')[0]).toBe('LXGW WenKai TC');
    expect(loadTemplate('gbt9704', 'zh-Hant-HK').fonts.kai.split(',')[0]).toBe('LXGW WenKai TC');
    expect(loadTemplate('gbt9704', 'zh-Hant-HK').fonts.sans.split(',')[0]).toBe('Noto Sans HK');
    expect(loadTemplate('newspaper', 'zh-Hant-TW').fonts.serif).toContain('Noto Serif CJK TC');
    expect(loadTemplate('briefing', 'zh-Hans').quotes).toBe('source');
  });
});

describe('built-in templates prepared by the build', () => {
  it('dist/templates/builtin-templates.json holds each built-in file with its text and the data parsing that text gives', () => {
    const built = JSON.parse(readFileSync(join(import.meta.dirname, '../../dist/templates/builtin-templates.json'), 'utf8')) as Record<string, { source: string; data: unknown }>;
    const names = Object.keys(built).sort();
    expect(names).toEqual(expect.arrayContaining(['briefing.yaml', 'gbt9704.yaml', 'newspaper.yaml']));
    for (const name of names) {
      const path = join(BUILTIN_DIR, name);
      const source = readFileSync(path, 'utf8');
      expect(built[name]!.source, `${name} changed since the build`).toBe(source);
      expect(built[name]!.data).toEqual(parseTemplate(path, source));
    }
  });
});

describe('user templates', () => {
  it('extends a built-in and changes only what differs; units convert', () => {
    const path = file('mine.yaml', 'extends: briefing\nname: mine\npage: { margins: { left: 1in } }\nstyles: { body: { size: 14pt, leading: 10mm } }\n');
    const t = loadTemplate(path, 'zh-Hans');
    expect(t.page.margins.left).toBeCloseTo(25.4, 5);
    expect(t.page.margins.top).toBe(loadTemplate('briefing').page.margins.top);
    expect(t.styles.body.size).toBe(14);
    expect(t.styles.body.leading).toBeCloseTo(mmToPt(10), 5);
    expect(t.cover.enabled).toBe(true);
  });

  it('an unknown key is an error naming the file, line, key and the allowed keys', () => {
    const path = file('bad-key.yaml', 'extends: briefing\npage:\n  size: A4\n  colour: red\n');
    const e = error(() => loadTemplate(path));
    expect(e.file).toBe(path);
    expect(e.line).toBe(4);
    expect(e.message).toMatch(/page\.colour: unknown key; allowed here: size, orientation, margins/);
  });

  it('a bad value names the allowed values; a bad unit, a negative margin and an impossible grid name their key', () => {
    expect(error(() => loadTemplate(file('a.yaml', 'page: { size: A3 }\n'))).message).toMatch(/page\.size: "A3" is not allowed; allowed: A4, A5, B5, LETTER/);
    expect(error(() => loadTemplate(file('b.yaml', 'page: { margins: { top: 12 furlongs } }\n'))).message).toMatch(/page\.margins\.top/);
    expect(error(() => loadTemplate(file('c.yaml', 'styles: { body: { indent: 2pt } }\n'))).message).toMatch(/styles\.body\.indent: .*em/);
    expect(error(() => loadTemplate(file('d.yaml', 'page: { margins: { left: -5 } }\n'))).message).toMatch(/page\.margins\.left: .*negative/);
    expect(error(() => loadTemplate(file('e.yaml', 'page: { grid: { linesPerPage: 200, charsPerLine: 200 } }\n'))).message).toMatch(/page\.grid: 200 lines x 200 characters cannot fit/);
  });

  it('a missing template or a circle of extends is a clear error', () => {
    expect(error(() => loadTemplate('no-such-template')).message).toMatch(/unknown template "no-such-template"/);
    const a = file('x.yaml', 'extends: ./y.yaml\n');
    file('y.yaml', 'extends: ./x.yaml\n');
    expect(error(() => loadTemplate(a)).message).toMatch(/circle/);
  });
});

describe('templates a new user writes (issue 22, point 4)', () => {
  it('the README example (extends briefing, 14 pt body): quotes, lists, datelines and leads follow the body', () => {
    const t = loadTemplate(file('larger.yaml', 'extends: briefing\nstyles:\n  body: { size: 14pt, leading: 26pt }\n'));
    for (const name of ['quote', 'listItem', 'dateline', 'lead', 'subhead', 'heading3'] as const) {
      expect([name, t.styles[name].size, t.styles[name].leading]).toEqual([name, 14, 26]);
    }
    // The built-in template itself is unchanged: 12 pt on 22 pt.
    expect(loadTemplate('briefing').styles.quote).toMatchObject({ size: 12, leading: 22 });
  });
  it('every error is listed, in line order, each with its line', () => {
    const e = error(() => parseTemplate('bad.yaml', 'page:\n  size: A3\nstyles:\n  body: { weight: heavy }\n  bogus: {}\n'));
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/^page\.size: "A3" is not allowed; allowed: A4, A5, B5, LETTER; also line 4: styles\.body\.weight: "heavy" is not allowed; allowed: normal, bold; line 5: styles\.bogus: unknown key/);
    expect(e.message).not.toMatch(/and \d+ more/);
  });
  it('extends naming no template gives the file, the line and the nearest name', () => {
    const path = file('typo.yaml', 'description: mine\nextends: brefing\n');
    const e = error(() => loadTemplate(path));
    expect(e.file).toBe(path);
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/^extends: unknown template "brefing"; did you mean "briefing"\?/);
  });
  it('an unknown {field} is an error with its line and the nearest field', () => {
    const e = error(() => parseTemplate('f.yaml', 'extends: briefing\nheader:\n  left: "{edition.titel}"\n'));
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/header\.left: unknown field \{edition\.titel\}; did you mean \{edition\.title\}\?/);
    expect(() => parseTemplate('g.yaml', 'header: { right: "第{edition.page}版 {page}/{pages}" }\n')).not.toThrow();
  });
});
