// The seed's editions stay the same bytes: the sha256 of each (three templates,
// three variants, every format) as built before the write context moved fonts and
// dictionaries into the build layer (test/fixtures/editions/seed.sha256.json). A
// change that means to change an edition records the new digest here and says so.
// The Markdown editions depend on no font; a PDF or Word edition is compared where
// this machine resolves the template's roles to the fonts the digest was made with
// (else skipped with a message, and failing in CI, whose machine has them).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepare, render } from '../../src/build.js';
import { writeFonts } from '../../src/fonts/write-fonts.js';
import type { Lang } from '../../src/model/types.js';
import { loadTemplate } from '../../src/templates/index.js';

const seed = join(import.meta.dirname, '../../seeds/000_fb7c4685e6dc9c77.txt');
const recorded = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/editions/seed.sha256.json'), 'utf8')) as { fonts: Record<string, string>; digests: Record<string, string> };

/** The roles as this machine resolves them, in the fixture's words. */
function fontsHere(template: string, variant: Lang): string {
  return Object.values(writeFonts(loadTemplate(template, variant)).roles)
    .map((r) => `${r.role}=${r.family.name} (${basename(r.family.normal.file)}${r.family.normal.postscriptName ? `#${r.family.normal.postscriptName}` : ''})`)
    .join(', ');
}

describe('the seed\u2019s editions', () => {
  it('records every format of briefing in three variants, and gbt9704 and newspaper', () => {
    expect(Object.keys(recorded.digests)).toHaveLength(15);
  });

  for (const [name, digest] of Object.entries(recorded.digests)) {
    const [template, variant, format] = name.split(' ') as [string, Lang, string];
    it(`${name}: the same bytes as before`, { timeout: 120_000 }, async (context) => {
      if (format !== 'md') {
        const here = fontsHere(template, variant);
        if (here !== recorded.fonts[`${template} ${variant}`]) {
          if (process.env.CI) throw new Error(`${name}: the fonts differ from the recorded ones: ${here}`);
          console.warn(`skipping ${name}: this machine sets it in other fonts (${here})`);
          context.skip();
        }
      }
      const { edition } = await prepare(seed, {});
      const { data } = await render(edition, format, variant, { template });
      expect(createHash('sha256').update(data).digest('hex')).toBe(digest);
    });
  }
});
