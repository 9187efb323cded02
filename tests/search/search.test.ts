/**
 * Site search with the real Pagefind index of the built site, in Chromium, served with the production
 * Content-Security-Policy header: Chinese queries find the right report page and section, with the
 * query marked in the excerpt; the header form on every page; no script before a search; without
 * JavaScript a clear message; and the same under the portal base path.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'node-html-parser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadContent } from '../../src/model/load.ts';
import { searchText } from '../../src/i18n/zh.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/security/csp.ts';
import { writeSearchIndex } from '../../src/search/index-site.ts';
import { connectBrowser } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';
import { listPages } from '../gates/lib/site.ts';
import { AXE_TAGS } from '../gates/lib/browser-gates.ts';

const gates = inject('gates');
const REPORT = 'nantang-2022-h1';
const { content } = loadContent(path.resolve(process.env['CONTENT_DIR'] ?? 'content'));
const report = content!.reports.find((r) => r.id === REPORT)!;

/**
 * Each query, and the pages of the report its first result may be on: the part pages, the report's
 * own text (src/layouts/ReportLayout.astro says why only they are indexed).
 */
const QUERIES: [query: string, pages: RegExp][] = [
  ['招商', /^part-[12]\/$/],
  ['疫苗', /^part-[12]\/$/],
  ['拆整', /^part-1\/$/],
  ['装备制造园', /^part-[12]\/$/],
  ['亨东公路', /^part-[12]\/$/],
  ['排名', /^part-1\/$/],
];

interface Shown {
  status: string;
  results: { href: string; title: string; source: string; excerptHtml: string; marks: string[]; foreign: number; linkHeight: number }[];
  pagefindRequests: string[];
}

let browser: Browser;
let context: BrowserContext;
let baseServer: StaticServer;
beforeAll(async () => {
  [browser, baseServer] = await Promise.all([
    connectBrowser(gates.wsEndpoint),
    serveStatic(gates.baseDist, { base: gates.base, headers: { 'content-security-policy': CONTENT_SECURITY_POLICY } }),
  ]);
  context = await watchedContext();
});
afterAll(async () => {
  await browser?.close();
  await baseServer?.close();
});

/** A browser context that records CSP violations (pages and workers report them as console errors too) and errors. */
async function watchedContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block', ...options });
  await ctx.addInitScript(() => {
    const store: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: store });
    document.addEventListener('securitypolicyviolation', (e) => store.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  return ctx;
}

/** Opens a page and collects console errors, uncaught errors and requests while `fn` runs. */
async function visit<T>(ctx: BrowserContext, fn: (page: Page, log: { errors: string[]; requests: string[] }) => Promise<T>): Promise<T> {
  const page = await ctx.newPage();
  const log = { errors: [] as string[], requests: [] as string[] };
  page.on('console', (m) => m.type() === 'error' && log.errors.push(m.text()));
  page.on('pageerror', (e) => log.errors.push(e.message));
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('worker', (w) => w.on('console', (m) => m.type() === 'error' && log.errors.push(`worker: ${m.text()}`)));
  try {
    return await fn(page, log);
  } finally {
    await page.close();
  }
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

/** Waits until the search has finished (the status no longer says 正在搜索) and reads what is shown. */
async function shown(page: Page, requests: string[]): Promise<Shown> {
  await page.waitForFunction(
    () => {
      const status = document.querySelector('site-search [role="status"]')?.textContent ?? '';
      return status !== '' && !status.startsWith('正在搜索');
    },
    null,
    { timeout: 20_000 },
  );
  const state = await page.evaluate(() => ({
    status: document.querySelector('site-search [role="status"]')?.textContent ?? '',
    results: [...document.querySelectorAll('site-search ol > li')].map((li) => {
      const link = li.querySelector('h2 a') as HTMLAnchorElement | null;
      const excerpt = li.querySelector('.search-excerpt');
      return {
        href: link?.getAttribute('href') ?? '',
        title: link?.textContent ?? '',
        source: li.querySelector('.search-result-source')?.textContent ?? '',
        excerptHtml: excerpt?.innerHTML ?? '',
        marks: [...(excerpt?.querySelectorAll('mark') ?? [])].map((m) => m.textContent ?? ''),
        foreign: excerpt?.querySelectorAll(':not(mark)').length ?? -1,
        linkHeight: link?.getBoundingClientRect().height ?? 0,
      };
    }),
  }));
  return { ...state, pagefindRequests: requests.filter((u) => u.includes('/pagefind/')) };
}

describe('search in Chromium under the production CSP', () => {
  it.each(QUERIES)('%s: finds the report page and section, with the query marked', { timeout: 60_000 }, async (query, pages) => {
    await visit(context, async (page, log) => {
      await page.goto(`${gates.siteUrl}search/?q=${encodeURIComponent(query)}`);
      const result = await shown(page, log.requests);
      expect(result.status).toBe(searchText.found(result.results.length, query));
      expect(result.results.length).toBeGreaterThan(0);

      const first = result.results[0]!;
      const prefix = `/reports/${REPORT}/`;
      expect(first.href.startsWith(prefix), first.href).toBe(true);
      expect(first.href.slice(prefix.length).replace(/#.*$/, '')).toMatch(pages);
      // the report and the page it comes from, and the section as the link
      expect(first.source).toContain(report.meta.title);
      expect(first.source).toMatch(/ › \S/);
      expect(first.title.trim()).not.toBe('');
      // the query (or, split into words, part of it) in <mark>, and nothing else of Pagefind's HTML
      expect(first.marks.length, first.excerptHtml).toBeGreaterThan(0);
      expect(first.marks.some((m) => query.includes(m) || m.includes(query)), first.excerptHtml).toBe(true);
      for (const r of result.results) expect(r.foreign, r.excerptHtml).toBe(0);
      // ≥ 44 px targets
      expect(first.linkHeight).toBeGreaterThanOrEqual(44);

      expect(await violations(page)).toEqual([]);
      expect(log.errors).toEqual([]);

      // The link leads to the page and, when it has one, to the section's anchor on it.
      await page.goto(new URL(first.href, gates.siteUrl).href);
      const hash = decodeURIComponent(new URL(first.href, gates.siteUrl).hash.slice(1));
      if (hash) expect(await page.locator(`[id="${hash}"]`).count(), first.href).toBe(1);
      expect(await page.textContent('main')).toContain(query);
    });
  });

  // 月球: the text has 月 (1-5月) but not 月球; Pagefind alone would find the pages by that character.
  it.each(['量子计算机', '月球'])('finds nothing for %s, which the reports do not have, and says so', { timeout: 60_000 }, async (query) => {
    await visit(context, async (page, log) => {
      await page.goto(`${gates.siteUrl}search/?q=${encodeURIComponent(query)}`);
      const result = await shown(page, log.requests);
      expect(result.status).toBe(searchText.none(query));
      expect(result.results).toEqual([]);
      expect(log.errors).toEqual([]);
    });
  });

  it('the header form of a report page submits to the search page, which shows the results', { timeout: 60_000 }, async () => {
    await visit(context, async (page, log) => {
      await page.goto(`${gates.siteUrl}reports/${REPORT}/`);
      await page.getByRole('search', { name: searchText.label }).getByRole('searchbox').fill('拆整');
      await Promise.all([page.waitForURL(/\/search\/\?q=/), page.keyboard.press('Enter')]);
      expect(decodeURIComponent(new URL(page.url()).search)).toBe('?q=拆整');
      const result = await shown(page, log.requests);
      expect(result.results.length).toBeGreaterThan(0);
      // the search page's own form then searches in place, without reloading, and keeps the URL in step
      await page.fill('#search-q', '亨东公路');
      await page.press('#search-q', 'Enter');
      await page.waitForFunction(() => (document.querySelector('site-search [role="status"]')?.textContent ?? '').includes('亨东公路'));
      const again = await shown(page, log.requests);
      expect(again.results[0]!.marks.join('')).toContain('亨东公路');
      expect(decodeURIComponent(new URL(page.url()).search)).toBe('?q=亨东公路');
      expect(await violations(page)).toEqual([]);
      expect(log.errors).toEqual([]);
    });
  });

  it('the results pass axe-core (WCAG 2.2 AA), in default and large text, and Tab goes from the box to the results', { timeout: 60_000 }, async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await visit(context, async (page, log) => {
      await page.goto(`${gates.siteUrl}search/?q=${encodeURIComponent('装备制造园')}`);
      await shown(page, log.requests);
      await page.evaluate(axeSource);
      for (const size of ['medium', 'large']) {
        await page.evaluate((s) => document.documentElement.setAttribute('data-text-size', s), size);
        const found = await page.evaluate(async (tags) => {
          const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
          const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
          return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        }, [...AXE_TAGS]);
        expect(found, size).toEqual([]);
      }
      await page.focus('#search-q');
      await page.keyboard.press('Tab'); // the search button
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('site-search ol') !== null)).toBe(true);
    });
  });

  it('loads no search code until there is a query', { timeout: 60_000 }, async () => {
    await visit(context, async (page, log) => {
      await page.goto(`${gates.siteUrl}reports/${REPORT}/part-1/`);
      await page.goto(`${gates.siteUrl}search/`);
      await page.waitForLoadState('networkidle');
      expect(log.requests.filter((u) => u.includes('/pagefind/'))).toEqual([]);
      expect(await page.textContent('site-search [role="status"]')).toBe('');
    });
  });

  it('works at 320 px in large text, without sideways scrolling', { timeout: 60_000 }, async () => {
    const narrow = await watchedContext({ viewport: { width: 320, height: 640 } });
    try {
      await visit(narrow, async (page, log) => {
        await page.goto(`${gates.siteUrl}search/?q=${encodeURIComponent('招商')}`);
        await page.evaluate(() => document.documentElement.setAttribute('data-text-size', 'large'));
        const result = await shown(page, log.requests);
        expect(result.results.length).toBeGreaterThan(0);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
        // The header's search box is behind 菜单 on a phone: opened, it is measured too.
        await page.getByRole('button', { name: '菜单' }).click();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
        for (const target of await page.locator('site-search button:visible, site-search input, site-search ol a, .site-search input, .site-search button').all()) {
          expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44);
        }
      });
    } finally {
      await narrow.close();
    }
  });

  it('without JavaScript, the page keeps its form and says that results need JavaScript', { timeout: 60_000 }, async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await noJs.newPage();
      await page.goto(`${gates.siteUrl}search/?q=${encodeURIComponent('招商')}`);
      await expect.poll(() => page.locator('.search-noscript').isVisible()).toBe(true);
      expect(await page.textContent('.search-noscript')).toContain(searchText.noScript);
      expect(await page.locator('#search-q').isVisible()).toBe(true);
    } finally {
      await noJs.close();
    }
  });
});

describe('the header search form', () => {
  const pages = listPages(gates.dist).filter((p) => !p.path.startsWith('/embed/'));
  it('is on every page with the site header: a GET form to /search/ with a labelled input and a button', () => {
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const root = parse(readFileSync(page.file, 'utf8'));
      const form = root.querySelector('header form[role="search"]');
      expect(form, page.path).not.toBeNull();
      expect(form!.getAttribute('action'), page.path).toBe('/search/');
      expect(form!.getAttribute('method'), page.path).toBe('get');
      const input = form!.querySelector('input[name="q"]');
      expect(input?.getAttribute('type'), page.path).toBe('search');
      expect(form!.querySelector(`label[for="${input!.getAttribute('id')}"]`)?.textContent, page.path).toBe(searchText.label);
      expect(form!.querySelector('button[type="submit"]')?.textContent, page.path).toBe(searchText.button);
    }
  });

  it('only the report’s text is indexed: its part pages, not the pages that repeat it, the embeds or help', () => {
    for (const page of listPages(gates.dist)) {
      const indexed = readFileSync(page.file, 'utf8').includes('data-pagefind-body');
      expect(indexed, page.path).toBe(/^\/reports\/[^/]+\/part-\d+\/$/.test(page.path));
    }
  });
});

describe(`search under the portal base path (${gates.base})`, () => {
  it('the header form, the index and the result links stay under the base path', { timeout: 60_000 }, async () => {
    const home = parse(readFileSync(path.join(gates.baseDist, 'index.html'), 'utf8'));
    expect(home.querySelector('header form[role="search"]')?.getAttribute('action')).toBe(`${gates.base}search/`);
    await visit(context, async (page, log) => {
      await page.goto(`${baseServer.url}search/?q=${encodeURIComponent('拆整')}`);
      const result = await shown(page, log.requests);
      expect(result.results.length).toBeGreaterThan(0);
      for (const r of result.results) expect(r.href.startsWith(`${gates.base}reports/${REPORT}/`), r.href).toBe(true);
      expect(result.pagefindRequests.length).toBeGreaterThan(0);
      for (const url of result.pagefindRequests) expect(new URL(url).pathname.startsWith(`${gates.base}pagefind/`), url).toBe(true);
      expect(await violations(page)).toEqual([]);
      expect(log.errors).toEqual([]);
      const first = new URL(result.results[0]!.href, baseServer.url);
      await page.goto(first.href);
      if (first.hash) expect(await page.locator(`[id="${decodeURIComponent(first.hash.slice(1))}"]`).count()).toBe(1);
    });
  });
});

describe('a large site’s index, written in several bundles and merged in the browser', () => {
  // The built site with its report copied under a second id, indexed two pages (one report) a bundle.
  let dir: string;
  let server: StaticServer;
  let written: Awaited<ReturnType<typeof writeSearchIndex>>;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'search-bundles-'));
    cpSync(gates.dist, dir, { recursive: true, filter: (source) => path.relative(gates.dist, source) !== 'pagefind' });
    cpSync(path.join(dir, 'reports', REPORT), path.join(dir, 'reports', 'copy-2022-h1'), { recursive: true });
    written = await writeSearchIndex(dir, { pagesPerBundle: 2 });
    server = await serveStatic(dir, { headers: { 'content-security-policy': CONTENT_SECURITY_POLICY } });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a bundle per two pages and lists the second for the browser', () => {
    expect(written).toMatchObject({ pages: 4, bundles: 2 });
    expect(JSON.parse(readFileSync(path.join(dir, 'pagefind', 'bundles.json'), 'utf8'))).toEqual({ merge: ['index-2/'] });
  });

  it('finds the pages of both bundles, under the production CSP', { timeout: 60_000 }, async () => {
    await visit(context, async (page, log) => {
      await page.goto(`${server.url}search/?q=${encodeURIComponent('拆整')}`);
      const result = await shown(page, log.requests);
      expect(result.results.map((r) => r.href.replace(/#.*$/, '')).sort()).toEqual([`/reports/copy-2022-h1/part-1/`, `/reports/${REPORT}/part-1/`]);
      expect(log.requests.some((url) => url.includes('/pagefind/index-2/'))).toBe(true);
      expect(log.errors).toEqual([]);
      expect(await violations(page)).toEqual([]);
    });
  });
});
