/**
 * A static file server for the built site, as a portal's web server would serve it: under an optional
 * base path, index.html for directories, 404.html for misses, the production security headers
 * (src/security/headers.ts: nosniff, Referrer-Policy) on every response, optional extra response headers
 * (CSP). The content types are those of the nginx snippet (deploy/nginx.conf; tests/security/nginx.test.ts
 * compares them), so nosniff here blocks what it would block in production.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SECURITY_HEADERS } from '../../src/security/headers.ts';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pf_meta': 'application/octet-stream',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  url: string;
  origin: string;
  close(): Promise<void>;
}

export async function serveStatic(
  root: string,
  { base = '/', headers = {}, port = 0 }: { base?: string; headers?: Record<string, string>; port?: number } = {},
): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!pathname.startsWith(base)) return notFound();
    let file = path.join(root, pathname.slice(base.length));
    if (!file.startsWith(root)) return notFound();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return notFound();
    res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', ...SECURITY_HEADERS, ...headers });
    createReadStream(file).pipe(res);

    function notFound() {
      const page = path.join(root, '404.html');
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS, ...headers });
      if (existsSync(page)) createReadStream(page).pipe(res);
      else res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: `${origin}${base}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // A browser that is still open keeps idle keep-alive connections: they must not hold the close up.
        server.closeAllConnections();
      }),
  };
}
