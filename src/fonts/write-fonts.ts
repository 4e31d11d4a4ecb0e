// The fonts a writer is given (WriteFonts, src/fonts/types.ts), made by the build
// layer from the registry: the template's roles resolved (fontconfig asked once per
// process), and each face read and parsed the first time a writer asks for it, kept
// for the process, as the registry keeps them.
import type { Template } from '../templates/types.js';
import { familyForCharacter } from './registry.js';
import { BUNDLED_FAMILIES, faceBytes, findFamily, fontBytes, openFace } from './registry.js';
import { verticalMetrics } from './metrics.js';
import { resolveRoles, usedRoles } from './roles.js';
import type { FontFamily, WriteFonts } from './types.js';

let bundled: FontFamily[] | undefined;

/** The registry's side of WriteFonts: the same for every template. */
const registryFonts: Omit<WriteFonts, 'roles' | 'notices'> = {
  family: findFamily,
  bundled: () => (bundled ??= BUNDLED_FAMILIES.map((name) => findFamily(name)).filter((f): f is FontFamily => Boolean(f))),
  forCharacter: familyForCharacter,
  open: openFace,
  bytes: (face) => fontBytes(face.file),
  parsedBytes: (face) => faceBytes(face.file),
  // From the file's head and hhea tables: laying out a style does not load its font.
  metrics: (face) => verticalMetrics(face) ?? openFace(face),
};

/** The fonts for writing with `template`: its roles resolved, with a notice for each role set in another family. */
export function writeFonts(template: Pick<Template, 'fonts' | 'styles'>): WriteFonts {
  const { roles, notices } = resolveRoles(template.fonts, usedRoles(template));
  return { ...registryFonts, roles, notices };
}
