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
import { findFamily, openFace } from '../../src/fonts/index.js';
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
  const result = spawnSync(process.execPath, [cli, 'build', seed, '--out', out, '--force', ...args], {
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
const haveNpmFonts = Boolean(npmFamily('LXGW WenKai') && npmFamily('Noto Serif TC') && npmFamily('Noto Sans TC'));
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
        expect(found.filter((f) => /SC$/.test(f)), variant).toEqual([]);
      }
      const notices = result.stderr.split('\n').filter((l) => l.includes('font-fallback'));
      expect(new Set(notices).size).toBe(notices.length);
      expect(notices).toContain(`template ${template}: notice: [fonts] font-fallback: the kai role is set in LXGW WenKai instead of AR PL UKai TW (not installed; Debian: fonts-arphic-ukai)`);
      if (!npmFamily('Noto Serif HK')) expect(notices.some((n) => n.includes('instead of Noto Serif HK (not installed; npm install @expo-google-fonts/noto-serif-hk)'))).toBe(true);
    }, 180_000);
  }
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
