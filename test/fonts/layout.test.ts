// The direct layout the shared fontkit gives Han, kana, Latin and punctuation
// must be what fontkit's shaper would give: same glyphs, same advances.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import * as pristine from 'fontkit';
import { describe, expect, it } from 'vitest';
import { BUNDLED_FAMILIES, type Face, findFamily, type FontFamily, openFace } from '../../src/fonts/index.js';
import { realLayout } from '../../src/patches/direct-layout.js';
import { chwsDistinguished, chwsGlyphs, type ShapingFont } from '../../src/patches/shaped-glyphs.js';
import { converter } from '../../src/transforms/convert/opencc.js';
import { clients } from '../helpers/clients.js';
import { builtInDictionaries } from '../../src/io/dictionaries.js';

interface Run {
  glyphs: { id: number }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  advanceWidth: number;
}
type Layout = (text: string, features?: string[]) => Run;

const seed = readFileSync(join(import.meta.dirname, '../../seeds/000_fb7c4685e6dc9c77.txt'), 'utf8');
const traditional = converter('cn', 'twp', builtInDictionaries)(seed);
// The seed's characters, Latin letters the fonts kern (AV, To, f), digits, the
// two-em dash that the fonts join by ccmp, the ellipsis, kana and full-width marks.
const alphabet = [
  ...new Set([...seed.replace(/\s/g, ''), ...traditional.replace(/\s/g, ''), '\u300C', '\u300D', '\u300E', '\u300F', ...'AVWToYfiflLTAwa0123456789%-. ', '\u2014', '\u2026', '\u00B7', '\u00AD', '\u200B', '\u2060', '\uFEFF', ...'\u3042\u304C\u30AB\u30AC\u30FC', ...'\u3001\u3002\uFF0C\uFF1B\uFF1A\uFF01\uFF1F\uFF08\uFF09\u300A\u300B\u201C\u201D']),
];

/**
 * Where each glyph is drawn (pen position plus offset) and the run's width. The
 * shaper may put a pair's chws adjustment on the second glyph as an offset and a
 * smaller advance, the direct layout on the first glyph's advance: the same page.
 */
function drawn(run: Run) {
  let pen = 0;
  const origins = run.glyphs.map((glyph, i) => {
    const p = run.positions[i]!;
    const at = [glyph.id, pen + p.xOffset, p.yOffset];
    pen += p.xAdvance;
    return at;
  });
  return { origins, advanceWidth: run.advanceWidth };
}

function summary(run: Run) {
  return { glyphs: run.glyphs.map((g) => g.id), positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]), advanceWidth: run.advanceWidth };
}

function sameAsShaper(face: Face): void {
  const font = openFace(face) as unknown as { layout: Layout };
  const shape = realLayout(font);
  expect(shape, 'the shared fontkit installed its layout').toBeDefined();
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 40 }), (chars) => {
      const text = chars.join('');
      expect(summary(font.layout(text))).toEqual(summary(shape!(text) as Run));
    }),
    { numRuns: 300, seed: 20261126 },
  );
  // With chws (adjacent full-width punctuation at 1.5 em), on text where punctuation meets punctuation
  // and Han characters often: the adjustment found for one Han neighbour is reused for the others.
  const punctuation = [...'\u3001\u3002\uFF0C\uFF1B\uFF1A\uFF01\uFF1F\uFF08\uFF09\u300A\u300B\u3008\u3009\u300C\u300D\u300E\u300F\u3010\u3011\u201C\u201D\u2018\u2019\u00B7\u2026'];
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom(...punctuation), fc.constantFrom(...alphabet)), { minLength: 2, maxLength: 30 }), (chars) => {
      const text = chars.join('');
      expect(drawn(font.layout(text, ['chws'])), text).toEqual(drawn(shape!(text, ['chws']) as Run));
    }),
    { numRuns: 300, seed: 20261126 },
  );
  // The dashes are joined by the shaper: a run that holds them must not be laid out directly.
  expect(summary(font.layout('\u2014\u2014'))).toEqual(summary(shape!('\u2014\u2014') as Run));
}

function facesOf(family: FontFamily): [string, Face][] {
  return [family.normal, ...(family.bold ? [family.bold] : [])].map((face) => [`${face.file.split('/').pop()!}${face.postscriptName ? ` ${face.postscriptName}` : ''}`, face]);
}

describe.each(BUNDLED_FAMILIES)('direct layout in %s', (name) => {
  it.each(facesOf(findFamily(name)!))('%s: same glyphs and advances as the shaper, on generated text', (_file, face) => sameAsShaper(face));
});

// The Traditional editions' fonts (Debian's fonts-noto-cjk and fonts-arphic-ukai, installed by .ci/run):
// pan-CJK CFF collections whose regional Han forms sit under locl.
const SYSTEM = ['Noto Serif CJK TC', 'Noto Sans CJK TC', 'AR PL UKai TW'];
describe.runIf(clients('fc-list'))('direct layout in the Traditional editions\' system fonts', () => {
  it.each(SYSTEM)('%s: same glyphs and advances as the shaper, on generated Simplified and Traditional text', (name) => {
    const family = findFamily(name);
    if (!family) {
      if (process.env.CI) throw new Error(`${name} is not installed: .ci/run installs fonts-noto-cjk and fonts-arphic-ukai`);
      console.warn(`skipped: ${name} is not installed (apt-get install fonts-noto-cjk fonts-arphic-ukai)`);
      return;
    }
    for (const [, face] of facesOf(family)) sameAsShaper(face);
  });
});

describe('what chws can tell apart', () => {
  it('in Noto Serif SC: its punctuation, and no Han character of the seed', () => {
    const font = openFace(findFamily('Noto Serif SC')!.normal) as unknown as ShapingFont & { glyphForCodePoint(c: number): { id: number } };
    const distinguished = chwsDistinguished(font)!;
    expect(distinguished).toBeDefined();
    const id = (c: string) => font.glyphForCodePoint(c.codePointAt(0)!).id;
    for (const mark of '\uFF0C\u3002\u3001\u201C\u201D\u300A\u300B\uFF08\uFF09') expect(distinguished.has(id(mark)), mark).toBe(true);
    for (const glyph of chwsGlyphs(font)) expect(distinguished.has(glyph)).toBe(true);
    const han = [...new Set(seed.match(/\p{Script=Han}/gu))];
    expect(han.length).toBeGreaterThan(500);
    expect(han.filter((c) => distinguished.has(id(c)))).toEqual([]);
  });

  it('in a font without chws: nothing', () => {
    expect(chwsDistinguished(openFace(findFamily('Noto Sans SC')!.normal) as unknown as ShapingFont)?.size).toBe(0);
  });
});

describe('glyph metrics from the direct layout', () => {
  // Noto Serif SC has vmtx; AR PL UKai (the kai role, from Debian) has none, so its vertical metrics come from its outlines.
  const names = ['Noto Serif SC', 'AR PL UKai CN'].filter((name) => findFamily(name));
  it.each(names)('are fontkit\'s in %s, also for glyphs past the last full hmtx entry', (name) => {
    const face = findFamily(name)!.normal;
    const font = openFace(face) as unknown as { layout: Layout; hhea: { numberOfMetrics: number }; glyphForCodePoint(cp: number): { id: number } };
    // Characters whose glyphs lie past hhea.numberOfMetrics take their bearing from hmtx's bearings array.
    const late: string[] = [];
    for (let cp = 0x3000; cp < 0x9fff && late.length < 3; cp++) if (font.glyphForCodePoint(cp).id >= font.hhea.numberOfMetrics) late.push(String.fromCodePoint(cp));
    if (name === 'Noto Serif SC') expect(late.length).toBeGreaterThan(0);
    const run = font.layout(`${late.join('')}\u4E2D\u6587\u3002\u201D`) as unknown as { glyphs: { id: number; _getMetrics(): Record<string, number> }[] };
    const opened = pristine.create(readFileSync(face.file)) as unknown as { getGlyph(id: number): { _getMetrics(): Record<string, number> } } | { getFont(name: string): { getGlyph(id: number): { _getMetrics(): Record<string, number> } } };
    const theirs = 'getFont' in opened && face.postscriptName ? opened.getFont(face.postscriptName) : (opened as { getGlyph(id: number): { _getMetrics(): Record<string, number> } });
    for (const glyph of run.glyphs) expect({ ...glyph._getMetrics() }).toEqual({ ...theirs.getGlyph(glyph.id)._getMetrics() });
  });
});
