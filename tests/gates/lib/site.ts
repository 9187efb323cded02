/**
 * A built site on disk: its pages, how a URL maps to a file, and parsed HTML (html-validate's parser, so
 * the gates see the markup exactly as the validator does and need no extra dependency).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Parser, StaticConfigLoader, type HtmlElement } from 'html-validate';

export interface SitePage {
  /** Path inside the site, without the base path: `/`, `/reports/x/`, `/404.html`. */
  path: string;
  /** Absolute file path. */
  file: string;
}

/** Every HTML page of a built site: each index.html as its folder URL, every other .html file (404.html) as itself. */
export function listPages(dist: string): SitePage[] {
  const root = path.resolve(dist);
  const pages: SitePage[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
      else if (name === 'index.html') pages.push({ path: prefix, file: full });
      else if (name.endsWith('.html')) pages.push({ path: `${prefix}${name}`, file: full });
    }
  };
  if (existsSync(root)) walk(root, '/');
  return pages.sort((a, b) => (a.path === b.path ? 0 : a.path < b.path ? -1 : 1));
}

/**
 * The pages a gate run covers: all, or the one asked for (`/reports/x/`, `reports/x`, `/404.html`, or a
 * page with a query string such as `/search/?q=工作`, which is that page's file visited with the query).
 */
export function selectPages(pages: readonly SitePage[], only?: string): SitePage[] {
  if (!only) return [...pages];
  const wanted = normalisePagePath(only);
  const exact = pages.filter((p) => p.path === wanted);
  if (exact.length > 0 || !wanted.includes('?')) return exact;
  return pages.filter((p) => p.path === pathnameOf(wanted)).map((p) => ({ ...p, path: wanted }));
}

/** `reports/x` → `/reports/x/`; `/404.html` stays; a query string is kept: `search?q=a` → `/search/?q=a`. */
export function normalisePagePath(page: string): string {
  const [pathname = '', query] = page.trim().split(/(?=\?)/);
  const p = `/${pathname.replace(/^\/+/, '')}`;
  return `${p.endsWith('/') || p.endsWith('.html') ? p : `${p}/`}${query ?? ''}`;
}

/** A page path without its query string. */
export function pathnameOf(pagePath: string): string {
  const i = pagePath.indexOf('?');
  return i < 0 ? pagePath : pagePath.slice(0, i);
}

/**
 * Pages to visit again with a query string, because a script answers the query (the search page):
 * each one whose page exists, as a page of its own for the browser gates.
 */
export function withQueryVisits(pages: readonly SitePage[], visits: readonly string[]): SitePage[] {
  const extra = visits.flatMap((visit) => selectPages(pages, visit).filter((p) => p.path.includes('?')));
  return [...pages, ...extra];
}

/** All files of the site with one of the extensions, as absolute paths. */
export function listFiles(dist: string, extensions: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (extensions.some((ext) => name.endsWith(ext))) out.push(full);
    }
  };
  walk(path.resolve(dist));
  return out;
}

/** Normalises a base path to `/` or `/a/b/`. */
export function normaliseBase(base = '/'): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** The file a same-site URL path (with the base) is served from, as the static server serves it. */
export function fileForPath(dist: string, base: string, pathname: string): { file?: string; directory?: boolean; outsideBase?: boolean } {
  if (!pathname.startsWith(base)) return { outsideBase: true };
  let rel: string;
  try {
    rel = decodeURIComponent(pathname.slice(base.length));
  } catch {
    rel = pathname.slice(base.length);
  }
  const root = path.resolve(dist);
  const full = path.join(root, rel);
  if (!full.startsWith(root)) return { outsideBase: true };
  if (rel === '' || rel.endsWith('/')) {
    const index = path.join(full, 'index.html');
    return existsSync(index) ? { file: index } : {};
  }
  if (!existsSync(full)) return {};
  if (statSync(full).isDirectory()) return { directory: true };
  return { file: full };
}

/** The site path of a file in dist (`/_astro/x.js`). */
export function sitePathOf(dist: string, file: string): string {
  return `/${path.relative(path.resolve(dist), file).split(path.sep).join('/')}`;
}

let parser: Parser | undefined;
async function getParser(): Promise<Parser> {
  parser ??= new Parser(await new StaticConfigLoader().getConfigFor('page.html'));
  return parser;
}

export interface ParsedPage {
  source: string;
  root: HtmlElement;
}

const parsed = new Map<string, ParsedPage>();

/** Parses an HTML file once (cached by path and modification time). */
export async function parseHtmlFile(file: string): Promise<ParsedPage> {
  const key = `${file}\u0000${statSync(file).mtimeMs}`;
  const hit = parsed.get(key);
  if (hit) return hit;
  const source = readFileSync(file, 'utf8');
  const root = (await getParser()).parseHtml({ data: source, filename: file, line: 1, column: 1, offset: 0 });
  const page = { source, root };
  parsed.set(key, page);
  return page;
}

/** The start tag of an element as written in the source, shortened. */
export function snippetOf(source: string, element: HtmlElement, max = 240): string {
  const start = source.lastIndexOf('<', element.location.offset);
  if (start < 0) return '';
  const end = source.indexOf('>', start);
  const tag = source.slice(start, end < 0 ? start + max : end + 1);
  const text = element.textContent.replace(/\s+/g, ' ').trim();
  const withText = text && !['script', 'style'].includes(element.tagName) ? `${tag}${text.slice(0, 60)}…` : tag;
  return withText.length > max ? `${withText.slice(0, max)}…` : withText;
}

/** A stable CSS selector for an element (html-validate's own, the one its messages use). */
export function selectorOf(element: HtmlElement): string {
  return element.generateSelector() ?? element.tagName;
}

/** The value of an attribute, when it is a plain string. */
export function attr(element: HtmlElement, name: string): string | undefined {
  const value = element.getAttributeValue(name);
  return typeof value === 'string' ? value : undefined;
}

/** Every id on a page (and legacy `<a name>` anchors), for checking #fragment links. */
export async function idsOf(file: string): Promise<Set<string>> {
  const { root } = await parseHtmlFile(file);
  const ids = new Set<string>();
  for (const el of root.querySelectorAll('[id]')) if (el.id) ids.add(el.id);
  for (const el of root.querySelectorAll('a[name]')) {
    const name = attr(el, 'name');
    if (name) ids.add(name);
  }
  return ids;
}
