/**
 * Feeds, sitemap, robots.txt and the head of report pages, in the built site: parsed as XML by Chromium,
 * compared with the content. Checked twice: in dist/ (built with BASE_PATH as in this run) and in the
 * build under the portal-style base path /zt/nantang/ that the test run's global setup made
 * (tests/gates/global-setup.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadContent } from '../../src/model/load.ts';
import { connectBrowser } from '../support/browser.ts';
import { blankPage, child, children, headTags, parseXml, textOf } from '../support/xml.ts';

const { content } = loadContent(path.resolve('content'));
if (!content) throw new Error('content/ does not load');
const { site } = content;
/** Reports newest first, as the feeds must list them. */
const reports = [...content.reports].sort((a, b) => b.meta.publishedAt.localeCompare(a.meta.publishedAt));

const gates = inject('gates');
const builds: { name: string; dist: string; base: string }[] = [
  { name: 'dist/', dist: gates.dist, base: process.env['BASE_PATH'] ?? '/' },
  { name: `base ${gates.base}`, dist: gates.baseDist, base: gates.base },
];

/** The public root the URLs must start with: publicUrl's origin plus the base path (publicUrl has no path here). */
function publicRoot(base: string): string {
  const url = new URL(site.publicUrl);
  return url.pathname === '/' ? new URL(base, url.origin).href : url.href;
}

/** Every index.html of a build as its path inside the site ('' for home), leaving out noindex pages. */
function indexPages(dist: string, prefix = ''): string[] {
  return readdirSync(dist).flatMap((name) => {
    const full = path.join(dist, name);
    if (statSync(full).isDirectory()) return indexPages(full, `${prefix}${name}/`);
    if (name !== 'index.html') return [];
    return /<meta name="robots" content="[^"]*noindex/.test(readFileSync(full, 'utf8')) ? [] : [prefix];
  });
}


let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await connectBrowser(gates.wsEndpoint);
  page = await blankPage(browser);
});
afterAll(async () => {
  await browser?.close();
});

describe.each(builds)('$name', ({ dist, base }) => {
  const root = publicRoot(base);
  const read = (file: string) => readFileSync(path.join(dist, file), 'utf8');
  const reportUrl = (id: string) => `${root}reports/${id}/`;

  it('RSS 2.0 lists every report, newest first, with absolute links and +08:00 dates', async () => {
    const rss = await parseXml(page, read('rss.xml'));
    expect(rss.name).toBe('rss');
    expect(rss.attrs['version']).toBe('2.0');
    const channel = child(rss, 'channel')!;
    expect(textOf(channel, 'title')).toBe(site.name);
    // <link> of RSS and <atom:link rel="self"> share a local name: tell them apart by namespace.
    const links = children(channel, 'link');
    expect(links.filter((l) => l.ns === null).map((l) => l.text)).toEqual([root]);
    expect(links.filter((l) => l.ns === 'http://www.w3.org/2005/Atom').map((l) => l.attrs['href'])).toEqual([`${root}rss.xml`]);
    const items = children(channel, 'item');
    expect(items.map((i) => textOf(i, 'title'))).toEqual(reports.map((r) => r.meta.title));
    items.forEach((item, i) => {
      const r = reports[i]!;
      expect(textOf(item, 'link')).toBe(reportUrl(r.id));
      expect(textOf(item, 'guid')).toBe(reportUrl(r.id));
      expect(textOf(item, 'description')).toBe(r.meta.description);
      expect(children(item, 'category').map((c) => c.text)).toContain(r.meta.category);
      const pubDate = textOf(item, 'pubDate')!;
      expect(pubDate).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:00 \+0800$/);
      // The same instant as the content's local time at +08:00, and the local clock time kept.
      expect(new Date(pubDate).getTime()).toBe(new Date(`${r.meta.publishedAt.replace(' ', 'T')}:00${site.utcOffset}`).getTime());
      expect(pubDate).toContain(` ${r.meta.publishedAt.slice(11)}:00 `);
    });
  });

  it('Atom lists every report, newest first, with absolute links and +08:00 dates', async () => {
    const atom = await parseXml(page, read('atom.xml'));
    expect(atom.name).toBe('feed');
    expect(atom.ns).toBe('http://www.w3.org/2005/Atom');
    expect(textOf(atom, 'id')).toBe(root);
    expect(children(atom, 'link').find((l) => l.attrs['rel'] === 'self')?.attrs['href']).toBe(`${root}atom.xml`);
    expect(textOf(atom, 'updated')).toBe(`${reports[0]!.meta.publishedAt.replace(' ', 'T')}:00+08:00`);
    const entries = children(atom, 'entry');
    expect(entries.map((e) => textOf(e, 'title'))).toEqual(reports.map((r) => r.meta.title));
    entries.forEach((entry, i) => {
      const r = reports[i]!;
      expect(textOf(entry, 'id')).toBe(reportUrl(r.id));
      expect(child(entry, 'link')?.attrs['href']).toBe(reportUrl(r.id));
      expect(textOf(entry, 'published')).toBe(`${r.meta.publishedAt.replace(' ', 'T')}:00+08:00`);
      expect(textOf(entry, 'summary')).toBe(r.meta.description);
      expect(children(entry, 'category').map((c) => c.attrs['term'])).toContain(r.meta.category);
    });
  });

  it('the sitemap lists every built page and nothing that does not exist, with lastmod', async () => {
    const sitemap = await parseXml(page, read('sitemap.xml'));
    expect(sitemap.ns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const urls = children(sitemap, 'url');
    const locs = urls.map((u) => textOf(u, 'loc')!);
    for (const loc of locs) expect(loc.startsWith(root), loc).toBe(true);
    const listed = locs.map((loc) => loc.slice(root.length));
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(indexPages(dist).sort());
    for (const u of urls) expect(textOf(u, 'lastmod')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    for (const r of reports) {
      expect(textOf(urls.find((u) => textOf(u, 'loc') === reportUrl(r.id))!, 'lastmod')).toBe(`${r.meta.publishedAt.replace(' ', 'T')}:00+08:00`);
    }
  });

  it('robots.txt points at the sitemap', () => {
    expect(read('robots.txt')).toMatch(new RegExp(`^Sitemap: ${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}sitemap\\.xml$`, 'm'));
  });

  it.each(reports.map((r) => [r.id, r] as const))('the report page %s has canonical, Open Graph, feed links and the government meta tags', async (id, r) => {
    const head = await headTags(page, read(`reports/${id}/index.html`));
    const meta = (key: 'name' | 'property', value: string) => head.meta.filter((m) => m[key] === value).map((m) => m['content']);
    const url = reportUrl(id);
    expect(head.link.filter((l) => l['rel'] === 'canonical').map((l) => l['href'])).toEqual([url]);
    // Open Graph
    expect(meta('property', 'og:title')).toEqual([r.meta.title]);
    expect(meta('property', 'og:type')).toEqual(['article']);
    expect(meta('property', 'og:url')).toEqual([url]);
    expect(meta('property', 'og:description')).toEqual([r.meta.description]);
    expect(meta('property', 'og:locale')).toEqual(['zh_CN']);
    expect(meta('property', 'og:site_name')).toEqual([site.name]);
    expect(meta('property', 'article:published_time')).toEqual([`${r.meta.publishedAt.replace(' ', 'T')}:00+08:00`]);
    // Feeds, under the base path.
    const alternate = (type: string) => head.link.filter((l) => l['rel'] === 'alternate' && l['type'] === type).map((l) => l['href']);
    expect(alternate('application/rss+xml')).toEqual([`${base}rss.xml`]);
    expect(alternate('application/atom+xml')).toEqual([`${base}atom.xml`]);
    // Government site meta tags.
    expect(meta('name', 'SiteName')).toEqual([site.name]);
    expect(meta('name', 'ColumnName')).toEqual([r.meta.category]);
    expect(meta('name', 'ArticleTitle')).toEqual([r.meta.title]);
    expect(meta('name', 'PubDate')).toEqual([r.meta.publishedAt]);
    expect(meta('name', 'PubDate')[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(meta('name', 'ContentSource')).toEqual([r.meta.issuer]);
    expect(meta('name', 'Keywords')).toEqual([r.meta.keywords.join(',')]);
    expect(meta('name', 'Description')).toEqual([r.meta.description]);
  });

  it('every page has an absolute canonical URL that is its own address, and og:image only when given', async () => {
    for (const p of indexPages(dist)) {
      const head = await headTags(page, read(`${p}index.html`));
      expect(head.link.filter((l) => l['rel'] === 'canonical').map((l) => l['href']), p).toEqual([`${root}${p}`]);
      const ogUrl = head.meta.filter((m) => m['property'] === 'og:url').map((m) => m['content']);
      expect(ogUrl).toEqual([`${root}${p}`]);
      for (const image of head.meta.filter((m) => m['property'] === 'og:image')) expect(image['content']?.startsWith(root)).toBe(true);
    }
    // The 404 page is served at any missing address: it claims none.
    const notFound = await headTags(page, read('404.html'));
    expect(notFound.link.filter((l) => l['rel'] === 'canonical')).toEqual([]);
    expect(notFound.meta.filter((m) => m['property'] === 'og:url')).toEqual([]);
    const home = await headTags(page, read('index.html'));
    expect(home.meta.filter((m) => m['property'] === 'og:type').map((m) => m['content'])).toEqual(['website']);
  });

  it('the data files linked from the overview are in the build under the base path', () => {
    for (const r of reports) {
      const html = read(`reports/${r.id}/index.html`);
      const links = [...html.matchAll(/href="([^"]*\/data\/[^"]+)"/g)].map((m) => m[1]!);
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) {
        expect(link.startsWith(`${base}reports/${r.id}/data/`), link).toBe(true);
        expect(existsSync(path.join(dist, link.slice(base.length)))).toBe(true);
      }
    }
  });
});
