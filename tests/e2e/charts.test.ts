/**
 * Charts as a reader meets them in Chromium: the inline SVG is the chart without any script, in print and
 * before anything is touched, at its height; scrolling loads no chart.js and the page's scripts stay
 * under 10 KB gzip; a hover, a tap or the keyboard focus brings chart.js, which draws over the SVG in
 * the same box (nothing moves), with tooltips, and the arrow keys step through the rows.
 */
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useSharedBrowser } from '../gates/support.ts';

const { siteUrl } = inject('gates');
const PAGE = 'reports/nantang-2022-h1/indicators/';
const browser = useSharedBrowser();

/** The visible chart SVGs: their layout, box, and whether the canvas is shown. */
const charts = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('report-chart')].map((chart) => {
      const svg = [...chart.querySelectorAll('svg')].find((s) => getComputedStyle(s).display !== 'none');
      const canvas = chart.querySelector('canvas')!;
      const area = chart.querySelector('.chart-area')!.getBoundingClientRect();
      return {
        layout: svg?.getAttribute('class') ?? '',
        svgHeight: svg?.getBoundingClientRect().height ?? 0,
        svgVisible: !!svg && getComputedStyle(svg).visibility === 'visible',
        areaHeight: area.height,
        areaTop: area.top + window.scrollY,
        canvasShown: getComputedStyle(canvas).display !== 'none',
        drawn: (chart as HTMLElement).dataset['drawn'] === 'true',
      };
    }),
  );

describe('charts', { timeout: 90_000 }, () => {
  it('are there without JavaScript, in the layout for the width, and in print', async () => {
    for (const width of [375, 1280]) {
      const context = await browser().newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${siteUrl}${PAGE}`);
      const seen = await charts(page);
      expect(seen.length).toBeGreaterThan(0);
      for (const c of seen) {
        // A phone's chart container (about 300 px) has the compact layout, a desktop's the wide one.
        expect(c.layout).toContain(width === 375 ? 'chart-svg-compact' : 'chart-svg-wide');
        expect(c.svgHeight).toBeGreaterThan(100);
        expect(c.svgVisible).toBe(true);
        expect(c.canvasShown).toBe(false);
      }
      await page.emulateMedia({ media: 'print' });
      for (const c of await charts(page)) expect(c.svgVisible && c.svgHeight > 100).toBe(true);
      await context.close();
    }
  });

  it('load no chart.js on scroll: under 10 KB gzip of script until a chart is touched', async () => {
    const context = await browser().newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const scripts: Promise<number>[] = [];
    const urls: string[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() !== 'script') return;
      urls.push(r.url());
      scripts.push(r.body().then((b) => gzipSync(b, { level: 6 }).length));
    });
    await page.goto(`${siteUrl}${PAGE}`, { waitUntil: 'load' });
    for (const chart of await page.locator('report-chart').all()) await chart.scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    const total = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
    expect(urls.some((u) => u.includes('draw-chart')), urls.join(' ')).toBe(false);
    expect(total).toBeLessThanOrEqual(10 * 1024);
    expect((await charts(page)).every((c) => !c.drawn && c.svgVisible)).toBe(true);
    // The SVG takes its colours from the page: high contrast draws its bars black.
    const fill = () => page.locator('.chart-svg rect.bar').first().evaluate((el) => getComputedStyle(el).fill);
    expect(await fill()).toBe('rgb(11, 79, 138)');
    await page.evaluate(() => document.documentElement.setAttribute('data-contrast', 'high'));
    expect(await fill()).toBe('rgb(0, 0, 0)');
    await context.close();
  });

  for (const width of [375, 1280]) {
    it(`at ${width} px come alive on hover in the same box, and the keyboard steps through the rows`, async () => {
      const context = await browser().newContext({ viewport: { width, height: 800 }, reducedMotion: 'reduce' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${siteUrl}${PAGE}`, { waitUntil: 'load' });
      const before = await charts(page);
      const area = page.locator('report-chart .chart-area').first();
      await area.hover();
      await page.waitForSelector('report-chart[data-drawn="true"]');
      const after = await charts(page);
      // Only the touched chart came alive; nothing moved.
      expect(after.map((c) => c.drawn)).toEqual(before.map((_, i) => i === 0));
      expect(after.map((c) => Math.round(c.areaHeight))).toEqual(before.map((c) => Math.round(c.areaHeight)));
      expect(after.map((c) => Math.round(c.areaTop))).toEqual(before.map((c) => Math.round(c.areaTop)));
      expect(after[0]!.canvasShown).toBe(true);
      expect(after[0]!.svgVisible).toBe(false);
      const painted = await page.locator('report-chart canvas').first().evaluate((canvas: HTMLCanvasElement) => {
        const box = canvas.getBoundingClientRect();
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        let ink = 0;
        for (let p = 3; p < data.length; p += 4) if (data[p]! > 0) ink++;
        return { ink: ink / (data.length / 4), width: box.width, height: box.height, parent: canvas.parentElement!.getBoundingClientRect().height };
      });
      expect(painted.ink).toBeGreaterThan(0.02);
      expect(Math.abs(painted.height - painted.parent)).toBeLessThanOrEqual(1);

      // The second chart by keyboard: focusable, with a visible ring, a hint, and the arrow keys.
      const second = page.locator('report-chart .chart-area').nth(1);
      await second.focus();
      expect(await second.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
      expect(await second.getAttribute('aria-describedby')).toBeTruthy();
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => page.locator('report-chart').nth(1).getAttribute('data-drawn')).toBe('true');
      const said = await page.locator('report-chart').nth(1).locator('.chart-live').textContent();
      expect(said).toMatch(/：.+（1\//);
      await page.keyboard.press('ArrowDown');
      expect(await page.locator('report-chart').nth(1).locator('.chart-live').textContent()).toMatch(/（2\//);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
