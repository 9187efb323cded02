/**
 * The gates that need a browser: axe-core accessibility, reflow at 320 px, keyboard reachability and
 * focus indicators, the CSP (securitypolicyviolation events), requests to other origins, console errors,
 * JavaScript switched off, the assets a page really loads; and screenshots.
 *
 * visitPage() runs them all in one visit of a page (and one load with JavaScript off), given a connected
 * Browser and the page (its site path and full URL on a server that sends the production CSP header), and
 * returns the findings with what else the visit saw (charts, loaded assets); nothing here knows about the
 * real site.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Finding, GateName } from './findings.ts';
import { CLIP_TOLERANCE_PX, LAYOUT_SCRIPT, layoutFindings, MIN_TEXT_PX, type ChartMeasure, type FigureTextMeasure, type LayoutMeasure, type ShiftMeasure } from './layout.ts';
import { normaliseBase } from './site.ts';

export interface PageTarget {
  /** Path inside the site without the base (`/reports/x/`), as findings name it. */
  path: string;
  /** Full URL on the test server. */
  url: string;
}

export type TextSize = 'large';

/** The WCAG levels a government site is audited against. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// ---------------------------------------------------------------------------------------------
// Opening a page

interface OpenOptions {
  width?: number;
  height?: number;
  javaScript?: boolean;
}

/** Helpers defined in the page (a string, so nothing of the test runner's transforms leaks in). */
const HELPERS = String.raw`
window.__gate = {
  path(el) {
    if (!(el instanceof Element)) return String(el);
    const parts = [];
    for (let node = el; node && node.nodeType === 1 && node !== document.documentElement; node = node.parentElement) {
      if (node.id && document.querySelectorAll('#' + CSS.escape(node.id)).length === 1) { parts.unshift('#' + CSS.escape(node.id)); break; }
      let part = node.localName;
      const parent = node.parentElement;
      if (parent) {
        const same = [...parent.children].filter((c) => c.localName === node.localName);
        if (same.length > 1) part += ':nth-of-type(' + (same.indexOf(node) + 1) + ')';
      }
      parts.unshift(part);
    }
    return parts.join(' > ') || el.localName;
  },
  snippet(el, max = 200) {
    if (!(el instanceof Element)) return '';
    const html = el.outerHTML;
    const start = html.slice(0, html.indexOf('>') + 1);
    const text = (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60);
    const out = start + (text && !/^<(script|style)/.test(start) ? text + '…' : '');
    return out.length > max ? out.slice(0, max) + '…' : out;
  },
  visible(el) {
    if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  },
};
true;
`;

/**
 * One tab per kind of visit (width, JavaScript on/off) per browser, reused from page to page by the
 * screenshots: opening a tab costs more than loading a page of this site. Each visit navigates. The page
 * visits of the gates (visitPage) open a fresh tab each, so every request is seen and visits can run side
 * by side.
 */
const tabs = new WeakMap<Browser, Map<string, Promise<{ context: BrowserContext; page: Page }>>>();

async function open(browser: Browser, options: OpenOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const key = JSON.stringify([options.width ?? 1280, options.height ?? 900, options.javaScript ?? true]);
  let pool = tabs.get(browser);
  if (!pool) {
    pool = new Map();
    tabs.set(browser, pool);
  }
  let tab = pool.get(key);
  if (!tab) {
    tab = newTab(browser, options);
    pool.set(key, tab);
    tab.catch(() => pool.delete(key));
  }
  const opened = await tab;
  if (opened.page.isClosed()) {
    pool.delete(key);
    return open(browser, options);
  }
  return opened;
}

async function newTab(browser: Browser, options: OpenOptions): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    javaScriptEnabled: options.javaScript ?? true,
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
  });
  // Records CSP violations from the first moment of every document.
  await context.addInitScript(() => {
    const store: unknown[] = [];
    Object.defineProperty(window, '__cspViolations', { value: store });
    document.addEventListener('securitypolicyviolation', (e) => {
      store.push({ directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile, line: e.lineNumber });
    });
  });
  const page = await context.newPage();
  return { context, page };
}

async function load(page: Page, target: PageTarget): Promise<void> {
  const response = await page.goto(target.url, { waitUntil: 'load' });
  const status = response?.status() ?? 0;
  if (status >= 400 && !target.path.endsWith('404.html')) throw new Error(`${target.url} answered HTTP ${status}`);
  await page.evaluate(HELPERS);
}

/** Elements that load only when scrolled into view (charts draw with chart.js only when touched: see visitPage). */
const ON_VIEW = 'img[loading="lazy"], iframe[loading="lazy"]';

/**
 * Brings everything that loads on view (lazy pictures and frames) into view, waits for the fonts, and
 * goes back to the top. `full` scrolls through the whole page instead, a screen at a
 * time, for visits that must see every lazy load (the requests a page makes, screenshots).
 */
async function settle(page: Page, { full = false }: { full?: boolean } = {}): Promise<void> {
  await page.evaluate(
    async ({ full, onView }) => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      if (full) {
        const step = Math.max(200, window.innerHeight - 50);
        for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
          window.scrollTo(0, y);
          await frame();
        }
      } else {
        for (const el of document.querySelectorAll(onView)) {
          el.scrollIntoView({ block: 'center' });
          await frame();
        }
      }
      window.scrollTo(0, 0);
      await frame();
    },
    { full, onView: ON_VIEW },
  );
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

type Listen = Page['on'];

/**
 * Runs a visit in the tab for these options. `listen` registers page event handlers that are removed
 * after the visit. `fresh` opens a tab of its own (closed after), for visits that record every request:
 * a reused tab would serve some from its cache.
 */
async function withPage<T>(browser: Browser, options: OpenOptions & { fresh?: boolean }, fn: (page: Page, listen: Listen) => Promise<T>): Promise<T> {
  const { context, page } = options.fresh ? await newTab(browser, options) : await open(browser, options);
  const registered: [string, (...args: never[]) => void][] = [];
  const listen = ((event: string, handler: (...args: never[]) => void) => {
    registered.push([event, handler]);
    return (page.on as (e: string, h: (...args: never[]) => void) => Page)(event, handler);
  }) as Listen;
  try {
    return await fn(page, listen);
  } finally {
    for (const [event, handler] of registered) (page.off as (e: string, h: (...args: never[]) => void) => Page)(event, handler);
    if (options.fresh) await context.close();
  }
}

/** The variant of the axe findings made in high-contrast mode: "default text, high contrast". */
export const HIGH_CONTRAST = 'high contrast';
const variantOf = (textSize: TextSize | undefined, extra?: string) => [textSize ? `${textSize} text` : 'default text', extra].filter(Boolean).join(', ');

// ---------------------------------------------------------------------------------------------
// Accessibility: axe-core

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
}

/** axe-core on a loaded page, as it is now (its text size named by `textSize`, anything else by `extra`). */
async function axeOn(page: Page, target: PageTarget, textSize: TextSize | undefined, extra?: string): Promise<Finding[]> {
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
    const violations = await page.evaluate(async (tags) => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; helpUrl: string; nodes: { target: unknown[]; html: string; failureSummary?: string }[] }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), html: n.html, summary: n.failureSummary ?? '' })),
      }));
    }, [...AXE_TAGS]) as AxeViolation[];
    return violations.flatMap((v) =>
      v.nodes.map((n) => ({
        gate: 'axe' as const,
        page: target.path,
        rule: v.id,
        variant: variantOf(textSize, extra),
        message: `${v.help} [${v.impact ?? 'n/a'}] ${n.summary.replace(/\s+/g, ' ')} — ${v.helpUrl.replace(/\?.*$/, '')}`,
        target: n.target,
        snippet: n.html,
      })),
    );
}

// ---------------------------------------------------------------------------------------------
// Reflow: no horizontal scrolling at 320 CSS px (WCAG 1.4.10)

/** Sideways scrolling of a loaded page in its current window (`width` CSS px wide) and text size. */
async function reflowOn(page: Page, target: PageTarget, width: number, textSize: TextSize | undefined): Promise<Finding[]> {
    const result = await page.evaluate(() => {
      const gate = (window as unknown as { __gate: { path(e: Element): string; snippet(e: Element): string } }).__gate;
      const scrollWidth = document.documentElement.scrollWidth;
      // The width the page has without scrolling: the window less a vertical scrollbar, when one takes room.
      const viewport = document.documentElement.clientWidth;
      if (scrollWidth <= viewport) return { scrollWidth, viewport, culprits: [] };
      const clips = (el: Element) => {
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
          const o = getComputedStyle(a).overflowX;
          if (o !== 'visible' && o !== 'clip') return true;
        }
        return false;
      };
      const wide = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > viewport + 0.5 && !clips(el));
      const innermost = wide.filter((el) => !wide.some((other) => other !== el && el.contains(other)));
      return {
        scrollWidth,
        viewport,
        culprits: innermost.slice(0, 5).map((el) => ({ selector: gate.path(el), snippet: gate.snippet(el), right: Math.round(el.getBoundingClientRect().right) })),
      };
    });
    if (result.scrollWidth <= result.viewport) return [];
    const base = {
      gate: 'reflow' as const,
      page: target.path,
      rule: 'horizontal-scroll',
      variant: variantOf(textSize, `${width}px wide`),
    };
    if (result.culprits.length === 0) return [{ ...base, message: `the page is ${result.scrollWidth}px wide in a ${result.viewport}px window: readers must scroll sideways` }];
    return result.culprits.map((c) => ({
      ...base,
      message: `the page is ${result.scrollWidth}px wide in a ${result.viewport}px window: this element reaches ${c.right}px`,
      target: c.selector,
      snippet: c.snippet,
    }));
}

// ---------------------------------------------------------------------------------------------
// Keyboard: Tab reaches every visible control, and every focused control shows where focus is

const FOCUSABLE = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex="0"], [contenteditable=""], [contenteditable="true"]';

/** Tab through a loaded page (its window `width` CSS px wide): every visible control reached, each with a focus indicator, on screen. */
async function keyboardOn(page: Page, target: PageTarget, width: number, textSize: TextSize | undefined): Promise<Finding[]> {
    const candidates = await page.evaluate((selector) => {
      const gate = (window as unknown as { __gate: { path(e: Element): string; snippet(e: Element): string; visible(e: Element): boolean } }).__gate;
      const list = [...document.querySelectorAll(selector)].filter(
        (el) =>
          gate.visible(el) &&
          !(el as HTMLButtonElement).disabled &&
          !el.closest('[inert]') &&
          !(el.hasAttribute('tabindex') && Number(el.getAttribute('tabindex')) < 0) &&
          // a summary is a control only as the first summary of its details
          (el.localName !== 'summary' || el.parentElement?.querySelector(':scope > summary') === el),
      );
      (window as unknown as { __gateKeyboard: Element[] }).__gateKeyboard = list;
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
      return list.map((el) => ({ selector: gate.path(el), snippet: gate.snippet(el) }));
    }, FOCUSABLE);

    // Every focus change is logged in the page as it happens (style and position: the browser has
    // scrolled the element into view by then), so the Tab presses need no round trip each.
    await page.evaluate(() => {
      const w = window as unknown as { __gate: { path(e: Element): string; snippet(e: Element): string }; __gateKeyboard: Element[]; __gateFocusLog: unknown[] };
      const log: Record<string, unknown>[] = [];
      w.__gateFocusLog = log;
      const transparent = (c: string) => c === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(c);
      const onScreen = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < window.innerHeight && r.left < window.innerWidth;
      };
      document.addEventListener('focusin', (event) => {
        const el = event.target as Element;
        const style = getComputedStyle(el);
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && !transparent(style.outlineColor);
        const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
        const entry: Record<string, unknown> = {
          index: w.__gateKeyboard.indexOf(el),
          selector: w.__gate.path(el),
          snippet: w.__gate.snippet(el),
          indicator: outline || shadow,
          outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; box-shadow ${style.boxShadow}`,
          onScreen: onScreen(el),
        };
        log.push(entry);
      });
    });
    type Focus = { index: number; selector: string; snippet: string; indicator: boolean; outline: string; onScreen: boolean };
    const readLog = () =>
      page.evaluate(async () => {
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return (window as unknown as { __gateFocusLog: Focus[] }).__gateFocusLog;
      });
    // Tab until focus comes back to a control already seen (or leaves the page and stops moving).
    const maxPresses = candidates.length * 2 + 10;
    let presses = 0;
    let log: Focus[] = [];
    while (presses < maxPresses) {
      const batch = Math.min(candidates.length + 5, maxPresses - presses);
      for (let i = 0; i < batch; i++) await page.keyboard.press('Tab');
      presses += batch;
      const before = log.length;
      log = await readLog();
      if (new Set(log.map((f) => f.selector)).size < log.length || log.length === before) break;
    }

    const findings: Finding[] = [];
    const variant = variantOf(textSize, `${width}px wide`);
    const reached = new Set<number>();
    const seen = new Set<string>();
    for (const state of log) {
      if (seen.has(state.selector)) break; // wrapped around
      seen.add(state.selector);
      if (state.index >= 0) reached.add(state.index);
      if (!state.indicator) {
        findings.push({ gate: 'keyboard', page: target.path, rule: 'no-focus-indicator', variant, message: `focused by Tab but shows no focus outline (computed outline: ${state.outline})`, target: state.selector, snippet: state.snippet });
      }
      if (!state.onScreen) {
        findings.push({ gate: 'keyboard', page: target.path, rule: 'focus-off-screen', variant, message: 'focused by Tab but not on screen: the reader cannot see where focus is', target: state.selector, snippet: state.snippet });
      }
    }
    candidates.forEach((c, i) => {
      if (!reached.has(i)) {
        findings.push({ gate: 'keyboard', page: target.path, rule: 'not-reachable', variant, message: 'a visible control that pressing Tab never reaches', target: c.selector, snippet: c.snippet });
      }
    });
    // Focus leaves no trace for what comes after: nothing focused, back at the top.
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    return findings;
}

// ---------------------------------------------------------------------------------------------
// What a page does under the production CSP: violations, console errors, requests, what it loaded

interface Observation {
  cspHeader: string | null;
  violations: { directive: string; blocked: string; sample: string; source: string; line: number }[];
  consoleErrors: { text: string; location: string }[];
  pageErrors: string[];
  failedResponses: { url: string; status: number }[];
  requests: { url: string; type: string }[];
  undefinedElements: { selector: string; snippet: string }[];
  undrawnCharts: { selector: string; snippet: string }[];
  /** Visible text blocks of <main>, with their text (for comparing with JavaScript off). */
  blocks: { selector: string; snippet: string; text: string }[];
}

const BLOCKS = 'main, main :is(h1, h2, h3, h4, h5, h6, p, li, dt, dd, table, caption, th, td, figcaption, blockquote, pre, dl), .meta-block';

/** CSP gate: the page is served with the policy and breaks none of it, and its scripts really ran. */
function cspFindings(o: Observation, target: PageTarget, policy: string): Finding[] {
  const base = { gate: 'csp' as const, page: target.path };
  const findings: Finding[] = [];
  if (o.cspHeader !== policy) {
    findings.push({ ...base, rule: 'csp-header', message: `the test server did not send the production policy (got ${JSON.stringify(o.cspHeader)}), so this check proves nothing` });
  }
  for (const v of o.violations) {
    findings.push({
      ...base,
      rule: v.directive,
      message: `blocked by the Content-Security-Policy (${v.directive}): ${v.blocked === 'inline' ? 'an inline script or style (move it into a file the page loads)' : v.blocked || 'inline code'}${v.sample ? `: "${v.sample}"` : ''}`,
      target: `${v.source || target.url}${v.line ? `:${v.line}` : ''}`,
    });
  }
  // Workers report what the policy blocks in their own scope, never as an event in the page: their
  // errors and console messages still say so.
  for (const text of [...o.consoleErrors.map((e) => e.text), ...o.pageErrors]) {
    if (/Content[- ]Security[- ]Policy/i.test(text)) {
      findings.push({ ...base, rule: 'csp-blocked', message: `blocked by the Content-Security-Policy: ${text.trim()}` });
    }
  }
  for (const el of o.undefinedElements) {
    findings.push({ ...base, rule: 'custom-element-not-defined', message: 'this custom element was never defined: its script did not run', target: el.selector, snippet: el.snippet });
  }
  for (const el of o.undrawnCharts) {
    findings.push({ ...base, rule: 'chart-not-drawn', message: 'this chart was not drawn by chart.js after the pointer was over it', target: el.selector, snippet: el.snippet });
  }
  return findings;
}

/** The page's static markup must not carry a CSP meta tag: frame-ancestors is ignored there (it must be a header). */
export function checkCspMeta(path: string, html: string): Finding[] {
  return /<meta[^>]+http-equiv\s*=\s*["']?content-security-policy/i.test(html)
    ? [{ gate: 'csp', page: path, rule: 'csp-meta-tag', message: 'a <meta http-equiv="Content-Security-Policy"> tag: browsers ignore frame-ancestors there; send the policy as a header (deploy/nginx.conf, public/_headers)' }]
    : [];
}

/** Console gate, JavaScript on: no console errors, no uncaught exceptions, no failed loads. */
function consoleFindings(o: Observation, target: PageTarget): Finding[] {
  return [
    ...o.consoleErrors.map((e) => ({ gate: 'console' as const, page: target.path, rule: 'console-error', message: e.text, ...(e.location ? { target: e.location } : {}) })),
    ...o.pageErrors.map((e) => ({ gate: 'console' as const, page: target.path, rule: 'pageerror', message: `uncaught: ${e}` })),
    ...o.failedResponses.map((r) => ({ gate: 'console' as const, page: target.path, rule: 'failed-request', message: `${r.url} ${r.status ? `answered HTTP ${r.status}` : 'failed to load'}`, target: r.url })),
  ];
}

/** The runtime part of the self-contained gate: every request the page made went to its own origin. */
function requestFindings(o: Observation, target: PageTarget): Finding[] {
  const origin = new URL(target.url).origin;
  return o.requests
    .filter((r) => /^(?:https?|wss?):/i.test(r.url) && new URL(r.url).origin !== origin)
    .map((r) => ({ gate: 'external' as const, page: target.path, rule: 'external-request', message: `the page requested ${r.url} (${r.type}) from another origin`, target: r.url }));
}

/** The scripts and stylesheets the browser fetched for a page, after scrolling through it (site paths, without the base). */
function assetsOf(o: Observation, target: PageTarget, base: string): string[] {
  const origin = new URL(target.url).origin;
  const paths = o.requests
    .filter((r) => (r.type === 'script' || r.type === 'stylesheet') && r.url.startsWith(origin))
    .map((r) => new URL(r.url).pathname)
    .map((p) => (p.startsWith(base) ? `/${p.slice(base.length)}` : p));
  return [...new Set(paths)];
}

// ---------------------------------------------------------------------------------------------
// Layout as the reader meets it: fresh loads at 375 and 1280 px, in default and in large text
//
// Layout shift needs a load of its own for each width and text size: a shift is what happens while a
// page arrives, and resizing a loaded page measures something else. The cheapest honest way: beside the
// page's main visit (which keeps its one tab at 1280 px), four fresh contexts at once, one per width and
// text size, each loading the page once. A large-text context starts with the large-text choice stored
// exactly as the reader's click on 大 stores it (learnt once per site by clicking the button on the home
// page, see largeTextStorage()), so the page opens in large text as it does for a reader who chose it.
// Most of a load's time is waiting (the pauses below), so the four loads cost little more than one. Each
// load: navigation → load event → fonts ready → nothing aria-busy (up to 15 s) → 0.5 s → scrolled through
// once, a screen at a time (so what is placed or drawn on view counts) → 0.5 s; then the layout shift entries (without
// hadRecentInput) are summed, the charts' text measured, and the page checked for sideways scrolling
// (the reflow gate at that width). A window as wide as a phone's, not phone emulation: Chromium's
// mobile mode would zoom out a page that is too wide and so hide the sideways scrolling this measures.

/** The windows the layout is measured at (width × height in CSS px). */
export const LAYOUT_VIEWPORTS = [
  { width: 375, height: 812 },
  { width: 1280, height: 900 },
] as const;

/** The gates measured in the fresh loads (with reflow at the widths above). */
export const LAYOUT_GATES = ['cls', 'chart-clip', 'chart-text'] as const satisfies readonly GateName[];

const SETTLE_MS = 500;
/** The most one fresh load and its measuring may take (a busy machine takes a few seconds). */
const LOAD_DEADLINE_MS = 45_000;
/** Pause after each screen of the scroll, for what comes into view to load and draw. */
const SCROLL_PAUSE_MS = 60;

interface GateLayout {
  scrollThrough(pause: number): Promise<void>;
  cls(since?: number): ShiftMeasure;
  untouchedCharts(): number;
  charts(tolerance: number, minPx: number): { charts: ChartMeasure[]; pictures: { selector: string; title: string; src: string; width: number; height: number }[] };
  picture(svg: string, width: number, height: number, tolerance: number, minPx: number): Omit<ChartMeasure, 'selector' | 'title'> | null;
  figureText(minPx: number): FigureTextMeasure[];
  rootFontSize(): number;
  hasTextSizeControl(): boolean;
}

const largeText = new WeakMap<Browser, Map<string, Promise<Record<string, string> | null>>>();

/**
 * What the site stores when a reader clicks 大 (the large-text button, `[data-size="large"]`): learnt
 * once per site and browser by clicking it on the site's home page. null when the site has no such
 * button or it stores nothing (then a page with the button is a finding: the choice is not remembered).
 */
function largeTextStorage(browser: Browser, siteRoot: string): Promise<Record<string, string> | null> {
  let bySite = largeText.get(browser);
  if (!bySite) {
    bySite = new Map();
    largeText.set(browser, bySite);
  }
  let known = bySite.get(siteRoot);
  if (!known) {
    // Learnt once per run; a try that failed (a busy machine's timeout) is tried once more, and a second
    // failure fails the pages with its cause, rather than flagging each as not remembering large text.
    const learn = async (): Promise<Record<string, string> | null> => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
      context.setDefaultTimeout(20_000);
      try {
        const page = await context.newPage();
        await page.goto(siteRoot, { waitUntil: 'load' });
        const button = page.locator('[data-size="large"]').first();
        if ((await button.count()) === 0) return null;
        await button.click({ timeout: 5000 });
        await page.waitForFunction(() => localStorage.length > 0, undefined, { timeout: 5000 }).catch(() => undefined);
        const stored = await page.evaluate(() => {
          const out: Record<string, string> = {};
          for (let i = 0; i < localStorage.length; i++) {
            const key = localStorage.key(i)!;
            out[key] = localStorage.getItem(key) ?? '';
          }
          return out;
        });
        return Object.keys(stored).length ? stored : null;
      } finally {
        await context.close();
      }
    };
    known = learn().catch(() => learn()).catch((error: Error) => {
      throw new Error(`could not learn how ${siteRoot} stores the large-text choice (clicking 大 on its home page): ${error.message}`);
    });
    bySite.set(siteRoot, known);
  }
  return known;
}

const svgTexts = new Map<string, Promise<string>>();

/** One fresh load at this width and text size, settled and measured. */
async function measureLoad(page: Page, pictures: () => Promise<Page>, target: PageTarget, width: number, textSize: TextSize | undefined, reflow: boolean): Promise<{ measure: LayoutMeasure; touched: LayoutMeasure | undefined; reflow: Finding[]; hasControl: boolean }> {
  const response = await page.goto(target.url, { waitUntil: 'load' });
  const status = response?.status() ?? 0;
  if (status >= 400 && !target.path.endsWith('404.html')) throw new Error(`${target.url} answered HTTP ${status}`);
  await page.evaluate(HELPERS);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // A part the page says is still arriving (aria-busy, as the search results while Pagefind loads) is
  // waited for, up to 15 s: a reader sees it arrive at the top of the page, where it has room.
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 15_000 }).catch(() => undefined);
  await page.waitForTimeout(SETTLE_MS);
  await page.evaluate((pause) => (window as unknown as { __gateLayout: GateLayout }).__gateLayout.scrollThrough(pause), SCROLL_PAUSE_MS);
  await page.waitForTimeout(SETTLE_MS);
  const seen = await page.evaluate(
    ([tolerance, minPx]) => {
      const g = (window as unknown as { __gateLayout: GateLayout }).__gateLayout;
      return { cls: g.cls(), ...g.charts(tolerance, minPx), figureText: g.figureText(minPx), rootFontSize: g.rootFontSize(), hasControl: g.hasTextSizeControl() };
    },
    [CLIP_TOLERANCE_PX, MIN_TEXT_PX] as const,
  );
  const charts: ChartMeasure[] = [...seen.charts];
  for (const picture of seen.pictures) {
    let text = svgTexts.get(picture.src);
    if (!text) {
      text = page.context().request.get(picture.src).then((r) => r.text());
      svgTexts.set(picture.src, text);
      text.catch(() => svgTexts.delete(picture.src));
    }
    const svg = await text;
    const laidOut = await (await pictures()).evaluate(([svg, w, h, tolerance, minPx]) => (window as unknown as { __gateLayout: GateLayout }).__gateLayout.picture(svg, w, h, tolerance, minPx), [svg, picture.width, picture.height, CLIP_TOLERANCE_PX, MIN_TEXT_PX] as const);
    if (laidOut && laidOut.texts > 0) charts.push({ ...laidOut, kind: 'picture', selector: picture.selector, title: picture.title });
  }
  const variant = variantOf(textSize, `${width}px wide`);
  const measure: LayoutMeasure = { variant, width, textSize: textSize ?? 'default', rootFontSize: seen.rootFontSize, cls: seen.cls, charts, figureText: seen.figureText };
  const reflowFindings = reflow ? await reflowOn(page, target, width, textSize) : [];
  // Charts that script has not drawn yet (a build-time SVG until touched): touch them as a reader does
  // (point at each, focus it), then measure the takeover: shifts from then on, and the canvases' text.
  let touched: LayoutMeasure | undefined;
  if ((await page.evaluate(() => (window as unknown as { __gateLayout: GateLayout }).__gateLayout.untouchedCharts())) > 0) {
    const since = await page.evaluate(() => performance.now());
    const containers = page.locator('report-chart, .chart-canvas');
    for (let i = 0; i < (await containers.count()); i++) {
      const chart = containers.nth(i);
      if (!(await chart.isVisible())) continue;
      await chart.scrollIntoViewIfNeeded({ timeout: 2000 }).catch(() => {});
      await chart.hover({ timeout: 2000 }).catch(() => {});
      await chart
        .evaluate((el) => (el.querySelector<HTMLElement>('[tabindex], button, a[href]') ?? (el as HTMLElement)).focus())
        .catch(() => {});
    }
    await page.waitForFunction(() => (window as unknown as { __gateLayout: GateLayout }).__gateLayout.untouchedCharts() === 0, null, { timeout: 5000, polling: 100 }).catch(() => {});
    await page.waitForTimeout(SETTLE_MS);
    const after = await page.evaluate(
      ([since, tolerance, minPx]) => {
        const g = (window as unknown as { __gateLayout: GateLayout }).__gateLayout;
        return { cls: g.cls(since), charts: g.charts(tolerance, minPx).charts };
      },
      [since, CLIP_TOLERANCE_PX, MIN_TEXT_PX] as const,
    );
    touched = { ...measure, variant: `${variant}, charts touched`, cls: after.cls, charts: after.charts.filter((c) => c.kind === 'canvas'), figureText: [] };
  }
  return { measure, touched, reflow: reflowFindings, hasControl: seen.hasControl };
}

/**
 * The layout gates of a page (cls, chart-clip, chart-text, and reflow at 375 and 1280 px) from fresh
 * loads at each width, in default and in large text (see above). Returns the findings of the gates
 * wanted and every load's measurements.
 */
export async function measureLayout(browser: Browser, target: PageTarget, wants: (g: GateName) => boolean): Promise<{ findings: Finding[]; measures: LayoutMeasure[] }> {
  const siteRoot = target.url.slice(0, target.url.length - (target.path.length - 1));
  const large = await largeTextStorage(browser, siteRoot);
  const loads = LAYOUT_VIEWPORTS.flatMap((viewport) => [
    { viewport, textSize: undefined as TextSize | undefined },
    ...(large ? [{ viewport, textSize: 'large' as TextSize | undefined }] : []),
  ]);
  const done = await Promise.all(
    loads.map(async ({ viewport, textSize }) => {
      // Large text: the context starts with the choice stored as the reader's click stores it.
      const storageState = textSize && large ? { cookies: [], origins: [{ origin: new URL(siteRoot).origin, localStorage: Object.entries(large).map(([name, value]) => ({ name, value })) }] } : undefined;
      const context = await browser.newContext({ viewport, serviceWorkers: 'block', ...(storageState ? { storageState } : {}) });
      // Nothing here may wait for ever: a load that does not finish fails its page's tests, saying so.
      context.setDefaultTimeout(20_000);
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the layout load of ${target.path} (${variantOf(textSize, `${viewport.width}px wide`)}) did not finish in ${LOAD_DEADLINE_MS / 1000} s`)), LOAD_DEADLINE_MS);
      });
      deadline.catch(() => {});
      try {
        await context.addInitScript(LAYOUT_SCRIPT);
        const page = await context.newPage();
        let pictures: Promise<Page> | undefined;
        const picturePage = () =>
          (pictures ??= context.newPage().then(async (p) => {
            await p.evaluate(LAYOUT_SCRIPT);
            return p;
          }));
        return await Promise.race([measureLoad(page, picturePage, target, viewport.width, textSize, wants('reflow')), deadline]);
      } finally {
        clearTimeout(timer);
        await context.close();
      }
    }),
  );
  const measures = done.flatMap((d) => (d.touched ? [d.measure, d.touched] : [d.measure]));
  const findings = done.flatMap((d) => d.reflow);
  for (const viewport of LAYOUT_VIEWPORTS) {
    const normal = done.find((d) => d.measure.width === viewport.width && d.measure.textSize === 'default')!;
    const big = done.find((d) => d.measure.width === viewport.width && d.measure.textSize === 'large');
    if (big && big.hasControl && !(big.measure.rootFontSize > normal.measure.rootFontSize)) {
      findings.push({ gate: 'cls', page: target.path, rule: 'large-text-not-applied', variant: big.measure.variant, message: `opened with the large-text choice stored (${JSON.stringify(large)}), the page's root font size is ${big.measure.rootFontSize}px, as in default text: the choice did not apply, so large text was not measured` });
    }
    if (!big && normal.hasControl) {
      findings.push({ gate: 'cls', page: target.path, rule: 'large-text-not-remembered', variant: variantOf('large', `${viewport.width}px wide`), message: "the page has a large-text button, but clicking it on the home page stored nothing: a reader's choice is not remembered from page to page, and large text cannot be measured from a fresh load" });
    }
  }
  findings.push(...measures.flatMap((m) => layoutFindings(target.path, m, wants)));
  return { findings, measures };
}

// ---------------------------------------------------------------------------------------------
// JavaScript off: no errors, and the text, tables and required blocks are still there and visible

async function noJsFindings(browser: Browser, target: PageTarget, withJs: Observation['blocks'], requireVisible: readonly string[]): Promise<Finding[]> {
  return withPage(browser, { javaScript: false, fresh: true }, async (page, listen) => {
    const consoleErrors: string[] = [];
    listen('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    listen('pageerror', (e) => consoleErrors.push(`uncaught ${e.name}: ${e.message}`));
    await load(page, target);
    const state = await page.evaluate(
      ({ blocks, required }) => {
        const gate = (window as unknown as { __gate: { path(e: Element): string; snippet(e: Element): string; visible(e: Element): boolean } }).__gate;
        const main = document.querySelector('main');
        return {
          main: main ? { visible: gate.visible(main), text: (main as HTMLElement).innerText.trim().length } : null,
          // A table in a closed <details> is a native disclosure: the reader opens it without JavaScript.
          hiddenTables: [...document.querySelectorAll('table')]
            .filter((t) => !gate.visible(t))
            .filter((t) => {
              const details = t.closest('details:not([open])');
              const summary = details?.querySelector(':scope > summary');
              return !(summary && gate.visible(summary));
            })
            .map((el) => ({ selector: gate.path(el), snippet: gate.snippet(el) })),
          required: required.map((selector) => {
            const found = [...document.querySelectorAll(selector)];
            return { selector, present: found.length > 0, visible: found.length > 0 && found.every((el) => gate.visible(el)) };
          }),
          // The page as served: the text of all its blocks, and of those a reader sees.
          staticTexts: [...document.querySelectorAll(blocks)].map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()),
          visibleTexts: [...document.querySelectorAll(blocks)].filter((el) => gate.visible(el)).map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()),
        };
      },
      { blocks: BLOCKS, required: [...requireVisible] },
    );
    const base = { gate: 'nojs' as const, page: target.path, variant: 'JavaScript off' };
    const findings: Finding[] = consoleErrors.map((text) => ({ ...base, rule: 'console-error', message: text }));
    if (!state.main) findings.push({ ...base, rule: 'no-main', message: 'the page has no <main>' });
    else if (!state.main.visible || state.main.text === 0) findings.push({ ...base, rule: 'main-not-visible', message: 'the main text is not visible without JavaScript', target: 'main' });
    for (const t of state.hiddenTables) findings.push({ ...base, rule: 'table-not-visible', message: 'this table is not visible without JavaScript', target: t.selector, snippet: t.snippet });
    for (const r of state.required) {
      if (!r.present) findings.push({ ...base, rule: 'required-block-missing', message: `the page has no ${r.selector}, which it must show`, target: r.selector });
      else if (!r.visible) findings.push({ ...base, rule: 'required-block-not-visible', message: `${r.selector} is not visible without JavaScript`, target: r.selector });
    }
    // A block the page serves that a reader sees with JavaScript must be seen without it too. Blocks that
    // scripts make (search results, a status line) are not in the page as served: they cannot be.
    const served = new Set(state.staticTexts);
    const seenWithout = new Set(state.visibleTexts);
    for (const block of withJs) {
      if (block.text === '' || seenWithout.has(block.text) || !served.has(block.text)) continue;
      findings.push({ ...base, rule: 'content-needs-js', message: 'in the page, visible with JavaScript, hidden without it', target: block.selector, snippet: block.snippet });
    }
    return findings;
  });
}

// ---------------------------------------------------------------------------------------------
// One visit per page for every page-level gate

/** The gates a page visit checks (the others read the built files). */
export const PAGE_GATES = ['csp', 'console', 'external', 'axe', 'keyboard', 'reflow', 'nojs', 'budgets', 'cls', 'chart-clip', 'chart-text'] as const satisfies readonly GateName[];

export interface ChartState {
  selector: string;
  /** Its build-time SVG is shown (visible, taller than 50 px) after the page was scrolled through, before it is touched. */
  shown: boolean;
  /** data-drawn="true" before it was touched: chart.js loaded on scroll, which it must not. */
  drawnUntouched: boolean;
  /** data-drawn="true" after the pointer was over it (waited for up to 10 s). */
  drawn: boolean;
  /** The share of the canvas's pixels that are painted (not transparent). */
  inked: number;
}

export interface PageVisit {
  path: string;
  /** Every finding of the gates asked for (all of PAGE_GATES by default), each with its gate and variant. */
  findings: Finding[];
  /** The scripts and stylesheets the browser loaded, for the budgets (site paths, without the base). */
  loaded: string[];
  /** The scripts and stylesheets loaded before any interaction: the page opened and scrolled through, nothing touched. */
  loadedBeforeInteraction: string[];
  /** The fresh loads at 375 and 1280 px, default and large text, measured (cls, chart text): see measureLayout(). */
  layout: LayoutMeasure[];
  /** Console errors and uncaught exceptions, as the reader's browser shows them (JavaScript on). */
  errors: string[];
  /** Every report-chart of the page, after scrolling through it. */
  charts: ChartState[];
  /** The text of each innermost element inside `.meta-block dl` (the disclosure terms and values). */
  metaTexts: string[];
}

export interface VisitOptions {
  /** The policy the server must send (the csp gate's header check). */
  policy: string;
  /** Selectors that must be visible with JavaScript off. */
  requireVisible?: readonly string[];
  /** The base path the site is served under, for the loaded assets' site paths. */
  base?: string;
  /** Run only these gates (default: every page gate). */
  gates?: readonly GateName[];
}

/** Sets the text size as the 大/中/小 buttons do, by clicking the page's button; directly where the page has none. */
async function setTextSize(page: Page, size: TextSize | undefined): Promise<void> {
  await page.evaluate(async (size) => {
    const root = document.documentElement;
    document.querySelector<HTMLButtonElement>(`text-size button[data-size="${size ?? 'medium'}"]`)?.click();
    if (size && root.getAttribute('data-text-size') !== size) root.setAttribute('data-text-size', size);
    if (!size && root.getAttribute('data-text-size') !== null) root.removeAttribute('data-text-size');
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  }, size);
}

/**
 * One visit of a page (JavaScript on, in a fresh browser context so every request is seen, at 1280 px),
 * collecting what every page-level gate needs, in this order: load under the served policy; scroll
 * through it so every lazy request is made; see each chart shown as SVG, touch it so chart.js draws it and
 * measure its ink; work the
 * text-size control; record CSP violations, console errors, failed and cross-origin requests, the assets
 * loaded, undefined elements, undrawn charts and the visible text blocks; axe (default text); Tab through
 * it (keyboard); large text: axe again, then at 320 px reflow in large and in default text. The
 * JavaScript-off gate needs a load of its own (in a context with JavaScript off), and the layout gates
 * (cls, chart-clip, chart-text, reflow at 375 and 1280 px) four fresh loads of their own, run beside this
 * visit: measureLayout(). `loadedBeforeInteraction` is what was loaded when the page had been opened and
 * scrolled through, before any chart was pointed at or focused.
 */
export async function visitPage(browser: Browser, target: PageTarget, options: VisitOptions): Promise<PageVisit> {
  const wants = (g: GateName) => (options.gates ?? PAGE_GATES).includes(g);
  const findings: Finding[] = [];
  // The fresh loads at 375 and 1280 px run beside this visit (their own contexts): see measureLayout().
  const layoutRun = [...LAYOUT_GATES, 'reflow' as const].some(wants) ? measureLayout(browser, target, wants) : Promise.resolve({ findings: [], measures: [] });
  layoutRun.catch(() => {});
  const { observation, charts, metaTexts, beforeInteraction } = await withPage(browser, { fresh: true }, async (page, listen) => {
    const consoleErrors: Observation['consoleErrors'] = [];
    const pageErrors: string[] = [];
    const failedResponses: Observation['failedResponses'] = [];
    const requests: Observation['requests'] = [];
    listen('console', (m) => {
      if (m.type() === 'error') consoleErrors.push({ text: m.text(), location: m.location().url ? `${m.location().url}:${m.location().lineNumber}` : '' });
    });
    listen('pageerror', (e) => pageErrors.push(`${e.name}: ${e.message}`));
    listen('request', (r) => requests.push({ url: r.url(), type: r.resourceType() }));
    listen('requestfailed', (r) => failedResponses.push({ url: r.url(), status: 0 }));
    listen('response', (r) => {
      if (r.status() >= 400 && r.url() !== target.url) failedResponses.push({ url: r.url(), status: r.status() });
    });
    const response = await page.goto(target.url, { waitUntil: 'load' });
    const status = response?.status() ?? 0;
    if (status >= 400 && !target.path.endsWith('404.html')) throw new Error(`${target.url} answered HTTP ${status}`);
    const cspHeader = (await response?.allHeaders())?.['content-security-policy'] ?? null;
    await page.evaluate(HELPERS);
    await settle(page, { full: true });
    // Whatever the page still fetches by itself (a timer, an idle callback) counts too: the network quiet
    // for 0.5 s first (at most 5 s).
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
    // What a reader's browser has loaded before touching anything: opened and scrolled through.
    const beforeInteraction: Observation['requests'] = [...requests];

    // Each chart shown as its SVG after the scroll, not drawn by chart.js yet; then touched (the pointer
    // over it), drawn within 10 s, and its canvas painted.
    const charts: ChartState[] = [];
    const chartCount = await page.locator('report-chart').count();
    for (let i = 0; i < chartCount; i++) {
      const chart = page.locator('report-chart').nth(i);
      const untouched = await chart.evaluate((el) => ({
        drawn: (el as HTMLElement).dataset['drawn'] === 'true',
        shown: [...el.querySelectorAll('svg')].some((svg) => getComputedStyle(svg).display !== 'none' && getComputedStyle(svg).visibility === 'visible' && svg.getBoundingClientRect().height > 50),
      }));
      let drawn = untouched.drawn;
      if (!drawn) {
        await chart.scrollIntoViewIfNeeded({ timeout: 5000 }).catch(() => {});
        const area = chart.locator('.chart-area');
        await ((await area.count()) ? area : chart).hover({ force: true, timeout: 2000 }).catch(() => undefined);
        // A pointer that did not reach it (a machine too busy): focus it, as a keyboard reader touches it.
        if ((await chart.getAttribute('data-drawn')) !== 'true') {
          await chart
            .evaluate((el) => {
              const focusable = el.querySelector<HTMLElement>('[tabindex], button, a[href]') ?? (el as HTMLElement);
              focusable.focus();
            })
            .catch(() => {});
        }
        drawn = await page
          .waitForFunction((el) => (el as HTMLElement).dataset['drawn'] === 'true', await chart.elementHandle(), { timeout: 10_000 })
          .then(() => true, () => false);
      }
      const state = await chart.evaluate((el) => {
        const gate = (window as unknown as { __gate: { path(e: Element): string } }).__gate;
        const canvas = el.querySelector('canvas');
        let inked = 0;
        if (canvas && canvas.width > 0 && canvas.height > 0) {
          const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
          let painted = 0;
          for (let p = 3; p < data.length; p += 4) if (data[p]! > 0) painted++;
          inked = painted / (data.length / 4);
        }
        return { selector: gate.path(el), inked };
      });
      charts.push({ ...state, shown: untouched.shown, drawnUntouched: untouched.drawn, drawn });
    }
    await page.evaluate(() => window.scrollTo(0, 0));

    // Work the text-size control, as a reader would, so its script runs under the policy too.
    await page.evaluate(() => {
      const buttons = [...document.querySelectorAll<HTMLButtonElement>('text-size button')];
      for (const b of [...buttons, buttons.find((x) => x.dataset['size'] === 'medium')]) b?.click();
    });
    await page.waitForTimeout(50);
    const state = await page.evaluate((blocks) => {
      const gate = (window as unknown as { __gate: { path(e: Element): string; snippet(e: Element): string; visible(e: Element): boolean } }).__gate;
      const describe = (el: Element) => ({ selector: gate.path(el), snippet: gate.snippet(el) });
      const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      return {
        violations: (window as unknown as { __cspViolations: Observation['violations'] }).__cspViolations ?? [],
        undefinedElements: [...document.querySelectorAll(':not(:defined)')].map(describe),
        undrawnCharts: [...document.querySelectorAll('report-chart:not([data-drawn])')].map(describe),
        blocks: [...document.querySelectorAll(blocks)].filter((el) => gate.visible(el)).map((el) => ({ ...describe(el), text: text(el) })),
        metaTexts: [...document.querySelectorAll('.meta-block dl *')].filter((el) => ![...el.children].some((c) => text(c) === text(el))).map(text),
      };
    }, BLOCKS);
    const { metaTexts, ...seen } = state;
    // A snapshot: what the gates below do to the page (axe, Tab, resizing) is not the page's own doing.
    const observation: Observation = { cspHeader, consoleErrors: [...consoleErrors], pageErrors: [...pageErrors], failedResponses: [...failedResponses], requests: [...requests], ...seen };

    // The text-size control's buttons, clicked above, left the page in high contrast: its colours are
    // checked as a reader who switched it on sees them (the footer's links were once #0000cc on dark grey).
    await settle(page);
    const highContrast = wants('axe') ? await axeOn(page, target, undefined, HIGH_CONTRAST) : [];
    // Back to how the page opened for the gates below: normal contrast (the toggle clicked again, once the
    // charts have redrawn in high contrast) and medium text.
    await page.evaluate(() => document.querySelector<HTMLButtonElement>('text-size button[data-contrast-toggle]')?.click());
    await settle(page);

    if (wants('csp')) findings.push(...cspFindings(observation, target, options.policy));
    if (wants('console')) findings.push(...consoleFindings(observation, target));
    if (wants('external')) findings.push(...requestFindings(observation, target));
    if (wants('axe')) findings.push(...highContrast, ...(await axeOn(page, target, undefined)));
    if (wants('keyboard')) findings.push(...(await keyboardOn(page, target, 1280, undefined)));
    if (wants('axe') || wants('reflow')) {
      await setTextSize(page, 'large');
      await settle(page);
      if (wants('axe')) findings.push(...(await axeOn(page, target, 'large')));
      if (wants('reflow')) {
        await page.setViewportSize({ width: 320, height: 640 });
        await settle(page);
        findings.push(...(await reflowOn(page, target, 320, 'large')));
        await setTextSize(page, undefined);
        await settle(page);
        findings.push(...(await reflowOn(page, target, 320, undefined)));
      }
    }
    return { observation, charts, metaTexts, beforeInteraction };
  });
  if (wants('nojs')) findings.push(...(await noJsFindings(browser, target, observation.blocks, options.requireVisible ?? [])));
  const layout = await layoutRun;
  findings.push(...layout.findings);
  return {
    path: target.path,
    findings,
    loaded: assetsOf(observation, target, normaliseBase(options.base)),
    loadedBeforeInteraction: assetsOf({ ...observation, requests: beforeInteraction }, target, normaliseBase(options.base)),
    layout: layout.measures,
    errors: [...observation.consoleErrors.map((e) => e.text), ...observation.pageErrors],
    charts,
    metaTexts,
  };
}

// ---------------------------------------------------------------------------------------------
// Screenshots (artefacts for a reviewer; not compared)

export function screenshotName(pagePath: string, width: number): string {
  const [pathname = '', query = ''] = pagePath.split(/\?(.*)/);
  const name = (pathname.replace(/^\/|\/$/g, '').replace(/\.html$/, '').replace(/\//g, '_') || 'home') + (query ? `_${query.replace(/[^\p{L}\p{N}]+/gu, '_')}` : '');
  return `${name}-${width}.png`;
}

export async function screenshot(browser: Browser, target: PageTarget, { width, dir }: { width: number; dir: string }): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, screenshotName(target.path, width));
  await withPage(browser, { width, height: 900 }, async (page) => {
    await load(page, target);
    await settle(page, { full: true });
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  });
  return file;
}
