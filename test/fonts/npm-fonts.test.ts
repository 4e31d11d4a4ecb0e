// On a machine whose only fonts are the ones `npm install` brings (system fonts
// hidden behind an empty fontconfig configuration): every template's PDF sets
// its roles in distinct faces (a kai from npm), the Traditional editions embed
// Traditional faces, every fallback is said once; the Word copies name the
// fonts their readers have, and LibreOffice and pandoc read them. Uses dist/.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findFamily, fontBytes, openFace } from '../../src/fonts/index.js';
import { unzip } from '../../src/writers/docx/zip.js';
import { clients } from '../helpers/clients.js';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli', 'main.js');
const seed = join(root, 'seeds', '000_fb7c4685e6dc9c77.txt');
const dir = mkdtempSync(join(tmpdir(), 'zhpress-npm-fonts-'));

/** A fontconfig configuration with no fonts: only npm's are left. */
function emptyFontconfig(): string {
  const file = join(dir, 'empty-fonts.conf');
  writeFileSync(file, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><cachedir>${join(dir, 'fc-empty')}</cachedir></fontconfig>\n`);
  return file;
}

function build(out: string, ...args: string[]) {
  return buildFrom(seed, out, ...args);
}

function buildFrom(input: string, out: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [cli, 'build', input, '--out', out, '--force', ...args], {
    encoding: 'utf8',
    env: { ...process.env, FONTCONFIG_FILE: emptyFontconfig(), ZHPRESS_COMPILE_CACHE: '0' },
  });
  expect(result.status, result.stderr).toBe(0);
  return result;
}

/** The PostScript names of the fonts a PDF embeds, without subset tags. */
function embedded(pdf: string): string[] {
  const listing = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
  return [...new Set(listing.split('\n').slice(2).map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '')).filter(Boolean))].sort();
}

/** Families from PostScript names: NotoSerifSC-Bold and NotoSerifSC-Regular are one. */
const families = (names: string[]) => [...new Set(names.map((n) => n.replace(/-(Regular|Bold|Light|Medium)$/, '')))];

const pdfIn = (out: string, variant: string) => join(out, readdirSync(out).find((f) => f.endsWith(`.${variant}.pdf`))!);

const npmFamily = (name: string) => {
  const family = findFamily(name);
  return family?.source === 'npm' ? family : undefined;
};
const haveNpmFonts = Boolean(npmFamily('LXGW WenKai') && npmFamily('LXGW WenKai TC') && npmFamily('Noto Serif TC') && npmFamily('Noto Sans TC'));
if (!haveNpmFonts) {
  const message = 'the optional font packages are not installed (npm install without --omit=optional)';
  if (process.env.CI) throw new Error(message);
  console.warn(`skipping: ${message}`);
}

describe.runIf(haveNpmFonts && clients('pdffonts'))('PDF with only the fonts npm installs', () => {
  it('gbt9704 sets its roles in at least three families: serif (the fangsong stand-in), sans, LXGW WenKai for kai', () => {
    const out = join(dir, 'gb');
    const result = build(out, '--format', 'pdf', '--template', 'gbt9704');
    const found = families(embedded(pdfIn(out, 'zh-Hans')));
    expect(found).toEqual(expect.arrayContaining(['NotoSerifSC', 'NotoSansSC', 'LXGWWenKai']));
    expect(found.length).toBeGreaterThanOrEqual(3);
    // The one fallback, said once, naming the template and what stands in.
    const notices = result.stderr.split('\n').filter((l) => l.includes('font-fallback'));
    expect(notices).toEqual(['template gbt9704: notice: [fonts] font-fallback: the fangsong role is set in Noto Serif SC (the serif font) instead of FangSong (not installed; put a font file in fonts/)']);
  }, 120_000);

  it('the Simplified briefing needs no fallback and says nothing about fonts', () => {
    const out = join(dir, 'hans');
    const result = build(out, '--format', 'pdf');
    expect(result.stderr).not.toMatch(/font-fallback/);
    expect(families(embedded(pdfIn(out, 'zh-Hans')))).toContain('LXGWWenKai');
  }, 120_000);

  for (const template of ['briefing', 'gbt9704', 'newspaper']) {
    it(`${template}: the Taiwan and Hong Kong editions embed Traditional faces only, each fallback said once`, () => {
      const out = join(dir, `hant-${template}`);
      const result = build(out, '--format', 'pdf', '--template', template, '--variant', 'zh-Hant-TW,zh-Hant-HK');
      for (const variant of ['zh-Hant-TW', 'zh-Hant-HK']) {
        const found = families(embedded(pdfIn(out, variant)));
        expect(found, variant).toEqual(expect.arrayContaining(['NotoSerifTC', 'NotoSansTC']));
        // The kai role too: LXGW WenKai TC, not the Simplified LXGW WenKai.
        if (template !== 'newspaper') expect(found, variant).toContain('LXGWWenKaiTC');
        expect(found.filter((f) => /SC$/.test(f) || f === 'LXGWWenKai'), variant).toEqual([]);
      }
      const notices = result.stderr.split('\n').filter((l) => l.includes('font-fallback'));
      expect(new Set(notices).size).toBe(notices.length);
      expect(notices.filter((n) => n.includes('the kai role'))).toEqual([]);
      // Without the HK packages Hong Kong is set in the TC faces, and says so once per role.
      if (!npmFamily('Noto Serif HK')) {
        expect(notices.filter((n) => n.includes('instead of Noto Serif HK (not installed; npm install @expo-google-fonts/noto-serif-hk)'))).toHaveLength(1);
        expect(notices.filter((n) => n.includes('instead of Noto Sans HK (not installed; npm install @expo-google-fonts/noto-sans-hk)'))).toHaveLength(1);
      }
    }, 180_000);
  }
});

/**
 * Where the ink of each character of a line sits in its cell, as rendered: x across
 * the cell and y down the line box, 0 to 1. The line is found by pdftotext -bbox
 * (its text as one word), cut out by pdftoppm at 144 dpi; every character of the
 * line takes an equal cell (full-width characters, none next to another mark).
 */
function inkOf(pdf: string, line: string): { ch: string; x: number; y: number }[] {
  const dpi = 144;
  const k = dpi / 72;
  const pages = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' }).split('<page').slice(1);
  const word = new RegExp(`<word xMin="([\\d.]+)" yMin="([\\d.]+)" xMax="([\\d.]+)" yMax="([\\d.]+)">${line}</word>`);
  const page = pages.findIndex((p) => word.test(p));
  expect(page, `${line} in ${pdf}`).toBeGreaterThanOrEqual(0);
  const [x0, y0, x1, y1] = word.exec(pages[page]!)!.slice(1).map(Number) as [number, number, number, number];
  const prefix = join(mkdtempSync(join(dir, 'ink-')), 'p');
  execFileSync('pdftoppm', ['-r', `${dpi}`, '-gray', '-singlefile', '-f', `${page + 1}`, '-l', `${page + 1}`, '-x', `${Math.floor(x0 * k)}`, '-y', `${Math.floor(y0 * k)}`, '-W', `${Math.ceil((x1 - x0) * k)}`, '-H', `${Math.ceil((y1 - y0) * k)}`, pdf, prefix]);
  const bytes = readFileSync(`${prefix}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+\d+\s/.exec(bytes.toString('latin1', 0, 40))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = bytes.subarray(header[0].length);
  const chars = [...line];
  return chars.map((ch, c) => {
    const [from, to] = [Math.round((c * width) / chars.length), Math.round(((c + 1) * width) / chars.length)];
    let [sx, sy, sum] = [0, 0, 0];
    for (let y = 0; y < height; y++) {
      for (let x = from; x < to; x++) {
        const ink = 255 - pixels[y * width + x]!;
        if (ink > 64) [sx, sy, sum] = [sx + (x - from) * ink, sy + y * ink, sum + ink];
      }
    }
    return { ch, x: sx / sum / (to - from), y: sy / sum / height };
  });
}

describe.runIf(haveNpmFonts && clients('pdftotext', 'pdftoppm'))('punctuation where the readers expect it, as rendered', () => {
  // A body line (serif) and a quote (kai): ，。 between Han characters, so none is kerned.
  const body = '\u4E8C\uFF0C\u4E8C\u3002\u4E8C\uFF0C\u4E8C\u3002';
  const quote = '\u4E00\uFF0C\u4E00\u3002\u4E00\uFF0C\u4E00\u3002';
  const out = join(dir, 'ink');
  beforeAll(() => {
    const input = join(dir, 'ink.md');
    writeFileSync(input, `# \u6A19\u984C\n\n${body}\n\n> ${quote}\n`);
    buildFrom(input, out, '--format', 'pdf', '--variant', 'zh-Hans,zh-Hant-TW,zh-Hant-HK');
  }, 120_000);

  for (const variant of ['zh-Hant-TW', 'zh-Hant-HK']) {
    it(`${variant}: ，and 。 centred in their cells, at the height of the Han characters, in serif and kai`, (context) => {
      // The quote is the one text in kai.
      if (clients('pdffonts')) expect(families(embedded(join(out, `ink.${variant}.pdf`)))).toEqual(['LXGWWenKaiTC', 'NotoSansTC', 'NotoSerifTC']);
      else context.skip();
      for (const line of [body, quote]) {
        const cells = inkOf(join(out, `ink.${variant}.pdf`), line);
        const han = cells[0]!;
        for (const cell of cells.filter((c) => c.ch === '\uFF0C' || c.ch === '\u3002')) {
          expect(Math.abs(cell.x - 0.5), `${variant} ${line} ${cell.ch} x`).toBeLessThan(0.15);
          expect(Math.abs(cell.y - han.y), `${variant} ${line} ${cell.ch} y`).toBeLessThan(0.15);
        }
      }
    });
  }

  it('zh-Hans: the same marks low left, as Mainland readers expect', () => {
    if (clients('pdffonts')) expect(families(embedded(join(out, 'ink.zh-Hans.pdf')))).toContain('LXGWWenKai');
    for (const line of [body, quote]) {
      const cells = inkOf(join(out, 'ink.zh-Hans.pdf'), line);
      for (const cell of cells.filter((c) => c.ch === '\uFF0C' || c.ch === '\u3002')) {
        expect(cell.x, `${line} ${cell.ch} x`).toBeLessThan(0.35);
        expect(cell.y - cells[0]!.y, `${line} ${cell.ch} y`).toBeGreaterThan(0.15);
      }
    }
  });
});

describe.runIf(haveNpmFonts && clients('pdffonts'))('the decoded WOFF cache', () => {
  it('keeps LXGW WenKai decoded between runs, and decodes again when the kept copy is damaged', () => {
    const cache = join(dir, 'cache');
    const run = (out: string) => {
      const result = spawnSync(process.execPath, [cli, 'build', seed, '--format', 'pdf', '--out', out, '--force', '--quiet'], { encoding: 'utf8', env: { ...process.env, ZHPRESS_CACHE_DIR: cache } });
      expect(result.status, result.stderr).toBe(0);
      return families(embedded(pdfIn(out, 'zh-Hans')));
    };
    expect(run(join(dir, 'c1'))).toContain('LXGWWenKai');
    const kept = readdirSync(cache).filter((f) => /^font-.*\.ttf$/.test(f));
    expect(kept).toHaveLength(1);
    const woff = readFileSync(findFamily('LXGW WenKai')!.normal.file);
    const file = join(cache, kept[0]!);
    expect(readFileSync(file).length).toBe(woff.readUInt32BE(16));
    writeFileSync(file, readFileSync(file).subarray(0, 1000));
    expect(run(join(dir, 'c2'))).toContain('LXGWWenKai');
    expect(readFileSync(file).length).toBe(woff.readUInt32BE(16));
  }, 120_000);
});

describe.runIf(haveNpmFonts && clients('pdffonts'))('the merged LXGW WenKai TC cache', () => {
  it('keeps the face merged from its pieces between runs, and merges again when the kept copy is damaged', () => {
    const cache = join(dir, 'cache-tc');
    const input = join(dir, 'tc.md');
    writeFileSync(input, '# \u6A19\u984C\n\n> \u5F15\u6587\uFF0C\u7528\u6977\u9AD4\u3002\n');
    const run = (out: string) => {
      const result = spawnSync(process.execPath, [cli, 'build', input, '--format', 'pdf', '--variant', 'zh-Hant-TW', '--out', out, '--force', '--quiet'], { encoding: 'utf8', env: { ...process.env, ZHPRESS_CACHE_DIR: cache } });
      expect(result.status, result.stderr).toBe(0);
      return families(embedded(join(out, 'tc.zh-Hant-TW.pdf')));
    };
    expect(run(join(dir, 't1'))).toContain('LXGWWenKaiTC');
    const kept = readdirSync(cache).filter((f) => /^font-.*\.ttf$/.test(f));
    expect(kept).toHaveLength(1);
    const file = join(cache, kept[0]!);
    const whole = readFileSync(file);
    expect(whole.equals(fontBytes(findFamily('LXGW WenKai TC')!.normal.file))).toBe(true);
    writeFileSync(file, whole.subarray(0, 5000));
    expect(run(join(dir, 't2'))).toContain('LXGWWenKaiTC');
    expect(readFileSync(file).equals(whole)).toBe(true);
  }, 120_000);
});

describe.runIf(haveNpmFonts)('regional faces', () => {
  /** Where a glyph's ink sits across its advance, 0 (left) to 1 (right). */
  const across = (name: string, ch: string) => {
    const font = openFace(findFamily(name)!.normal) as unknown as { glyphForCodePoint(cp: number): { bbox: { minX: number; maxX: number }; advanceWidth: number } };
    const glyph = font.glyphForCodePoint(ch.codePointAt(0)!);
    return (glyph.bbox.minX + glyph.bbox.maxX) / 2 / glyph.advanceWidth;
  };

  it('the Traditional faces centre ，and 。 (the Simplified ones set them low left)', () => {
    for (const name of ['Noto Serif TC', 'Noto Sans TC']) {
      for (const ch of ['\uFF0C', '\u3002']) expect(Math.abs(across(name, ch) - 0.5), `${name} ${ch}`).toBeLessThan(0.1);
    }
    expect(across('Noto Serif SC', '\uFF0C')).toBeLessThan(0.3);
  });

  it('LXGW WenKai, shipped as WOFF, opens as TrueType with its glyphs', () => {
    const font = openFace(findFamily('LXGW WenKai')!.normal);
    expect(font.familyName).toBe('LXGW WenKai');
    expect(font.hasGlyphForCodePoint(0x6c38)).toBe(true);
  });
});

/** A fontconfig configuration where the fonts a Word user has are "installed": aliases to the npm faces. */
function wordUserFontconfig(): string {
  const require = createRequire(import.meta.url);
  // The SC faces too: a copy naming them (or a name fontconfig does not know) would come out in SC.
  const dirs = ['noto-serif-tc', 'noto-sans-tc', 'noto-serif-sc', 'noto-sans-sc'].map((p) => join(dirname(require.resolve(`@expo-google-fonts/${p}/package.json`)), '400Regular'));
  const alias = (from: string, to: string) => `<alias binding="same"><family>${from}</family><prefer><family>${to}</family></prefer></alias>`;
  const file = join(dir, 'word-fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>${dirs.map((d) => `<dir>${d}</dir>`).join('')}` +
      `${alias('\u65B0\u7D30\u660E\u9AD4', 'Noto Serif TC')}${alias('\u5FAE\u8EDF\u6B63\u9ED1\u9AD4', 'Noto Sans TC')}${alias('\u6A19\u6977\u9AD4', 'Noto Serif TC')}` +
      `<cachedir>${join(dir, 'fc-word')}</cachedir></fontconfig>\n`,
  );
  return file;
}

describe.runIf(haveNpmFonts)('Word edition fonts', () => {
  const out = join(dir, 'docx');
  let files: Record<string, Map<string, string>>;
  const text = (data: Uint8Array) => new TextDecoder().decode(data);

  beforeAll(() => {
    build(join(out, 'gb'), '--format', 'docx', '--template', 'gbt9704', '--variant', 'zh-Hans');
    build(join(out, 'br'), '--format', 'docx', '--variant', 'zh-Hant-TW,zh-Hant-HK');
    const read = (sub: string, variant: string) => {
      const file = join(out, sub, readdirSync(join(out, sub)).find((f) => f.endsWith(`.${variant}.docx`))!);
      return new Map([...unzip(new Uint8Array(readFileSync(file)))].map(([name, data]) => [name, typeof data === 'string' ? data : text(data)]));
    };
    files = { gb: read('gb', 'zh-Hans'), tw: read('br', 'zh-Hant-TW'), hk: read('br', 'zh-Hant-HK') };
  }, 120_000);

  const bodyFont = (styles: string) => /w:styleId="BodyText"[\s\S]*?<w:rFonts [^>]*w:eastAsia="([^"]+)"/.exec(styles)?.[1];

  it('gbt9704 names 仿宋_GB2312 for its body, with 仿宋 as its other name in the font table', () => {
    expect(bodyFont(files.gb!.get('word/styles.xml')!)).toBe('\u4EFF\u5B8B_GB2312');
    const table = files.gb!.get('word/fontTable.xml')!;
    expect(table).toContain('<w:font w:name="\u4EFF\u5B8B_GB2312"><w:altName w:val="\u4EFF\u5B8B"/>');
    expect(table).toContain('<w:font w:name="\u9ED1\u4F53"><w:altName w:val="SimHei"/>');
    expect(table).toContain('<w:font w:name="\u6977\u4F53"><w:altName w:val="KaiTi"/>');
    expect(table).not.toMatch(/Noto/);
  });

  it('Taiwan names 新細明體, 標楷體, 微軟正黑體 (Big5 charset); Hong Kong 細明體_HKSCS', () => {
    expect(bodyFont(files.tw!.get('word/styles.xml')!)).toBe('\u65B0\u7D30\u660E\u9AD4');
    const table = files.tw!.get('word/fontTable.xml')!;
    expect(table).toContain('<w:font w:name="\u65B0\u7D30\u660E\u9AD4"><w:altName w:val="PMingLiU"/><w:panose1 w:val="02020500000000000000"/><w:charset w:val="88"/>');
    expect(table).toContain('<w:altName w:val="DFKai-SB"/>');
    expect(table).toContain('<w:altName w:val="Microsoft JhengHei"/>');
    expect(bodyFont(files.hk!.get('word/styles.xml')!)).toBe('\u7D30\u660E\u9AD4_HKSCS');
  });

  it('pandoc reads the Taiwan copy', (context) => {
    if (!clients('pandoc')) return context.skip();
    const file = join(out, 'br', readdirSync(join(out, 'br')).find((f) => f.endsWith('.zh-Hant-TW.docx'))!);
    const plain = execFileSync('pandoc', ['-f', 'docx', '-t', 'plain', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(plain.match(/\p{Script=Han}/gu)!.length).toBeGreaterThan(1000);
  });

  it('LibreOffice sets the gbt9704 body in what fontconfig gives for 仿宋_GB2312 where it is "installed"', (context) => {
    if (!clients('soffice', 'pdffonts')) return context.skip();
    const require = createRequire(import.meta.url);
    const dirs = ['noto-serif-sc', 'noto-sans-sc'].map((p) => join(dirname(require.resolve(`@expo-google-fonts/${p}/package.json`)), '400Regular'));
    const conf = (name: string, alias: string) => {
      const file = join(dir, `${name}.conf`);
      writeFileSync(file, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>${dirs.map((d) => `<dir>${d}</dir>`).join('')}${alias}<cachedir>${join(dir, `fc-${name}`)}</cachedir></fontconfig>\n`);
      return file;
    };
    // Here every unknown name falls back to Noto Sans SC; 仿宋_GB2312 alone is Noto Serif SC.
    const installed = conf('gb-word', '<alias binding="same"><family>\u4EFF\u5B8B_GB2312</family><prefer><family>Noto Serif SC</family></prefer></alias>');
    const missing = conf('gb-none', '');
    const match = (config: string, name: string) => execFileSync('fc-match', ['-f', '%{family}', name], { encoding: 'utf8', env: { ...process.env, FONTCONFIG_FILE: config } });
    expect(match(installed, '\u4EFF\u5B8B_GB2312')).toContain('Noto Serif SC');
    expect(match(installed, 'NoSuchFont')).toContain('Noto Sans SC');
    const file = join(out, 'gb', readdirSync(join(out, 'gb')).find((f) => f.endsWith('.zh-Hans.docx'))!);
    const render = (config: string, to: string) => {
      const result = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo')}`, '--headless', '--convert-to', 'pdf', '--outdir', to, file], { encoding: 'utf8', timeout: 150_000, env: { ...process.env, FONTCONFIG_FILE: config } });
      expect(result.status, result.stderr).toBe(0);
      return families(embedded(join(to, readdirSync(to).find((f) => f.endsWith('.pdf'))!)));
    };
    expect(render(installed, join(dir, 'lo-gb'))).toContain('NotoSerifSC');
    // Where 仿宋_GB2312 is not there, the body takes the fallback: no serif at all.
    expect(render(missing, join(dir, 'lo-gb-none'))).not.toContain('NotoSerifSC');
  }, 300_000);

  it('LibreOffice sets the Taiwan copy in the fonts it names where they are installed', (context) => {
    if (!clients('soffice', 'pdffonts')) return context.skip();
    const file = join(out, 'br', readdirSync(join(out, 'br')).find((f) => f.endsWith('.zh-Hant-TW.docx'))!);
    const env = { ...process.env, FONTCONFIG_FILE: wordUserFontconfig() };
    // fontconfig itself says which face stands for the named font on this "reader's machine".
    expect(execFileSync('fc-match', ['-f', '%{family}', '\u65B0\u7D30\u660E\u9AD4'], { encoding: 'utf8', env })).toContain('Noto Serif TC');
    const result = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo')}`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'lo-out'), file], { encoding: 'utf8', timeout: 150_000, env });
    expect(result.status, result.stderr).toBe(0);
    const pdf = join(dir, 'lo-out', readdirSync(join(dir, 'lo-out')).find((f) => f.endsWith('.pdf'))!);
    const found = families(embedded(pdf));
    expect(found).toEqual(expect.arrayContaining(['NotoSerifTC', 'NotoSansTC']));
    expect(found.filter((f) => /SC$/.test(f))).toEqual([]);
  }, 200_000);
});
