/**
 * Self-contained gate: no page, script or stylesheet makes the browser load anything from another origin
 * at run time: script src, stylesheet/icon/preload links, images and media, frames, url() and @import
 * in CSS (files, <style> and style=""), and fetch()/import()/workers/sockets in JS (files and inline).
 * Plain <a href> links to other sites are fine (the source document link), and so are links the browser
 * does not fetch (canonical, alternate).
 *
 * The browser part (every request a page really makes, see browser-gates.ts) catches what a static
 * reading cannot.
 */
import { readFileSync } from 'node:fs';
import { cssReferences, isOtherOrigin, pageAssets } from './assets.ts';
import type { Finding } from './findings.ts';
import { attr, normaliseBase, parseHtmlFile, selectorOf, sitePathOf, snippetOf, type SitePage } from './site.ts';

/** <link rel> values that make the browser fetch (or connect to) the URL. */
const FETCHING_RELS = new Set(['stylesheet', 'icon', 'shortcut', 'apple-touch-icon', 'apple-touch-icon-precomposed', 'mask-icon', 'preload', 'modulepreload', 'prefetch', 'preconnect', 'dns-prefetch', 'prerender', 'manifest']);

/** Elements whose URL attribute is loaded as the page loads (not just a link to follow). */
const LOADING_ATTRIBUTES: [selector: string, attribute: string][] = [
  ['script[src]', 'src'],
  ['img[src]', 'src'],
  ['img[srcset]', 'srcset'],
  ['source[src]', 'src'],
  ['source[srcset]', 'srcset'],
  ['video[src]', 'src'],
  ['video[poster]', 'poster'],
  ['audio[src]', 'src'],
  ['track[src]', 'src'],
  ['iframe[src]', 'src'],
  ['frame[src]', 'src'],
  ['embed[src]', 'src'],
  ['object[data]', 'data'],
  ['input[src]', 'src'],
  ['use[href]', 'href'],
  ['image[href]', 'href'],
  ['base[href]', 'href'],
  ['form[action]', 'action'],
];

/**
 * Calls in JS that load from a URL given as a literal: fetch("https://…"), import("//…"),
 * new Worker/EventSource/WebSocket("…"), importScripts, sendBeacon, xhr.open(m, "…"), x.src = "…".
 */
const JS_LOADS = [
  /(?<![\w$])(?:fetch|import|importScripts|Worker|SharedWorker|EventSource|WebSocket|sendBeacon|Image|Audio)\s*\(\s*(['"`])((?:(?:https?|wss?):)?\/\/[^'"`\s]*)\1/g,
  /\.open\s*\(\s*(['"`])\w+\1\s*,\s*(['"`])((?:https?:)?\/\/[^'"`\s]*)\2/g,
  /(?:^|[^.\w$])(?:import|export)\s*(?:[\w$*{},\s]+?\s*)?\bfrom\s*(['"])((?:https?:)?\/\/[^'"]*)\1/g,
  /\.(?:src|href|srcset|data|poster|action)\s*=\s*(['"`])((?:https?:)?\/\/[^'"`\s]*)\1/g,
  /\bsetAttribute\s*\(\s*(['"`])(?:src|href|srcset|poster|data|action)\1\s*,\s*(['"`])((?:https?:)?\/\/[^'"`\s]*)\2/g,
];

/** URLs to other origins that a piece of JS loads. */
export function externalLoadsInJs(code: string): string[] {
  const found: string[] = [];
  for (const re of JS_LOADS) for (const m of code.matchAll(re)) found.push(m[m.length - 1]!);
  return [...new Set(found)];
}

/** URLs to other origins in CSS (url() and @import). */
export function externalLoadsInCss(css: string): string[] {
  const { imports, urls } = cssReferences(css);
  return [...imports, ...urls].filter(isOtherOrigin);
}

export async function checkSelfContained(dist: string, pages: readonly SitePage[], { base = '/' }: { base?: string } = {}): Promise<Finding[]> {
  const findings: Finding[] = [];
  const b = normaliseBase(base);
  for (const page of pages) {
    const { source, root } = await parseHtmlFile(page.file);
    const push = (rule: string, message: string, target: string, snippet?: string) =>
      findings.push({ gate: 'external', page: page.path, rule, message, target, ...(snippet ? { snippet } : {}) });

    for (const element of root.querySelectorAll('link[href]')) {
      const rels = (attr(element, 'rel') ?? '').toLowerCase().split(/\s+/);
      const href = attr(element, 'href') ?? '';
      if (rels.some((r) => FETCHING_RELS.has(r)) && isOtherOrigin(href)) {
        push('external-link-resource', `<link rel="${rels.join(' ')}"> loads ${href} from another origin`, selectorOf(element), snippetOf(source, element));
      }
    }
    for (const [selector, attribute] of LOADING_ATTRIBUTES) {
      for (const element of root.querySelectorAll(selector)) {
        const value = attr(element, attribute) ?? '';
        const urls = attribute === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
        for (const url of urls.filter(isOtherOrigin)) {
          const rule = element.tagName === 'script' ? 'external-script' : element.tagName === 'img' ? 'external-image' : `external-${element.tagName}`;
          push(rule, `<${element.tagName} ${attribute}> loads ${url} from another origin`, selectorOf(element), snippetOf(source, element));
        }
      }
    }
    for (const element of root.querySelectorAll('meta[http-equiv]')) {
      if ((attr(element, 'http-equiv') ?? '').toLowerCase() !== 'refresh') continue;
      const url = /url\s*=\s*['"]?([^'"]+)/i.exec(attr(element, 'content') ?? '')?.[1];
      if (url && isOtherOrigin(url)) push('external-refresh', `<meta http-equiv="refresh"> sends the reader to ${url}`, selectorOf(element), snippetOf(source, element));
    }
    for (const element of root.querySelectorAll('style')) {
      for (const url of externalLoadsInCss(element.textContent)) push('external-css-url', `<style> loads ${url} from another origin`, selectorOf(element));
    }
    for (const element of root.querySelectorAll('[style]')) {
      for (const url of externalLoadsInCss(attr(element, 'style') ?? '')) push('external-css-url', `style="" loads ${url} from another origin`, selectorOf(element), snippetOf(source, element));
    }
    for (const element of root.querySelectorAll('script')) {
      if (element.hasAttribute('src')) continue;
      const type = (attr(element, 'type') ?? '').toLowerCase();
      if (type !== '' && type !== 'module' && !type.includes('javascript')) continue; // JSON data islands
      for (const url of externalLoadsInJs(element.textContent)) push('external-js-load', `an inline script loads ${url} from another origin`, selectorOf(element));
    }

    // The scripts (with every chunk they import) and stylesheets this page loads.
    const assets = await pageAssets(dist, b, page);
    for (const ref of assets.external) {
      if (ref.from === page.path) continue; // reported above from the markup
      push(ref.kind === 'module-import' ? 'external-js-load' : 'external-css-url', `${ref.from} loads ${ref.value} from another origin`, ref.from);
    }
    for (const file of assets.scripts) {
      for (const url of externalLoadsInJs(readFileSync(file, 'utf8'))) {
        if (assets.external.some((r) => r.value === url && r.from === sitePathOf(dist, file))) continue;
        push('external-js-load', `${sitePathOf(dist, file)} loads ${url} from another origin at run time`, sitePathOf(dist, file));
      }
    }
  }
  return findings;
}
