/**
 * Shared by the gate test files: the built site from global-setup.ts, the shared browser, and the
 * assertion that prints findings (page, rule, element, reproduction command) when there are any.
 */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { PageTarget } from './lib/browser-gates.ts';
import { formatFindings, type Finding, type SiteRef } from './lib/findings.ts';
import { listPages, withQueryVisits, type SitePage } from './lib/site.ts';
import { QUERY_VISITS } from './real-site.ts';

export const gates = inject('gates');

/** Every page of the real site: each index.html and 404.html. */
export const pages: SitePage[] = listPages(gates.dist);

/** What the browser gates visit: every page, and the pages whose script answers a query, with the query. */
export const visits: SitePage[] = withQueryVisits(pages, QUERY_VISITS);

export const targetOf = (page: SitePage): PageTarget => ({ path: page.path, url: `${gates.siteUrl}${page.path.slice(1)}` });

/** Fails with the findings as a readable report; passes only when there are none. */
export function expectNoFindings(findings: readonly Finding[], site: SiteRef = {}): void {
  if (findings.length > 0) expect.fail(`\n${formatFindings(findings, site)}\n`);
}

/**
 * The Chromium started by global-setup.ts: call at the top of a test file; it connects before the
 * file's tests and disconnects after them. Returns a getter for the connected browser.
 */
export function useSharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.connect(gates.wsEndpoint);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the shared browser is not connected (useSharedBrowser() must run at the top of the test file)');
    return browser;
  };
}

/** Per-page browser gates need a little time; the whole page list of a file still runs in well under a minute. */
export const PAGE_TIMEOUT = 60_000;
