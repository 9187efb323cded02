/**
 * Links gate: every same-site href/src of every page resolves to a file of the built site, #fragments
 * exist on the target page (or on the same page), module imports in the JS and url()/@import in the CSS
 * resolve, and under a base path every link stays inside the base.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pageAssets, isOtherOrigin } from './assets.ts';
import type { Finding } from './findings.ts';
import { attr, fileForPath, idsOf, normaliseBase, parseHtmlFile, selectorOf, snippetOf, type SitePage } from './site.ts';

const ORIGIN = 'http://site.invalid';

/** Attributes holding one URL. */
const URL_ATTRIBUTES: [selector: string, attribute: string][] = [
  ['a[href]', 'href'],
  ['area[href]', 'href'],
  ['link[href]', 'href'],
  ['script[src]', 'src'],
  ['img[src]', 'src'],
  ['source[src]', 'src'],
  ['video[src]', 'src'],
  ['video[poster]', 'poster'],
  ['audio[src]', 'src'],
  ['track[src]', 'src'],
  ['iframe[src]', 'src'],
  ['embed[src]', 'src'],
  ['object[data]', 'data'],
  ['input[src]', 'src'],
  ['form[action]', 'action'],
  ['use[href]', 'href'],
  ['image[href]', 'href'],
  ['blockquote[cite]', 'cite'],
  ['q[cite]', 'cite'],
];

export interface LinkOptions {
  /** The base path the site was built for (`/zt/nantang/`). */
  base?: string;
  /**
   * Absolute URLs of the site itself (its public URL, e.g. https://reports.example.gov.cn/): links to
   * them, like the canonical link, are checked like relative ones.
   */
  siteUrls?: readonly string[];
}

export async function checkLinks(dist: string, pages: readonly SitePage[], options: LinkOptions = {}): Promise<Finding[]> {
  const base = normaliseBase(options.base);
  const siteOrigins = (options.siteUrls ?? []).map((u) => new URL(u).origin);
  const findings: Finding[] = [];

  for (const page of pages) {
    const { source, root } = await parseHtmlFile(page.file);
    const pageUrl = `${ORIGIN}${base}${page.path.slice(1)}`;
    const report = (rule: string, message: string, element: Parameters<typeof snippetOf>[1]) =>
      findings.push({ gate: 'links', page: page.path, rule, message, target: selectorOf(element), snippet: snippetOf(source, element) });

    const refs: { value: string; element: (typeof root.childElements)[number] }[] = [];
    for (const [selector, attribute] of URL_ATTRIBUTES) {
      for (const element of root.querySelectorAll(selector)) {
        const value = attr(element, attribute);
        if (value !== undefined) refs.push({ value, element });
      }
    }
    for (const element of root.querySelectorAll('img[srcset], source[srcset]')) {
      for (const candidate of (attr(element, 'srcset') ?? '').split(',')) {
        const value = candidate.trim().split(/\s+/)[0];
        if (value) refs.push({ value, element });
      }
    }

    for (const { value, element } of refs) {
      const trimmed = value.trim();
      if (trimmed === '') {
        report('empty-url', 'empty URL', element);
        continue;
      }
      let url: URL;
      if (isOtherOrigin(trimmed) || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) {
        // Another site, mailto:, data:… are not this gate's business, unless it is the site's own public URL.
        if (!/^https?:/i.test(trimmed)) continue;
        url = new URL(trimmed);
        if (!siteOrigins.includes(url.origin)) continue;
      } else {
        try {
          url = new URL(trimmed, pageUrl);
        } catch {
          report('bad-url', `"${value}" is not a valid URL`, element);
          continue;
        }
      }

      const target = fileForPath(dist, base, url.pathname);
      if (target.outsideBase) {
        report('outside-base', `"${value}" resolves to ${url.pathname}, outside the base path ${base}: the link breaks when the site is hosted under ${base}`, element);
        continue;
      }
      if (target.directory) {
        report('missing-trailing-slash', `"${value}" names a folder; link to "${url.pathname}/" (the site is built with trailing slashes)`, element);
        continue;
      }
      if (!target.file) {
        report('dead-link', `"${value}" resolves to ${url.pathname}, which is not a file of the built site`, element);
        continue;
      }
      const fragment = url.hash.slice(1);
      if (fragment === '' || fragment === 'top' || fragment.startsWith(':~:') || !target.file.endsWith('.html')) continue;
      let id = fragment;
      try {
        id = decodeURIComponent(fragment);
      } catch {
        // keep it as written
      }
      if (!(await idsOf(target.file)).has(id)) {
        const where = target.file === page.file ? 'this page' : url.pathname;
        report('dead-fragment', `"${value}": there is no element with id="${id}" on ${where}`, element);
      }
    }

    // Without <link rel="icon"> every browser asks for /favicon.ico at the root of the origin: when the
    // site is the whole origin and has none, that is a 404 (a console error) for every reader.
    const hasIcon = root.querySelectorAll('link[rel]').some((el) => (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/).includes('icon'));
    if (!hasIcon && base === '/' && !existsSync(path.join(dist, 'favicon.ico'))) {
      findings.push({
        gate: 'links',
        page: page.path,
        rule: 'missing-favicon',
        message: 'the page has no <link rel="icon"> and the site has no /favicon.ico, so browsers request /favicon.ico and get a 404',
        target: 'head',
      });
    }

    // Imports in the page's scripts and url()/@import in its stylesheets.
    const assets = await pageAssets(dist, base, page);
    for (const ref of assets.unresolved) {
      if (ref.from === page.path) continue; // a <script src>: reported above as dead-link
      findings.push({
        gate: 'links',
        page: page.path,
        rule: ref.kind === 'module-import' ? 'dead-import' : 'dead-css-url',
        message: `${ref.from} refers to "${ref.value}", which is not a file of the built site`,
        target: ref.from,
      });
    }
  }
  return findings;
}
