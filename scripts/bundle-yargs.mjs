// Part of `npm run build`: dist/cli/yargs.js becomes one bundle of yargs,
// yargs/helpers and their modules (see src/cli/yargs.ts). yargs finds its
// locales and the program's package.json from where its platform shim lives, so
// the bundle gives the shim its real place in node_modules. If esbuild is
// missing or fails, the compiled re-export stays: slower to start, same behaviour.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/cli/yargs.js');

/** The shim's own URL, worked out where the bundle runs (yargs exports its package.json). */
const BANNER = [
  '// Bundled from yargs by scripts/bundle-yargs.mjs; the source is src/cli/yargs.ts.',
  "import { createRequire as __yargsRequire } from 'node:module';",
  "import { dirname as __yargsDirname, join as __yargsJoin } from 'node:path';",
  "import { pathToFileURL as __yargsUrl } from 'node:url';",
  "const __yargsShimUrl = __yargsUrl(__yargsJoin(__yargsDirname(__yargsRequire(import.meta.url).resolve('yargs/package.json')), 'lib/platform-shims/esm.mjs')).href;",
].join('\n');

const realShimPlace = {
  name: 'yargs-shim-place',
  setup(build) {
    build.onLoad({ filter: /platform-shims[\\/]esm\.mjs$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', '__yargsShimUrl'),
      loader: 'js',
    }));
  },
};

try {
  const esbuild = await import('esbuild');
  await esbuild.build({
    stdin: { contents: "export { default } from 'yargs';\nexport { hideBin } from 'yargs/helpers';\n", resolveDir: root, sourcefile: 'yargs-entry.js' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile: out,
    allowOverwrite: true,
    logLevel: 'warning',
    plugins: [realShimPlace],
    banner: { js: BANNER },
  });
} catch (error) {
  console.warn(`zhpress build: yargs not bundled (${error.message.split('\n')[0]}); the CLI loads it module by module instead`);
}
