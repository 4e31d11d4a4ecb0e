export { BUNDLED_FAMILIES, findFamily, fontBytes, localFontProblems, openFace, type Face, type FontFamily } from './registry.js';
export { resolveRoles, sourceOf, usedRoles, type ResolvedRole } from './roles.js';
export { splitByCoverage, type Run } from './coverage.js';
