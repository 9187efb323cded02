/**
 * Writes sitemap.xml after the build from the pages the build really wrote, so a page added anywhere is
 * listed without anyone remembering to: every index.html except those marked noindex (embeds) and the
 * 404 page. URLs from content/site.yaml's publicUrl, lastmod from the reports' publication times.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadContent } from '../model/load.ts';
import { FEED_PATHS, sitemap, sitemapEntries } from './feeds.ts';

const NOINDEX = /<meta\s+name="robots"\s+content="[^"]*noindex/i;

export function sitemapIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'report-microsite:sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ pages, dir, logger }) => {
        const contentDir = path.resolve(process.env['CONTENT_DIR'] ?? 'content');
        const { content } = loadContent(contentDir);
        if (!content) throw new Error('内容检查未通过，无法生成 sitemap.xml');
        const out = fileURLToPath(dir);
        const indexable = [...new Set(pages.map((p) => p.pathname.replace(/^\/+/, '')))].filter((p) => {
          if (p !== '' && !p.endsWith('/')) return false;
          const file = path.join(out, p, 'index.html');
          return existsSync(file) && !NOINDEX.test(readFileSync(file, 'utf8'));
        });
        const ctx = { publicUrl: content.site.publicUrl, base, utcOffset: content.site.utcOffset };
        writeFileSync(path.join(out, FEED_PATHS.sitemap), sitemap(sitemapEntries(content, indexable), ctx));
        logger.info(`${FEED_PATHS.sitemap}: ${indexable.length} 个页面`);
      },
    },
  };
}
