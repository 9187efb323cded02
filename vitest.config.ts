import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    env: { TZ: 'Asia/Shanghai' },
    // Builds dist/ once (unless SKIP_BUILD=1) and a base-path build, serves dist/ with the production CSP
    // and starts one shared Chromium for the quality gates (tests/gates/).
    globalSetup: ['tests/gates/global-setup.ts'],
    // The gate files drive a browser; let them run side by side with the unit tests on two cores.
    hookTimeout: 60_000,
  },
});
