/**
 * 一图读懂 on a phone, measured in Chromium: no text under 12 CSS px at 375 px (HTML text and the text of
 * inline SVG charts, scaled as drawn), in default and large text; one column of cards at 375 px and a grid
 * at 1280 px; no horizontal scroll at 320 px; in print, the title readable without its coloured band
 * (browsers print no backgrounds by default) and the download link left out.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import path from 'node:path';
import { loadContent } from '../../src/model/load.ts';
import { reportView } from '../../src/view/report.ts';
import { useSharedBrowser } from '../gates/support.ts';

const { siteUrl } = inject('gates');
const { content } = loadContent(path.resolve('content'));
const browser = useSharedBrowser();

async function open(report: string, width: number, textSize?: 'large'): Promise<Page> {
  const context = await browser().newContext({ viewport: { width, height: 800 } });
  if (textSize) await context.addInitScript((size) => localStorage.setItem('report-text-size', size), textSize);
  const page = await context.newPage();
  await page.goto(`${siteUrl}reports/${report}/infographic/`);
  await page.waitForLoadState('load');
  return page;
}

/** Visible text smaller than `min` CSS px: each text node's element's font size, SVG text scaled as drawn. */
function smallText(page: Page, min: number) {
  return page.evaluate((min) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const el: Element | null = node.parentElement;
      if (!text || !el || el.closest('script, style, .visually-hidden, [hidden]')) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      let size = parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGGraphicsElement) size *= el.getScreenCTM()?.a ?? 1;
      if (size < min - 0.01) found.push(`${size.toFixed(1)}px ${text.slice(0, 30)}`);
    }
    return found;
  }, min);
}

describe.each(content!.reports.map((r) => r.id))('一图读懂 of %s', (report) => {
  it.each([undefined, 'large' as const])('has no text under 12 CSS px at 375 px (text size: %s)', async (size) => {
    const page = await open(report, 375, size);
    // Large text really applied, or the large run measures default text again.
    expect(await page.locator('html').getAttribute('data-text-size')).toBe(size ?? null);
    expect(await page.locator('.ig-card').count()).toBeGreaterThan(0);
    expect(await smallText(page, 12)).toEqual([]);
    // Body text is at least 16 px.
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.ig-card-name')!).fontSize))).toBeGreaterThanOrEqual(16);
    await page.context().close();
  });

  it('is one column of cards at 375 px and a grid at 1280 px', async () => {
    const lefts = async (width: number) => {
      const page = await open(report, width);
      const xs = await page.locator('.ig-card').evaluateAll((cards) => cards.map((c) => Math.round(c.getBoundingClientRect().left)));
      await page.context().close();
      return new Set(xs).size;
    };
    expect(await lefts(375)).toBe(1);
    const { highlights } = reportView(content!.reports.find((r) => r.id === report)!, content!.reports);
    expect(await lefts(1280)).toBeGreaterThanOrEqual(Math.min(3, highlights.length));
  });

  it.each([undefined, 'large' as const])('does not scroll sideways at 320 px (text size: %s)', async (size) => {
    const page = await open(report, 320, size);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.context().close();
  });

  it('prints its title dark on white and leaves the download link out', async () => {
    const page = await open(report, 1280);
    await page.emulateMedia({ media: 'print' });
    const h1 = await page.evaluate(() => getComputedStyle(document.querySelector('.ig-head h1')!).color);
    const [r, g, b] = h1.match(/\d+/g)!.map(Number);
    expect(0.2126 * r! + 0.7152 * g! + 0.0722 * b!, h1).toBeLessThan(100);
    expect(await page.locator('.ig-download').isVisible()).toBe(false);
    expect(await page.locator('.ig-card').first().isVisible()).toBe(true);
    await page.context().close();
  });
});
