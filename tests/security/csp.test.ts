/**
 * One policy, three places: src/security/csp.ts is the source of truth; the Netlify/Cloudflare-style
 * public/_headers file and the nginx snippet must send exactly the same strings, as headers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, EXAMPLE_PORTAL_ORIGIN, embedContentSecurityPolicy } from '../../src/security/csp.ts';

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

  it('public/_headers sends exactly that policy for every path, and the embed policy (alone) for /embed/', () => {
    const rules = headerRules(read('public/_headers'));
    expect(rules.get('/*')).toEqual([`Content-Security-Policy: ${CONTENT_SECURITY_POLICY}`]);
    expect(rules.get('/embed/*')).toEqual(['! Content-Security-Policy', `Content-Security-Policy: ${EMBED_POLICY}`]);
    expect([...rules.keys()]).toEqual(['/*', '/embed/*']);
  });

  it('deploy/nginx.conf sends exactly those policies, always, as headers, with a note on frame-ancestors', () => {
    const text = read('deploy/nginx.conf');
    const lines = [...text.matchAll(/^\s*add_header\s+Content-Security-Policy\s+"([^"]+)"\s+always\s*;/gm)].map((m) => m[1]);
    expect(lines).toEqual([CONTENT_SECURITY_POLICY, EMBED_POLICY]);
    expect(text).toMatch(/location \^~ \/embed\/ \{\s*add_header Content-Security-Policy "[^"]+" always;\s*\}/);
    expect(text).toMatch(/#.*frame-ancestors.*\n#.*meta/);
  });
});
