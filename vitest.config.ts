import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The command line's compile cache (src/cli/compile-cache.ts) of this run, not the user's.
    env: { ZHPRESS_CACHE_DIR: mkdtempSync(join(tmpdir(), 'zhpress-test-cache-')) },
  },
});
