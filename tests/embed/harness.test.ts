/**
 * Embeds as a portal uses them: a portal-style article page (fixed centre column, narrow sidebar) on
 * another origin embeds charts all three ways. Checked at 300, 700 and 1000 px columns, after the
 * column changes, with two embeds side by side, against forged messages, for a root and a sub-path build.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildChart } from '../../src/charts/spec.ts';
import { embedSnippets, PORTAL_WIDTHS } from '../../src/embed/snippets.ts';
import { HEIGHT_MESSAGE } from '../../src/embed/messages.ts';
import { loadContent } from '../../src/model/load.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/security/csp.ts';
import { connectBrowser } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';

const gates = inject('gates');
const { content } = loadContent(path.resolve('content'));
const report = content!.reports[0]!;
const specs = report.charts.map((chart) => buildChart(report, chart, content!.reports));

/** A portal article page: sidebar, centre column, and the snippets pasted into the column. */
function portalPage(snippets: string[]): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>门户网站文章</title>
<style>body{margin:0;font-family:sans-serif;background:#f4f4f4}.page{display:flex;gap:24px;justify-content:center;padding:16px}
.sidebar{width:180px;flex:none;background:#fff}.article{width:700px;flex:none;background:#fff;padding:0}</style></head>
<body><div class="page"><nav class="sidebar">栏目导航</nav><article class="article" id="article"><h1>关于南塘镇工作情况的报道</h1>
${snippets.map((s, i) => `<section id="embed-${i}">${s}</section>`).join('\n<p>正文段落。</p>\n')}
</article></div></body></html>`;
}

async function serveHtml(html: string): Promise<{ url: string; origin: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${origin}/`, origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const embedFrames = (page: Page): Frame[] => page.frames().filter((f) => f.url().includes('/embed/'));

/** The embed's own content height and the iframe's height, for every iframe on the page. */
async function heights(page: Page) {
  const result: { id: string; index: number; iframe: number; content: number; scroll: number; drawn: boolean }[] = [];
  for (const [index, handle] of (await page.locator('iframe').elementHandles()).entries()) {
    const frame = await handle.contentFrame();
    if (!frame) continue;
    const iframe = await handle.evaluate((el) => (el as HTMLIFrameElement).getBoundingClientRect().height);
    const inner = await frame.evaluate(() => ({
      content: Math.ceil(document.documentElement.getBoundingClientRect().height),
      scroll: document.documentElement.scrollHeight,
      // The chart is there as inline SVG before any script (chart.js comes only when it is touched).
      drawn: [...document.querySelectorAll('report-chart svg')].some((svg) => getComputedStyle(svg).display !== 'none' && svg.getBoundingClientRect().height > 50),
    }));
    result.push({ id: (await handle.getAttribute('data-report-embed')) ?? 'plain', index, iframe, ...inner });
  }
  return result;
}

for (const variant of ['root', 'sub-path'] as const) {
  describe(`embedding, site built for ${variant === 'root' ? '/' : gates.base}`, { timeout: 60_000 }, () => {
    let browser: Browser;
    let site: StaticServer;
    let portal: Awaited<ReturnType<typeof serveHtml>>;
    let stranger: Awaited<ReturnType<typeof serveHtml>>;
    const errors: string[] = [];

    beforeAll(async () => {
      browser = await connectBrowser(gates.wsEndpoint);
      // The portal's origin is known only once its server listens; the site's policy must name it.
      portal = await serveHtml('');
      const base = variant === 'root' ? '/' : gates.base;
      const dist = variant === 'root' ? gates.dist : gates.baseDist;
      const policy = CONTENT_SECURITY_POLICY.replace("frame-ancestors 'self'", `frame-ancestors 'self' ${portal.origin}`);
      site = await serveStatic(dist, { base, headers: { 'content-security-policy': policy } });
      await portal.close();
      const urls = { publicUrl: `${site.origin}/`, base };
      const snippets = [
        embedSnippets(report, specs[0]!, urls).responsive,
        embedSnippets(report, specs[1]!, urls).responsive,
        embedSnippets(report, specs[2]!, urls).plain,
        embedSnippets(report, specs[0]!, urls).html,
      ];
      portal = await serveHtmlOn(portalPage(snippets), Number(new URL(portal.origin).port));
      stranger = await serveHtml(`<!doctype html><html><body><script>
        parent.postMessage({ type: '${HEIGHT_MESSAGE}', id: '${report.id}--${specs[0]!.id}', height: 77 }, '*');
      </script></body></html>`);
    });
    afterAll(async () => {
      await Promise.allSettled([site?.close(), portal?.close(), stranger?.close()]);
      await browser?.close();
    });

    /**
     * The portal page at each column width, opened once: the width test looks at it, and the column-change
     * test (1000 px) and the forged-message test (700 px) go on from it.
     */
    const portals = new Map<number, Promise<Page>>();
    function portalAt(column: number): Promise<Page> {
      let page = portals.get(column);
      if (!page) {
        page = openPortal(column);
        portals.set(column, page);
      }
      return page;
    }
    afterAll(async () => {
      await Promise.allSettled([...portals.values()].map(async (p) => (await p).close()));
    });

    async function openPortal(column: number): Promise<Page> {
      const page = await browser.newPage({ viewport: { width: column + 260, height: 900 } });
      page.on('console', (m) => m.type() === 'error' && errors.push(`${m.location().url}: ${m.text()}`));
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(portal.url);
      await page.evaluate((w) => ((document.getElementById('article') as HTMLElement).style.width = `${w}px`), column);
      for (const iframe of await page.locator('iframe').all()) await iframe.scrollIntoViewIfNeeded();
      await settle(page);
      return page;
    }

    /** Waits until every embed has drawn its chart and the responsive ones fit their content. */
    async function settle(page: Page) {
      await expect
        .poll(async () => {
          const all = await heights(page);
          // A frame loads when it is near the screen (loading="lazy"). The frames were scrolled past one
          // after another, and on a loaded machine a frame may load only after it had left the screen
          // again: scroll to the first one not shown yet, as a reader would.
          const waiting = all.find((h) => !h.drawn);
          if (waiting) await page.locator('iframe').nth(waiting.index).scrollIntoViewIfNeeded();
          if (process.env['DEBUG_EMBED']) console.log(JSON.stringify(all));
          return all.length === 3 && all.every((h) => h.drawn && (h.id === 'plain' || Math.abs(h.iframe - h.content) <= 1));
          // 45 s: three frames re-laid out one message at a time took longer than 20 s in a full run on a
          // machine loaded 20 deep (it passes in ~2 s alone).
        }, { timeout: 45_000 })
        .toBe(true);
    }

    it.each(PORTAL_WIDTHS)('at a %i px column every chart is drawn and shows whole, without inner scrollbars', async (column) => {
      const page = await portalAt(column);
      for (const h of await heights(page)) {
        expect(h.drawn, `${h.id} drawn`).toBe(true);
        expect(h.scroll, `${h.id} scrolls inside at ${column}px`).toBeLessThanOrEqual(Math.ceil(h.iframe) + 1);
        if (h.id !== 'plain') expect(Math.abs(h.iframe - h.content), `${h.id} height`).toBeLessThanOrEqual(1);
      }
      const img = page.locator('#embed-3 img');
      expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
      expect(await img.getAttribute('alt')).toContain(specs[0]!.summary);
      await expect.poll(() => page.locator('#embed-3 table tbody tr').count()).toBe(specs[0]!.rows.length);
      expect(await page.locator('#embed-3 a').getAttribute('href')).toMatch(new RegExp(`^${site.url}reports/${report.id}/$`));
    });

    it('draws with chart.js only when its chart is touched, in the same height', async () => {
      const page = await portalAt(700);
      await settle(page);
      const before = await heights(page);
      const frame = embedFrames(page)[0]!;
      expect(await frame.locator('report-chart').getAttribute('data-drawn')).toBeNull();
      await frame.locator('report-chart .chart-area').hover();
      await frame.waitForSelector('report-chart[data-drawn="true"]');
      await page.waitForTimeout(300);
      const after = await heights(page);
      expect(after.map((h) => h.iframe)).toEqual(before.map((h) => h.iframe));
      expect(after.map((h) => h.content)).toEqual(before.map((h) => h.content));
    });

    it('follows the column when it changes, each embed on its own', async () => {
      const page = await portalAt(1000);
      await settle(page);
      const wide = await heights(page);
      await page.evaluate(() => ((document.getElementById('article') as HTMLElement).style.width = '300px'));
      await settle(page);
      const narrow = await heights(page);
      // Each iframe takes its content's new height (settle() checks they match): the text wraps to more
      // lines and the chart takes its narrow layout, so the height changes, each embed's its own way.
      const [first, second] = [0, 1].map((i) => ({ wide: wide[i]!.iframe, narrow: narrow[i]!.iframe }));
      expect(first!.narrow).not.toBe(first!.wide);
      expect(second!.narrow).not.toBe(second!.wide);
      // Each iframe follows its own content (two charts may happen to be equally tall at a width).
      for (const i of [0, 1]) expect(Math.abs(narrow[i]!.iframe - narrow[i]!.content)).toBeLessThanOrEqual(1);
    });

    it('ignores forged messages: from the host itself, from another origin, or with another id', async () => {
      const page = await portalAt(700);
      await settle(page);
      const before = await heights(page);
      // The host page itself (right id, wrong source).
      await page.evaluate(({ type, id }) => window.postMessage({ type, id, height: 55 }, '*'), { type: HEIGHT_MESSAGE, id: `${report.id}--${specs[0]!.id}` });
      // Another origin in a frame of its own (right id).
      await page.evaluate((src) => {
        const frame = document.createElement('iframe');
        frame.src = src;
        document.body.append(frame);
      }, stranger.url);
      // The embed itself, with another embed's id.
      await embedFrames(page)[0]!.evaluate(({ type, id }) => parent.postMessage({ type, id, height: 66 }, '*'), { type: HEIGHT_MESSAGE, id: `${report.id}--${specs[1]!.id}` });
      await page.waitForTimeout(500);
      const after = await heights(page);
      expect(after.slice(0, 3).map((h) => h.iframe)).toEqual(before.map((h) => h.iframe));
    });

    it('leaves no console errors on the host or in the embeds', () => {
      expect(errors).toEqual([]);
    });
  });
}

describe('the snippets offered under every chart', () => {
  it('are the ones tested here, built on the site’s public URL', () => {
    const html = readFileSync(path.join(gates.dist, 'reports', report.id, 'indicators', 'index.html'), 'utf8');
    const urls = { publicUrl: content!.site.publicUrl, base: '/' };
    const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    const shown = [...html.matchAll(/<textarea id="embed-([a-z0-9-]+)-(responsive|plain|html)"[^>]*>([\s\S]*?)<\/textarea>/g)].map((m) => ({ chart: m[1], kind: m[2], code: unescape(m[3]!) }));
    expect(shown.length).toBeGreaterThanOrEqual(3);
    for (const { chart, kind, code } of shown) {
      const spec = specs.find((s) => s.id === chart)!;
      expect(code).toBe(embedSnippets(report, spec, urls)[kind as 'plain']);
      expect(code).toContain(content!.site.publicUrl);
    }
  });
});

async function serveHtmlOn(html: string, port: number) {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${port}`;
  return { url: `${origin}/`, origin, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
