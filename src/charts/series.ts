/** The series charts of every town, shared by the series pages and their build-time pictures. */
import type { Chart } from '../schemas/charts.ts';
import { buildChart, type ChartSpec } from './spec.ts';
import { t } from '../i18n/zh.ts';
import type { SiteContent } from '../model/load.ts';
import { seriesOf, townsWithReports, type Series } from '../model/towns.ts';

export function allSeries(content: SiteContent): { series: Series; spec: ChartSpec }[] {
  return townsWithReports(content).flatMap(({ town }) =>
    seriesOf(content, town).map((series) => {
      const latest = series.points.at(-1)!.report;
      const chart: Chart = { id: series.id, kind: 'series', title: t.seriesTitle(series.name), note: t.seriesNote, items: [series.id] };
      return { series, spec: buildChart(latest, chart, content.reports) };
    }),
  );
}
