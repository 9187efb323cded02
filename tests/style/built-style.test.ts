/**
 * One style for every figure, checked on the BUILT sites (the real one and the three fixture sites):
 * in the text our code writes around the report's own words, dates read 2022年7月29日 (17:02) with the
 * ISO form only in <time datetime>, ranks read 第N名 (never 排名8), no space stands between Chinese and
 * a numeral, and no table cell is blank. The report's own text (narrative, quotes, the 原文 columns, and
 * any string from its content files) is taken out before the check: it stays as written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, type HTMLElement, type Node } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv } from '../support/env.ts';

const work = mkdtempSync(path.join(tmpdir(), 'style-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SITES = [
  // STYLE_DIST: check another build of the real content (e.g. one from before this style, to see the test fail).
  { name: 'real', content: 'content', dist: process.env.STYLE_DIST ?? 'dist' },
  { name: 'reports-varied', content: 'tests/fixtures/reports-varied/content', dist: path.join(work, 'reports-varied') },
  { name: 'figures-varied', content: 'tests/fixtures/figures-varied/content', dist: path.join(work, 'figures-varied') },
  { name: 'multi', content: 'tests/fixtures/multi/content', dist: path.join(work, 'multi') },
];

beforeAll(() => {
  for (const site of SITES.slice(1)) {
    const result = spawnSync(process.execPath, ['scripts/build.ts'], { encoding: 'utf8', env: childEnv({ CONTENT_DIR: site.content, OUT_DIR: site.dist }) });
    expect(result.status, result.stdout + result.stderr).toBe(0);
  }
}, 400_000);

const CJK = '\\u3400-\\u9fff';
/**
 * Chinese then a space then a numeral, or a numeral (or %) then a space then Chinese; a numeral inside a
 * Latin name (UTF-8 编码) is not one; 日 17:02 is the date-time form.
 */
const SPACED = new RegExp(`[${CJK}][ \\u00a0\\u3000]+[-+]?[0-9０-９]|(?<![A-Za-z][\\w.\\-]*)[0-9０-９%][ \\u00a0\\u3000]+[${CJK}]`, 'gu');
const DATE_TIME = /\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/g;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
/** A rank written without 第…名 (全市排名8), or spaced (第 8 名). */
const RANK_WRONG = /排名\s*\d|第\s+\d|\d\s+名/g;

const BLOCK = new Set(['p', 'div', 'section', 'article', 'header', 'footer', 'main', 'nav', 'aside', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr', 'td', 'th', 'caption', 'thead', 'tbody', 'figure', 'figcaption', 'details', 'summary', 'br', 'form', 'label', 'option', 'select', 'button', 'title', 'desc']);

/** What a reader sees: text nodes as they are, a line break at each block; whitespace runs as one space. */
function visibleText(node: Node): string {
  if (node.nodeType === 3) return node.text.replace(/\s+/g, ' ');
  if (node.nodeType !== 1) return '';
  const el = node as HTMLElement;
  const tag = el.rawTagName?.toLowerCase() ?? '';
  // A meter's content is its fallback, not shown beside the meter.
  if (['script', 'style', 'template', 'noscript', 'meter', 'progress'].includes(tag)) return '';
  const inner = el.childNodes.map(visibleText).join('');
  return BLOCK.has(tag) ? `\n${inner}\n` : inner;
}

/** Every string of a site's content files: the report's own words, names and quotes (markdown lines, YAML strings). */
function contentStrings(dir: string): string[] {
  const out = new Set<string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) {
        for (const line of readFileSync(p, 'utf8').split('\n')) for (const part of line.replace(/^#+\s*|\*\*|^[-*]\s+|^\d+\.\s+/g, '').split(/\*\*/)) out.add(part.trim());
      } else if (/\.ya?ml$/.test(e.name)) {
        const leaves = (v: unknown): void => {
          if (typeof v === 'string') out.add(v.trim());
          else if (Array.isArray(v)) v.forEach(leaves);
          else if (v && typeof v === 'object') Object.values(v).forEach(leaves);
        };
        leaves(parseYaml(readFileSync(p, 'utf8')));
      }
    }
  };
  walk(dir);
  // Short strings (units, 15.0) are part of generated text too; only whole phrases are the report's own.
  return [...out].filter((s) => [...s].length >= 4).sort((a, b) => b.length - a.length);
}

/** The page with the report's own text taken out: the narrative, quotes, the 原文 columns, every content string. */
function generatedText(html: string, verbatim: readonly string[]): string {
  const doc = parse(html, { comment: false });
  // The 栏目 button's word is a label beside the page's name, set apart by the layout (a flex gap), not a
  // space inside generated text.
  doc.querySelectorAll('q, blockquote, .official > *:not(.doc-meta), .preamble, .report-menu-label').forEach((el) => el.remove());
  for (const section of doc.querySelectorAll('.narrative-node')) {
    for (const child of section.childNodes) {
      if (child.nodeType !== 1) continue;
      const el = child as HTMLElement;
      if (!el.classList.contains('point-figures') && el.rawTagName.toLowerCase() !== 'section') el.remove();
    }
  }
  for (const table of doc.querySelectorAll('table')) {
    const heads = table.querySelectorAll('thead th').map((th) => th.textContent.trim());
    const quoted = heads.flatMap((h, i) => (/原文$/.test(h) && !/完成率/.test(h) ? [i] : []));
    for (const tr of table.querySelectorAll('tbody tr')) {
      const cells = tr.childNodes.filter((n) => n.nodeType === 1) as HTMLElement[];
      for (const i of quoted) cells[i]?.set_content('');
    }
  }
  let text = visibleText(doc);
  for (const s of verbatim) if (text.includes(s)) text = text.split(s).join('¤');
  return text;
}

/** The site's pages; the help pages (editor's guide, embed guide: hand-written prose with examples) only when asked. */
function htmlFiles(dir: string, help = false): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!['pagefind', '_astro', ...(help ? [] : ['help'])].includes(e.name)) walk(p);
      } else if (e.name.endsWith('.html')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

const context = (text: string, index: number) => text.slice(Math.max(0, index - 15), index + 15).replace(/\n/g, '⏎');

describe.each(SITES)('the $name site', (site) => {
  const pages = (help = false) => {
    expect(existsSync(site.dist), `${site.dist} is built`).toBe(true);
    const verbatim = contentStrings(site.content);
    const files = htmlFiles(site.dist, help);
    // An empty or half-written build would pass every check below.
    expect(files.length, `${site.dist} has its pages`).toBeGreaterThanOrEqual(5);
    return files.map((file) => {
      const html = readFileSync(file, 'utf8');
      return { file: path.relative(site.dist, file), html, text: generatedText(html, verbatim) };
    });
  };

  it('writes no space between Chinese and a numeral, ranks as 第N名, dates in Chinese with ISO only in <time datetime>', () => {
    const found: string[] = [];
    for (const { file, text } of pages()) {
      const plain = text.replace(DATE_TIME, '¤');
      for (const m of plain.matchAll(SPACED)) found.push(`${file}: spacing “${context(plain, m.index)}”`);
      for (const m of plain.matchAll(RANK_WRONG)) found.push(`${file}: rank “${context(plain, m.index)}”`);
      for (const m of plain.matchAll(ISO_DATE)) found.push(`${file}: ISO date in reader text “${context(plain, m.index)}”`);
    }
    expect(found).toEqual([]);
  });

  it('puts every date of the disclosure block and report lists in <time datetime> with the Chinese form as its text', () => {
    let times = 0;
    for (const { file, html } of pages()) {
      for (const time of parse(html).querySelectorAll('time')) {
        times++;
        const iso = time.getAttribute('datetime') ?? '';
        expect(iso, file).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/);
        const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
        const expected = `${y}年${m}月${d}日${iso.length > 10 ? ` ${iso.slice(11)}` : ''}`;
        expect(time.textContent, file).toBe(expected);
      }
    }
    expect(times).toBeGreaterThan(0);
  });

  it('keeps the ISO forms for machines: the JSON download and Atom', () => {
    const reports = readdirSync(path.join(site.dist, 'reports'));
    expect(reports.length).toBeGreaterThan(0);
    for (const id of reports) {
      const { meta } = JSON.parse(readFileSync(path.join(site.dist, 'reports', id, 'data', `${id}.json`), 'utf8')) as { meta: Record<string, unknown> };
      expect(String(meta['publishedAt']), id).toMatch(/^(\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?|原文未提供)$/);
      expect(String(meta['writtenOn']), id).toMatch(/^(\d{4}-\d{2}-\d{2}|原文未提供)$/);
    }
    const atom = readFileSync(path.join(site.dist, 'atom.xml'), 'utf8');
    const stamps = [...atom.matchAll(/<(published|updated)>([^<]*)</g)].map((m) => m[2]);
    expect(stamps.length).toBeGreaterThan(0);
    for (const s of stamps) expect(s).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  });

  it('leaves no table cell blank: an empty one carries the one mark and its spoken meaning', () => {
    const blank: string[] = [];
    let marks = 0;
    for (const { file, html } of pages(true)) {
      for (const cell of parse(html).querySelectorAll('tbody td, tbody th')) {
        const text = cell.textContent.trim();
        if (text === '') blank.push(`${file}: ${cell.parentNode?.toString().slice(0, 200)}`);
        if (text.startsWith('—') && text.length <= 2) {
          marks++;
          expect(text, file).toBe('—无');
          expect(cell.querySelector('[aria-hidden="true"]')?.textContent, file).toBe('—');
          expect(cell.querySelector('.visually-hidden')?.textContent, file).toBe('无');
        }
        expect(text, file).not.toMatch(/^[-–－]+$/);
      }
    }
    expect(blank).toEqual([]);
    if (site.name === 'real') expect(marks).toBeGreaterThan(0);
  });
});
