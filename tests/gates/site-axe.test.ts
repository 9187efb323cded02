/** Accessibility: axe-core (WCAG 2.0/2.1 A and AA, 2.2 AA) on every page, at the default and the large text size. */
import { describe, it } from 'vitest';
import { checkAxe } from './lib/browser-gates.ts';
import { PAGE_TIMEOUT, expectNoFindings, targetOf, useSharedBrowser, visits } from './support.ts';

const browser = useSharedBrowser();

describe('axe: zero violations of wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa', () => {
  it.each(visits)('axe $path (default text)', { timeout: PAGE_TIMEOUT }, async (page) => {
    expectNoFindings(await checkAxe(browser(), targetOf(page)));
  });
  it.each(visits)('axe $path (large text)', { timeout: PAGE_TIMEOUT }, async (page) => {
    expectNoFindings(await checkAxe(browser(), targetOf(page), { textSize: 'large' }));
  });
});
