/**
 * From a chart listed in charts.yaml to everything a page needs to show it to everyone: the rows to
 * plot, the labels printed on the bars, a Chinese summary generated from the data, and the data table.
 */
import type { Chart, ChartKind } from '../schemas/charts.ts';
import type { Figure } from '../schemas/common.ts';
import type { Project } from '../schemas/projects.ts';
import type { Report } from '../model/load.ts';
import { formatGrowth, formatNumber, formatPercent, formatQuantity, formatReportPeriod, toYuan } from '../model/format.ts';
import { periodLabel } from '../model/period.ts';
import { periodOrder } from '../model/towns.ts';
import { itemsById } from '../model/items.ts';

export interface ChartRow {
  id: string;
  label: string;
  /** The number the bar shows: growth %, completion %, or for ranks the bar length (better = longer). */
  plotted: number;
  /** Printed on the bar, so no value depends on colour or on reading the axis. */
  display: string;
  negative: boolean;
}

export interface ChartSpec {
  id: string;
  kind: ChartKind;
  title: string;
  caption?: string;
  note?: string;
  summary: string;
  rows: ChartRow[];
  axis: { min: number; max: number; label: string };
  /** For rank charts: the worst place shown, so ticks can be printed as 第N名. */
  rankAxisMax?: number;
  table: { head: string[]; rows: string[][]; numeric: boolean[] };
}

type Item = Figure | Project;

export function chartItems(report: Report): Map<string, Item> {
  return itemsById(report.indicators, report.figures, report.projects);
}

const isProject = (item: Item): item is Project => 'status' in item;
const nameOf = (item: Item) => item.name;

/**
 * @param history the town's reports, any order; a series chart follows its indicator (by id) through
 * them. Other kinds use only `report`.
 */
export function buildChart(report: Report, chart: Chart, history: readonly Report[] = [report]): ChartSpec {
  const items = chartItems(report);
  const picked = chart.items.map((id) => items.get(id)).filter((x): x is Item => x !== undefined);
  const base = { id: chart.id, kind: chart.kind, title: chart.title, ...(chart.caption ? { caption: chart.caption } : {}), ...(chart.note ? { note: chart.note } : {}) };
  switch (chart.kind) {
    case 'growth':
      return { ...base, ...growthChart(picked as Figure[]) };
    case 'rank':
      return { ...base, ...rankChart(picked as Figure[], report.town.scopes) };
    case 'progress':
      return { ...base, ...progressChart(picked) };
    case 'series':
      return { ...base, ...seriesChart(chart.items[0]!, report, history) };
  }
}

function growthChart(figures: Figure[]) {
  const rows = figures
    .filter((f) => f.growth)
    .map((f) => ({
      id: f.id,
      label: f.name,
      plotted: f.growth!.value,
      display: `${f.growth!.value < 0 ? '下降 ' : ''}${formatNumber(Math.abs(f.growth!.value))}${f.growth!.unit}`,
      negative: f.growth!.value < 0,
      figure: f,
    }))
    .sort((a, b) => b.plotted - a.plotted);
  const values = rows.map((r) => r.plotted);
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  const falling = rows.filter((r) => r.negative);
  const first = rows[0];
  const last = rows.at(-1);
  const summary = rows.length === 0 ? '没有可显示的增速。' : [
    `共 ${rows.length} 项指标，${falling.length === 0 ? '全部为正增长' : `其中 ${falling.length} 项下降（${falling.map((r) => r.label).join('、')}）`}。`,
    first ? `增速最高的是${first.label}（${first.display}）` : '',
    last && last !== first ? `，最低的是${last.label}（${last.display}）。` : '。',
  ].join('');
  return {
    summary,
    rows: rows.map(({ figure: _figure, ...row }) => row),
    axis: { min: Math.floor(min / 5) * 5, max: Math.ceil((max * 1.15) / 5) * 5 || 5, label: '增速（%）' },
    table: {
      head: ['指标', '时期', '数值', '增速', '增速口径'],
      numeric: [false, false, true, true, false],
      rows: rows.map(({ figure: f }) => [
        f.name,
        f.period ? periodLabel(f.period) : '',
        f.value !== undefined && f.unit ? formatQuantity({ value: f.value, unit: f.unit, bound: f.bound }) : '—',
        formatGrowth(f.growth!).replace(/^\S+ /, ''),
        f.growth!.kind ?? '原文未注明',
      ]),
    },
  };
}

function rankChart(figures: Figure[], scopes: Record<string, string>) {
  const ranked = figures.filter((f) => f.rank);
  const worst = Math.max(10, ...ranked.map((f) => f.rank!.of ?? f.rank!.position));
  const rows = ranked
    .map((f) => ({
      id: f.id,
      label: `${f.name}（${f.rank!.scope}）`,
      plotted: worst + 1 - f.rank!.position,
      display: `第${f.rank!.position}名${f.rank!.of ? `／共${f.rank!.of}` : ''}`,
      negative: false,
      figure: f,
    }))
    .sort((a, b) => a.figure.rank!.position - b.figure.rank!.position);
  const top3 = rows.filter((r) => r.figure.rank!.position <= 3);
  const top10 = rows.filter((r) => r.figure.rank!.position <= 10);
  const summary = rows.length === 0 ? '没有可显示的排名。' : [
    `共 ${rows.length} 项排名，名次越小越好。`,
    top3.length ? `进入前三的有 ${top3.length} 项：${top3.map((r) => `${r.label}${r.display}`).join('、')}。` : '没有进入前三的项目。',
    `进入前十的有 ${top10.length} 项。`,
    rows.some((r) => !r.figure.rank!.of) ? '原文未写明参与排名的总数。' : '',
  ].join('');
  return {
    summary,
    rows: rows.map(({ figure: _figure, ...row }) => row),
    axis: { min: 0, max: worst, label: '名次（越靠右越好）' },
    rankAxisMax: worst,
    table: {
      head: ['项目', '排名范围', '名次', '时期', '原文'],
      numeric: [false, false, true, false, false],
      rows: rows.map(({ figure: f }) => [
        f.name,
        scopes[f.rank!.scope] ? `${f.rank!.scope}（${scopes[f.rank!.scope]}）` : f.rank!.scope,
        `第${f.rank!.position}名${f.rank!.of ? `（共${f.rank!.of}个）` : ''}`,
        f.period ? periodLabel(f.period) : '',
        f.rank!.written,
      ]),
    },
  };
}

/** Completion: the rate the report states; done/total is shown beside it, never substituted. */
function progressChart(items: Item[]) {
  const rows = items.map((item) => {
    if (isProject(item) && item.progress) {
      const p = item.progress;
      const computed = p.done && p.total && p.total.value > 0 ? (p.done.value / p.total.value) * 100 : undefined;
      const rate = p.rate ?? computed ?? 0;
      const counts = p.done && p.total ? `${formatNumber(p.done.value)}/${formatQuantity(p.total)}` : p.done ? formatQuantity(p.done) : '';
      return {
        id: item.id,
        label: nameOf(item),
        plotted: rate,
        display: `${formatNumber(Number(rate.toFixed(2)))}%${counts ? `（${counts}）` : ''}`,
        negative: false,
        cells: [
          nameOf(item),
          p.done ? formatQuantity(p.done) : '—',
          p.total ? formatQuantity(p.total) : '原文未写',
          p.rate !== undefined ? `${p.rate}%${p.rateName ? `（${p.rateName}）` : ''}` : '原文未写',
          computed !== undefined ? formatPercent(computed) : '—',
        ],
      };
    }
    const f = item as Figure;
    return {
      id: f.id,
      label: f.name,
      plotted: f.value ?? 0,
      display: `${formatNumber(f.value ?? 0)}%${f.rank ? `，${f.rank.written}` : ''}`,
      negative: false,
      cells: [f.name, '—', '—', `${formatNumber(f.value ?? 0)}%`, '—'],
    };
  });
  const summary = rows.length === 0 ? '没有可显示的进度。' : `${rows.map((r) => `${r.label} ${r.display}`).join('；')}。`;
  return {
    summary,
    rows: rows.map(({ cells: _cells, ...row }) => row),
    axis: { min: 0, max: 100, label: '完成率（%）' },
    table: {
      head: ['项目', '已完成', '总量', '原文完成率', '按数量计算'],
      numeric: [false, true, true, true, true],
      rows: rows.map((r) => r.cells),
    },
  };
}

/**
 * One indicator across the town's reports up to this one. Money is converted to the latest unit;
 * each point keeps its own period, and differing cut-offs (1-5月 vs 1-6月) are said in the summary.
 */
function seriesChart(indicatorId: string, report: Report, history: readonly Report[]) {
  const points = history
    .filter((r) => r.town.id === report.town.id && periodOrder(r) <= periodOrder(report))
    .map((r) => ({ report: r, figure: chartItems(r).get(indicatorId) as Figure | undefined }))
    .filter((p): p is { report: Report; figure: Figure } => p.figure !== undefined && (p.figure.value !== undefined || p.figure.growth !== undefined))
    .sort((a, b) => periodOrder(a.report) - periodOrder(b.report));
  const latest = points.at(-1)?.figure;
  const byValue = points.every((p) => p.figure.value !== undefined);
  const latestYuan = latest ? toYuan(latest) : undefined;
  const scale = latest && latestYuan !== undefined && latest.value ? latestYuan / latest.value : undefined;
  const rows = points.map(({ report: r, figure: f }) => {
    const yuan = toYuan(f);
    const plotted = byValue ? (scale && yuan !== undefined ? yuan / scale : f.value!) : f.growth!.value;
    const cutoff = f.period ? periodLabel(f.period) : '';
    return {
      id: r.id,
      label: `${formatReportPeriod(r.meta.period)}${cutoff ? `（${cutoff}）` : ''}`,
      plotted,
      display: byValue ? formatQuantity({ value: f.value!, unit: f.unit!, bound: f.bound }) : `${formatNumber(f.growth!.value)}${f.growth!.unit}`,
      negative: plotted < 0,
      cutoff,
      figure: f,
    };
  });
  const cutoffs = [...new Set(rows.map((r) => r.cutoff))];
  const first = rows[0];
  const last = rows.at(-1);
  const name = latest?.name ?? indicatorId;
  const summary = rows.length < 2
    ? `${name}目前只有一期数据${last ? `：${last.label} ${last.display}` : ''}。`
    : `${name}：${first!.label} ${first!.display}，${last!.label} ${last!.display}，共 ${rows.length} 期。` +
      (cutoffs.length > 1 ? `各期数据截止时间不同（${cutoffs.filter(Boolean).join('、')}），不宜直接比较。` : '');
  const values = rows.map((r) => r.plotted);
  const unitLabel = byValue ? (latest?.impliedUnit ?? latest?.unit ?? '') : (latest?.growth?.unit ?? '%');
  return {
    summary,
    rows: rows.map(({ figure: _figure, cutoff: _cutoff, ...row }) => row),
    axis: { min: -niceCeil(-Math.min(0, ...values)), max: niceCeil(Math.max(0, ...values) * 1.15), label: `${name}（${unitLabel}）` },
    table: {
      head: ['时期', '数据截止', '数值', '增速'],
      numeric: [false, false, true, true],
      rows: rows.map(({ figure: f, cutoff, label }) => [
        label.replace(/（.*）$/, ''),
        cutoff || '原文未写',
        f.value !== undefined && f.unit ? formatQuantity({ value: f.value, unit: f.unit, bound: f.bound }) : '—',
        f.growth ? formatGrowth(f.growth) : '—',
      ]),
    },
  };
}

/** The smallest 1, 2, 2.5 or 5 times a power of ten that is at least `value` (0 stays 0). */
function niceCeil(value: number): number {
  if (value <= 0) return 0;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((v) => v >= value)!;
}
