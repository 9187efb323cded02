/** Absolute URLs under every combination of publicUrl path and base path, and dates with their offset. */
import { describe, expect, it } from 'vitest';
import { absoluteUrl, siteRoot } from '../../src/routes.ts';
import { isoDateTime, rfc822DateTime } from '../../src/export/dates.ts';

describe('absolute URLs', () => {
  it('put the base path on a publicUrl that names only the host', () => {
    const ctx = { publicUrl: 'https://reports.example.gov.cn/', base: '/zt/nantang/' };
    expect(siteRoot(ctx)).toBe('https://reports.example.gov.cn/zt/nantang/');
    // As href() and Astro.url give it (base included), or relative to the site root: the same URL.
    expect(absoluteUrl(ctx, '/zt/nantang/reports/x/')).toBe('https://reports.example.gov.cn/zt/nantang/reports/x/');
    expect(absoluteUrl(ctx, 'reports/x/')).toBe('https://reports.example.gov.cn/zt/nantang/reports/x/');
    expect(absoluteUrl(ctx, '')).toBe('https://reports.example.gov.cn/zt/nantang/');
    expect(absoluteUrl({ ...ctx, base: '/zt/nantang' }, 'rss.xml')).toBe('https://reports.example.gov.cn/zt/nantang/rss.xml');
  });

  it('take a publicUrl with a path as the site root, whatever the base path', () => {
    for (const base of ['/', '/zt/reports/']) {
      const ctx = { publicUrl: 'https://www.example.gov.cn/zt/reports', base };
      expect(siteRoot(ctx)).toBe('https://www.example.gov.cn/zt/reports/');
      expect(absoluteUrl(ctx, `${base}reports/x/`)).toBe('https://www.example.gov.cn/zt/reports/reports/x/');
      expect(absoluteUrl(ctx, 'sitemap.xml')).toBe('https://www.example.gov.cn/zt/reports/sitemap.xml');
    }
  });

  it('leave an absolute URL as it is', () => {
    expect(absoluteUrl({ publicUrl: 'https://a.example/', base: '/' }, 'https://cdn.example/x.png')).toBe('https://cdn.example/x.png');
  });
});

describe('publication times', () => {
  it('keep the local clock time and carry the offset', () => {
    expect(isoDateTime('2022-07-29 17:02', '+08:00')).toBe('2022-07-29T17:02:00+08:00');
    expect(rfc822DateTime('2022-07-29 17:02', '+08:00')).toBe('Fri, 29 Jul 2022 17:02:00 +0800');
    expect(rfc822DateTime('2023-01-01 00:05', '+08:00')).toBe('Sun, 01 Jan 2023 00:05:00 +0800');
    expect(new Date(rfc822DateTime('2022-07-29 17:02', '+08:00')).toISOString()).toBe('2022-07-29T09:02:00.000Z');
  });
});
