/**
 * <site-search> on /search/: runs the query (?q=… from the header form, or its own form) against the
 * Pagefind index that scripts/build.ts writes into the site's /pagefind/ folder. pagefind.js is loaded
 * with import() from the URL in data-bundle (base-path aware, from href()) only when there is something
 * to search for, so a page without a query loads none of it.
 *
 * Results are an ordered list: per page the best-matching section as the link (its #anchor), where it
 * comes from (report › page), and the excerpt with the matched words in <mark>. Excerpts are Pagefind's
 * HTML; only their text and <mark> elements are copied into the page, so nothing else of them can render.
 */
import { searchText } from '../i18n/zh.ts';

/** The part of Pagefind's browser API this uses (pagefind.js, Pagefind 1.x). */
interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  mergeIndex(url: string, options: { baseUrl?: string }): Promise<void>;
  search(term: string): Promise<{ results: { id: string; data(): Promise<PagefindPage> }[] } | null>;
}

interface PagefindSection {
  title: string;
  url: string;
  excerpt: string;
  locations: number[];
}

interface PagefindPage {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: PagefindSection[];
}

/** Pages shown at a time; 更多结果 shows the next ones. */
const PAGE_SIZE = 10;
/** Sections listed under a page's main link, besides it. */
const MORE_SECTIONS = 2;

/**
 * Chinese is written without spaces, so a query without spaces is searched as the phrase it is
 * (Pagefind's "…" syntax): otherwise Pagefind splits 量子计算机 into characters and finds every 机制
 * and 机动 by its last one. A query with spaces, or with its own quotes, is left to Pagefind as typed.
 */
function asPhrase(query: string): string {
  return /[\s"“”]/.test(query) ? query : `"${query}"`;
}

class SiteSearch extends HTMLElement {
  #pagefind: Promise<Pagefind> | undefined;
  #run = 0;
  #pending: { data(): Promise<PagefindPage> }[] = [];
  #terms: string[] = [];
  #form!: HTMLFormElement;
  #input!: HTMLInputElement;
  #status!: HTMLElement;
  #list!: HTMLOListElement;
  #more!: HTMLButtonElement;

  connectedCallback() {
    const form = this.querySelector('form');
    const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
    const status = this.querySelector<HTMLElement>('[role="status"]');
    const list = this.querySelector('ol');
    const more = this.querySelector<HTMLButtonElement>('button[data-more]');
    if (!form || !input || !status || !list || !more) return;
    [this.#form, this.#input, this.#status, this.#list, this.#more] = [form, input, status, list, more];

    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      const query = this.#input.value.trim();
      const url = new URL(location.href);
      url.searchParams.set('q', query);
      if (url.href !== location.href) history.pushState(null, '', url);
      void this.search(query, true);
    });
    this.#more.addEventListener('click', () => void this.showMore(true));
    window.addEventListener('popstate', () => {
      const query = this.#query();
      this.#input.value = query;
      void this.search(query, false);
    });

    const query = this.#query();
    this.#input.value = query;
    if (query) void this.search(query, false);
  }

  #query(): string {
    return (new URLSearchParams(location.search).get('q') ?? '').trim();
  }

  #load(): Promise<Pagefind> {
    this.#pagefind ??= (async () => {
      const bundle = new URL(this.dataset['bundle'] ?? '', location.href);
      const baseUrl = this.dataset['base'] ?? '/';
      const pagefind = (await import(/* @vite-ignore */ bundle.href)) as Pagefind;
      await pagefind.options({ baseUrl });
      // A large site's index comes in several bundles (src/search/index-site.ts): merged into one.
      const list = await fetch(new URL('bundles.json', bundle));
      const { merge } = list.ok ? ((await list.json()) as { merge: string[] }) : { merge: [] };
      for (const dir of merge) await pagefind.mergeIndex(new URL(dir, bundle).href, { baseUrl });
      return pagefind;
    })();
    // A failed load (offline for a moment) is tried again on the next search.
    this.#pagefind.catch(() => (this.#pagefind = undefined));
    return this.#pagefind;
  }

  async search(query: string, fromForm: boolean) {
    const run = ++this.#run;
    // A search given up for this one must not leave the list busy.
    this.#list.removeAttribute('aria-busy');
    this.#list.replaceChildren();
    this.#list.hidden = true;
    this.#more.hidden = true;
    this.#pending = [];
    this.#terms = termsOf(query);
    if (!query) {
      this.#status.textContent = fromForm ? searchText.empty : '';
      if (fromForm) this.#input.focus();
      return;
    }
    this.#status.textContent = searchText.searching(query);
    // The results are on their way: assistive technology waits for them, and so do the layout gates
    // (tests/gates/lib/browser-gates.ts), which measure a page once it has arrived.
    this.#list.setAttribute('aria-busy', 'true');
    try {
      const pagefind = await this.#load();
      const found = await pagefind.search(asPhrase(query));
      if (run !== this.#run) return;
      const results = found?.results ?? [];
      this.#pending = [...results];
      if (results.length === 0) {
        this.#status.textContent = searchText.none(query);
        return;
      }
      await this.showMore(false);
      if (run !== this.#run) return;
      this.#status.textContent = searchText.found(results.length, query);
    } catch (error) {
      if (run !== this.#run) return;
      console.warn('site search failed', error);
      this.#status.textContent = searchText.failed;
    } finally {
      if (run === this.#run) this.#list.removeAttribute('aria-busy');
    }
  }

  /** Renders the next PAGE_SIZE results; after 更多结果, focus goes to the first new one. */
  async showMore(focus: boolean) {
    const run = this.#run;
    const batch = this.#pending.splice(0, PAGE_SIZE);
    const pages = await Promise.all(batch.map((r) => r.data()));
    if (run !== this.#run) return;
    const items = pages.map((page) => this.#item(page, this.#terms));
    this.#list.append(...items);
    this.#list.hidden = false;
    this.#more.hidden = this.#pending.length === 0;
    if (focus) items[0]?.querySelector('a')?.focus();
  }

  #item(page: PagefindPage, terms: readonly string[]): HTMLLIElement {
    // Sections whose excerpt holds a whole query term first (not just one word of a split Chinese query),
    // then those with the most matches, in document order among equals; without sections, the page.
    const whole = (section: PagefindSection) => (hasTerm(section.excerpt.replace(/<[^>]*>/g, ''), terms) ? 1 : 0);
    const sections = [...(page.sub_results ?? [])].sort((a, b) => whole(b) - whole(a) || b.locations.length - a.locations.length);
    const best = sections[0] ?? { title: page.meta['title'] ?? page.url, url: page.url, excerpt: page.excerpt, locations: [] };
    const pageTitle = page.meta['title'] ?? '';
    const item = el('li', 'search-result');
    const heading = el('h2', 'search-result-title');
    const link = el('a');
    link.href = best.url;
    link.textContent = best.title || pageTitle;
    heading.append(link);
    const source = el('p', 'search-result-source');
    source.textContent = `${searchText.source}：${[page.meta['report'], pageTitle].filter(Boolean).join(' › ')}`;
    item.append(heading, source, excerpt(best.excerpt, terms));
    // Other sections only where the query is whole too, when the best one has it whole.
    const others = sections.slice(1).filter((section) => whole(section) || !whole(best)).slice(0, MORE_SECTIONS);
    if (others.length > 0) {
      const list = el('ul', 'search-result-more');
      list.setAttribute('aria-label', `${searchText.more}：${pageTitle}`);
      for (const section of others) {
        const li = el('li');
        const a = el('a');
        a.href = section.url;
        a.textContent = section.title;
        li.append(a, excerpt(section.excerpt, terms));
        list.append(li);
      }
      item.append(list);
    }
    return item;
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  return element;
}

/**
 * Pagefind's excerpt (escaped text with <mark>) as DOM: parsed inertly, then only its text and marks are
 * copied. Chinese queries are split into words (亨东公路 → 亨 东 公路) and each word is marked wherever it
 * occurs, so adjacent marks are joined into one, and a lone mark that holds no whole query term (亨 of
 * 亨乾口) is left unmarked, unless that would leave the excerpt with no mark at all.
 */
function excerpt(html: string, terms: readonly string[]): HTMLParagraphElement {
  const pieces: { text: string; mark: boolean }[] = [];
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  for (const node of parsed.body.childNodes) {
    const text = node.textContent ?? '';
    const mark = node.nodeName === 'MARK';
    const last = pieces.at(-1);
    const before = pieces.at(-2);
    if (last && last.mark === mark) last.text += text;
    // mark, blank text, mark: one highlight
    else if (mark && last && before?.mark && last.text.trim() === '') {
      pieces.pop();
      before.text += last.text + text;
    } else pieces.push({ text, mark });
  }
  const whole = (text: string) => hasTerm(text, terms);
  const keepAll = !pieces.some((piece) => piece.mark && whole(piece.text));
  const p = el('p', 'search-excerpt');
  for (const piece of pieces) {
    if (!piece.mark || !(keepAll || whole(piece.text))) {
      p.append(piece.text);
      continue;
    }
    const [, lead = '', core = '', trail = ''] = /^(\s*)(.*?)(\s*)$/s.exec(piece.text) ?? [];
    const mark = el('mark');
    mark.textContent = core;
    p.append(lead, mark, trail);
  }
  p.normalize();
  return p;
}

/** Whether the text holds one of the terms whole (spaces ignored, any case). */
function hasTerm(text: string, terms: readonly string[]): boolean {
  const compact = text.replace(/\s+/g, '').toLowerCase();
  return terms.some((term) => compact.includes(term));
}

/** The query's terms as excerpt() compares them: split at spaces, without quotes, lower case. */
function termsOf(query: string): string[] {
  return query.toLowerCase().replace(/["“”]/g, ' ').split(/\s+/).filter(Boolean);
}

customElements.define('site-search', SiteSearch);
