// The direct layout the shared fontkit gives Han, kana, Latin and punctuation
// must be what fontkit's shaper would give: same glyphs, same advances.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUNDLED_FAMILIES, type Face, findFamily, type FontFamily, openFace } from '../../src/fonts/index.js';
import { realLayout } from '../../src/fonts/direct-layout.js';
import { converter } from '../../src/transforms/convert/opencc.js';
import { clients } from '../helpers/clients.js';

interface Run {
  glyphs: { id: number }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  advanceWidth: number;
}
type Layout = (text: string) => Run;

const seed = readFileSync(join(import.meta.dirname, '../../seeds/000_fb7c4685e6dc9c77.txt'), 'utf8');
const traditional = converter('cn', 'twp')(seed);
// The seed's characters, Latin letters the fonts kern (AV, To, f), digits, the
// two-em dash that the fonts join by ccmp, the ellipsis, kana and full-width marks.
const alphabet = [
  ...new Set([...seed.replace(/\s/g, ''), ...traditional.replace(/\s/g, ''), '\u300C', '\u300D', '\u300E', '\u300F', ...'AVWToYfiflLTAwa0123456789%-. ', '\u2014', '\u2026', '\u00B7', ...'\u3042\u304C\u30AB\u30AC\u30FC', ...'\u3001\u3002\uFF0C\uFF1B\uFF1A\uFF01\uFF1F\uFF08\uFF09\u300A\u300B\u201C\u201D']),
];

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
