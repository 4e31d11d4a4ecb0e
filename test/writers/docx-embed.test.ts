// --embed-fonts: the Word edition carries the PDF's fonts, subset to its
// characters, names them in its styles and font table, and opens in LibreOffice
// in those fonts on a machine that has no Chinese font at all. Uses dist/.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { findFamily } from '../../src/fonts/index.js';
import { unzip } from '../../src/writers/docx/zip.js';
import { clients } from '../helpers/clients.js';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli', 'main.js');
const seed = join(root, 'seeds', '000_fb7c4685e6dc9c77.txt');
const dir = mkdtempSync(join(tmpdir(), 'zhpress-embed-'));

/** fontconfig with the given font folders only (none: no fonts but npm's for zhpress). */
function fontconfig(name: string, ...dirs: string[]): string {
  const file = join(dir, `${name}.conf`);
  writeFileSync(file, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>${dirs.map((d) => `<dir>${d}</dir>`).join('')}<cachedir>${join(dir, `fc-${name}`)}</cachedir></fontconfig>\n`);
  return file;
}

function build(out: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [cli, 'build', seed, '--out', out, '--force', '--format', 'docx', '--variant', 'zh-Hans,zh-Hant-TW', ...args], {
    encoding: 'utf8',
    env: { ...process.env, FONTCONFIG_FILE: fontconfig('empty'), ZHPRESS_COMPILE_CACHE: '0' },
  });
  expect(result.status, result.stderr).toBe(0);
  return result;
}

const docx = (out: string, variant: string) => join(out, readdirSync(out).find((f) => f.endsWith(`.${variant}.docx`))!);
const text = (data: Uint8Array) => new TextDecoder().decode(data);

/** An embedded font's bytes: the first 32 XORed with its key, bytes reversed (ECMA-376 17.8.1). */
function deobfuscate(data: Uint8Array, key: string): Buffer {
  const mask = (key.replace(/[{}-]/g, '').match(/../g) ?? []).map((h) => parseInt(h, 16)).reverse();
  const out = Buffer.from(data);
  for (let i = 0; i < 32; i++) out[i]! ^= mask[i % 16]!;
  return out;
}

type Font = { familyName: string; subfamilyName: string; numGlyphs: number; hasGlyphForCodePoint(cp: number): boolean };

/** The embedded faces of a .docx: font name, face, parsed font. */
function embedded(file: string): { name: string; kind: string; font: Font }[] {
  const parts = unzip(new Uint8Array(readFileSync(file)));
  const table = text(parts.get('word/fontTable.xml')!);
  const rels = text(parts.get('word/_rels/fontTable.xml.rels')!);
  const out: { name: string; kind: string; font: Font }[] = [];
  for (const font of table.matchAll(/<w:font w:name="([^"]+)">([\s\S]*?)<\/w:font>/g)) {
    for (const [, kind, id, key] of font[2]!.matchAll(/<w:embed(Regular|Bold) r:id="([^"]+)" w:fontKey="([^"]+)" w:subsetted="1"\/>/g)) {
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
      out.push({ name: font[1]!, kind: kind!, font: fontkit.create(deobfuscate(parts.get(`word/${target}`)!, key!)) as unknown as Font });
    }
  }
  return out;
}

const haveFonts = Boolean(findFamily('LXGW WenKai TC') && findFamily('Noto Serif TC'));

describe.runIf(haveFonts)('Word edition with --embed-fonts', () => {
  const out = join(dir, 'embed');
  const plain = join(dir, 'plain');
  beforeAll(() => {
    build(out, '--embed-fonts');
    build(plain);
  }, 180_000);

  it('embeds each role font once, subset, regular and (for bold styles) bold, and names them in the styles', () => {
    for (const [variant, serif, sans, kai] of [
      ['zh-Hans', 'Noto Serif SC', 'Noto Sans SC', 'LXGW WenKai'],
      ['zh-Hant-TW', 'Noto Serif TC', 'Noto Sans TC', 'LXGW WenKai TC'],
    ] as const) {
      const file = docx(out, variant);
      const faces = embedded(file);
      expect(faces.map((f) => `${f.name} ${f.kind}`).sort(), variant).toEqual([`${kai} Regular`, `${sans} Bold`, `${sans} Regular`, `${serif} Bold`, `${serif} Regular`].sort());
      for (const face of faces) expect(face.font.familyName, `${variant} ${face.name}`).toBe(face.name);
      const parts = unzip(new Uint8Array(readFileSync(file)));
      const styles = text(parts.get('word/styles.xml')!);
      expect(styles).toContain(`w:eastAsia="${serif}"`);
      expect(styles).not.toMatch(/w:eastAsia="(宋体|新細明體)"/);
      expect(text(parts.get('word/settings.xml')!)).toMatch(/<w:embedTrueTypeFonts\/><w:saveSubsetFonts\/>/);
      // Every Han character of the text is in the body font's subset, which is far smaller than the font.
      const han = new Set([...text(parts.get('word/document.xml')!).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].flatMap((m) => [...m[1]!.matchAll(/\p{Script=Han}/gu)].map((c) => c[0].codePointAt(0)!)));
      expect(han.size).toBeGreaterThan(300);
      const body = faces.find((f) => f.name === serif && f.kind === 'Regular')!.font;
      expect([...han].filter((cp) => !body.hasGlyphForCodePoint(cp)).map((cp) => String.fromCodePoint(cp))).toEqual([]);
      expect(body.numGlyphs).toBeLessThan(han.size * 2 + 200);
    }
  });

  it('costs about a megabyte a copy, and writes the same bytes twice', () => {
    for (const variant of ['zh-Hans', 'zh-Hant-TW']) {
      const [withFonts, without] = [statSync(docx(out, variant)).size, statSync(docx(plain, variant)).size];
      expect(withFonts).toBeGreaterThan(without + 200_000);
      expect(withFonts).toBeLessThan(4_000_000);
    }
    const again = join(dir, 'again');
    build(again, '--embed-fonts');
    for (const variant of ['zh-Hans', 'zh-Hant-TW']) expect(readFileSync(docx(again, variant)).equals(readFileSync(docx(out, variant))), variant).toBe(true);
  }, 120_000);

  it('LibreOffice, with no Chinese font installed, sets the copy in the embedded fonts (and without them cannot)', (context) => {
    if (!clients('soffice', 'pdffonts', 'pdftotext')) return context.skip();
    // One Latin font folder: LibreOffice will not start with none.
    const env = { ...process.env, FONTCONFIG_FILE: fontconfig('latin', '/usr/share/fonts/truetype/dejavu') };
    const fontsOf = (file: string, to: string) => {
      const result = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo')}`, '--headless', '--convert-to', 'pdf', '--outdir', to, file], { encoding: 'utf8', timeout: 150_000, env });
      expect(result.status, result.stderr).toBe(0);
      const pdf = join(to, readdirSync(to).find((f) => f.endsWith('.pdf'))!);
      const listing = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
      return { fonts: [...new Set(listing.split('\n').slice(2).map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '').replace(/-(Regular|Bold)$/, '')).filter(Boolean))].sort(), text: execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }) };
    };
    const tw = fontsOf(docx(out, 'zh-Hant-TW'), join(dir, 'lo-embed'));
    expect(tw.fonts).toEqual(expect.arrayContaining(['LXGWWenKaiTC', 'NotoSansTC', 'NotoSerifTC']));
    expect(tw.text).toContain('\u56DE\u61C9\u4EBA\u6C11\u671F\u5F85'); // 回應人民期待
    expect(fontsOf(docx(plain, 'zh-Hant-TW'), join(dir, 'lo-plain')).fonts.filter((f) => /Noto|WenKai/.test(f))).toEqual([]);
  }, 300_000);
});
