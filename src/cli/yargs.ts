// yargs for the command line. `npm run build` replaces the compiled file with
// one bundle of yargs and its modules (scripts/bundle-yargs.mjs): Node loads one
// file instead of some twenty ES modules, about 25 ms less at every start.
// Without the bundle (running from src/, or esbuild missing) this re-export is used.
export { default } from 'yargs';
export { hideBin } from 'yargs/helpers';
