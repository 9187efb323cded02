/**
 * deploy/nginx.conf, run: real nginx (the Debian package; .ci/run installs it) serves the built site with
 * the location blocks of deploy/nginx-site.example.conf, which include the snippet verbatim — once at the
 * root of a host (dist/) and once under the portal sub-path /zt/nantang/ (the base-path build). Plain HTTP
 * requests then check what an audit of the deployed site would: every header of src/security/headers.ts
 * on every kind of file (the embed policy on the embed pages only), gzip on text, a year's cache for the
 * hashed /_astro/ files and no-cache for the rest, the site's 404 page with status 404 for a missing
 * address, relative redirects, and the same content types as the test server (tests/support/server.ts).
 *
 * nginx runs in the foreground (daemon off), as a child of this test, on free loopback ports, with its
 * prefix, pid, logs and temp folders in a temporary folder, and is stopped afterwards
 * (tests/support/nginx.ts, which the Lighthouse bench uses too).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CACHE_CONTROL, responseHeaders } from '../../src/security/headers.ts';
import { listFiles, listPages, sitePathOf } from '../gates/lib/site.ts';
import { freePorts, startNginx, type Nginx } from '../support/nginx.ts';
import { CONTENT_TYPES } from '../support/server.ts';

const gates = inject('gates');
const SNIPPET = path.resolve('deploy/nginx.conf');
const EXAMPLE = path.resolve('deploy/nginx-site.example.conf');

/** A location block of the example server config, uncommented, serving from `root` with the snippet here. */
function exampleLocation(pattern: string, root: string): string {
  const text = readFileSync(EXAMPLE, 'utf8');
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.replace(/^#/, '').trim().startsWith(`location ${pattern} {`));
  if (start < 0) throw new Error(`${path.relative('.', EXAMPLE)} has no "location ${pattern} {" block (the test runs its location blocks)`);
  const block: string[] = [];
  for (const line of lines.slice(start)) {
    const code = line.replace(/^# ?/, '');
    block.push(code);
    if (code.trim() === '}') break;
  }
  const config = block.join('\n');
  expect(config, 'the example location serves from a root folder and includes the snippet').toMatch(/\n\s*root \S+;[\s\S]*\n\s*include \/etc\/nginx\/snippets\/report-microsite\.conf;/);
  return config.replace(/(\n\s*root )\S+;/, `$1${root};`).replace('/etc/nginx/snippets/report-microsite.conf', SNIPPET);
}

interface Site {
  name: string;
  base: string;
  dist: string;
  origin: string;
}

let nginx: Nginx | undefined;
const sites: Site[] = [];

beforeAll(async () => {
  // The sub-path build where the example puts it: <root>/zt/nantang/ (a link, nothing is copied).
  const www = mkdtempSync(path.join(tmpdir(), 'report-nginx-www-'));
  const subRoot = path.join(www, 'www');
  mkdirSync(path.join(subRoot, path.dirname(gates.base.replace(/\/$/, ''))), { recursive: true });
  symlinkSync(path.resolve(gates.baseDist), path.join(subRoot, gates.base.replace(/\/$/, '')));
  wwwDir = www;
  const [rootPort, subPort] = (await freePorts(2)) as [number, number];
  nginx = startNginx(
    [
      `server {
    listen 127.0.0.1:${rootPort};
    ${exampleLocation('/', path.resolve(gates.dist))}
  }`,
      `server {
    listen 127.0.0.1:${subPort};
    ${exampleLocation(`^~ ${gates.base}`, subRoot)}
  }`,
    ],
    { accessLog: true },
  );
  // Ready when both ports answer.
  for (const [port, name, base, dist] of [
    [rootPort, 'at the root', '/', gates.dist],
    [subPort, `under ${gates.base}`, gates.base, gates.baseDist],
  ] as const) {
    const origin = `http://127.0.0.1:${port}`;
    await nginx.ready(`${origin}${base}`);
    sites.push({ name, base, dist, origin });
  }
}, 30_000);

let wwwDir: string | undefined;
afterAll(async () => {
  await nginx?.stop();
  if (wwwDir) rmSync(wwwDir, { recursive: true, force: true });
});

async function get(site: Site, sitePath: string, headers: Record<string, string> = {}) {
  // Node's fetch unpacks gzip itself; content-encoding still says what was sent.
  const res = await fetch(`${site.origin}${site.base}${sitePath.slice(1)}`, { headers: { 'accept-encoding': 'gzip', ...headers }, redirect: 'manual' });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

/** The largest file of the site with this extension: big enough (over gzip_min_length) to be compressed. */
function largest(dist: string, ext: string): string {
  const files = listFiles(dist, [ext]).filter((f) => !f.endsWith('_headers'));
  if (files.length === 0) throw new Error(`no ${ext} file in ${dist}`);
  const file = files.reduce((a, b) => (statSync(b).size > statSync(a).size ? b : a));
  return sitePathOf(dist, file);
}

const TEXT = ['.html', '.css', '.js', '.json', '.svg', '.xml', '.csv'];

describe.each([
  { index: 0, name: 'at the root' },
  { index: 1, name: `under ${gates.base}` },
])('deploy/nginx.conf in real nginx, the site $name', ({ index }) => {
  const site = () => sites[index]!;
  const pageOf = (re: RegExp) => {
    const page = listPages(site().dist).find((p) => re.test(p.path));
    if (!page) throw new Error(`no page matching ${re} in ${site().dist}`);
    return page.path;
  };

  it('serves the site with every header of src/security/headers.ts on every kind of file', async () => {
    const paths = [
      '/',
      pageOf(/^\/reports\/[^/]+\/$/),
      pageOf(/^\/embed\/[^/]+\/[^/]+\/$/),
      '/help/embed/',
      '/search/',
      '/404.html',
      '/embed/loader.js',
      '/pagefind/pagefind.js',
      ...[...TEXT, '.png'].map((ext) => largest(site().dist, ext)),
      ...['.css', '.js'].map((ext) => listFiles(path.join(site().dist, '_astro'), [ext]).map((f) => sitePathOf(site().dist, f))[0]!),
    ];
    for (const sitePath of paths) {
      const res = await get(site(), sitePath);
      const where = `${site().name}: ${sitePath}`;
      expect(res.status, where).toBe(200);
      for (const [name, value] of Object.entries(responseHeaders(sitePath))) expect(res.headers.get(name), `${where} ${name}`).toBe(value);
      const ext = sitePath.endsWith('/') ? '.html' : path.extname(sitePath);
      expect(res.headers.get('content-type'), `${where} content-type`).toBe(CONTENT_TYPES[ext]);
    }
    // The embed pages name the portal in frame-ancestors; the help page about embedding does not.
    expect((await get(site(), pageOf(/^\/embed\/[^/]+\/[^/]+\/$/))).headers.get('content-security-policy')).toMatch(/frame-ancestors 'self' https:/);
    expect((await get(site(), '/help/embed/')).headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'$/);
  });

  it('compresses text (html, css, js, json, svg, xml, csv) with gzip, and sends the same bytes', async () => {
    for (const ext of TEXT) {
      const sitePath = largest(site().dist, ext);
      const res = await get(site(), sitePath);
      const where = `${site().name}: ${sitePath}`;
      expect(res.headers.get('content-encoding'), where).toBe('gzip');
      expect(res.headers.get('vary'), where).toMatch(/Accept-Encoding/i);
      const file = sitePath.endsWith('/') ? path.join(site().dist, sitePath, 'index.html') : path.join(site().dist, sitePath);
      expect(res.body.equals(readFileSync(file)), `${where}: the unpacked body is the file`).toBe(true);
    }
    // PNG is compressed already.
    expect((await get(site(), largest(site().dist, '.png'))).headers.get('content-encoding')).toBeNull();
  });

  it('caches the hashed /_astro/ files for a year, and has pages revalidated (a cheap 304)', async () => {
    const asset = listFiles(path.join(site().dist, '_astro'), ['.js']).map((f) => sitePathOf(site().dist, f))[0]!;
    expect((await get(site(), asset)).headers.get('cache-control')).toBe(CACHE_CONTROL.hashed);
    expect(CACHE_CONTROL.hashed).toMatch(/max-age=31536000/);
    const page = await get(site(), '/');
    expect(page.headers.get('cache-control')).toBe(CACHE_CONTROL.other);
    const etag = page.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await get(site(), '/', { 'if-none-match': etag! });
    expect(again.status).toBe(304);
  });

  it('answers a missing address with the site 404 page, status 404, with every header', async () => {
    const notFound = readFileSync(path.join(site().dist, '404.html'));
    for (const sitePath of ['/no-such-page/', '/reports/no-such-report/', '/_astro/no-such-file.js', '/embed/no/such/']) {
      const res = await get(site(), sitePath);
      const where = `${site().name}: ${sitePath}`;
      expect(res.status, where).toBe(404);
      expect(res.body.equals(notFound), `${where}: the body is 404.html`).toBe(true);
      expect(res.headers.get('content-type'), where).toBe(CONTENT_TYPES['.html']);
      // The 404 page is served from its own address, so it has that address's headers.
      for (const [name, value] of Object.entries(responseHeaders('/404.html'))) expect(res.headers.get(name), `${where} ${name}`).toBe(value);
    }
  });

  it('redirects a folder without its slash with a relative Location', async () => {
    const page = pageOf(/^\/reports\/[^/]+\/$/);
    const res = await get(site(), page.replace(/\/$/, ''));
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(`${site().base}${page.slice(1)}`);
  });
});
