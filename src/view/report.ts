/**
 * One view of a report, built once per report, that every output reads: its figures with every text form
 * a reader sees (src/view/figure.ts), its chart specs and the pages each chart is shown on, the indicator
 * table, its projects' completion, the previous and next report of the town. The report's pages, the
 * chart pictures and 一图读懂, the data downloads and the embeds all start here, so a figure, a chart or a
 * list of figures is made in one place.
 */
import { t } from '../i18n/zh.ts';
import { cell } from '../model/format.ts';
import type { Report } from '../model/load.ts';
import { neighbours } from '../model/towns.ts';
import { chartPictures, type PicturePaths, type ReportPage, sitePaths } from '../routes.ts';
import type { Figure } from '../schemas/common.ts';
import type { PlanItem } from '../schemas/plan.ts';
import type { Project } from '../schemas/projects.ts';
import { buildChart, type ChartSpec } from '../charts/spec.ts';
import { figureText, progressText, type FigureText, type ProgressText } from './figure.ts';
import { metaView, type MetaView } from './meta.ts';

/** The kinds of figure a report has, as the data files name them. */
export const FIGURE_KINDS = { indicator: '主要指标', figure: '关键数字', project: '项目数字' } as const;

export interface FigureView {
  figure: Figure;
  kind: keyof typeof FIGURE_KINDS;
  /** The name of the project the figure belongs to. */
  project?: string;
  text: FigureText;
}

export interface ChartView {
  spec: ChartSpec;
  /** The report pages that show the chart, the first its home (the embed's canonical page). */
  pages: ReportPage[];
  home: ReportPage;
  /** Its build-time pictures inside the site. */
  pictures: PicturePaths;
  /** Its embed page inside the site. */
  embed: string;
  /** Download names of its pictures start with this. */
  downloadName: string;
}

export interface ProjectView {
  project: Project;
  progress?: ProgressText;
  figures: FigureView[];
}

export interface DataTableView {
  head: string[];
  rows: string[][];
  numeric: boolean[];
}

export interface ReportView {
  report: Report;
  /** Its metadata as shown: the disclosure rows, meta tags, its three dates, the excerpt notice (src/view/meta.ts). */
  meta: MetaView;
  /** Every figure: the indicators, the key figures of each section, the projects' figures, in that order. */
  figures: FigureView[];
  /** The figures the report marks as key figures (cards, 一图读懂). */
  highlights: FigureView[];
  /** Figures and plan items by the narrative point they were taken from. */
  figuresByPoint: Map<string, FigureView[]>;
  planByPoint: Map<string, PlanItem[]>;
  /** In charts.yaml order. */
  charts: ChartView[];
  /** The charts the overview shows: the first two. */
  overviewCharts: ChartView[];
  indicatorTable: DataTableView;
  projects: ProjectView[];
  previous?: Report;
  next?: Report;
}

/** Every figure of a report with its kind and project: the one list outputs show or export. */
export function reportFigures(report: Report): Omit<FigureView, 'text'>[] {
  return [
    ...report.indicators.map((figure) => ({ kind: 'indicator' as const, figure })),
    ...report.figures.map((figure) => ({ kind: 'figure' as const, figure })),
    ...report.projects.flatMap((p) => p.figures.map((figure) => ({ kind: 'project' as const, figure, project: p.name }))),
  ];
}

const views = new WeakMap<Report, ReportView>();

/** @param reports every report of the site: series charts and 上一期/下一期 follow the town through them. */
export function reportView(report: Report, reports: readonly Report[]): ReportView {
  const cached = views.get(report);
  if (cached) return cached;
  const scopes = report.town.scopes;
  const view = (f: Omit<FigureView, 'text'>): FigureView => ({ ...f, text: figureText(f.figure, scopes) });
  const figures = reportFigures(report).map(view);
  const byFigure = new Map(figures.map((f) => [f.figure, f]));
  const charts = report.charts.map((chart): ChartView => {
    const pages = chartPages(report, chart.items, chart.kind);
    return {
      spec: buildChart(report, chart, reports),
      pages,
      home: pages[0] ?? 'projects/',
      pictures: chartPictures(report.id, chart.id),
      embed: sitePaths.embed(report.id, chart.id),
      downloadName: `${report.id}-${chart.id}`,
    };
  });
  const built: ReportView = {
    report,
    meta: metaView(report.meta),
    figures,
    highlights: figures.filter((f) => f.figure.highlight),
    figuresByPoint: groupBy(figures, (f) => f.figure.point),
    planByPoint: groupBy(report.plan, (p) => p.point),
    charts,
    overviewCharts: charts.slice(0, 2),
    indicatorTable: {
      head: [t.table.name, t.table.period, t.table.value, t.table.growth, t.table.rank, t.table.source],
      numeric: [false, false, true, false, false, false],
      rows: figures
        .filter((f) => f.kind === 'indicator')
        .map(({ figure: f, text }) => [
          f.name,
          cell(text.period),
          (text.quantity ? text.quantity + (f.impliedUnit ? `（${t.impliedUnit(f.impliedUnit)}）` : '') : '原文未写') + (text.completion ? `，${text.completion}` : ''),
          cell(text.growth?.described),
          cell(text.rank?.full),
          f.quote,
        ]),
    },
    projects: report.projects.map((project) => ({
      project,
      ...(project.progress ? { progress: progressText(project.progress) } : {}),
      figures: project.figures.map((f) => byFigure.get(f)!),
    })),
    ...neighbours(report, reports),
  };
  views.set(report, built);
  return built;
}

/**
 * indicators/ shows every chart with a figure in it; projects/ the completion charts of projects. A
 * chart of projects only that is no completion chart is on neither: its embed still names projects/.
 */
function chartPages(report: Report, items: readonly string[], kind: string): ReportPage[] {
  const projectIds = new Set(report.projects.map((p) => p.id));
  return [
    ...(items.some((id) => !projectIds.has(id)) ? ['indicators/' as const] : []),
    ...(kind === 'progress' && items.some((id) => projectIds.has(id)) ? ['projects/' as const] : []),
  ];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}
