/**
 * Absolute public URLs, from content/site.yaml's publicUrl and the build's base path. Feeds, the sitemap,
 * canonical and Open Graph tags and the data files all build their links here, so they agree.
 *
 * publicUrl with a path (https://www.example.gov.cn/zt/reports/) names the site's root exactly, whatever
 * base path the files were built with; publicUrl without a path (https://reports.example.gov.cn/) names
 * the host, and the site lives under the base path there (https://reports.example.gov.cn/zt/nantang/).
 */

export interface UrlContext {
  /** content/site.yaml publicUrl. */
  publicUrl: string;
  /** The build's base path (import.meta.env.BASE_URL): `/` or `/zt/nantang/`. */
  base: string;
}

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
 * path with the base path already in it (`/zt/nantang/reports/x/`, as href() and Astro.url give it).
 */
export function absoluteUrl(ctx: UrlContext, sitePath: string): string {
  const base = normaliseBase(ctx.base);
  let rel = sitePath;
  if (rel.startsWith('/')) rel = rel.startsWith(base) ? rel.slice(base.length) : rel.slice(1);
  return new URL(rel, siteRoot(ctx)).href;
}
