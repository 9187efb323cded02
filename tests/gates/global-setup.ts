/**
 * Once per `npm test`: build the real site into dist/ and again for the portal base path (BASE_PATH) into
 * a cache folder (SKIP_BUILD=1 tests both builds as they are), serve dist/ with the production CSP
 * header, and start one Chromium (tests/support/browser.ts) that every test file connects to, while the
 * site builds. Test files get it all through inject('gates').
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { CONTENT_SECURITY_POLICY } from '../../src/security/csp.ts';
import { launchBrowserServer } from '../support/browser.ts';
import { serveStatic } from '../support/server.ts';
import { BASE_BUILD_DIR, PORTAL_BASE, ROOT, buildForBase, buildSite } from './real-site.ts';

export interface GatesContext {
  /** dist/, freshly built. */
  dist: string;
  /** The site built for `base` (BASE_PATH), in a cache folder (BASE_BUILD_DIR). */
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
  // The browser starts (unpacking the npm Chromium on a fresh machine) while the site builds.
  const launching = launchBrowserServer();
  launching.catch(() => {});
  let baseDist = BASE_BUILD_DIR;
  try {
    if (process.env['SKIP_BUILD'] === '1' && existsSync(path.join(baseDist, 'index.html'))) {
      console.log(`[gates] SKIP_BUILD=1: testing dist/ and the ${PORTAL_BASE} build as they are`);
    } else {
      if (process.env['SKIP_BUILD'] !== '1') {
        console.log('[gates] building the site: node scripts/build.ts');
        await buildSite();
      }
      // After the first build, never beside it: the two share the chart picture cache, which the first fills.
      console.log(`[gates] building the site for ${PORTAL_BASE} into ${path.relative(ROOT, baseDist)}`);
      baseDist = await buildForBase(PORTAL_BASE, BASE_BUILD_DIR);
    }
  } catch (error) {
    await (await launching.catch(() => undefined))?.close();
    throw error;
  }
  const [browserServer, server] = await Promise.all([launching, serveStatic(dist, { headers: { 'content-security-policy': CONTENT_SECURITY_POLICY } })]);
  console.log(`[gates] ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  project.provide('gates', { dist, baseDist, base: PORTAL_BASE, siteUrl: server.url, wsEndpoint: browserServer.wsEndpoint() });

  return async () => {
    await Promise.allSettled([browserServer.close(), server.close()]);
  };
}
