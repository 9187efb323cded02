/**
 * What the gates need to know about the real site (and nothing else does): how to build it, its public
 * URL, the base path a portal hosts it under, and the blocks that must be visible without JavaScript.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { childEnv } from '../support/env.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The sub-path a portal hosts the microsite under; the links gate checks a build for it. */
export const PORTAL_BASE = '/zt/nantang/';

export const BUDGETS_FILE = path.join(ROOT, 'budgets.json');

/**
 * Pages visited a second time with a query string, because their script only runs with one: the search
 * page loads Pagefind and searches. Each is a page of its own for the browser gates and the budgets.
 */
export const QUERY_VISITS = ['/search/?q=工作'];

export const SCREENSHOTS_DIR = path.join(ROOT, 'test-results/screenshots');

/** The site's own public URL (content/site.yaml), so the canonical links are checked too. */
export function siteUrls(): string[] {
  const contentDir = path.resolve(ROOT, process.env['CONTENT_DIR'] ?? 'content');
  const site = parse(readFileSync(path.join(contentDir, 'site.yaml'), 'utf8')) as { publicUrl?: string };
  return site.publicUrl ? [site.publicUrl] : [];
}

/** With JavaScript off these must still be present and visible (beyond <main>, its text and tables). */
export function requireVisible(pagePath: string): string[] {
  // An embedded chart is a figure without site chrome; every other page has its heading.
  if (pagePath.startsWith('/embed/')) return ['main figure', 'main figcaption'];
  const required = ['main h1'];
  // The report overview carries the disclosure metadata (索引号, 发布机构…).
  if (/^\/reports\/[^/]+\/$/.test(pagePath)) required.push('section.meta-block');
  return required;
}

/**
 * `node scripts/build.ts` with the project's Node; rejects with the build's output when it fails. A
 * child process, so the caller can start the browser meanwhile.
 */
export function buildSite(env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/build.ts')], { cwd: ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`node scripts/build.ts failed (${JSON.stringify(env)}):\n${output}`))));
  });
}

/** Where `npm test` keeps the build for the portal base path (a cache folder, rebuilt on every run but SKIP_BUILD=1). */
export const BASE_BUILD_DIR = path.join(ROOT, 'node_modules/.cache/report-microsite/gates/base-dist');

/** Builds the real site for a base path into `out` (default: a fresh temporary folder) and returns the folder. */
export async function buildForBase(base = PORTAL_BASE, out = path.join(mkdtempSync(path.join(os.tmpdir(), 'report-gates-')), 'dist')): Promise<string> {
  mkdirSync(path.dirname(out), { recursive: true });
  await buildSite({ OUT_DIR: out, BASE_PATH: base });
  return out;
}
