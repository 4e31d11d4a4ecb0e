// Which font roles a template sets text in: what the build layer resolves and
// reports on, and what the Word edition names in its font table.
import type { FontRole, Template } from './types.js';

/** The roles a template sets text in: its styles' and serif (contents numbers) and kai (emphasis). */
export function usedRoles(template: Pick<Template, 'styles'>): Set<FontRole> {
  return new Set<FontRole>(['serif', 'kai', ...Object.values(template.styles).map((s) => s.font)]);
}
