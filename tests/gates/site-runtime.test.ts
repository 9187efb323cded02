/**
 * Every page in Chromium under the production Content-Security-Policy header: no violations and its
 * scripts really ran; no console errors; no request to another origin; every script it loads is counted
 * by the budgets; and with JavaScript off, no errors and the text, tables and metadata still visible.
 */
import { beforeAll, describe, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/security/csp.ts';
import { checkConsole, checkCsp, checkNoJs, checkRequests, fetchedAssets } from './lib/browser-gates.ts';
import { loadBudgets, measureBudgets, uncountedAssets, type BudgetRow } from './lib/budgets.ts';
import { BUDGETS_FILE, requireVisible } from './real-site.ts';
import { PAGE_TIMEOUT, expectNoFindings, gates, pages, targetOf, useSharedBrowser } from './support.ts';

const browser = useSharedBrowser();

describe('csp: every page works under the policy, with zero securitypolicyviolation events', () => {
  it.each(pages)('csp $path', { timeout: PAGE_TIMEOUT }, async (page) => {
    expectNoFindings(await checkCsp(browser(), targetOf(page), { policy: CONTENT_SECURITY_POLICY }));
  });
});

describe('console: no console errors and no uncaught exceptions', () => {
  it.each(pages)('console $path', { timeout: PAGE_TIMEOUT }, async (page) => {
    expectNoFindings(await checkConsole(browser(), targetOf(page)));
  });
});

describe('external: the browser requests nothing from another origin', () => {
  it.each(pages)('external requests $path', { timeout: PAGE_TIMEOUT }, async (page) => {
    expectNoFindings(await checkRequests(browser(), targetOf(page)));
  });
});

describe('nojs: with JavaScript off, no errors, and the text, tables and metadata are visible', () => {
  it.each(pages)('nojs $path', { timeout: PAGE_TIMEOUT }, async (page) => {
    expectNoFindings(await checkNoJs(browser(), targetOf(page), { requireVisible: requireVisible(page.path) }));
  });
});

describe('budgets: the count includes every script and stylesheet the browser really loads', () => {
  let rows: BudgetRow[] = [];
  beforeAll(async () => {
    rows = (await measureBudgets(gates.dist, pages, loadBudgets(BUDGETS_FILE))).rows;
  });
  it.each(pages)('budgets loaded assets $path', { timeout: PAGE_TIMEOUT }, async (page) => {
    const row = rows.find((r) => r.page === page.path)!;
    expectNoFindings(uncountedAssets(row, await fetchedAssets(browser(), targetOf(page))));
  });
});
