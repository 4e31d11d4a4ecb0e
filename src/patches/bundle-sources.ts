// Changes scripts/bundle-cli.mjs makes to the sources of two packages as it
// bundles them into the command line (dist/cli/bundle.cjs). Each finds the text it
// replaces or throws: a release that changed it fails the build (and
// test/patches.test.ts), instead of being bundled unpatched.
import { patchBroken, patchOn } from './expect.js';

/** string-width's index.js (under yargs, cliui and wrap-ansi). */
export const STRING_WIDTH = /[\\/]node_modules[\\/](?:[^\\/]+[\\/]node_modules[\\/])?string-width[\\/]index\.js$/;

/**
 * string-width makes an Intl.Segmenter when it is loaded, which loads ICU's
 * break data; most runs print no help and never measure a string, so it is made
 * on first use instead.
 */
export function lazySegmenter(source: string, path: string): string | undefined {
  if (!patchOn('string-width')) return undefined;
  const eager = 'const segmenter = new Intl.Segmenter();';
  if (!source.includes(eager)) throw patchBroken('string-width', `${path} no longer has "${eager}"`);
  return source.replace(eager, 'let eagerSegmenter;\nconst segmenter = { segment: (text) => (eagerSegmenter ??= new Intl.Segmenter()).segment(text) };');
}

/** yargs' platform shim for ES modules. */
export const YARGS_SHIM = /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/;

/**
 * yargs' platform shim, bundled: its locales (and require) where yargs is
 * installed, found at run time (npm may hoist it), and the package --version
 * reads from the bundle's own place (zhpress's package.json). `shimUrl` and
 * `bundleUrl` are expressions of the bundle: the shim's URL as it was, and the
 * bundle's own.
 */
export function bundledYargsShim(source: string, path: string, shimUrl: string, bundleUrl: string): string {
  const main = "const mainFilename = __dirname.substring(0, __dirname.lastIndexOf('node_modules'));";
  if (!source.includes(main)) throw patchBroken('yargs', `${path} no longer has "${main}"`);
  if (!source.includes('import.meta.url')) throw patchBroken('yargs', `${path} no longer reads import.meta.url`);
  // (The shim has a require of its own, declared further down: hence a createRequire of ours.)
  const installed = `new URL('lib/platform-shims/esm.mjs', pathToFileURL(zhpressRequire(${bundleUrl}).resolve('yargs/package.json'))).href`;
  return (
    "import { createRequire as zhpressRequire } from 'node:module';\nimport { pathToFileURL } from 'node:url';\n" +
    source
      .replace(main, `const zhpressShim = fileURLToPath(${shimUrl});\nconst mainFilename = zhpressShim.substring(0, zhpressShim.lastIndexOf('node_modules'));`)
      .replaceAll('import.meta.url', installed)
  );
}
