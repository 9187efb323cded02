/**
 * Published embed addresses never change: portals link to them for years. This list is the 2022 H1
 * report's embeds as first published; removing or renaming a chart (or its report) fails here.
 * Adding charts is fine: add their addresses below once published.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const PUBLISHED = [
  '/embed/nantang-2022-h1/indicator-growth/',
  '/embed/nantang-2022-h1/indicator-rank/',
  '/embed/nantang-2022-h1/vaccination-coverage/',
  '/embed/nantang-2022-h1/project-progress/',
  '/embed/loader.js',
];

const { dist } = inject('gates');

describe('published embed addresses', () => {
  it.each(PUBLISHED)('%s still exists', (url) => {
    const file = path.join(dist, url, url.endsWith('/') ? 'index.html' : '');
    expect(existsSync(file), `${url} was published and must keep working`).toBe(true);
  });

  it('every chart of every report has an embed page', () => {
    const reports = readdirSync(path.join(dist, 'embed'), { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(reports.length).toBeGreaterThan(0);
    for (const report of reports) {
      const charts = readdirSync(path.join(dist, 'reports', report.name, 'charts')).filter((f) => f.endsWith('.svg')).map((f) => f.slice(0, -4));
      for (const chart of charts) expect(existsSync(path.join(dist, 'embed', report.name, chart, 'index.html')), `${report.name}/${chart}`).toBe(true);
    }
  });
});
