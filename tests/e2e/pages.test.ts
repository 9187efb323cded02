/**
 * The built site as a reader meets it: every report has its pages, and every figure of the content is on
 * the site. That every page opens without console errors, shows every chart and draws it when touched and, on a report's
 * overview, carries the disclosure block is asserted on the one shared visit of each page, with the
 * quality gates: tests/gates/site-pages.test.ts ('every page in Chromium').
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/model/load.ts';
import { formatNumber } from '../../src/model/format.ts';

const DIST = path.resolve('dist');

function pagesOf(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return pagesOf(full, `${prefix}${name}/`);
    return name === 'index.html' ? [prefix] : [];
  });
}

const pages = pagesOf(DIST);

describe('the pages of the site', () => {
  it('the site has the pages of every report', () => {
    const { content } = loadContent(path.resolve('content'));
    for (const report of content!.reports) {
      for (const page of ['', 'indicators/', 'projects/', 'plan/', 'fulltext/', 'part-1/']) {
        expect(pages).toContain(`reports/${report.id}/${page}`);
      }
    }
  });
});

describe('every figure of the content is on the site', () => {
  it('each indicator, figure and progress number appears on the pages of its report', () => {
    const { content } = loadContent(path.resolve('content'));
    for (const report of content!.reports) {
      const html = pagesOf(path.join(DIST, 'reports', report.id))
        .map((p) => readFileSync(path.join(DIST, 'reports', report.id, p, 'index.html'), 'utf8'))
        .join('\n');
      const figures = [...report.indicators, ...report.figures, ...report.projects.flatMap((p) => p.figures)];
      for (const f of figures) {
        if (f.value !== undefined) expect(html, `${f.id} value`).toContain(`${formatNumber(f.value)}${f.bound ?? ''}${f.unit}`);
        if (f.growth) expect(html, `${f.id} growth`).toContain(`${formatNumber(Math.abs(f.growth.value))}${f.growth.unit}`);
        if (f.rank) expect(html, `${f.id} rank`).toContain(`第${f.rank.position}名`);
      }
      for (const p of report.projects) {
        if (p.progress?.rate !== undefined) expect(html, `${p.id} rate`).toContain(`${p.progress.rate}%`);
        if (p.progress?.done) expect(html, `${p.id} done`).toContain(`${formatNumber(p.progress.done.value)}${p.progress.done.unit}`);
        if (p.progress?.total) expect(html, `${p.id} total`).toContain(`${formatNumber(p.progress.total.value)}${p.progress.total.unit}`);
      }
      for (const item of report.plan) for (const t of item.targets) expect(html, `${item.id} target`).toContain(t.text);
    }
  });
});

describe('the plan and promises pages say a shared remark once', () => {
  it('the plan page says 原文未写可衡量目标 once, with how many items it is true of, and lists the targets stated', () => {
    const { content } = loadContent(path.resolve('content'));
    for (const report of content!.reports) {
      const html = readFileSync(path.join(DIST, 'reports', report.id, 'plan/index.html'), 'utf8');
      const without = report.plan.filter((p) => p.targets.length === 0).length;
      expect(html.split('原文未写可衡量目标').length - 1, report.id).toBe(without > 0 ? 1 : 0);
      if (without > 0) expect(html).toContain(`${without}项`);
    }
  });
});
