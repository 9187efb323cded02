/**
 * The response headers the site is served with, besides the Content-Security-Policy (csp.ts): the single
 * source of truth, like csp.ts. public/_headers and the nginx snippet (deploy/nginx.conf)
 * carry these exact values, tests/security/csp.test.ts keeps the three in step, the test server
 * (tests/support/server.ts) sends them, and tests/security/nginx.test.ts checks what real nginx sends.
 */
import { CONTENT_SECURITY_POLICY, EXAMPLE_PORTAL_ORIGIN, embedContentSecurityPolicy } from './csp.ts';

export const SECURITY_HEADERS = {
  // Browsers must take the Content-Type as sent, never guess one: a CSV download or a JSON file must not
  // be sniffed into HTML or script, and scripts load only when served as JavaScript.
  'X-Content-Type-Options': 'nosniff',
  // strict-origin-when-cross-origin: other sites (the source documents and portals the reports link to)
  // learn only that a visitor came from this site's origin, never which page or search (/search/?q=…),
  // and nothing at all over plain HTTP; links inside the site keep the full address, so the server's
  // own logs still show how readers move between pages. It is the default of current browsers; sent
  // explicitly for the older ones that portal readers still use, whose default sent the whole address.
  // Stricter policies (same-origin, no-referrer) would also withhold the bare origin, which says nothing
  // about the reader, and would protect nothing more.
  'Referrer-Policy': 'strict-origin-when-cross-origin',
} as const;

/**
 * Cache lifetimes, sent by the nginx snippet. Files under /_astro/ are named by the hash of their
 * content (Astro's build output), so a changed file gets a new name: they can be kept for a year and
 * never revalidated. Everything else (pages, pictures, downloads, feeds, the search index, the embed
 * loader whose address must never change) keeps its address when a report is corrected, so browsers
 * and portal caches must ask again every time: no-cache (not no-store) lets them keep a copy and
 * revalidate it with a cheap 304 (ETag / Last-Modified). A short max-age (300 s) would save those
 * requests but leave a corrected figure visible for minutes, which a government report should not.
 */
export const CACHE_CONTROL = {
  hashed: 'public, max-age=31536000, immutable',
  other: 'no-cache',
} as const;

/** The prefix (after the base path) of Astro's content-hashed files. */
export const HASHED_PREFIX = '_astro/';

/** Is this site path (without the base path: `/embed/x/y/`) one of the chart embed pages? */
export function isEmbedPage(sitePath: string): boolean {
  return /^\/embed\/[^/]+\/[^/]+\//.test(sitePath);
}

/**
 * Every header a response for this site path (without the base path) gets: the policy (the embed policy
 * for the embed pages, naming the portal origins), the security headers, and the cache lifetime.
 */
export function responseHeaders(sitePath: string, portalOrigins: readonly string[] = [EXAMPLE_PORTAL_ORIGIN]): Record<string, string> {
  return {
    'Content-Security-Policy': isEmbedPage(sitePath) ? embedContentSecurityPolicy(portalOrigins) : CONTENT_SECURITY_POLICY,
    ...SECURITY_HEADERS,
    'Cache-Control': sitePath.startsWith(`/${HASHED_PREFIX}`) ? CACHE_CONTROL.hashed : CACHE_CONTROL.other,
  };
}
