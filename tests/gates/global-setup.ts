/**
 * Once per `npm test`: build the real site into dist/ (unless SKIP_BUILD=1), build it again for the
 * portal base path into a temporary folder, serve dist/ with the production CSP header, and start one
 * Chromium that every test file connects to. Test files get all of it through inject('gates').
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { CONTENT_SECURITY_POLICY } from '../../src/security/csp.ts';
import { launchBrowserServer } from '../support/browser.ts';
import { serveStatic } from '../support/server.ts';
import { PORTAL_BASE, ROOT, buildForBase, buildSite } from './real-site.ts';

export interface GatesContext {
  /** dist/, freshly built. */
  dist: string;
  /** The site built for `base` (BASE_PATH), in a temporary folder. */
  baseDist: string;
  base: string;
  /** dist/ served with the production CSP header, ending in `/`. */
  siteUrl: string;
  /** The shared Chromium: chromium.connect(wsEndpoint). */
  wsEndpoint: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    gates: GatesContext;
  }
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  const dist = path.join(ROOT, 'dist');
  if (process.env['SKIP_BUILD'] === '1') {
    console.log('[gates] SKIP_BUILD=1: testing dist/ as it is');
  } else {
    console.log('[gates] building the site: node scripts/build.ts');
    buildSite();
  }
  console.log(`[gates] building the site for ${PORTAL_BASE} into a temporary folder`);
  const baseDist = buildForBase(PORTAL_BASE);
  const [browserServer, server] = await Promise.all([launchBrowserServer(), serveStatic(dist, { headers: { 'content-security-policy': CONTENT_SECURITY_POLICY } })]);
  console.log(`[gates] ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  project.provide('gates', { dist, baseDist, base: PORTAL_BASE, siteUrl: server.url, wsEndpoint: browserServer.wsEndpoint() });

  return async () => {
    await Promise.allSettled([browserServer.close(), server.close()]);
    rmSync(path.dirname(baseDist), { recursive: true, force: true });
  };
}
