/**
 * The site's Content-Security-Policy: the single source of truth. public/_headers and deploy/nginx.conf
 * carry this exact string (tests/security/csp.test.ts keeps them in step), and the quality-gate test
 * server sends it on every response, so the gates see the site as the portal serves it.
 *
 * It must be sent as an HTTP header. Browsers ignore frame-ancestors (and report-uri, sandbox) in a
 * <meta http-equiv> policy, so a meta tag would silently drop the clickjacking protection.
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
} as const satisfies Record<string, readonly string[]>;

/** The policy as one header value: `default-src 'self'; script-src 'self'; …`. */
export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');
