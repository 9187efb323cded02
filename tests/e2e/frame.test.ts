/**
 * The page frame as a reader meets it (src/layouts, styles/global.css): on a phone the header and the
 * report's navigation fold behind a button each, work by keyboard, and leave the title near the top; the
 * controls that need a script are in the page as served, so nothing moves when scripts arrive; a table
 * wider than the screen scrolls inside its own box, not the page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useSharedBrowser } from '../gates/support.ts';
import { AXE_TAGS } from '../gates/lib/browser-gates.ts';

const { siteUrl } = inject('gates');
const REPORT = 'reports/nantang-2022-h1/';
const browser = useSharedBrowser();

async function withPage<T>(options: { width: number; large?: boolean; javaScript?: boolean }, run: (page: Page) => Promise<T>): Promise<T> {
  const context: BrowserContext = await browser().newContext({ viewport: { width: options.width, height: 800 }, javaScriptEnabled: options.javaScript ?? true });
  try {
    const page = await context.newPage();
    if (options.large) await page.addInitScript(() => localStorage.setItem('report-text-size', 'large'));
    return await run(page);
  } finally {
    await context.close();
  }
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? '');
const h1Top = (page: Page) => page.evaluate(() => document.querySelector('h1')!.getBoundingClientRect().top + scrollY);

describe('phones: a compact header', { timeout: 60_000 }, () => {
  it('菜单 folds the search box and the reading controls; it opens and closes by keyboard, with its state said', async () => {
    await withPage({ width: 375 }, async (page) => {
      await page.goto(`${siteUrl}${REPORT}part-1/`);
      const menu = page.getByRole('button', { name: '菜单' });
      const search = page.locator('#site-search-q');
      expect(await menu.isVisible()).toBe(true);
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await search.isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: '大字号' }).isVisible()).toBe(false);
      // Tab from the skip link reaches 菜单 first: nothing folded away is in the way.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await focused(page)).toContain('menu-toggle');
      await page.keyboard.press('Enter');
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      expect(await search.isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: '大字号' }).isVisible()).toBe(true);
      await page.keyboard.press('Tab');
      expect(await focused(page)).toContain('site-search-q');
      // The focus ring is visible on the control inside the opened menu.
      expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
      await page.keyboard.press('Escape');
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await search.isVisible()).toBe(false);
      expect(await focused(page)).toContain('menu-toggle');
      // The button is a real target: at least 44 px tall.
      expect((await menu.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    });
  });

  it('the report navigation folds behind a button naming the page one is on, and opens with the space bar', async () => {
    await withPage({ width: 375 }, async (page) => {
      await page.goto(`${siteUrl}${REPORT}indicators/`);
      const toggle = page.locator('.report-menu-toggle');
      expect(await toggle.textContent()).toContain('主要指标');
      // Said as two words: where one is (栏目) and the page (主要指标), with its state.
      expect(await page.getByRole('button', { name: '栏目 主要指标', exact: true, expanded: false }).count()).toBe(1);
      const projects = page.getByRole('navigation', { name: '报告导航' }).getByRole('link', { name: '项目进展' });
      expect(await projects.isVisible()).toBe(false);
      await toggle.focus();
      await page.keyboard.press('Space');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await projects.isVisible()).toBe(true);
      expect((await projects.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      await projects.click();
      await page.waitForURL(/projects\/$/);
      expect(await page.locator('.report-menu-toggle').textContent()).toContain('项目进展');
    });
  });

  it('on a wide screen nothing is folded: no menu buttons, the search box, 字号 and the navigation in view', async () => {
    await withPage({ width: 1280 }, async (page) => {
      await page.goto(`${siteUrl}${REPORT}part-1/`);
      expect(await page.locator('.menu-toggle').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length)).toBe(0);
      expect(await page.locator('#site-search-q').isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: '大字号' }).isVisible()).toBe(true);
      expect(await page.getByRole('navigation', { name: '报告导航' }).getByRole('link', { name: '项目进展' }).isVisible()).toBe(true);
    });
  });

  it('every control of the header and the navigation is a target of at least 44 px, in each text size, folded and opened', async () => {
    for (const size of ['small', 'medium', 'large']) {
      await withPage({ width: 375 }, async (page) => {
        await page.addInitScript((s) => localStorage.setItem('report-text-size', s), size);
        await page.goto(`${siteUrl}${REPORT}plan/`);
        const small = () =>
          page.evaluate(() =>
            [...document.querySelectorAll('.site-header :is(a, button, input), .report-nav :is(a, button)')]
              .filter((el) => (el as HTMLElement).offsetParent !== null && el.getBoundingClientRect().height < 44)
              .map((el) => `${el.outerHTML.slice(0, 60)} ${el.getBoundingClientRect().height.toFixed(1)}`),
          );
        expect(await small(), `${size}, folded`).toEqual([]);
        for (const toggle of await page.locator('.menu-toggle').all()) await toggle.click();
        expect(await page.locator('.menu-toggle[aria-expanded="true"]').count(), `${size}: both menus opened`).toBe(2);
        expect(await small(), `${size}, opened`).toEqual([]);
      });
    }
  });

  it('opened on a phone, both menus pass axe-core (WCAG 2.2 AA) in default and large text and in high contrast', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    for (const [large, contrast] of [[false, false], [true, false], [false, true]] as const) {
      await withPage({ width: 375, large }, async (page) => {
        if (contrast) await page.addInitScript(() => localStorage.setItem('report-contrast', 'high'));
        await page.goto(`${siteUrl}${REPORT}indicators/`);
        for (const toggle of await page.locator('.menu-toggle').all()) await toggle.click();
        expect(await page.locator('.menu-toggle[aria-expanded="true"]').count()).toBe(2);
        await page.evaluate(axeSource);
        const found = await page.evaluate(async (tags) => {
          const axe = (window as unknown as { axe: { run(ctx: object, o: object): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
          const { violations } = await axe.run({ include: [['.site-header'], ['.report-nav']] }, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
          return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        }, [...AXE_TAGS]);
        expect(found, `${large ? 'large text' : 'default text'}${contrast ? ', high contrast' : ''}`).toEqual([]);
      });
    }
  });

  it('the page starts near the top of a phone screen: its first line within 220 px, its title within 260 px (450 px in large text)', async () => {
    for (const path of [REPORT, `${REPORT}part-1/`, `${REPORT}indicators/`, `${REPORT}fulltext/`, 'search/', '']) {
      await withPage({ width: 375 }, async (page) => {
        await page.goto(`${siteUrl}${path}`);
        // The full text has 朗读本页 above its title.
        expect(await page.evaluate(() => document.querySelector('main > *')!.getBoundingClientRect().top + scrollY), `/${path}`).toBeLessThanOrEqual(220);
        expect(await h1Top(page), `/${path}`).toBeLessThanOrEqual(260);
      });
      await withPage({ width: 375, large: true }, async (page) => {
        await page.goto(`${siteUrl}${path}`);
        expect(await page.locator('html').getAttribute('data-text-size')).toBe('large');
        expect(await h1Top(page), `/${path} large`).toBeLessThanOrEqual(450);
      });
    }
  });

  it('the breadcrumb wraps between words only, leaving no character alone, in either text size', async () => {
    for (const [path, large] of [[`${REPORT}part-1/`, false], [`${REPORT}part-1/`, true], [REPORT, false], [REPORT, true]] as const) {
      await withPage({ width: 375, large }, async (page) => {
        await page.goto(`${siteUrl}${path}`);
        // Each crumb's text cut where its lines break (from the client rects of its characters).
        const crumbs = await page.evaluate(() => {
          const lineOf = (node: Text, i: number) => {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            return Math.round((range.getClientRects()[0]?.top ?? 0) / 4);
          };
          return [...document.querySelectorAll('.breadcrumb li')].map((li) => {
            const pieces: string[] = [];
            let line: number | undefined;
            const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
              for (let i = 0; i < node.data.length; i++) {
                const top = lineOf(node, i);
                if (top !== line || pieces.length === 0) pieces.push(node.data[i]!);
                else pieces[pieces.length - 1] = `${pieces.at(-1)!}${node.data[i]!}`;
                line = top;
              }
            }
            return pieces;
          });
        });
        const words = new Intl.Segmenter('zh-CN', { granularity: 'word' });
        const all = crumbs.map((c) => c.join('|')).join(' › ');
        expect(crumbs.flat().length, all).toBeGreaterThan(crumbs.length); // the crumbs do take more than one line
        for (const pieces of crumbs) {
          const text = pieces.join('');
          const boundaries = new Set([...words.segment(text)].map((s) => s.index));
          let at = 0;
          for (const piece of pieces.slice(0, -1)) {
            at += piece.length;
            expect(boundaries.has(at), `${large ? 'large' : 'default'}: a break inside a word: ${all}`).toBe(true);
          }
          if (pieces.length > 1) for (const piece of pieces) expect([...piece.trim()].length, `${large ? 'large' : 'default'}: ${all}`).toBeGreaterThan(1);
        }
      });
    }
  });
});

describe('controls in the page as served', { timeout: 60_000 }, () => {
  it('without JavaScript: the navigation and the search box are there, the controls that need a script are not shown', async () => {
    await withPage({ width: 375, javaScript: false }, async (page) => {
      await page.goto(`${siteUrl}${REPORT}part-1/`);
      // In the HTML…
      expect(await page.locator('text-size button').count()).toBe(4);
      expect(await page.locator('read-aloud button').count()).toBe(2);
      expect(await page.locator('.menu-toggle').count()).toBe(2);
      // …but nothing a reader could press in vain, and nothing folded away that no script could open.
      for (const selector of ['text-size', 'read-aloud', '.menu-toggle']) {
        expect(await page.locator(selector).evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null || getComputedStyle(e).display === 'contents').length), selector).toBe(0);
      }
      expect(await page.locator('#site-search-q').isVisible()).toBe(true);
      expect(await page.getByRole('navigation', { name: '报告导航' }).getByRole('link', { name: '项目进展' }).isVisible()).toBe(true);
    });
  });

  it('with JavaScript, the header, the navigation and 朗读本页 never move while the page loads (1280 and 375 px, both text sizes)', async () => {
    for (const width of [1280, 375]) {
      for (const large of [false, true]) {
        await withPage({ width, large }, async (page) => {
          // A stand-in speech engine, so 朗读本页 is shown as on a reader's phone.
          await page.addInitScript(() => {
            const engine = { speak: () => {}, cancel: () => {}, pause: () => {}, resume: () => {} };
            Object.defineProperty(window, 'speechSynthesis', { value: engine });
            (window as unknown as { shifts: string[] }).shifts = [];
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries() as unknown as { value: number; sources: { node?: Node }[] }[]) {
                for (const source of entry.sources) {
                  const el = source.node instanceof Element ? source.node : source.node?.parentElement;
                  (window as unknown as { shifts: string[] }).shifts.push(`${entry.value.toFixed(4)} ${el?.outerHTML.slice(0, 80) ?? '?'}`);
                }
              }
            }).observe({ type: 'layout-shift', buffered: true });
          });
          await page.goto(`${siteUrl}${REPORT}part-1/`, { waitUntil: 'load' });
          await page.waitForTimeout(800);
          expect(await page.locator('read-aloud').isVisible()).toBe(true);
          expect(await page.locator('text-size').count()).toBe(1);
          const shifts = await page.evaluate(() => (window as unknown as { shifts: string[] }).shifts);
          expect(shifts, `${width} px${large ? ', large text' : ''}`).toEqual([]);
        });
      }
    }
  });

  it('the pressed 字号 looks pressed in the first paint (from <html>, not from the script)', async () => {
    await withPage({ width: 1280, large: true, javaScript: true }, async (page) => {
      // Block the page's modules: what is seen is what CSS and prefs.js made of the page as served.
      await page.route(/\/_astro\/.*\.js$/, (route) => route.abort());
      await page.goto(`${siteUrl}${REPORT}`);
      const background = (size: string) => page.locator(`text-size button[data-size="${size}"]`).evaluate((b) => getComputedStyle(b).backgroundColor);
      expect(await background('large')).toBe('rgb(255, 255, 255)');
      expect(await background('medium')).not.toBe('rgb(255, 255, 255)');
    });
  });
});

describe('tables on a phone', { timeout: 60_000 }, () => {
  it('a wide table scrolls inside its box, keeps its label column in view, says that it scrolls, and the keyboard scrolls it', async () => {
    for (const large of [false, true]) {
      await withPage({ width: 375, large }, async (page) => {
        await page.goto(`${siteUrl}${REPORT}indicators/`);
        const box = page.locator('section.table-scroll', { has: page.locator('caption', { hasText: '主要指标（' }) });
        const state = () =>
          box.evaluate((el) => ({
            scrollLeft: el.scrollLeft,
            overflow: el.scrollWidth - el.clientWidth,
            label: el.querySelector('tbody th')!.getBoundingClientRect().left - el.getBoundingClientRect().left,
            hint: getComputedStyle(el.querySelector('.table-hint')!).display,
            page: document.documentElement.scrollWidth,
          }));
        const before = await state();
        expect(before.overflow).toBeGreaterThan(50);
        expect(before.page).toBeLessThanOrEqual(375);
        expect(before.hint).toBe('block');
        expect(await box.getAttribute('tabindex')).toBe('0');
        expect(await box.evaluate((el) => el.getAttribute('aria-label') && el.tagName === 'SECTION')).toBe(true);
        await box.focus();
        for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
        // Keyboard scrolling is animated: wait for it.
        await expect.poll(async () => (await state()).scrollLeft).toBeGreaterThan(0);
        const after = await state();
        // The label column did not scroll away with the rest.
        expect(Math.abs(after.label - before.label)).toBeLessThanOrEqual(1);
        expect(after.page).toBeLessThanOrEqual(375);
      });
    }
  });

  it('a table that fits says nothing about scrolling', async () => {
    await withPage({ width: 1280 }, async (page) => {
      await page.goto(`${siteUrl}${REPORT}indicators/`);
      const hints = await page.locator('.table-scroll').evaluateAll((boxes) => boxes.map((b) => ({ fits: b.scrollWidth <= b.clientWidth, hint: getComputedStyle(b.querySelector('.table-hint')!).display })));
      expect(hints.length).toBeGreaterThan(0);
      for (const h of hints) expect(h.hint).toBe(h.fits ? 'none' : 'block');
    });
  });
});
