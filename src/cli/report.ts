// How reports of changes look on a terminal: one line each, with the place.
import type { Change } from '../index.js';

export function formatChange(file: string, change: Change): string {
  const where = change.position ? `${file}:${change.position.start.line}:${change.position.start.column}` : file;
  const level = change.severity === 'warning' || change.severity === 'error' ? `${change.severity}: ` : '';
  const edit = change.before !== undefined && change.after !== undefined ? ` \u00AB${change.before}\u00BB \u2192 \u00AB${change.after}\u00BB` : change.before !== undefined ? ` \u00AB${change.before}\u00BB` : '';
  return `${where}: ${level}[${change.source}] ${change.kind}: ${change.message}${edit}`;
}

export function isProblem(change: Change): boolean {
  return change.severity === 'warning' || change.severity === 'error';
}

/** A font file in ./fonts that cannot be used: one notice line each, once a run. */
export async function reportLocalFonts(): Promise<void> {
  const { existsSync } = await import('node:fs');
  if (!existsSync('fonts')) return;
  const { relative } = await import('node:path');
  const { localFontProblems } = await import('../index.js');
  for (const { file, problem } of localFontProblems()) {
    process.stderr.write(`${relative(process.cwd(), file)}: notice: not a usable font file (${problem}); left out\n`);
  }
}
