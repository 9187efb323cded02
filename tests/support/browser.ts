/**
 * The tests' Chromium, driven by playwright-core: by default the one that `npm ci` installs
 * (@sparticuz/chromium ships a headless Chromium inside its npm package and unpacks it into the temporary
 * folder on first use), with the CJK font that is an npm dependency too (@embedpdf/fonts-sc), so that
 * `npm ci && npm test` needs nothing from apt for the browser. CHROMIUM_PATH=/usr/bin/chromium uses
 * Debian's Chromium instead (an empty CHROMIUM_PATH counts as unset). Both read the fonts through the
 * fontconfig file written here, never the machine's fonts, so pages render the same on every machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sparticuz from '@sparticuz/chromium';
import { chromium, type Browser, type BrowserServer, type LaunchOptions } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Debian's (or any other) Chromium, when set and not empty. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] || undefined;

/** The flags every run needs, whichever Chromium it is. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/**
 * @sparticuz/chromium's recommended flags, less those that would change what the tests check: it turns
 * off the same-origin policy and site isolation (--disable-web-security, --allow-running-insecure-content,
 * --disable-site-isolation-trials, IsolateOrigins/site-per-process), which the embed and CSP tests rely
 * on; its --single-process (for AWS Lambda's sandbox) would put every page of the shared browser in one
 * process; its --headless='shell' is our --headless; GPU flags give way to our --disable-gpu.
 */
const DROPPED = /^--(?:disable-web-security|allow-running-insecure-content|disable-site-isolation-trials|single-process|headless|disable-features|enable-unsafe-swiftshader|use-gl|use-angle|ignore-gpu-blocklist|in-process-gpu)\b/;

export function sparticuzArgs(): string[] {
  return sparticuz.args.filter((arg) => !DROPPED.test(arg));
}

/** The folder of the CJK font installed by `npm ci` (Noto Sans S Chinese, OpenType). */
export function cjkFontDir(): string {
  return path.join(path.dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts');
}

/**
 * A fontconfig file naming only the npm fonts: the CJK font, and the Latin font (Open Sans) that
 * @sparticuz/chromium unpacks into <tmp>/fonts. Generic families map to them, CJK first for sans-serif
 * and serif, so Chinese text never falls back to a missing-glyph box.
 */
function fontConfigFile(): string {
  const dir = path.join(ROOT, 'node_modules/.cache/report-microsite/fonts');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'fonts.conf');
  const cjk = 'Noto Sans S Chinese';
  const alias = (family: string) => `  <alias><family>${family}</family><prefer><family>Open Sans</family><family>${cjk}</family></prefer></alias>`;
  writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<!-- Written by tests/support/browser.ts for the tests' Chromium: the fonts that come with npm ci. -->
<fontconfig>
  <dir>${cjkFontDir()}</dir>
  <dir>${path.join(tmpdir(), 'fonts')}</dir>
  <cachedir>${path.join(dir, 'cache')}</cachedir>
${['sans-serif', 'serif', 'monospace', 'system-ui'].map(alias).join('\n')}
</fontconfig>
`,
  );
  return file;
}

let launchOptions: Promise<LaunchOptions> | undefined;

/** The executable, flags and environment for launching: worked out once per process. */
export function chromiumLaunchOptions(): Promise<LaunchOptions> {
  launchOptions ??= (async () => {
    // Unpacks Chromium into the temporary folder on first use (a few seconds), and Open Sans into <tmp>/fonts.
    const executablePath = CHROMIUM_PATH ?? (await sparticuz.executablePath());
    const args = [...new Set([...(CHROMIUM_PATH ? [] : sparticuzArgs()), ...CHROMIUM_ARGS])];
    const env = { ...process.env, FONTCONFIG_FILE: fontConfigFile() } as Record<string, string>;
    return { executablePath, args, env };
  })();
  return launchOptions;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch(await chromiumLaunchOptions());
}

/** One browser for a whole test run: test files connect to it with connectBrowser(server.wsEndpoint()). */
export async function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer(await chromiumLaunchOptions());
}

export function connectBrowser(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint);
}
