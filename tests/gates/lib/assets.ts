/**
 * What a page loads: its scripts and every module they import, statically or with import() (the chart
 * chunk is only loaded that way), and its stylesheets with their @imports. Used by the budgets gate (to
 * count bytes), the links gate (an import that does not resolve is a dead link) and the external gate.
 */
import { readFileSync } from 'node:fs';
import { attr, fileForPath, parseHtmlFile, selectorOf, sitePathOf, type SitePage } from './site.ts';

const ORIGIN = 'http://site.invalid';

/** A reference from a page or an asset to another URL. */
export interface Reference {
  /** Where it is: a page path or an asset path (`/_astro/x.js`). */
  from: string;
  /** The reference as written. */
  value: string;
  kind: 'script' | 'module-import' | 'stylesheet' | 'css-import' | 'css-url';
  /** The element (selector) for references in HTML. */
  element?: string;
}

export interface PageAssets {
  /** JS files the page loads, directly or through imports (absolute paths, each once). */
  scripts: string[];
  /** CSS files the page loads, with @imports. */
  styles: string[];
  /** Same-site references that resolve to no file. */
  unresolved: Reference[];
  /** References to another origin (http:, https:, protocol-relative). */
  external: Reference[];
}

/** A URL to another origin, or a protocol-relative one. data:, blob:, mailto: are not origins to load from. */
export function isOtherOrigin(value: string): boolean {
  return /^\s*(?:(?:https?|wss?|ftp):)?\/\//i.test(value);
}

/** A reference to something inside the site (not another origin, not data:/mailto:/javascript:). */
function isSameSite(value: string): boolean {
  const v = value.trim();
  return v !== '' && !isOtherOrigin(v) && !/^[a-z][a-z0-9+.-]*:/i.test(v);
}

/** Module specifiers in built JS: `import x from "./a.js"`, `export * from "./b.js"`, `import "./c.js"`, `import("./d.js")`. */
export function moduleSpecifiers(code: string): string[] {
  const found: string[] = [];
  const patterns = [
    /(?<![.\w$])import\s*\(\s*(['"`])([^'"`]+)\1\s*[,)]/g,
    /(?:^|[^.\w$])(?:import|export)\s*(?:[\w$*{},\s]+?\s*)?\bfrom\s*(['"])([^'"]+)\1/g,
    /(?:^|[^.\w$])import\s*(['"])([^'"]+)\1/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) found.push(m[2]!);
  // A template literal with a ${…} in it is computed at run time: the browser part of the gates sees it.
  return [...new Set(found)].filter((spec) => !spec.includes('${'));
}

/** URLs in CSS: `@import "x.css"`, `@import url(x.css)`, `url(x.png)`. */
export function cssReferences(css: string): { imports: string[]; urls: string[] } {
  const imports: string[] = [];
  const urls: string[] = [];
  for (const m of css.matchAll(/@import\s+(?:url\(\s*)?(['"]?)([^'")\s;]+)\1/gi)) imports.push(m[2]!);
  for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+?)\1\s*\)/gi)) if (!imports.includes(m[2]!)) urls.push(m[2]!);
  return { imports, urls };
}

/** Resolves a reference written in `fromPath` (a site path with the base) to a file of the site. */
function resolve(dist: string, base: string, fromUrlPath: string, value: string) {
  const url = new URL(value.trim(), `${ORIGIN}${fromUrlPath}`);
  return { url, ...fileForPath(dist, base, url.pathname) };
}

/** The scripts and stylesheets a page loads, following imports. */
export async function pageAssets(dist: string, base: string, page: SitePage): Promise<PageAssets> {
  const { root } = await parseHtmlFile(page.file);
  const pageUrlPath = `${base}${page.path.slice(1)}`;
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const unresolved: Reference[] = [];
  const external: Reference[] = [];

  const visitScript = (file: string) => {
    if (scripts.has(file)) return;
    scripts.add(file);
    const from = sitePathOf(dist, file);
    for (const spec of moduleSpecifiers(readFileSync(file, 'utf8'))) {
      if (isOtherOrigin(spec)) external.push({ from, value: spec, kind: 'module-import' });
      if (!isSameSite(spec) || !/^(?:\.{1,2}\/|\/)/.test(spec)) continue; // bare specifiers are not URLs
      const target = resolve(dist, base, `${base}${from.slice(1)}`, spec);
      if (target.file) visitScript(target.file);
      else unresolved.push({ from, value: spec, kind: 'module-import' });
    }
  };
  const visitStyle = (file: string) => {
    if (styles.has(file)) return;
    styles.add(file);
    const from = sitePathOf(dist, file);
    const { imports, urls } = cssReferences(readFileSync(file, 'utf8'));
    for (const value of imports) {
      if (isOtherOrigin(value)) external.push({ from, value, kind: 'css-import' });
      if (!isSameSite(value)) continue;
      const target = resolve(dist, base, `${base}${from.slice(1)}`, value);
      if (target.file) visitStyle(target.file);
      else unresolved.push({ from, value, kind: 'css-import' });
    }
    for (const value of urls) {
      if (isOtherOrigin(value)) external.push({ from, value, kind: 'css-url' });
      if (!isSameSite(value) || value.startsWith('#')) continue;
      const target = resolve(dist, base, `${base}${from.slice(1)}`, value);
      if (!target.file) unresolved.push({ from, value, kind: 'css-url' });
    }
  };

  for (const el of root.querySelectorAll('script')) {
    const src = attr(el, 'src');
    if (src === undefined) {
      // An inline module can import chunks too (the CSP gate reports the inline script itself).
      const type = attr(el, 'type') ?? '';
      if (type === '' || type === 'module' || /javascript/i.test(type)) {
        for (const spec of moduleSpecifiers(el.textContent)) {
          if (!isSameSite(spec) || !/^(?:\.{1,2}\/|\/)/.test(spec)) continue;
          const target = resolve(dist, base, pageUrlPath, spec);
          if (target.file) visitScript(target.file);
        }
      }
      continue;
    }
    if (isOtherOrigin(src)) external.push({ from: page.path, value: src, kind: 'script', element: selectorOf(el) });
    if (!isSameSite(src)) continue;
    const target = resolve(dist, base, pageUrlPath, src);
    if (target.file) visitScript(target.file);
    else unresolved.push({ from: page.path, value: src, kind: 'script', element: selectorOf(el) });
  }
  for (const el of root.querySelectorAll('link[href]')) {
    const rel = (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/);
    const as = (attr(el, 'as') ?? '').toLowerCase();
    const href = attr(el, 'href') ?? '';
    const kind = rel.includes('stylesheet') || (rel.includes('preload') && as === 'style') ? 'stylesheet'
      : rel.includes('modulepreload') || (rel.includes('preload') && as === 'script') ? 'script' : undefined;
    if (!kind || !isSameSite(href)) continue;
    const target = resolve(dist, base, pageUrlPath, href);
    if (!target.file) continue; // the links gate reports it
    if (kind === 'script') visitScript(target.file);
    else visitStyle(target.file);
  }
  return { scripts: [...scripts], styles: [...styles], unresolved, external };
}
