// yargs formats the whole help text after every command handler, in case a
// failing handler should print it (string measuring, some 50 ms of a run). The
// command line's .fail() prints a message and points to --help instead, so that
// text is never used: building it is skipped through yargs' private
// getInternalMethods().getUsageInstance().cacheHelpMessage. --help is unaffected.
import type { Argv } from 'yargs';
import { expectMembers, markInstalled, patchOn } from './expect.js';

export function skipHelpCache(cli: Argv): Argv {
  if (!patchOn('yargs-help')) return cli;
  const yargs = cli as unknown as { getInternalMethods?(): { getUsageInstance?(): unknown } };
  expectMembers('yargs', 'the yargs instance', yargs, { getInternalMethods: 'function' });
  const internal = yargs.getInternalMethods!();
  expectMembers('yargs', 'getInternalMethods()', internal, { getUsageInstance: 'function' });
  const usage = internal.getUsageInstance!() as { cacheHelpMessage?: () => void };
  expectMembers('yargs', 'getUsageInstance()', usage, { cacheHelpMessage: 'function' });
  usage.cacheHelpMessage = () => {};
  markInstalled('yargs-help');
  return cli;
}
