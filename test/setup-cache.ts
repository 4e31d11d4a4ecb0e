// vitest globalSetup: the command line's compile cache (src/cli/compile-cache.ts) for this
// test run only, in a fresh folder removed at the end, not the user's ~/.cache/zhpress.
// Set before the test workers start, so every spawned zhpress inherits it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'zhpress-test-cache-'));
  process.env.ZHPRESS_CACHE_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
