/**
 * Every page in Chromium under the production Content-Security-Policy header: no violations and its
 * scripts really ran; no console errors; no request to another origin; with JavaScript off, no errors
 * and the text, tables and metadata still visible; and the size budgets, counting what the browser loaded.
 */
import { describe, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/security/csp.ts';
import { checkConsole, checkCsp, checkNoJs, checkRequests, fetchedAssets } from './lib/browser-gates.ts';
import { budgetTable, loadBudgets, measureBudgets } from './lib/budgets.ts';
import { BUDGETS_FILE, requireVisible } from './real-site.ts';
import { PAGE_TIMEOUT, expectNoFindings, gates, targetOf, useSharedBrowser, visits } from './support.ts';

const browser = useSharedBrowser();

describe('csp: every page works under the policy, with zero securitypolicyviolation events', () => {
  it.each(visits)('csp $path', { timeout: PAGE_TIMEOUT }, async (page) => {
    expectNoFindings(await checkCsp(browser(), targetOf(page), { policy: CONTENT_SECURITY_POLICY }));
  });
});

describe('console: no console errors and no uncaught exceptions', () => {
  it.each(visits)('console $path', { timeout: PAGE_TIMEOUT }, async (page) => {
    expectNoFindings(await checkConsole(browser(), targetOf(page)));
  });
});

describe('external: the browser requests nothing from another origin', () => {
  it.each(visits)('external requests $path', { timeout: PAGE_TIMEOUT }, async (page) => {
    expectNoFindings(await checkRequests(browser(), targetOf(page)));
  });
});

describe('nojs: with JavaScript off, no errors, and the text, tables and metadata are visible', () => {
  it.each(visits)('nojs $path', { timeout: PAGE_TIMEOUT }, async (page) => {
    expectNoFindings(await checkNoJs(browser(), targetOf(page), { requireVisible: requireVisible(page.path) }));
  });
});

describe('budgets: JS, CSS and HTML gzip bytes per page type (budgets.json)', () => {
  it('every page is within the budget of its page type, counting every script the browser loaded', { timeout: PAGE_TIMEOUT * 2 }, async () => {
    const loaded = new Map<string, string[]>();
    for (const page of visits) loaded.set(page.path, await fetchedAssets(browser(), targetOf(page)));
    const { rows, findings } = await measureBudgets(gates.dist, visits, loadBudgets(BUDGETS_FILE), { loaded: (p) => loaded.get(p.path) });
    console.log(`\n${budgetTable(rows)}\n`);
    expectNoFindings(findings);
  });
});
