// Resolving a template's font roles (serif, sans, kai, fangsong) to families.
// A role whose family is not installed falls back to another role, with a
// one-line notice; the bundled npm fonts are the last resort, so a PDF can
// always be written after `npm install`.
import type { Change } from '../model/types.js';
import type { FontRole } from '../templates/types.js';

export { usedRoles } from '../templates/roles.js';
import { BUNDLED_FAMILIES, findFamily } from './registry.js';
import type { FontFamily, ResolvedRole } from './types.js';

export type { ResolvedRole } from './types.js';

// A fangsong stand-in is the serif face: set in kai, a GB/T 9704 body would look
// like its （一） headings.
const FALLBACK: Record<FontRole, FontRole[]> = {
  serif: ['sans'],
  sans: ['serif'],
  kai: ['serif'],
  fangsong: ['serif', 'kai'],
};

/** Where a family a template may ask for comes from, for the notice saying it is missing. */
const SOURCES: [RegExp, string][] = [
  [/^Noto (Serif|Sans) (SC|TC|HK)$/, 'npm install @expo-google-fonts/noto-$L-$C'],
  [/^LXGW WenKai$/, 'npm install @fontsource/lxgw-wenkai'],
  [/^LXGW WenKai TC$/, 'npm install @fontsource/lxgw-wenkai-tc'],
  [/^Noto (Serif|Sans) CJK/, 'Debian: fonts-noto-cjk'],
  [/^AR PL UKai/, 'Debian: fonts-arphic-ukai'],
  [/^AR PL UMing/, 'Debian: fonts-arphic-uming'],
];

/** How to get a family: its npm package or Debian package, else a font file of your own in fonts/. */
export function sourceOf(family: string): string {
  for (const [pattern, source] of SOURCES) {
    const match = pattern.exec(family);
    if (match) return source.replace('$L', (match[1] ?? '').toLowerCase()).replace('$C', (match[2] ?? '').toLowerCase());
  }
  return 'put a font file in fonts/';
}

/** Noto Serif CJK TC (Debian) and Noto Serif TC (npm) are one design in two packagings. */
const sameFace = (a: string, b: string) => a.replace(' CJK ', ' ') === b.replace(' CJK ', ' ');

function names(setting: string): string[] {
  return setting.split(',').map((n) => n.trim()).filter(Boolean);
}

/** A family setting may list several names: "Noto Serif CJK TC, Noto Serif SC". */
function firstFound(setting: string): FontFamily | undefined {
  for (const name of names(setting)) {
    const family = findFamily(name);
    if (family) return family;
  }
  return undefined;
}

/**
 * Each role's family. `used`: the roles the template's styles set text in; a
 * fallback is noticed only for those (a briefing sets nothing in fangsong).
 */
export function resolveRoles(fonts: Record<FontRole, string>, used?: ReadonlySet<FontRole>): { roles: Record<FontRole, ResolvedRole>; notices: Change[] } {
  const notices: Change[] = [];
  const own = {} as Record<FontRole, FontFamily | undefined>;
  for (const role of Object.keys(fonts) as FontRole[]) own[role] = firstFound(fonts[role]);
  const roles = {} as Record<FontRole, ResolvedRole>;
  for (const role of Object.keys(fonts) as FontRole[]) {
    const found = own[role];
    if (found) {
      roles[role] = { role, requested: fonts[role], family: found };
      const wanted = names(fonts[role])[0];
      if (wanted && !sameFace(found.name, wanted) && (!used || used.has(role))) {
        // The template's first choice (a regional face, a kai face) is not installed: a later one stands in.
        notices.push({
          source: 'fonts',
          kind: 'font-fallback',
          message: `the ${role} role is set in ${found.name} instead of ${wanted} (not installed; ${sourceOf(wanted)})`,
          severity: 'info',
        });
      }
      continue;
    }
    const other = FALLBACK[role].find((r) => own[r]);
    const family = (other && own[other]) || firstFound(BUNDLED_FAMILIES.join(','));
    if (!family) throw new Error('the bundled fonts are missing: run npm install');
    const via = other ? `${family.name} (the ${other} font)` : family.name;
    roles[role] = { role, requested: fonts[role], family, fallback: via };
    const wanted = names(fonts[role])[0] ?? fonts[role];
    if (used && !used.has(role)) continue;
    notices.push({
      source: 'fonts',
      kind: 'font-fallback',
      message: `the ${role} role is set in ${via} instead of ${wanted} (not installed; ${sourceOf(wanted)})`,
      severity: 'info',
    });
  }
  return { roles, notices };
}
