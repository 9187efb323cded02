/**
 * From a chart listed in charts.yaml to everything a page needs to show it to everyone: the rows to
 * plot, the labels printed on the bars, a Chinese summary generated from the data, and the data table.
 * Every figure reads as src/view/figure.ts writes it; src/view/report.ts builds each chart once.
 */
import type { Chart, ChartKind } from '../schemas/charts.ts';
import type { Figure } from '../schemas/common.ts';
import type { Project } from '../schemas/projects.ts';
import type { Report } from '../model/load.ts';
import { cell, EMPTY_MARK, formatCount, formatNumber, formatReportPeriod, toBaseAmount } from '../model/format.ts';
import { periodOrder } from '../model/towns.ts';
import { itemsById } from '../model/items.ts';
import { figureText, progressText } from '../view/figure.ts';

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
      return { ...base, ...growthChart(picked as Figure[], report.town.scopes) };
    case 'rank':
      return { ...base, ...rankChart(picked as Figure[], report.town.scopes) };
    case 'progress':
      return { ...base, ...progressChart(picked, report.town.scopes) };
    case 'series':
      return { ...base, ...seriesChart(chart.items[0]!, report, history) };
  }
}

/** A falling row in a summary: its name, and the report's own verb when it is not 下降 (缩短, 回落). */
function fallingLabel(r: { label: string; figure: Figure }): string {
  const verb = r.figure.growth?.verb;
  return verb && verb !== '下降' ? `${r.label}${verb}` : r.label;
}

function growthChart(figures: Figure[], scopes: Record<string, string>) {
  const rows = figures
    .filter((f) => f.growth)
    .map((f) => ({
      id: f.id,
      label: f.name,
      plotted: f.growth!.value,
      display: figureText(f, scopes).growth!.amount,
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
    `${formatCount(rows.length, '项指标')}，${falling.length === 0 ? '全部为正增长' : `其中${falling.length}项下降（${falling.map(fallingLabel).join('、')}）`}。`,
    first ? `增速最高的是${first.label}（${first.display}）` : '',
    last && last !== first ? `，最低的是${last.label}（${last.display}）。` : '。',
  ].join('');
  return {
    summary,
    rows: rows.map(({ figure: _figure, ...row }) => row),
    axis: { min: Math.floor(min / 5) * 5, max: Math.ceil((max * 1.15) / 5) * 5 || 5, label: '增速（%）' },
    table: {
      // The charted column (增速) right after the name: on a phone it stays in view beside the fixed first column.
      head: ['指标', '增速', '数值', '时期', '增速口径'],
      numeric: [false, true, true, false, false],
      rows: rows.map(({ figure: f }) => {
        const text = figureText(f, scopes);
        return [f.name, text.growth!.amount, cell(text.quantity), cell(text.period), text.growth!.kind];
      }),
    },
  };
}

/**
 * Ranks, better places longer. The scale is the worst place the chart knows (the stated number of
 * places, else the worst position shown), never an invented one; a rank the report gives no exact place
 * for (前三, 前列) is listed as written with no bar.
 */
function rankChart(figures: Figure[], scopes: Record<string, string>) {
  const ranked = figures.filter((f) => f.rank);
  const positionOf = (f: Figure) => f.rank!.position;
  const worst = Math.max(1, ...ranked.map((f) => f.rank!.of ?? positionOf(f) ?? 1));
  const rows = ranked
    .map((f) => {
      const text = figureText(f, scopes).rank!;
      const position = positionOf(f);
      return {
        id: f.id,
        // The scope in brackets, unless the name already ends with it (综合实力（同类乡镇）).
        label: `${f.name}${text.subject}${f.name.endsWith(`（${f.rank!.scope}）`) && !text.subject ? '' : `（${f.rank!.scope}）`}`,
        plotted: position === undefined ? 0 : worst + 1 - position,
        display: text.placeShort,
        negative: false,
        figure: f,
      };
    })
    .sort((a, b) => (positionOf(a.figure) ?? Infinity) - (positionOf(b.figure) ?? Infinity));
  const exact = rows.filter((r) => positionOf(r.figure) !== undefined);
  const inexact = rows.filter((r) => positionOf(r.figure) === undefined);
  const top3 = exact.filter((r) => positionOf(r.figure)! <= 3);
  const summary = rows.length === 0 ? '没有可显示的排名。' : [
    `${formatCount(rows.length, '项排名')}，名次越小越好。`,
    exact.length === 0 ? '' : top3.length ? `进入前三的有${top3.length}项：${top3.map((r) => `${r.label}${r.display}`).join('、')}。` : '没有名次进入前三的项目。',
    inexact.length ? `原文未写确切名次的有${inexact.length}项：${inexact.map((r) => `${r.label}“${r.display}”`).join('、')}。` : '',
    exact.some((r) => !r.figure.rank!.of) ? '原文未写明参与排名的总数。' : '',
  ].join('');
  return {
    summary,
    rows: rows.map(({ figure: _figure, ...row }) => row),
    axis: { min: 0, max: worst, label: '名次（越靠右越好）' },
    rankAxisMax: worst,
    table: {
      head: ['项目', '名次', '排名范围', '时期', '原文'],
      numeric: [false, true, false, false, false],
      rows: rows.map(({ figure: f }) => {
        const text = figureText(f, scopes);
        return [f.name, text.rank!.placeOf, text.rank!.scope, cell(text.period), f.rank!.written];
      }),
    },
  };
}

/** Completion: the rate the report states; done/total is shown beside it, never substituted. */
function progressChart(items: Item[], scopes: Record<string, string>) {
  const rows = items.map((item) => {
    if (isProject(item) && item.progress) {
      const p = progressText(item.progress);
      // Validation lets only a project with a stated rate or done and total into a progress chart.
      const rate = p.shown ?? 0;
      return {
        id: item.id,
        label: nameOf(item),
        plotted: rate,
        display: `${p.stated ?? `${formatNumber(Number(rate.toFixed(2)))}%`}${p.counts ? `（${p.counts}）` : ''}`,
        negative: false,
        cells: [
          nameOf(item),
          p.stated ? `${p.stated}${item.progress.rateName ? `（${item.progress.rateName}）` : ''}` : '原文未写',
          cell(p.done),
          p.total ?? '原文未写',
          cell(p.computedText),
        ],
      };
    }
    // A figure with a completion of its target (完成任务的117.46%), or that is itself a rate (its value
    // in %), with the rank the report gives it.
    const f = item as Figure;
    const text = figureText(f, scopes);
    if (text.completion !== undefined) {
      return {
        id: f.id,
        label: f.name,
        plotted: text.completionRate!,
        display: `${text.completion}${text.rank ? `，${text.rank.brief}` : ''}`,
        negative: false,
        cells: [f.name, text.completion, cell(text.quantity), EMPTY_MARK, EMPTY_MARK],
      };
    }
    return {
      id: f.id,
      label: f.name,
      plotted: f.value ?? 0,
      display: `${text.rate}${text.rank ? `，${text.rank.brief}` : ''}`,
      negative: false,
      cells: [f.name, text.rate, EMPTY_MARK, EMPTY_MARK, EMPTY_MARK],
    };
  });
  const over = rows.filter((r) => r.plotted > 100);
  const summary = rows.length === 0 ? '没有可显示的进度。' : `${rows.map((r) => `${r.label}：${r.display}`).join('；')}。` +
    (over.length ? `超过100%的有${over.length}项：${over.map((r) => r.label).join('、')}。` : '');
  return {
    summary,
    rows: rows.map(({ cells: _cells, ...row }) => row),
    // Past 100% the axis runs on; the grey rest of each bar still ends at 100%, the target.
    axis: { min: 0, max: Math.max(100, niceCeil(Math.max(0, ...rows.map((r) => r.plotted)))), label: '完成率（%）' },
    table: {
      head: ['项目', '原文完成率', '已完成', '总量', '按数量计算'],
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
  // Money is converted to the latest unit only within one currency (万元 and 亿元, never 万美元 and 亿元).
  const latestBase = latest ? toBaseAmount(latest) : undefined;
  const scale = latest && latestBase && latest.value ? latestBase.amount / latest.value : undefined;
  const rows = points.map(({ report: r, figure: f }) => {
    const base = toBaseAmount(f);
    const plotted = byValue ? (scale && base && base.currency === latestBase!.currency ? base.amount / scale : f.value!) : f.growth!.value;
    const text = figureText(f, r.town.scopes);
    const cutoff = text.period ?? '';
    return {
      id: r.id,
      label: `${formatReportPeriod(r.meta.period)}${cutoff ? `（${cutoff}）` : ''}`,
      plotted,
      display: byValue ? text.quantity! : text.growth!.amount,
      negative: plotted < 0,
      cutoff,
      text,
    };
  });
  const cutoffs = [...new Set(rows.map((r) => r.cutoff))];
  const first = rows[0];
  const last = rows.at(-1);
  const name = latest?.name ?? indicatorId;
  const summary = rows.length < 2
    ? `${name}目前只有一期数据${last ? `：${last.label}${last.display}` : ''}。`
    : `${name}：${first!.label}${first!.display}，${last!.label}${last!.display}，${formatCount(rows.length, '期')}。` +
      (cutoffs.length > 1 ? `各期数据截止时间不同（${cutoffs.filter(Boolean).join('、')}），不宜直接比较。` : '');
  const values = rows.map((r) => r.plotted);
  const unitLabel = byValue ? (latest?.impliedUnit ?? latest?.unit ?? '') : (latest?.growth?.unit ?? '%');
  return {
    summary,
    rows: rows.map(({ text: _text, cutoff: _cutoff, ...row }) => row),
    axis: { min: -niceCeil(-Math.min(0, ...values)), max: niceCeil(Math.max(0, ...values) * 1.15), label: `${name}（${unitLabel}）` },
    table: {
      head: ['时期', '数据截止', '数值', '增速'],
      numeric: [false, false, true, true],
      rows: rows.map(({ text, cutoff, label }) => [label.replace(/（.*）$/, ''), cutoff || '原文未写', cell(text.quantity), cell(text.growth?.text)]),
    },
  };
}

/** The smallest 1, 2, 2.5 or 5 times a power of ten that is at least `value` (0 stays 0). */
function niceCeil(value: number): number {
  if (value <= 0) return 0;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((v) => v >= value)!;
}
