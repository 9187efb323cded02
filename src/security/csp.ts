/**
 * The site's Content-Security-Policy: the single source of truth. public/_headers and deploy/nginx.conf
 * carry these exact strings (tests/security/csp.test.ts keeps them in step), and the quality-gate test
 * server sends CONTENT_SECURITY_POLICY on every response, so the gates see the site as it is served.
 * The other response headers (nosniff, Referrer-Policy, cache lifetimes) are in headers.ts.
 *
 * It must be sent as an HTTP header. Browsers ignore frame-ancestors (and report-uri, sandbox) in a
 * <meta http-equiv> policy, so a meta tag would silently drop the clickjacking protection.
 */
type Directives = Record<string, readonly string[]>;

export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  // 'wasm-unsafe-eval' lets the site search (Pagefind, /search/) compile its own WebAssembly module,
  // loaded from /pagefind/ on this site. It allows WebAssembly compilation only: eval(), new Function()
  // and inline scripts stay blocked ('unsafe-eval' and 'unsafe-inline' are not in the policy).
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
} as const satisfies Directives;

function serialise(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The policy as one header value: `default-src 'self'; script-src 'self'; …`. */
export const CONTENT_SECURITY_POLICY = serialise(CSP_DIRECTIVES);

/**
 * The chart embed pages (/embed/…) exist to be framed by the portal's articles: the same policy, except
 * that frame-ancestors also names the portal origins. Those are a deployment setting.
 */
export function embedContentSecurityPolicy(portalOrigins: readonly string[]): string {
  return serialise({ ...CSP_DIRECTIVES, 'frame-ancestors': ["'self'", ...portalOrigins] });
}

/** The placeholder portal origin the deployment files use; replaced with the real one(s) on deployment. */
export const EXAMPLE_PORTAL_ORIGIN = 'https://www.example.gov.cn';
