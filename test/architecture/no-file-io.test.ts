// Writers and transforms do no file I/O, by construction: every module they
// load (following runtime imports, not `import type`, through the whole of src/)
// imports none of Node's file system, process or fontconfig modules, and none
// of the layers that read files (the font registry, io/, the build, the command
// line). Fonts reach a writer as WriteFonts and dictionaries reach the convert
// transform loaded, both made by the build layer. A new import that breaks this
// names the chain of modules that leads to it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/** Node modules that reach files, processes or the user's home. */
const IO_PACKAGES = /^(node:)?(fs|fs\/promises|child_process|os|worker_threads)$/;

/** Modules of src/ that read files or run programs: a writer or transform reaching one is an error. */
const IO_MODULES = ['fonts/registry.ts', 'fonts/metrics.ts', 'fonts/write-fonts.ts', 'fonts/index.ts', 'fonts/roles.ts', 'io/', 'batch/', 'cli/', 'build.ts', 'library-context.ts', 'plugins/'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sources(path) : path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

/** What `file` loads when it runs: static imports and re-exports that are not type-only, and dynamic import()s. */
function runtimeImports(file: string): { local: string[]; packages: string[] } {
  const text = readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gmu, '');
  const specs: string[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s+'([^']+)'/gmu)) {
    if (m[2]) continue;
    // `import { type A, type B } from …` loads nothing either.
    const names = m[3]!.replace(/^\{|\}$/g, '').split(',').map((n) => n.trim()).filter(Boolean);
    if (m[3]!.startsWith('{') && names.length > 0 && names.every((n) => n.startsWith('type '))) continue;
    specs.push(m[4]!);
  }
  for (const m of text.matchAll(/^\s*import\s+'([^']+)'/gmu)) specs.push(m[1]!);
  for (const m of text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/gu)) specs.push(m[1]!);
  for (const m of text.matchAll(/\brequire\(\s*'([^']+)'\s*\)/gu)) specs.push(m[1]!);
  const local: string[] = [];
  const packages: string[] = [];
  for (const spec of specs) {
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
      if (existsSync(target)) local.push(target);
    } else packages.push(spec);
  }
  return { local, packages };
}

/** Every module `roots` load, with the chain that first reached it. */
function reachable(roots: string[]): Map<string, string[]> {
  const chains = new Map<string, string[]>(roots.map((r) => [r, [r]]));
  const queue = [...roots];
  while (queue.length) {
    const file = queue.shift()!;
    for (const next of runtimeImports(file).local) {
      if (chains.has(next)) continue;
      chains.set(next, [...chains.get(file)!, next]);
      queue.push(next);
    }
  }
  return chains;
}

const name = (file: string) => relative(SRC, file);

describe('writers and transforms do no file I/O', () => {
  for (const layer of ['writers', 'transforms']) {
    it(`nothing src/${layer} loads imports a file system, process or fontconfig module`, () => {
      const roots = sources(join(SRC, layer));
      expect(roots.length).toBeGreaterThan(5);
      const offenders: string[] = [];
      for (const [file, chain] of reachable(roots)) {
        const path = chain.map(name).join(' → ');
        if (IO_MODULES.some((m) => name(file) === m || (m.endsWith('/') && name(file).startsWith(m)))) offenders.push(`${path} (reads files)`);
        for (const pkg of runtimeImports(file).packages) if (IO_PACKAGES.test(pkg)) offenders.push(`${path} imports ${pkg}`);
      }
      expect(offenders).toEqual([]);
    });
  }

  it('the check finds what it looks for (the font registry reads files; the build layer reaches it)', () => {
    const registry = runtimeImports(join(SRC, 'fonts/registry.ts')).packages;
    expect(registry.filter((p) => IO_PACKAGES.test(p)).sort()).toEqual(['node:child_process', 'node:fs', 'node:os', 'node:worker_threads']);
    const fromBuild = reachable([join(SRC, 'build.ts')]);
    expect([...fromBuild.keys()].map(name)).toEqual(expect.arrayContaining(['fonts/registry.ts', 'io/dictionaries.ts', 'writers/index.ts']));
    // A type-only import loads nothing: the writers' contract names WriteFonts without loading fonts/.
    expect(runtimeImports(join(SRC, 'writers/types.ts')).local).toEqual([]);
  });
});
