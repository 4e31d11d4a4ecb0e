// The layering the architecture promises: readers → model → transforms → writers,
// with shared text conventions in src/text/. A transform or writer that imports a
// reader (or a writer that imports a transform) breaks it; this test reads the
// import lines of every source file and fails on such an edge.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The top folder under src/ that each relative import of `file` lands in. */
function importedLayers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/gmu)].map((m) => m[1]!);
  return specs.map((spec) => relative(SRC, resolve(dirname(file), spec)).split('/')[0]!);
}

const forbidden: Record<string, string[]> = {
  text: ['readers', 'transforms', 'writers', 'cli', 'batch', 'io'],
  model: ['readers', 'transforms', 'writers', 'cli', 'batch'],
  readers: ['transforms', 'writers', 'cli', 'batch'],
  transforms: ['readers', 'writers', 'cli', 'batch'],
  writers: ['readers', 'transforms', 'cli', 'batch'],
};

describe('layers', () => {
  const files = sources(SRC);
  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(50);
  });
  for (const [layer, banned] of Object.entries(forbidden)) {
    it(`src/${layer} imports none of ${banned.join(', ')}`, () => {
      const edges = files
        .filter((f) => relative(SRC, f).split('/')[0] === layer)
        .flatMap((f) => importedLayers(f).filter((to) => banned.includes(to)).map((to) => `${relative(SRC, f)} → ${to}`));
      expect(edges).toEqual([]);
    });
  }
});
