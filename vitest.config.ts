import { defineConfig } from 'vitest/config';

/**
 * The fast tests (`npm run test:unit`, under a minute on this project's 2-core
 * machine): the model, readers, transforms, line breaking, templates' schema and
 * the patches, in process, without dist/ or the programs users open editions with.
 * Everything else (writers end to end, the command line, batches, robustness,
 * the real clients) is `integration`; `npm test` runs both.
 */
const UNIT = [
  'test/model/**/*.test.ts',
  'test/io/**/*.test.ts',
  'test/readers/text.test.ts',
  'test/readers/markdown.test.ts',
  'test/readers/lost-markers.test.ts',
  'test/transforms/**/*.test.ts',
  'test/corpus/**/*.test.ts',
  'test/batch/plan.test.ts',
  'test/batch/schedule.test.ts',
  'test/batch/free-cores.test.ts',
  'test/writers/markdown.test.ts',
  'test/writers/linebreak.test.ts',
  'test/writers/keep.test.ts',
  'test/fonts/tables.test.ts',
  'test/robustness/decode.test.ts',
  'test/patches.test.ts',
  'test/architecture/**/*.test.ts',
];

const shared = {
  testTimeout: 60_000,
  hookTimeout: 120_000,
  globalSetup: ['test/setup-cache.ts'],
};

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'unit', include: UNIT } },
      { test: { ...shared, name: 'integration', include: ['test/**/*.test.ts'], exclude: UNIT } },
    ],
  },
});
