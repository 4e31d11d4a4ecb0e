// The font tables zhpress reads itself (fast-tables.ts) must say what fontkit
// would: glyph offsets (loca), the post header and glyph names, and the cmap.
import { readFileSync } from 'node:fs';
import * as pristine from 'fontkit';
import { describe, expect, it } from 'vitest';
import { BUNDLED_FAMILIES, type Face, findFamily, openFace } from '../../src/fonts/index.js';
import { type CmapFont, fontkitLookup } from '../../src/patches/fast-tables.js';
import { familyNames } from '../../src/fonts/registry.js';

interface Tables {
  loca: { version: number; offsets: ArrayLike<number> };
  post: Record<string, unknown>;
  getGlyph(id: number): { name: string };
  numGlyphs: number;
}

const faces: [string, Face][] = [];
for (const name of [...BUNDLED_FAMILIES, 'Noto Serif CJK TC', 'AR PL UKai TW']) {
  const family = findFamily(name);
  if (!family) continue; // the system fonts: installed in CI by .ci/run
  for (const face of [family.normal, family.bold]) if (face) faces.push([`${name} ${face.postscriptName ?? face.file.split('/').pop()}`, face]);
}

describe.each(faces)('%s', (_name, face) => {
  const ours = openFace(face) as unknown as Tables & CmapFont;
  const opened = pristine.create(readFileSync(face.file)) as unknown as Tables | { getFont(name: string): Tables; fonts: Tables[] };
  const theirs = ('fonts' in opened ? (face.postscriptName ? opened.getFont(face.postscriptName) : opened.fonts[0]) : opened) as Tables;

  it('loca and post as fontkit decodes them (glyph names on demand)', () => {
    if (theirs.loca) {
      expect(ours.loca.version).toBe(theirs.loca.version);
      expect(Array.from(ours.loca.offsets)).toEqual(Array.from(theirs.loca.offsets));
    }
    for (const key of ['version', 'italicAngle', 'underlinePosition', 'underlineThickness', 'isFixedPitch']) expect(ours.post[key], key).toEqual(theirs.post[key]);
    for (const id of [0, 1, 100, Math.floor(theirs.numGlyphs / 2), theirs.numGlyphs - 1]) expect(ours.getGlyph(id).name).toBe(theirs.getGlyph(id).name);
  });

  it('maps every code point of the BMP and CJK Extension B to the glyph fontkit finds', () => {
    const lookup = fontkitLookup(ours);
    expect(lookup, 'the fast cmap is installed').toBeDefined();
    const processor = ours._cmapProcessor;
    const wrong: string[] = [];
    for (let cp = 0; cp < 0x2a6e0; cp++) if (processor.lookup(cp) !== lookup!(cp) && wrong.length < 5) wrong.push(cp.toString(16));
    expect(wrong).toEqual([]);
  });
});

describe('fontconfig family names', () => {
  it('are split on unescaped commas and unescaped, up to the first unescaped colon', () => {
    expect(familyNames('AR PL UKai CN,\u6587\u9F0EPL\u4E2D\u6977:style=Book:weight=80')).toEqual({ names: ['AR PL UKai CN', '\u6587\u9F0EPL\u4E2D\u6977'], rest: ':style=Book:weight=80' });
    expect(familyNames('FZXiaoBiaoSong\\-B05S:style=Regular').names).toEqual(['FZXiaoBiaoSong-B05S']);
    expect(familyNames('Comma\\, Inside,Colon\\:Inside,Back\\\\slash:style=x').names).toEqual(['Comma, Inside', 'Colon:Inside', 'Back\\slash']);
    expect(familyNames(':style=Book').names).toEqual([]);
  });
});
