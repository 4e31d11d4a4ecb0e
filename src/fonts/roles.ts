// Resolving a template's font roles (serif, sans, kai, fangsong) to families.
// A role whose family is not installed falls back to another role, with a
// one-line notice; the bundled npm fonts are the last resort, so a PDF can
// always be written after `npm install`.
import type { Change } from '../model/types.js';
import type { FontRole } from '../templates/types.js';
import { BUNDLED_FAMILIES, findFamily, type FontFamily } from './registry.js';

export interface ResolvedRole {
  role: FontRole;
  /** What the template asked for. */
  requested: string;
  family: FontFamily;
  /** Set when the requested family was not found. */
  fallback?: string;
}

const FALLBACK: Record<FontRole, FontRole[]> = {
  serif: ['sans'],
  sans: ['serif'],
  kai: ['serif'],
  fangsong: ['kai', 'serif'],
};

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

export function resolveRoles(fonts: Record<FontRole, string>): { roles: Record<FontRole, ResolvedRole>; notices: Change[] } {
  const notices: Change[] = [];
  const own = {} as Record<FontRole, FontFamily | undefined>;
  for (const role of Object.keys(fonts) as FontRole[]) own[role] = firstFound(fonts[role]);
  const roles = {} as Record<FontRole, ResolvedRole>;
  for (const role of Object.keys(fonts) as FontRole[]) {
    const found = own[role];
    if (found) {
      roles[role] = { role, requested: fonts[role], family: found };
      const wanted = names(fonts[role])[0];
      if (wanted && found.name !== wanted) {
        // A regional font (Noto Serif CJK TC, …) listed first but not installed.
        notices.push({
          source: 'fonts',
          kind: 'font-fallback',
          message: `"${wanted}" is not installed for the ${role} role; using ${found.name} (regional glyph forms are not available; Debian: fonts-noto-cjk)`,
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
    notices.push({
      source: 'fonts',
      kind: 'font-fallback',
      message: `no font "${fonts[role]}" for the ${role} role; using ${via} (put a font file in fonts/ to use your own)`,
      severity: 'info',
    });
  }
  return { roles, notices };
}
