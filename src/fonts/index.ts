export { BUNDLED_FAMILIES, findFamily, fontBytes, localFontProblems, openFace } from './registry.js';
export { resolveRoles, sourceOf, usedRoles } from './roles.js';
export { writeFonts } from './write-fonts.js';
export type { Face, FontFamily, ResolvedRole, VerticalMetrics, WriteFonts } from './types.js';
