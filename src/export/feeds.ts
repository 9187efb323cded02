/**
 * RSS 2.0 and Atom feeds of the reports (newest first), the sitemap and robots.txt. Every URL is absolute,
 * from content/site.yaml's publicUrl; every time carries the site's UTC offset (+08:00), never shifted
 * to UTC, and every date comes from content, so the files change only when content does.
 */
import { t } from '../i18n/zh.ts';
import type { Report, SiteContent } from '../model/load.ts';
import { isoDateTime, rfc822DateTime } from './dates.ts';
import { absoluteUrl, siteRoot, sitePaths, type UrlContext } from '../routes.ts';
import { element, escapeXml, XML_DECLARATION } from './xml.ts';
import { dateOrder, given, publication } from '../model/report-dates.ts';

export interface FeedContext extends UrlContext {
  utcOffset: string;
}

const reportUrl = (ctx: UrlContext, report: Report) => absoluteUrl(ctx, sitePaths.report(report.id));

/**
 * Newest publication time on the site: the feeds' update time and the home page's lastmod. A report
 * published without a date given counts by the date standing in for it (dateOrder), as in every order.
 */
function newest(content: SiteContent): string | undefined {
  return content.reports.map((r) => dateOrder(r.meta)).sort().at(-1);
}

/** Reports newest first, as the feeds list them. */
function byDate(content: SiteContent): Report[] {
  return [...content.reports].sort((a, b) => dateOrder(b.meta).localeCompare(dateOrder(a.meta)) || a.id.localeCompare(b.id));
}

function categories(report: Report): string[] {
  return [...new Set([given(report.meta.category), report.town.name].filter((c) => c !== undefined))];
}

export function rssFeed(content: SiteContent, ctx: FeedContext): string {
  const { site } = content;
  const latest = newest(content);
  const items = byDate(content).map((report) => {
    const link = reportUrl(ctx, report);
    const published = publication(report.meta);
    return (
      '<item>' +
      element('title', report.meta.title) +
      element('link', link) +
      element('guid', link, { isPermaLink: 'true' }) +
      // No pubDate when the source gives none (it is optional in RSS); a date alone is that day's 00:00.
      (published ? element('pubDate', rfc822DateTime(published.local, ctx.utcOffset)) : '') +
      element('description', report.meta.description) +
      categories(report).map((c) => element('category', c)).join('') +
      '</item>'
    );
  });
  return (
    `${XML_DECLARATION}\n` +
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">' +
    '<channel>' +
    element('title', site.name) +
    element('link', siteRoot(ctx)) +
    element('description', t.feeds.description(site.name)) +
    element('language', 'zh-CN') +
    (latest ? element('lastBuildDate', rfc822DateTime(latest, ctx.utcOffset)) + element('pubDate', rfc822DateTime(latest, ctx.utcOffset)) : '') +
    `<atom:link href="${escapeXml(absoluteUrl(ctx, sitePaths.rss))}" rel="self" type="application/rss+xml"/>` +
    items.join('') +
    '</channel></rss>\n'
  );
}

export function atomFeed(content: SiteContent, ctx: FeedContext): string {
  const { site } = content;
  const latest = newest(content);
  const entries = byDate(content).map((report) => {
    const link = reportUrl(ctx, report);
    // Atom requires updated: the date standing in for a publication not given; published only when given.
    const published = publication(report.meta);
    return (
      '<entry>' +
      element('title', report.meta.title) +
      `<link rel="alternate" type="text/html" href="${escapeXml(link)}"/>` +
      element('id', link) +
      (published ? element('published', isoDateTime(published.local, ctx.utcOffset)) : '') +
      element('updated', isoDateTime(dateOrder(report.meta), ctx.utcOffset)) +
      `<author>${element('name', report.meta.issuer)}</author>` +
      element('summary', report.meta.description) +
      categories(report).map((c) => `<category term="${escapeXml(c)}"/>`).join('') +
      '</entry>'
    );
  });
  return (
    `${XML_DECLARATION}\n` +
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">' +
    element('title', site.name) +
    element('subtitle', t.feeds.description(site.name)) +
    element('id', siteRoot(ctx)) +
    `<link rel="alternate" type="text/html" href="${escapeXml(siteRoot(ctx))}"/>` +
    `<link rel="self" type="application/atom+xml" href="${escapeXml(absoluteUrl(ctx, sitePaths.atom))}"/>` +
    element('updated', latest ? isoDateTime(latest, ctx.utcOffset) : '1970-01-01T00:00:00Z') +
    `<author>${element('name', site.organiser)}</author>` +
    entries.join('') +
    '</feed>\n'
  );
}

export interface SitemapEntry {
  /** Path inside the site, without base path: '' for home, 'reports/x/indicators/'. */
  path: string;
  /** Local publication time the page's content dates from. */
  lastmod?: string;
}

/**
 * The sitemap entries of the pages a build wrote: each report's pages date from its publication,
 * every other page from the newest report.
 */
export function sitemapEntries(content: SiteContent, pagePaths: readonly string[]): SitemapEntry[] {
  const latest = newest(content);
  const published = new Map(content.reports.map((r) => [r.id, dateOrder(r.meta)]));
  return [...pagePaths].sort().map((p) => {
    const lastmod = published.get(/^reports\/([^/]+)\//.exec(p)?.[1] ?? '') ?? latest;
    return { path: p, ...(lastmod ? { lastmod } : {}) };
  });
}

export function sitemap(entries: readonly SitemapEntry[], ctx: FeedContext): string {
  const urls = entries.map(
    (e) => `<url>${element('loc', absoluteUrl(ctx, e.path))}${e.lastmod ? element('lastmod', isoDateTime(e.lastmod, ctx.utcOffset)) : ''}</url>`,
  );
  return `${XML_DECLARATION}\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>\n`;
}

export function robotsTxt(ctx: UrlContext): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(ctx, sitePaths.sitemap)}\n`;
}
