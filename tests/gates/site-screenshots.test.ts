/** Screenshots of every page at 375 and 1280 px, as test artefacts in test-results/screenshots/ (not compared). */
import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { screenshot } from './lib/browser-gates.ts';
import { SCREENSHOTS_DIR } from './real-site.ts';
import { PAGE_TIMEOUT, targetOf, useSharedBrowser, visits } from './support.ts';

const browser = useSharedBrowser();

describe('screenshots (test-results/screenshots/)', () => {
  it.each(visits)('screenshots $path', { timeout: PAGE_TIMEOUT }, async (page) => {
    for (const width of [375, 1280]) {
      const file = await screenshot(browser(), targetOf(page), { width, dir: SCREENSHOTS_DIR });
      expect(existsSync(file) && statSync(file).size > 1000, file).toBe(true);
    }
  });
});
