#!/usr/bin/env node
// The zhpress command line: a thin layer over the library in src/index.ts.
import './heap.js';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { isZhpressError, removePendingTemporaries, saveInterrupted } from '../index.js';
import { formatLabels } from './options.js';
import { buildCommand } from './commands/build.js';
import { watchCommand } from './commands/watch.js';
import { checkCommand } from './commands/check.js';
import { parseCommand } from './commands/parse.js';
import { schemaCommand } from './commands/schema.js';
import { extraCommands } from './commands/extra.js';
import { skipHelpCache } from '../patches/yargs-help.js';

function fail(message: string, code: number): never {
  process.stderr.write(`zhpress: ${message}\n`);
  process.exit(code);
}

// A reader that stops early (zhpress parse ... | head) closes the pipe: stop quietly with
// exit 0, as other tools do. Any other failure to write (a full disk, > /dev/full) is one
// line on stderr and exit 1: what was asked for was not delivered.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    removePendingTemporaries();
    if (error.code === 'EPIPE') process.exit(0);
    const name = stream === process.stdout ? 'standard output' : 'standard error';
    try {
      if (stream === process.stdout) process.stderr.write(`zhpress: cannot write to ${name}: ${error.code ?? error.message}${error.code === 'ENOSPC' ? ' (no space left on the device)' : ''}\n`);
    } catch {
      // stderr cannot be written either: the exit code is all that is left
    }
    process.exit(1);
  });
}

// Ctrl-C, and what `timeout`, a job runner or `kill` sends: nothing partial is left, and
// the manifest records what was finished, so the next build makes only the rest.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.on(signal, () => {
    removePendingTemporaries();
    saveInterrupted();
    fail(`interrupted (${signal}); the outputs written so far are complete and recorded, nothing partial was left; the next build makes only the rest`, code);
  });
}

/**
 * Operands after "--" are inputs even when they start with "-". yargs leaves them in
 * `_` instead of the commands' positionals, so they are passed as "./-x.txt": the same
 * file, and no option.
 */
function operands(args: string[]): string[] {
  const end = args.indexOf('--');
  if (end < 0) return args;
  return [...args.slice(0, end), ...args.slice(end + 1).map((arg) => (arg.startsWith('-') ? `./${arg}` : arg))];
}

async function main(): Promise<void> {
  await skipHelpCache(yargs(operands(hideBin(process.argv))))
    .scriptName('zhpress')
    .usage(`$0 <command> [options]\n\nTurns Chinese documents into typeset editions (${formatLabels()}), Simplified or Traditional.`)
    .command(buildCommand)
    .command(watchCommand)
    .command(parseCommand)
    .command(checkCommand)
    .command(extraCommands)
    .command(schemaCommand)
    .demandCommand(1, 'name a command: build, watch, parse, check, templates, fonts or schema')
    .strict()
    .recommendCommands()
    .example('$0 build seeds --format pdf,md --variant zh-Hans,zh-Hant-TW', 'PDF and Markdown editions of every input in seeds/')
    .example('$0 parse seeds/000_fb7c4685e6dc9c77.txt', 'the model as JSON')
    .example('$0 check seeds', 'what the transforms change, and what looks wrong')
    .fail((message, error) => {
      if (error) throw error;
      fail(`${message} (see zhpress --help)`, 2);
    })
    .help()
    .alias('h', 'help')
    .version()
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .parseAsync();
}

// No top-level await: the bundle the command line runs as is CommonJS (scripts/bundle-cli.mjs).
main().catch((error: unknown) => {
  if (isZhpressError(error)) fail(error.format(), error.exitCode);
  if (process.env.ZHPRESS_DEBUG) throw error;
  fail(`internal error: ${(error as Error).message} (please report it; ZHPRESS_DEBUG=1 shows the stack)`, 70);
});
