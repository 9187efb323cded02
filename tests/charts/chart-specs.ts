/** Every chart spec of the real content and of the test fixtures (long labels, negative, rank and progress rows). */
import path from 'node:path';
import { buildChart, chartItems, type ChartSpec } from '../../src/charts/spec.ts';
import { loadContent } from '../../src/model/load.ts';

export const CONTENT_DIRS = ['content', 'tests/fixtures/figures-varied/content', 'tests/fixtures/multi/content', 'tests/fixtures/reports-varied/content'];

export function allChartSpecs(): { dir: string; report: string; spec: ChartSpec }[] {
  return CONTENT_DIRS.flatMap((dir) => {
    const { content } = loadContent(path.resolve(dir));
    if (!content) throw new Error(`${dir}: content does not load`);
    return content.reports.flatMap((report) => report.charts.map((chart) => ({ dir, report: report.id, spec: buildChart(report, chart, content.reports) })));
  });
}

/** Every chart label and every name of a figure or project the contents hold: the texts charts wrap. */
export function allLabels(): string[] {
  const names = CONTENT_DIRS.flatMap((dir) => {
    const { content } = loadContent(path.resolve(dir));
    return (content?.reports ?? []).flatMap((report) => [...chartItems(report).values()].map((item) => item.name));
  });
  return [...new Set([...allChartSpecs().flatMap(({ spec }) => spec.rows.map((r) => r.label)), ...names])];
}
