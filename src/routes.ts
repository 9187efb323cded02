/**
 * Every address of the site, made here and only here: the path of each page, picture, data file, embed
 * and feed inside the site (`sitePaths`, what the build writes and links), and from it the link a page
 * prints (under the base path) and the absolute URL feeds, sitemaps, canonical links and embed snippets
 * give (`siteRoutes`).
 *
 * publicUrl with a path (https://www.example.gov.cn/zt/reports/) names the site's root exactly, whatever
 * base path the files were built with; publicUrl without a path (https://reports.example.gov.cn/) names
 * the host, and the site lives under the base path there (https://reports.example.gov.cn/zt/nantang/).
 */

/** Where the site is published: content/site.yaml's publicUrl and the build's base path. */
export interface UrlContext {
  /** content/site.yaml publicUrl. */
  publicUrl: string;
  /** The build's base path (Astro's base): `/` or `/zt/nantang/`. */
  base: string;
}

export type PictureType = 'svg' | 'png';

/** The pages of a report besides its parts (part-1/…), as path segments. */
export type ReportPage = '' | 'indicators/' | 'projects/' | 'plan/' | 'promises/' | 'infographic/' | 'fulltext/' | `part-${string}/`;

/** Paths inside the site, without the base path: '' is the home page, pages end in `/`. */
export const sitePaths = {
  home: '',
  search: 'search/',
  helpEditor: 'help/editor/',
  helpEmbed: 'help/embed/',
  favicon: 'favicon.svg',
  /** Text size and contrast before paint (public/prefs.js). */
  prefs: 'prefs.js',
  /** Pagefind's client, written by the search index step of the build. */
  pagefind: 'pagefind/pagefind.js',
  report: (reportId: string, page: ReportPage = '') => `reports/${reportId}/${page}`,
  town: (townId: string) => `towns/${townId}/`,
  series: (townId: string, indicatorId: string) => `towns/${townId}/indicators/${indicatorId}/`,
  chartPicture: (reportId: string, chartId: string, type: PictureType) => `reports/${reportId}/charts/${chartId}.${type}`,
  seriesPicture: (townId: string, indicatorId: string, type: PictureType) => `towns/${townId}/charts/${indicatorId}.${type}`,
  infographicPicture: (reportId: string) => `reports/${reportId}/infographic.png`,
  download: (reportId: string, file: string) => `reports/${reportId}/data/${file}`,
  embed: (reportId: string, chartId: string) => `embed/${reportId}/${chartId}/`,
  embedLoader: 'embed/loader.js',
  rss: 'rss.xml',
  atom: 'atom.xml',
  sitemap: 'sitemap.xml',
} as const;

/** A picture of the site in both formats. */
export interface PicturePaths {
  svg: string;
  png: string;
}

export const chartPictures = (reportId: string, chartId: string): PicturePaths => ({
  svg: sitePaths.chartPicture(reportId, chartId, 'svg'),
  png: sitePaths.chartPicture(reportId, chartId, 'png'),
});

export const seriesPictures = (townId: string, indicatorId: string): PicturePaths => ({
  svg: sitePaths.seriesPicture(townId, indicatorId, 'svg'),
  png: sitePaths.seriesPicture(townId, indicatorId, 'png'),
});

function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** The absolute URL of the site's home page. */
export function siteRoot(ctx: UrlContext): string {
  const root = new URL(ctx.publicUrl);
  root.search = '';
  root.hash = '';
  if (root.pathname === '/' || root.pathname === '') return new URL(normaliseBase(ctx.base), root.origin).href;
  if (!root.pathname.endsWith('/')) root.pathname += '/';
  return root.href;
}

/**
 * The absolute URL of a path inside the site. Takes a path relative to the site root (`reports/x/`) or a
 * path with the base path already in it (`/zt/nantang/reports/x/`, as `href` and Astro.url give it).
 */
export function absoluteUrl(ctx: UrlContext, sitePath: string): string {
  const base = normaliseBase(ctx.base);
  let rel = sitePath;
  if (rel.startsWith('/')) rel = rel.startsWith(base) ? rel.slice(base.length) : rel.slice(1);
  return new URL(rel, siteRoot(ctx)).href;
}

export interface Routes {
  urls: UrlContext;
  /** The link a page prints: the path under the base path. */
  href(sitePath: string): string;
  absolute(sitePath: string): string;
  pictures(paths: PicturePaths): PicturePaths;
  /** A report's page, with an anchor in it when given. */
  report(reportId: string, page?: ReportPage, hash?: string): string;
  town(townId: string): string;
  series(townId: string, indicatorId: string): string;
}

export function siteRoutes(urls: UrlContext): Routes {
  const base = normaliseBase(urls.base).slice(0, -1);
  const href = (sitePath: string) => `${base}/${sitePath.replace(/^\//, '')}`;
  return {
    urls,
    href,
    absolute: (sitePath) => absoluteUrl(urls, sitePath),
    pictures: (paths) => ({ svg: href(paths.svg), png: href(paths.png) }),
    report: (reportId, page = '', hash) => href(sitePaths.report(reportId, page)) + (hash ? `#${hash}` : ''),
    town: (townId) => href(sitePaths.town(townId)),
    series: (townId, indicatorId) => href(sitePaths.series(townId, indicatorId)),
  };
}
