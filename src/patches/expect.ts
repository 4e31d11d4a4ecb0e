// What every patch in this folder shares (README.md here lists them): a check of
// what it expects of another package's internals, made when it is installed, with
// one clear error when that no longer holds; which patches this process has
// installed (a test asserts all of them, so none goes missing silently); and
// ZHPRESS_NO_PATCH, which leaves named patches out to measure what they gain.
import { ZhpressError } from '../errors.js';

export const PATCHES = ['fontkit-shared', 'fast-tables', 'direct-layout', 'light-subsets', 'cff-return-stubs', 'docx-compiler', 'pdfmake-emphasis', 'pdfmake-linear', 'yargs-help', 'string-width', 'stream-memo', 'shared-runs', 'lazy-outlines'] as const;
export type PatchName = (typeof PATCHES)[number];

const off = new Set((process.env.ZHPRESS_NO_PATCH ?? '').split(',').map((name) => name.trim()));

/** Whether a patch is to be installed: every one is, unless ZHPRESS_NO_PATCH names it or says `all` (for measuring). */
export function patchOn(name: PatchName): boolean {
  return !off.has(name) && !off.has('all');
}

const installed = new Set<PatchName>();

/** Record that a patch is in place (on the first font it fits, for the per-font ones). */
export function markInstalled(name: PatchName): void {
  installed.add(name);
}

/** The patches this process has installed so far. */
export function installedPatches(): PatchName[] {
  return PATCHES.filter((name) => installed.has(name));
}

type Kind = 'function' | 'object' | 'number' | 'string';

const describe = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'an array' : value === undefined ? 'missing' : `a ${typeof value}`);

/** A patch that no longer fits its package: one line naming the package, the member and what to do. */
export function patchBroken(pkg: string, detail: string): ZhpressError {
  return new ZhpressError(`zhpress's patch of ${pkg} no longer fits: ${detail}`, {
    hint: `zhpress pins ${pkg} to the version the patch was written for (src/patches/README.md); reinstall with npm ci`,
    exitCode: 70,
  });
}

/**
 * Each of `members` on `value` (an object of `pkg`, called `what` in the message)
 * has the kind given, or the patch does not fit: throws patchBroken.
 */
export function expectMembers(pkg: string, what: string, value: unknown, members: Record<string, Kind>): void {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) throw patchBroken(pkg, `${what} is ${describe(value)}, not an object`);
  for (const [member, kind] of Object.entries(members)) {
    const found = (value as Record<string, unknown>)[member];
    const fits = kind === 'object' ? typeof found === 'object' && found !== null : typeof found === kind;
    if (!fits) throw patchBroken(pkg, `${what}.${member} is ${describe(found)}, expected ${kind === 'object' ? 'an object' : `a ${kind}`}`);
  }
}
