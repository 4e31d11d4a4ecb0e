// Real clients (poppler-utils, qpdf, pandoc, LibreOffice) for end-to-end tests.
// Absent on a user's machine: the tests skip with a message. Absent in CI
// (CI=true, set by .ci/run): the suite fails, so CI never skips them silently.
import { spawnSync } from 'node:child_process';

export function hasClient(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

/** True when every client is installed; otherwise warns (or throws in CI). */
export function clients(...commands: string[]): boolean {
  const missing = commands.filter((c) => !hasClient(c));
  if (missing.length === 0) return true;
  const message = `missing ${missing.join(', ')}: install poppler-utils, qpdf, pandoc and LibreOffice (see .ci/run) to run these tests`;
  if (process.env.CI) throw new Error(`${message} (required when CI is set)`);
  console.warn(`skipping: ${message}`);
  return false;
}

export function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

export const han = (s: string) => s.match(/\p{Script=Han}/gu) ?? [];

/** Whether `needle` appears in `haystack` in order (other characters may come between). */
export function isSubsequence(needle: readonly string[], haystack: readonly string[]): { ok: boolean; at: number } {
  let j = 0;
  for (let i = 0; i < haystack.length && j < needle.length; i++) if (haystack[i] === needle[j]) j++;
  return { ok: j === needle.length, at: j };
}
