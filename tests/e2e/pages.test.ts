/**
 * The built site as a reader meets it: every page opens without console errors, every chart canvas
 * is really drawn, report pages carry the disclosure block, and every figure of the content is on the site.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/model/load.ts';
import { formatNumber } from '../../src/model/format.ts';
import { launchBrowser } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';

const DIST = path.resolve('dist');

function pagesOf(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return pagesOf(full, `${prefix}${name}/`);
    return name === 'index.html' ? [prefix] : [];
  });
}

let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveStatic(DIST)]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pages = pagesOf(DIST);

describe('every page in Chromium', () => {
  it('the site has the pages of every report', () => {
    const { content } = loadContent(path.resolve('content'));
    for (const report of content!.reports) {
      for (const page of ['', 'indicators/', 'projects/', 'plan/', 'fulltext/', 'part-1/']) {
        expect(pages).toContain(`reports/${report.id}/${page}`);
      }
    }
  });

  it.each(pages)('/%s opens without console errors and draws its charts', { timeout: 30_000 }, async (page) => {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.goto(`${server.url}${page}`);
    const charts = tab.locator('report-chart');
    const count = await charts.count();
    for (let i = 0; i < count; i++) {
      await charts.nth(i).scrollIntoViewIfNeeded();
      await tab.waitForFunction((el) => (el as HTMLElement).dataset['drawn'] === 'true', await charts.nth(i).elementHandle(), { timeout: 10_000 });
      const inked = await charts.nth(i).locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
        const ctx = canvas.getContext('2d')!;
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        let painted = 0;
        for (let p = 3; p < data.length; p += 4) if (data[p]! > 0) painted++;
        return painted / (data.length / 4);
      });
      expect(inked, `chart ${i} on /${page} is blank`).toBeGreaterThan(0.02);
    }
    if (/^reports\/[^/]+\/$/.test(page)) {
      const meta = tab.locator('.meta-block dl');
      for (const term of ['索引号', '组配分类', '发布机构', '成文日期', '发布日期', '公开方式']) {
        await expect.poll(() => meta.getByText(term, { exact: true }).count()).toBe(1);
      }
    }
    expect(errors).toEqual([]);
    await tab.close();
  });
});

describe('every figure of the content is on the site', () => {
  it('each indicator, figure and progress number appears on the pages of its report', () => {
    const { content } = loadContent(path.resolve('content'));
    for (const report of content!.reports) {
      const html = pagesOf(path.join(DIST, 'reports', report.id))
        .map((p) => readFileSync(path.join(DIST, 'reports', report.id, p, 'index.html'), 'utf8'))
        .join('\n');
      const figures = [...report.indicators, ...report.figures, ...report.projects.flatMap((p) => p.figures)];
      for (const f of figures) {
        if (f.value !== undefined) expect(html, `${f.id} value`).toContain(`${formatNumber(f.value)}${f.bound ?? ''}${f.unit}`);
        if (f.growth) expect(html, `${f.id} growth`).toContain(`${formatNumber(Math.abs(f.growth.value))}${f.growth.unit}`);
        if (f.rank) expect(html, `${f.id} rank`).toContain(`第${f.rank.position}名`);
      }
      for (const p of report.projects) {
        if (p.progress?.rate !== undefined) expect(html, `${p.id} rate`).toContain(`${p.progress.rate}%`);
        if (p.progress?.done) expect(html, `${p.id} done`).toContain(`${formatNumber(p.progress.done.value)}${p.progress.done.unit}`);
        if (p.progress?.total) expect(html, `${p.id} total`).toContain(`${formatNumber(p.progress.total.value)}${p.progress.total.unit}`);
      }
      for (const item of report.plan) for (const t of item.targets) expect(html, `${item.id} target`).toContain(t.text);
    }
  });
});
