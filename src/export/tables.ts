/**
 * The report's data as flat tables, the one source of the CSV files and of the Excel workbook's sheets,
 * so the two can never say different things. Values are kept as written: value, unit, bound marker and
 * implied unit in separate columns, growth and rank split into their parts, each row with the report's
 * own words (quote) and where they stand in the text (section number, heading, link to the page).
 */
import { t } from '../i18n/zh.ts';
import type { Report } from '../model/load.ts';
import { flattenNarrative, type NarrativeNode } from '../model/narrative.ts';
import { nodeLocation } from '../model/pages.ts';
import type { Quantity } from '../schemas/common.ts';
import { growthVerb, RANK_SUBJECTS } from '../model/format.ts';
import { absoluteUrl, sitePaths, type UrlContext } from '../routes.ts';
import { FIGURE_KINDS, reportFigures } from '../view/report.ts';

/** A cell: text, a number (stays a number in Excel), or empty. */
export type Cell = string | number | undefined;

export interface Table {
  /** File-name part and stable key: indicators, projects, milestones, plan. */
  id: TableId;
  /** The sheet name in the workbook and the label of the download (at most 31 characters for Excel). */
  title: string;
  columns: readonly string[];
  rows: Cell[][];
}

export type TableId = 'indicators' | 'projects' | 'milestones' | 'plan';

/** Column headers, shared by every table that has the column. */
export const COLUMNS = {
  kind: '类别',
  id: '标识',
  name: '名称',
  project: '所属项目',
  projectId: '项目标识',
  period: '时期',
  value: '数值',
  valueWritten: '数值原文写法',
  percent: '百分数性质',
  ratio: '比例',
  fromValue: '变化前数值',
  fromRatio: '变化前比例',
  fromWhen: '变化前时间',
  estimate: '预计数',
  unit: '单位',
  bound: '约数标记',
  impliedUnit: '完整单位（原文省略）',
  growthValue: '增速数值',
  growthWritten: '增速原文写法',
  growthUnit: '增速单位',
  growthKind: '增速口径',
  growthVerb: '增速动词',
  completionRate: '完成率',
  completionWritten: '完成率原文写法',
  completionTarget: '完成的目标',
  rankPosition: '排名名次',
  rankScope: '排名范围',
  rankScopeMeans: '排名范围所指',
  rankOf: '参与排名总数',
  rankWritten: '排名原文',
  rankSubject: '排名对象',
  rankShared: '共用排名标识',
  compareTo: '比较对象',
  compareValue: '相差数值',
  compareUnit: '相差单位',
  editorNote: '编者注',
  quote: '原文摘录',
  point: '出处编号',
  heading: '出处小节',
  link: '出处链接',
  status: '状态',
  summary: '现状',
  doneValue: '已完成量',
  doneUnit: '已完成量单位',
  doneBound: '已完成量约数标记',
  doneImpliedUnit: '已完成量完整单位（原文省略）',
  totalValue: '总量',
  totalUnit: '总量单位',
  totalBound: '总量约数标记',
  totalImpliedUnit: '总量完整单位（原文省略）',
  rate: '原文完成率（%）',
  rateWritten: '完成率原文写法',
  rateName: '完成率名称',
  progressPeriod: '进度时期',
  progressQuote: '进度原文摘录',
  milestone: '节点',
  milestoneDate: '节点时间',
  milestoneDone: '完成情况',
  title: '事项',
  text: '内容',
  target: '可衡量目标',
  targetValue: '目标数值',
  targetUnit: '目标单位',
  continues: '延续项目标识',
  continuesNames: '延续项目',
} as const;

export const TABLE_TITLES: Record<TableId, string> = {
  indicators: '指标和数字',
  projects: '项目进展',
  milestones: '项目节点',
  plan: '工作计划',
};

export const MILESTONE_DONE = { true: '已完成', false: '未完成' } as const;

/** Several values in one cell (two targets of one plan item) are joined with this. */
export const JOIN = '；';

/** Every table of a report, in the order of the workbook's sheets. */
export function reportTables(report: Report, ctx: UrlContext): Table[] {
  const source = sourceLocator(report, ctx);
  return [indicatorTable(report, source), projectTable(report, source), milestoneTable(report, source), planTable(report, source)];
}

type Locator = (point: string) => [point: string, heading: string, link: string];

/** Where a section number stands: the number, the heading with its parents' ordinals, a link to it. */
function sourceLocator(report: Report, ctx: UrlContext): Locator {
  const parents = new Map<string, NarrativeNode[]>();
  const walk = (nodes: NarrativeNode[], chain: NarrativeNode[]) => {
    for (const node of nodes) {
      parents.set(node.id, chain);
      walk(node.children, [...chain, node]);
    }
  };
  walk(report.narrative.parts, []);
  const nodes = new Map(flattenNarrative(report.narrative).map((n) => [n.id, n]));
  return (point) => {
    const node = nodes.get(point);
    if (!node) return [point, '', ''];
    const chain = (parents.get(point) ?? []).map((p) => p.ordinal || `${p.headline} `).join('');
    const where = nodeLocation(report, point);
    return [point, `${chain}${node.heading}`, absoluteUrl(ctx, `${sitePaths.report(report.id, where.page)}#${where.hash}`)];
  };
}

const FIGURE_COLUMNS = [
  COLUMNS.kind, COLUMNS.id, COLUMNS.name, COLUMNS.project, COLUMNS.period,
  COLUMNS.value, COLUMNS.valueWritten, COLUMNS.unit, COLUMNS.bound, COLUMNS.impliedUnit, COLUMNS.percent, COLUMNS.estimate,
  COLUMNS.ratio, COLUMNS.fromValue, COLUMNS.fromRatio, COLUMNS.fromWhen,
  COLUMNS.growthValue, COLUMNS.growthWritten, COLUMNS.growthUnit, COLUMNS.growthKind, COLUMNS.growthVerb,
  COLUMNS.completionRate, COLUMNS.completionWritten, COLUMNS.completionTarget,
  COLUMNS.compareTo, COLUMNS.compareValue, COLUMNS.compareUnit,
  COLUMNS.rankPosition, COLUMNS.rankScope, COLUMNS.rankScopeMeans, COLUMNS.rankOf, COLUMNS.rankSubject, COLUMNS.rankWritten, COLUMNS.rankShared,
  COLUMNS.editorNote, COLUMNS.quote, COLUMNS.point, COLUMNS.heading, COLUMNS.link,
] as const;

/** What a percentage is, in words, for the data files. */
const PERCENT = { share: '占比', rate: '比率（可超过100）' } as const;

function indicatorTable(report: Report, source: Locator): Table {
  const scopes = report.town.scopes;
  // The number stays a number (Excel sums it); its written form is beside it, as the report prints it
  // (a growth's without its sign: the report says 下降 in words, and the number column has the sign).
  const rows = reportFigures(report).map(({ kind, figure: f, project }): Cell[] => [
    FIGURE_KINDS[kind], f.id, f.name, project, f.period,
    f.value, f.value !== undefined ? (f.valueWritten ?? String(f.value)) : undefined, f.unit, f.bound, f.impliedUnit,
    f.unit === '%' && f.value !== undefined ? PERCENT[f.percent ?? 'share'] : undefined, f.estimate ? t.estimate : undefined,
    f.ratio, f.from?.value, f.from?.ratio, f.from?.when,
    f.growth?.value, f.growth ? (f.growth.valueWritten ?? String(f.growth.value)).replace(/^[+\-－]/, '') : undefined, f.growth?.unit, f.growth?.kind, f.growth && f.growth.value !== 0 ? growthVerb(f.growth) : undefined,
    f.completion?.rate, f.completion ? (f.completion.rateWritten ?? String(f.completion.rate)) : undefined, f.completion?.target,
    f.compare?.to, f.compare?.value, f.compare?.unit,
    f.rank?.position, f.rank?.scope, f.rank ? scopes[f.rank.scope] : undefined, f.rank?.of,
    f.rank?.subject ? RANK_SUBJECTS[f.rank.subject] : undefined, f.rank?.written, f.rank?.shared,
    f.editorNote, f.quote, ...source(f.point),
  ]);
  return { id: 'indicators', title: TABLE_TITLES.indicators, columns: FIGURE_COLUMNS, rows };
}

const quantityCells = (q: Quantity | undefined): Cell[] => [q?.value, q?.unit, q?.bound, q?.impliedUnit];

function projectTable(report: Report, source: Locator): Table {
  const columns = [
    COLUMNS.id, COLUMNS.name, COLUMNS.status, COLUMNS.summary,
    COLUMNS.doneValue, COLUMNS.doneUnit, COLUMNS.doneBound, COLUMNS.doneImpliedUnit,
    COLUMNS.totalValue, COLUMNS.totalUnit, COLUMNS.totalBound, COLUMNS.totalImpliedUnit,
    COLUMNS.rate, COLUMNS.rateWritten, COLUMNS.rateName, COLUMNS.progressPeriod, COLUMNS.progressQuote,
    COLUMNS.quote, COLUMNS.point, COLUMNS.heading, COLUMNS.link,
  ] as const;
  const rows = report.projects.map((p): Cell[] => [
    p.id, p.name, t.status[p.status], p.summary,
    ...quantityCells(p.progress?.done), ...quantityCells(p.progress?.total),
    p.progress?.rate, p.progress?.rate !== undefined ? (p.progress.rateWritten ?? String(p.progress.rate)) : undefined, p.progress?.rateName, p.progress?.period, p.progress?.quote,
    p.quote, ...source(p.point),
  ]);
  return { id: 'projects', title: TABLE_TITLES.projects, columns, rows };
}

function milestoneTable(report: Report, source: Locator): Table {
  const columns = [
    COLUMNS.projectId, COLUMNS.project, COLUMNS.milestone, COLUMNS.milestoneDate, COLUMNS.milestoneDone,
    COLUMNS.quote, COLUMNS.point, COLUMNS.heading, COLUMNS.link,
  ] as const;
  const rows = report.projects.flatMap((p) =>
    p.milestones.map((m): Cell[] => [p.id, p.name, m.text, m.date, MILESTONE_DONE[`${m.done}`], m.quote, ...source(p.point)]),
  );
  return { id: 'milestones', title: TABLE_TITLES.milestones, columns, rows };
}

function planTable(report: Report, source: Locator): Table {
  const projects = new Map(report.projects.map((p) => [p.id, p.name]));
  const columns = [
    COLUMNS.id, COLUMNS.title, COLUMNS.text, COLUMNS.target, COLUMNS.targetValue, COLUMNS.targetUnit,
    COLUMNS.continues, COLUMNS.continuesNames, COLUMNS.quote, COLUMNS.point, COLUMNS.heading, COLUMNS.link,
  ] as const;
  const rows = report.plan.map((item): Cell[] => {
    // One target is the usual case and keeps its number a number; several are joined in one cell.
    const targets = item.targets;
    const single = targets.length === 1 ? targets[0] : undefined;
    const joined = (values: (string | number | undefined)[]) => (values.some((v) => v !== undefined) ? values.map((v) => v ?? '').join(JOIN) : undefined);
    return [
      item.id, item.title, item.text,
      joined(targets.map((target) => target.text)),
      single ? single.value : joined(targets.map((target) => target.value)),
      single ? single.unit : joined(targets.map((target) => target.unit)),
      item.continues.length ? item.continues.join(JOIN) : undefined,
      item.continues.length ? item.continues.map((id) => projects.get(id) ?? id).join(JOIN) : undefined,
      item.quote, ...source(item.point),
    ];
  });
  return { id: 'plan', title: TABLE_TITLES.plan, columns, rows };
}
