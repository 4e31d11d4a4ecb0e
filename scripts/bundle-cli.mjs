// Part of `npm run build`: the command line becomes one CommonJS bundle,
// dist/cli/bundle.cjs, of zhpress's compiled modules, yargs and docx (with the
// modules they use), and dist/cli/main.js a launcher that runs it through Node's
// compile cache where Node has one (src/cli/compile-cache.ts). Node then compiles
// one file instead of loading some eighty ES modules and docx's 1 MB (measured:
// `zhpress --version` 0.50 s of CPU unbundled, 0.32 s bundled, Node 20). Other
// packages stay where npm put them.
//
// Each module keeps the URL it had (import.meta.url is rewritten to it), so
// files found next to a module (templates, the template validator, dictionaries,
// the batch worker, package.json) are found as before. yargs' platform shim is
// the exception: it finds its locales where yargs is installed (found at run
// time, as npm may hoist it) and the package whose version --version prints from
// where the bundle lies. The library (dist/index.js) and the batch worker are
// left as compiled. If esbuild is missing or fails, the compiled main.js stays:
// slower to start, same behaviour; a source patch that no longer fits
// (src/patches/bundle-sources.ts) fails the build.
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
// Compiled by tsc just before this script runs (npm run build).
const { bundledYargsShim, lazySegmenter, STRING_WIDTH, YARGS_SHIM } = await import(pathToFileURL(join(dist, 'patches/bundle-sources.js')).href);
const outdir = join(dist, 'cli');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** Bundled: yargs, docx and what they import. Every other dependency is loaded from node_modules. */
const BUNDLED = new Set(['yargs', 'docx']);
/** Outputs of earlier bundlers (chunks of an ES module bundle), which would otherwise pile up. */
const STALE = /^chunk-|-[A-Z0-9]{8}\.js$|^yargs\.(js|d\.ts)$/;
/** The bundle's own URL, which import.meta.url of each bundled module is made relative to. */
const BUNDLE_URL = '__zhpressBundleUrl';

/** `import.meta.url` of the module at `path` as it was, relative to where the bundle lies. */
const moduleUrl = (path) => `new URL(${JSON.stringify(relative(outdir, path).split(sep).join('/'))}, ${BUNDLE_URL}).href`;

const commonjsBundle = {
  name: 'commonjs-bundle',
  setup(build) {
    // The two source patches (src/patches/bundle-sources.ts): each throws if its text is gone.
    build.onLoad({ filter: STRING_WIDTH }, (args) => {
      const contents = lazySegmenter(readFileSync(args.path, 'utf8'), args.path);
      return contents === undefined ? undefined : { contents, loader: 'js' };
    });
    build.onLoad({ filter: YARGS_SHIM }, (args) => ({
      contents: bundledYargsShim(readFileSync(args.path, 'utf8'), args.path, moduleUrl(args.path), BUNDLE_URL),
      loader: 'js',
    }));
    // Any other module with import.meta (zhpress's, yargs-parser): its own URL. Packages
    // zhpress imports at run time (import('piscina')) are required, as the rest of the bundle is
    // (one CommonJS module system; the bundle keeps no import()).
    build.onLoad({ filter: /\.m?js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const ours = args.path.startsWith(dist + sep) && !args.path.includes(`${sep}node_modules${sep}`);
      if (!source.includes('import.meta') && !ours) return undefined;
      return {
        contents: source
          .replaceAll('import.meta.url', moduleUrl(args.path))
          // yargs' config `extends`, unused by zhpress: resolved the CommonJS way.
          .replaceAll('import.meta.resolve(', 'require.resolve(')
          .replace(/\bimport\((['"])([^'"./][^'"]*)\1\)/g, (_, quote, name) => `Promise.resolve().then(() => require(${quote}${name}${quote}))`),
        loader: 'js',
      };
    });
  },
};

const MARK = '// Written by scripts/bundle-cli.mjs: the command line (src/cli/main.ts) is bundle.cjs.';
const main = join(outdir, 'main.js');

if (readFileSync(main, 'utf8').includes(MARK)) {
  console.warn('zhpress build: dist/cli/main.js is the launcher already; `npm run build` compiles it again first');
  process.exit(0);
}

const bundle = join(outdir, 'bundle.cjs');
// A bundle of an earlier build must not outlive a failed one (tests read it).
rmSync(bundle, { force: true });
try {
  const esbuild = await import('esbuild');
  for (const file of readdirSync(outdir)) if (STALE.test(file)) rmSync(join(outdir, file));
  await esbuild.build({
    entryPoints: [main],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile: `${bundle}.tmp`,
    // docx/layout (1.8 MB, standalone) is loaded only for ZHPRESS_DOCX_TOC_PAGES=1.
    external: [...Object.keys(pkg.dependencies).filter((name) => !BUNDLED.has(name)), 'docx/layout'],
    // Node 20 has RegExp's v flag: keep such literals (V8 builds them on first use; as
    // new RegExp(...), string-width's \\p{RGI_Emoji} took 20 ms at every start).
    supported: { 'regexp-set-notation': true },
    logLevel: 'warning',
    plugins: [commonjsBundle],
    // "use strict" first: as ES modules all of this code was strict, and after any other
    // statement the directive esbuild writes would be a plain string.
    banner: { js: `"use strict";\n// Bundled by scripts/bundle-cli.mjs from the compiled modules (src/cli/main.ts).\nvar ${BUNDLE_URL} = require('node:url').pathToFileURL(__filename).href;` },
  });
  const dynamic = readFileSync(`${bundle}.tmp`, 'utf8').match(/\bimport\(.{0,40}/);
  if (dynamic) throw new Error(`"${dynamic[0]}" is left in the bundle, which should require() what it loads`);
  renameSync(`${bundle}.tmp`, bundle);
  const launcher = [
    '#!/usr/bin/env node',
    MARK,
    '// It runs through Node\u2019s compile cache where Node has one (src/cli/compile-cache.ts).',
    "import { runBundle } from './compile-cache.js';",
    '',
    "runBundle(new URL('./bundle.cjs', import.meta.url));",
    '',
  ].join('\n');
  writeFileSync(`${main}.tmp`, launcher, { mode: 0o755 });
  renameSync(`${main}.tmp`, main);
} catch (error) {
  rmSync(`${bundle}.tmp`, { force: true });
  const broken = /zhpress's patch of .*/.exec(String(error.message ?? error));
  if (broken) {
    // A patched package changed (src/patches/README.md): a build without the patch would be slower or wrong.
    console.error(`zhpress build: ${broken[0]}`);
    process.exit(1);
  }
  console.warn(`zhpress build: the command line was not bundled (${String(error.message ?? error).split('\n')[0]}); it loads its modules one by one instead`);
}
