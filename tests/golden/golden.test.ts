/**
 * Golden files, Observable Framework style: the report of tests/fixtures/golden/content beside what each
 * output is expected to be, in tests/golden/expected/. A mismatch writes <name>-changed.<ext> next to the
 * expected file to compare (git-ignored); a missing expected file is written, except when CI=true, where
 * it fails. Time zone (vitest.config.ts) and date are pinned, so nothing here depends on the machine.
 *
 * The fixture has a falling growth (同比下降 2.5%), two items sharing one rank (两项均居全县第二) and a
 * completion rate computed from done and total. The second, tests/fixtures/figures-varied (its files
 * prefixed figures-varied-), has the figures of issue 12: numbers as written (15.0%, 0.610亿元, 1,234,
 * ４.９１), completion 135% and 180%, a rank shared by four items, inexact ranks (前三), a ratio, a
 * change from–to, a comparison, 年均增长, 预计, lower bounds (超, 1万余人次), 万美元 and an 编者注.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { reportDownloads } from '../../src/export/downloads.ts';
import { loadContent } from '../../src/model/load.ts';
import { siteRoutes } from '../../src/routes.ts';
import { reportView } from '../../src/view/report.ts';

const EXPECTED = path.resolve('tests/golden/expected');

beforeAll(() => vi.setSystemTime(new Date('2024-06-30T12:00:00+08:00')));
afterAll(() => vi.useRealTimers());

function compare(name: string, actual: string): void {
  const expectedFile = path.join(EXPECTED, name);
  const changedFile = expectedFile.replace(/(\.[^.]+)$/, '-changed$1');
  if (!existsSync(expectedFile)) {
    if (process.env['CI'] === 'true') throw new Error(`no expected file ${name}: run the tests without CI=true to write it, then review it`);
    mkdirSync(EXPECTED, { recursive: true });
    writeFileSync(expectedFile, actual);
    return;
  }
  const expected = readFileSync(expectedFile, 'utf8');
  if (actual === expected) rmSync(changedFile, { force: true });
  else writeFileSync(changedFile, actual);
  expect(actual, `${name} differs: compare ${path.relative(process.cwd(), changedFile)}`).toBe(expected);
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

for (const [fixture, prefix] of [['golden', ''], ['figures-varied', 'figures-varied-']] as const) {
const { content, problems } = loadContent(path.resolve(`tests/fixtures/${fixture}/content`));
const report = content!.reports[0]!;
const urls = { publicUrl: content!.site.publicUrl, base: '/' };
const golden = (name: string, actual: string) => compare(`${prefix}${name}`, actual);

describe(`golden outputs of ${report.id}`, () => {
  it('loads without problems', () => expect(problems).toEqual([]));

  it('report view: every text form of every figure, the charts and their pages, the tables', () => {
    const view = reportView(report, content!.reports);
    golden(
      'view.json',
      json({
        figures: view.figures.map(({ figure, kind, project, text }) => ({ id: figure.id, kind, ...(project ? { project } : {}), text })),
        highlights: view.highlights.map((f) => f.figure.id),
        figuresByPoint: Object.fromEntries([...view.figuresByPoint].map(([point, figures]) => [point, figures.map((f) => f.figure.id)])),
        charts: view.charts.map(({ spec, ...chart }) => ({ id: spec.id, ...chart })),
        overviewCharts: view.overviewCharts.map((c) => c.spec.id),
        indicatorTable: view.indicatorTable,
        projects: view.projects.map(({ project, progress, figures }) => ({ id: project.id, progress, figures: figures.map((f) => f.figure.id) })),
        previous: view.previous?.id ?? null,
        next: view.next?.id ?? null,
        routes: {
          chart: siteRoutes(urls).pictures(view.charts[0]!.pictures),
          embed: siteRoutes(urls).absolute(view.charts[0]!.embed),
        },
      }),
    );
  });

  it('chart specs: rows, printed labels, summaries, data tables', () => {
    golden('charts.json', json(reportView(report, content!.reports).charts.map((c) => c.spec)));
  });

  it('CSV and JSON downloads, byte for byte', () => {
    const downloads = reportDownloads(report, { ...urls, utcOffset: content!.site.utcOffset });
    const text = (file: string) => new TextDecoder().decode(downloads.find((d) => d.file === file)!.bytes);
    golden('indicators.csv', text(`${report.id}-indicators.csv`));
    golden('projects.csv', text(`${report.id}-projects.csv`));
    golden('report.json', text(`${report.id}.json`));
  });
});
}
