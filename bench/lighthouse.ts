/**
 * `npm run bench:lighthouse`: Lighthouse mobile performance on one page of every page type, served as in
 * production — real nginx (Debian's package) with deploy/nginx.conf included verbatim (gzip on, the
 * production headers), the way tests/security/nginx.test.ts runs it.
 *
 *   npm run build && npm run bench:lighthouse
 *   npm run bench:lighthouse -- --runs 5 --types indicators,embed --dist dist
 *
 * It builds nothing: it serves the dist/ that is there (or --dist). Lighthouse 12.2.3 (a devDependency,
 * pinned) runs with its defaults for mobile: Moto G Power emulation, simulated throttling (slow 4G, 4×
 * CPU slowdown), performance category only. Chromium: CHROME_PATH if set, else Debian's /usr/bin/chromium
 * if installed, else the npm Chromium of the tests (tests/support/browser.ts), flags --headless
 * --no-sandbox --disable-gpu. Each page runs --runs times (default 3), one after the other; the report
 * gives the MEDIAN of each number over the runs (score, FCP, LCP, TBT, CLS, Speed Index, bytes
 * transferred, script bytes transferred).
 *
 * Simulated throttling multiplies the main-thread work Lighthouse measures on this machine: on a busy
 * machine (other builds, tests) TBT and the score get worse. The load average before and after is
 * recorded with the results. Target (issue 16): performance ≥ 95 on every page type.
 *
 * Results: printed, and written to bench/results/lighthouse.md and lighthouse.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, chromiumLaunchOptions } from '../tests/support/browser.ts';
import { freePort, startNginx } from '../tests/support/nginx.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    types: { type: 'string' },
    dist: { type: 'string', default: 'dist' },
    out: { type: 'string', default: path.join(root, 'bench/results') },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('npm run bench:lighthouse -- [--runs 3] [--types home,indicators,…] [--dist dist] [--out bench/results]');
  process.exit(0);
}
const runs = Math.max(1, Number(values.runs));
const dist = path.resolve(root, values.dist);
const TARGET = 95;

// ---------------------------------------------------------------------------------------------------
// One page of every page type, found in the built folder

function firstDir(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()[0];
}

function pageTypes(): { type: string; path: string }[] {
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error(`${path.relative(root, dist) || dist}/index.html is missing: run npm run build first (this bench builds nothing)`);
  const report = firstDir(path.join(dist, 'reports'));
  const town = firstDir(path.join(dist, 'towns'));
  const embedReport = firstDir(path.join(dist, 'embed'));
  const embedChart = embedReport ? firstDir(path.join(dist, 'embed', embedReport)) : undefined;
  const r = (p: string) => `/reports/${report}/${p}`;
  const candidates = [
    { type: 'home', path: '/' },
    { type: 'town', path: `/towns/${town}/` },
    { type: 'overview', path: r('') },
    { type: 'indicators', path: r('indicators/') },
    { type: 'projects', path: r('projects/') },
    { type: 'part', path: r('part-1/') },
    { type: 'plan', path: r('plan/') },
    { type: 'promises', path: r('promises/') },
    { type: 'fulltext', path: r('fulltext/') },
    { type: 'infographic', path: r('infographic/') },
    // With a query, as a reader arrives from the header's search box: Pagefind loads and searches.
    { type: 'search', path: '/search/?q=工作' },
    { type: 'help/embed', path: '/help/embed/' },
    { type: 'embed', path: `/embed/${embedReport}/${embedChart}/` },
    // Asked for by its own name (status 200): Lighthouse refuses to audit a page answered with 404.
    { type: '404', path: '/404.html' },
  ];
  const exists = (p: string) => {
    const file = p.split('?')[0]!;
    return existsSync(path.join(dist, file.endsWith('/') ? `${file}index.html` : file));
  };
  const wanted = values.types?.split(',').map((t) => t.trim());
  return candidates.filter((c) => !c.path.includes('undefined') && exists(c.path) && (!wanted || wanted.includes(c.type)));
}

// ---------------------------------------------------------------------------------------------------
// nginx with deploy/nginx.conf (tests/support/nginx.ts, as tests/security/nginx.test.ts runs it)

async function serveWithNginx(siteRoot: string): Promise<{ origin: string; stop: () => Promise<void> }> {
  const port = await freePort();
  // The location block of deploy/nginx-site.example.conf for a site at the root of its host.
  const nginx = startNginx([
    `server {
    listen 127.0.0.1:${port};
    location / {
      root ${siteRoot};
      error_page 404 /404.html;
      include ${path.join(root, 'deploy/nginx.conf')};
    }
  }`,
  ]);
  const origin = `http://127.0.0.1:${port}`;
  try {
    await nginx.ready(`${origin}/`, (r) => r.ok);
    // Compression really on, or the numbers are not those of the deployed site.
    const probe = await fetch(`${origin}/`, { headers: { 'accept-encoding': 'gzip' } });
    if (probe.headers.get('content-encoding') !== 'gzip') throw new Error('nginx did not gzip the home page: deploy/nginx.conf not in effect?');
  } catch (error) {
    await nginx.stop();
    throw error;
  }
  return { origin, stop: () => nginx.stop() };
}

// ---------------------------------------------------------------------------------------------------
// Lighthouse

interface Run {
  score: number | null;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  si: number;
  transfer: number;
  scriptTransfer: number;
  error?: string;
}

async function chromePath(): Promise<{ path: string; env?: Record<string, string> }> {
  if (process.env['CHROME_PATH']) return { path: process.env['CHROME_PATH'] };
  if (existsSync('/usr/bin/chromium')) return { path: '/usr/bin/chromium' };
  const launch = await chromiumLaunchOptions();
  return { path: launch.executablePath!, env: launch.env as Record<string, string> };
}

const numeric = (lhr: { audits: Record<string, { numericValue?: number }> }, id: string) => lhr.audits[id]?.numericValue ?? NaN;

async function audit(url: string, port: number): Promise<Run> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`no Lighthouse result for ${url}`);
  const summary = (lhr.audits['resource-summary']?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined)?.items ?? [];
  const error = lhr.runtimeError?.message ?? lhr.runWarnings?.join('; ');
  return {
    score: lhr.categories['performance']?.score === null || lhr.categories['performance']?.score === undefined ? null : Math.round(lhr.categories['performance'].score * 100),
    fcp: numeric(lhr, 'first-contentful-paint'),
    lcp: numeric(lhr, 'largest-contentful-paint'),
    tbt: numeric(lhr, 'total-blocking-time'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    si: numeric(lhr, 'speed-index'),
    transfer: numeric(lhr, 'total-byte-weight'),
    scriptTransfer: summary.find((i) => i.resourceType === 'script')?.transferSize ?? 0,
    ...(error ? { error } : {}),
  };
}

const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

// ---------------------------------------------------------------------------------------------------

const pages = pageTypes();
const loadAtStart = os.loadavg().map((x) => x.toFixed(2)).join(' ');
const started = new Date();
const server = await serveWithNginx(dist);
// nginx is stopped whatever happens next, a browser that fails to start included.
const launch = async () => {
  const chrome = await chromePath();
  const launched = await chromeLauncher.launch({
    chromePath: chrome.path,
    chromeFlags: [...new Set([...CHROMIUM_ARGS, '--headless', '--no-sandbox', '--disable-gpu'])],
    ...(chrome.env ? { envVars: chrome.env } : {}),
    logLevel: 'silent',
  });
  return { chrome, launched };
};
const { chrome, launched } = await launch().catch(async (error: unknown) => {
  await server.stop();
  throw error;
});
const chromeVersion = spawnSync(chrome.path, ['--version'], { encoding: 'utf8' }).stdout.trim() || chrome.path;
const results: { type: string; path: string; runs: Run[] }[] = [];
try {
  for (const page of pages) {
    const url = `${server.origin}${encodeURI(page.path)}`;
    const done: Run[] = [];
    for (let i = 0; i < runs; i++) {
      const run = await audit(url, launched.port).catch((e: Error) => ({ score: null, fcp: NaN, lcp: NaN, tbt: NaN, cls: NaN, si: NaN, transfer: NaN, scriptTransfer: NaN, error: e.message }));
      done.push(run);
      console.log(`${page.type.padEnd(12)} ${page.path}  run ${i + 1}: ${run.score ?? 'error'}  LCP ${run.lcp.toFixed(0)} ms  TBT ${run.tbt.toFixed(0)} ms  CLS ${run.cls.toFixed(3)}${run.error ? `  (${run.error})` : ''}`);
    }
    results.push({ ...page, runs: done });
  }
} finally {
  await launched.kill();
  await server.stop();
}

const kb = (b: number) => (Number.isFinite(b) ? `${(b / 1024).toFixed(1)} KB` : '—');
const ms = (x: number) => (Number.isFinite(x) ? `${Math.round(x)} ms` : '—');
const rows = results.map((r) => {
  const scores = r.runs.map((x) => x.score).filter((x): x is number => x !== null);
  const m = (f: (x: Run) => number) => median(r.runs.map(f));
  return {
    type: r.type,
    path: r.path,
    score: scores.length ? median(scores) : NaN,
    scores: r.runs.map((x) => x.score),
    fcp: m((x) => x.fcp),
    lcp: m((x) => x.lcp),
    tbt: m((x) => x.tbt),
    cls: m((x) => x.cls),
    si: m((x) => x.si),
    transfer: m((x) => x.transfer),
    scriptTransfer: m((x) => x.scriptTransfer),
    errors: [...new Set(r.runs.map((x) => x.error).filter(Boolean))],
  };
});
const lines = [
  '# Lighthouse mobile performance',
  '',
  `\`npm run bench:lighthouse\` (bench/lighthouse.ts), ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC: Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, default mobile emulation and simulated throttling, performance only; ${chromeVersion}; ${path.relative(root, dist) || dist}/ served by nginx with deploy/nginx.conf (gzip on); ${runs} run${runs === 1 ? '' : 's'} per page, the median of each number. Machine: ${os.cpus().length} cores, load average ${loadAtStart} at the start, ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} at the end (a busy machine lengthens TBT and lowers the score). Target: ≥ ${TARGET} on every page type.`,
  '',
  '| page type | page | score (runs) | FCP | LCP | TBT | CLS | Speed Index | transferred | of which script |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.type} | \`${r.path}\` | ${Number.isFinite(r.score) ? `${r.score}${r.score < TARGET ? ' ✗' : ''}` : 'error'} (${r.scores.map((s) => s ?? '—').join(', ')}) | ${ms(r.fcp)} | ${ms(r.lcp)} | ${ms(r.tbt)} | ${Number.isFinite(r.cls) ? r.cls.toFixed(3) : '—'} | ${ms(r.si)} | ${kb(r.transfer)} | ${kb(r.scriptTransfer)} |`,
  ),
  '',
  `Below ${TARGET}: ${rows.filter((r) => !(r.score >= TARGET)).map((r) => r.type).join(', ') || 'none'}.`,
  ...rows.filter((r) => r.errors.length).map((r) => `\n${r.type}: ${r.errors.join('; ')}`),
];
const report = lines.join('\n');
console.log(`\n${report}`);
mkdirSync(values.out, { recursive: true });
writeFileSync(path.join(values.out, 'lighthouse.md'), `${report}\n`);
writeFileSync(path.join(values.out, 'lighthouse.json'), `${JSON.stringify({ started: started.toISOString(), runs, chrome: chromeVersion, loadAtStart, rows, results }, null, 2)}\n`);
console.log(`\n结果已写入 ${path.relative(root, values.out)}/lighthouse.md 和 lighthouse.json`);
process.exitCode = rows.every((r) => r.score >= TARGET) ? 0 : 1;
