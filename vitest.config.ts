import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    env: { TZ: 'Asia/Shanghai' },
    // Builds dist/ once (unless SKIP_BUILD=1) and a base-path build, serves dist/ with the production CSP
    // and starts one shared Chromium (the npm one, tests/support/browser.ts) that every browser test uses.
    globalSetup: ['tests/gates/global-setup.ts'],
    // The gate files mostly wait for Chromium, which renders in processes of its own: two test files at
    // a time even on two cores (vitest's default there would be one).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    hookTimeout: 60_000,
    // CI shares two cores with the build and Chromium: a test that spawns a command may wait its turn.
    testTimeout: 30_000,
  },
});
