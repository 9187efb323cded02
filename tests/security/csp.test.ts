/**
 * One policy and one set of headers, three places: src/security/csp.ts and headers.ts are the source of
 * truth; the Netlify/Cloudflare-style public/_headers file and the nginx snippet must send exactly the
 * same strings, as headers. (tests/security/nginx.test.ts checks what nginx really sends with it.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, EXAMPLE_PORTAL_ORIGIN, embedContentSecurityPolicy } from '../../src/security/csp.ts';
import { CACHE_CONTROL, SECURITY_HEADERS, isEmbedPage, responseHeaders } from '../../src/security/headers.ts';

const read = (file: string) => readFileSync(file, 'utf8');
const EMBED_POLICY = embedContentSecurityPolicy([EXAMPLE_PORTAL_ORIGIN]);

/** `_headers` as rules: path → header lines. */
function headerRules(text: string): Map<string, string[]> {
  const rules = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = [];
      rules.set(line.trim(), current);
    } else {
      current?.push(line.trim());
    }
  }
  return rules;
}

/** The add_header lines of a piece of nginx config, as [name, value] pairs; every one must say `always`. */
function addHeaders(text: string): [string, string][] {
  const lines = text.split('\n').filter((l) => /^\s*add_header\b/.test(l));
  return lines.map((line) => {
    const m = /^\s*add_header\s+([\w-]+)\s+"([^"]*)"\s+always\s*;\s*$/.exec(line);
    if (!m) throw new Error(`not an add_header NAME "VALUE" always; line: ${line}`);
    return [m[1]!, m[2]!];
  });
}

/** The nginx snippet: its server-level part and its nested location blocks, by their pattern. */
function nginxBlocks(text: string): { top: string; locations: Map<string, string> } {
  const code = text.replace(/#.*$/gm, '');
  const locations = new Map<string, string>();
  const top = code.replace(/^\s*location\s+([^{]+?)\s*\{([^}]*)\}/gm, (_all, pattern: string, body: string) => {
    locations.set(pattern, body);
    return '';
  });
  return { top, locations };
}

describe('Content-Security-Policy', () => {
  it('is the policy the site is audited against', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'",
    );
  });

  it('the embed policy differs only in frame-ancestors, which adds the portal origins', () => {
    const strip = (p: string) => p.replace(/; frame-ancestors [^;]+$/, '');
    expect(strip(EMBED_POLICY)).toBe(strip(CONTENT_SECURITY_POLICY));
    expect(embedContentSecurityPolicy(['https://a.gov.cn', 'https://b.gov.cn'])).toMatch(/; frame-ancestors 'self' https:\/\/a\.gov\.cn https:\/\/b\.gov\.cn$/);
  });

  it('public/_headers sends exactly that policy and the security headers for every path, the embed policy (alone) for /embed/, a long cache for /_astro/', () => {
    const rules = headerRules(read('public/_headers'));
    expect(rules.get('/*')).toEqual([`Content-Security-Policy: ${CONTENT_SECURITY_POLICY}`, ...Object.entries(SECURITY_HEADERS).map(([k, v]) => `${k}: ${v}`)]);
    expect(rules.get('/_astro/*')).toEqual([`Cache-Control: ${CACHE_CONTROL.hashed}`]);
    expect(rules.get('/embed/*')).toEqual(['! Content-Security-Policy', `Content-Security-Policy: ${EMBED_POLICY}`]);
    expect([...rules.keys()]).toEqual(['/*', '/_astro/*', '/embed/*']);
  });

  it('deploy/nginx.conf sends exactly those policies, always, as headers, with a note on frame-ancestors', () => {
    const text = read('deploy/nginx.conf');
    const lines = [...text.matchAll(/^\s*add_header\s+Content-Security-Policy\s+"([^"]+)"\s+always\s*;/gm)].map((m) => m[1]);
    expect(lines).toEqual([CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY, EMBED_POLICY]);
    expect(text).toMatch(/#.*frame-ancestors.*\n#.*meta/);
  });
});

describe('the other response headers: headers.ts, public/_headers and deploy/nginx.conf agree', () => {
  it('nosniff, and a Referrer-Policy no weaker than strict-origin-when-cross-origin', () => {
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(['strict-origin-when-cross-origin', 'strict-origin', 'same-origin', 'no-referrer']).toContain(SECURITY_HEADERS['Referrer-Policy']);
  });

  it('responseHeaders(): the embed policy only for the embed pages, the long cache only for /_astro/', () => {
    expect(responseHeaders('/')).toEqual({ 'Content-Security-Policy': CONTENT_SECURITY_POLICY, ...SECURITY_HEADERS, 'Cache-Control': CACHE_CONTROL.other });
    expect(responseHeaders('/embed/r/c/')['Content-Security-Policy']).toBe(EMBED_POLICY);
    expect(responseHeaders('/help/embed/')['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(responseHeaders('/_astro/x.abc123.js')['Cache-Control']).toBe(CACHE_CONTROL.hashed);
    expect(responseHeaders('/pagefind/pagefind.js')['Cache-Control']).toBe(CACHE_CONTROL.other);
  });

  it('every block of deploy/nginx.conf sends all of responseHeaders() for the paths it serves, nothing else', () => {
    const { top, locations } = nginxBlocks(read('deploy/nginx.conf'));
    const sent = (block: string) => Object.fromEntries(addHeaders(block));
    // No header twice in a block (nginx would send both).
    for (const block of [top, ...locations.values()]) expect(new Set(addHeaders(block).map(([k]) => k)).size).toBe(addHeaders(block).length);
    expect(sent(top)).toEqual(responseHeaders('/reports/x/'));
    expect([...locations.keys()]).toEqual(['~ /_astro/', '~ /embed/[^/]+/[^/]+/']);
    expect(sent(locations.get('~ /_astro/')!)).toEqual(responseHeaders('/_astro/x.abc123.js'));
    expect(sent(locations.get('~ /embed/[^/]+/[^/]+/')!)).toEqual(responseHeaders('/embed/r/c/'));
    // The locations pick the same paths as the code, at the root and under a base path.
    const embedPattern = new RegExp('/embed/[^/]+/[^/]+/');
    for (const sitePath of ['/embed/r/c/', '/embed/r/c/index.html', '/help/embed/', '/help/embed/index.html', '/embed/loader.js', '/reports/embed/']) {
      expect(embedPattern.test(sitePath), sitePath).toBe(isEmbedPage(sitePath));
      expect(embedPattern.test(`/zt/nantang${sitePath}`), sitePath).toBe(isEmbedPage(sitePath));
    }
  });
});
