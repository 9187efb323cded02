/**
 * Reflow: no sideways scrolling at 320 CSS px, at the default and the large text size. Keyboard: Tab
 * reaches every visible control, and each shows a focus outline.
 */
import { describe, it } from 'vitest';
import { checkKeyboard, checkReflow } from './lib/browser-gates.ts';
import { PAGE_TIMEOUT, expectNoFindings, targetOf, useSharedBrowser, visits } from './support.ts';

const browser = useSharedBrowser();

describe('reflow: no horizontal scrolling at 320 px', () => {
  it.each(visits)('reflow $path (default text)', { timeout: PAGE_TIMEOUT }, async (page) => {
    expectNoFindings(await checkReflow(browser(), targetOf(page), { width: 320 }));
  });
  it.each(visits)('reflow $path (large text)', { timeout: PAGE_TIMEOUT }, async (page) => {
    expectNoFindings(await checkReflow(browser(), targetOf(page), { width: 320, textSize: 'large' }));
  });
});

describe('keyboard: Tab reaches every visible control, each with a visible focus outline', () => {
  it.each(visits)('keyboard $path', { timeout: PAGE_TIMEOUT }, async (page) => {
    expectNoFindings(await checkKeyboard(browser(), targetOf(page)));
  });
});
