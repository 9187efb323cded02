/**
 * One policy, three places: src/security/csp.ts is the source of truth; the Netlify/Cloudflare
 * public/_headers file and the nginx snippet must send exactly the same string, as a header.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } from '../../src/security/csp.ts';

const read = (file: string) => readFileSync(file, 'utf8');

describe('Content-Security-Policy', () => {
  it('is the policy the site is audited against', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'",
    );
    expect(Object.keys(CSP_DIRECTIVES)).toContain('frame-ancestors');
  });

  it('public/_headers sends exactly that policy for every path', () => {
    const text = read('public/_headers');
    const values = [...text.matchAll(/^\s+Content-Security-Policy:\s*(.+?)\s*$/gm)].map((m) => m[1]);
    expect(values).toEqual([CONTENT_SECURITY_POLICY]);
    // The header rule must apply to every path.
    expect(text).toMatch(/^\/\*\s*$/m);
  });

  it('deploy/nginx.conf sends exactly that policy, always, as a header', () => {
    const text = read('deploy/nginx.conf');
    const values = [...text.matchAll(/^\s*add_header\s+Content-Security-Policy\s+"([^"]+)"\s+always\s*;/gm)].map((m) => m[1]);
    expect(values).toEqual([CONTENT_SECURITY_POLICY]);
    expect(text).toMatch(/#.*frame-ancestors/);
  });
});
