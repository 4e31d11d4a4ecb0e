// Part of `npm run build`: dist/cli/main.js, the command line, becomes one
// bundle of zhpress's compiled modules and yargs (with the modules yargs uses),
// plus a chunk per writer, loaded when a format asks for it. Node then loads a
// handful of files instead of some eighty ES modules, which took about 50 ms at
// every start. Other packages stay where npm put them.
//
// Each module keeps the URL it had in dist/ (import.meta.url is rewritten to
// it), so files found next to a module (templates, the template validator,
// dictionaries, the batch worker, package.json) are found as before; yargs'
// platform shim likewise gets its real place in node_modules, where yargs looks
// for its locales. The library (dist/index.js) and the batch worker are left as
// compiled. If esbuild is missing or fails, the compiled main.js stays: slower
// to start, same behaviour.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const outdir = join(dist, 'cli');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** Bundled: yargs and what it imports. Every other dependency is loaded from node_modules. */
const BUNDLED = new Set(['yargs']);
const CHUNK = /^chunk-|-[A-Z0-9]{8}\.js$/;

const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(build) {
    // A compiled module: its import.meta.url as it was, relative to where the bundle lies.
    build.onLoad({ filter: /\.js$/ }, (args) => {
      if (!args.path.startsWith(dist + sep) || args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const from = relative(outdir, args.path).split(sep).join('/');
      const source = readFileSync(args.path, 'utf8');
      return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(from)}, import.meta.url).href`), loader: 'js' };
    });
    // string-width (yargs' help layout) makes an Intl.Segmenter when loaded, which loads
    // ICU's break data (about 14 ms); it is made on first use instead, as most runs print no help.
    build.onLoad({ filter: /[\\/]node_modules[\\/](cliui[\\/]node_modules[\\/])?string-width[\\/]index\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const eager = 'const segmenter = new Intl.Segmenter();';
      if (!source.includes(eager)) return undefined;
      return { contents: source.replace(eager, 'let eagerSegmenter;\nconst segmenter = { segment: (text) => (eagerSegmenter ??= new Intl.Segmenter()).segment(text) };'), loader: 'js' };
    });
    // yargs' platform shim: its place in node_modules (yargs exports its package.json).
    build.onLoad({ filter: /platform-shims[\\/]esm\.mjs$/ }, (args) => ({
      contents:
        "import { createRequire as __zhpressRequire } from 'node:module';\n" +
        readFileSync(args.path, 'utf8').replaceAll(
          'import.meta.url',
          `new URL('lib/platform-shims/esm.mjs', new URL('.', 'file://' + __zhpressRequire(import.meta.url).resolve('yargs/package.json'))).href`,
        ),
      loader: 'js',
    }));
  },
};

const MARK = '// Bundled by scripts/bundle-cli.mjs from the compiled modules (src/cli/main.ts).';

if (readFileSync(join(outdir, 'main.js'), 'utf8').includes(MARK)) {
  console.warn('zhpress build: dist/cli/main.js is bundled already; `npm run build` compiles it again first');
  process.exit(0);
}

try {
  const esbuild = await import('esbuild');
  // Chunks of an earlier build would otherwise pile up.
  for (const file of readdirSync(outdir)) if (CHUNK.test(file)) rmSync(join(outdir, file));
  await esbuild.build({
    entryPoints: { main: join(outdir, 'main.js') },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir,
    chunkNames: '[name]-[hash]',
    allowOverwrite: true,
    external: Object.keys(pkg.dependencies).filter((name) => !BUNDLED.has(name)),
    // Node 20 has RegExp's v flag: keep such literals (V8 builds them on first use; as
    // new RegExp(...), string-width's \\p{RGI_Emoji} took 20 ms at every start).
    supported: { 'regexp-set-notation': true },
    logLevel: 'warning',
    plugins: [keepModuleUrls],
    banner: { js: MARK },
  });
} catch (error) {
  console.warn(`zhpress build: the command line was not bundled (${String(error.message ?? error).split('\n')[0]}); it loads its modules one by one instead`);
}
