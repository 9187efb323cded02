/**
 * The site across reports: towns and their reports in period order, the previous and next report of
 * a town, indicators that recur (matched by their stable id, never by name), and promises kept.
 */
import type { Figure } from '../schemas/common.ts';
import type { Outcome } from '../schemas/outcomes.ts';
import type { PlanItem } from '../schemas/plan.ts';
import type { Report, SiteContent, TownEntry } from './load.ts';
import { dateOrder, given } from './report-dates.ts';

/** Sortable position of a report's period: year, then the last month it covers. */
export function periodOrder(report: Report): number {
  const p = report.meta.period;
  const endMonth = p.kind === 'year' ? 12 : p.kind === 'half' ? (p.number ?? 1) * 6 : (p.number ?? 1) * 3;
  return p.year * 100 + endMonth;
}

/** Oldest first; reports of the same period by publication (or the date standing in for it: dateOrder). */
function chronological(a: Report, b: Report): number {
  return periodOrder(a) - periodOrder(b) || dateOrder(a.meta).localeCompare(dateOrder(b.meta));
}

export interface TownReports {
  town: TownEntry;
  /** Newest first. */
  reports: Report[];
}

/** Towns with their reports, the town that published most recently first. */
export function townsWithReports(content: SiteContent): TownReports[] {
  return content.towns
    .map((town) => ({ town, reports: content.reports.filter((r) => r.town.id === town.id).sort((a, b) => chronological(b, a)) }))
    .filter((t) => t.reports.length > 0)
    .sort((a, b) => latest(b.reports).localeCompare(latest(a.reports)));
}

/** The newest date (dateOrder) among reports. */
function latest(reports: readonly Report[]): string {
  return reports.map((r) => dateOrder(r.meta)).sort().at(-1) ?? '';
}

export interface CountyTowns {
  /** Undefined where the town file records 原文未提供: such towns are grouped together, as 未注明. */
  county?: string;
  prefecture?: string;
  /** The town that published most recently first, as townsWithReports orders them. */
  towns: TownReports[];
}

/**
 * Towns with reports grouped by their county (city, district), the county that published most recently
 * first; towns whose county the source does not give (原文未提供) form one group of their own.
 */
export function townsByCounty(content: SiteContent): CountyTowns[] {
  const groups = new Map<string, CountyTowns>();
  for (const entry of townsWithReports(content)) {
    const county = given(entry.town.county);
    const prefecture = county === undefined ? undefined : given(entry.town.prefecture);
    const key = JSON.stringify([prefecture, county]);
    const group = groups.get(key) ?? { ...(county ? { county } : {}), ...(prefecture ? { prefecture } : {}), towns: [] };
    group.towns.push(entry);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Where a town lies as far as its file says, largest first (浙江省嘉兴市桐乡市): parts recorded as 原文未提供 left out. */
export function placeOf(town: TownEntry, parts: readonly ('province' | 'prefecture' | 'county')[] = ['province', 'prefecture', 'county']): string {
  return parts.map((part) => given(town[part]) ?? '').join('');
}

/** The town's report of the period before and after this one (上一期 / 下一期). */
export function neighbours(report: Report, reports: readonly Report[]): { previous?: Report; next?: Report } {
  const own = reports.filter((r) => r.town.id === report.town.id).sort(chronological);
  const i = own.indexOf(report);
  return { ...(i > 0 ? { previous: own[i - 1]! } : {}), ...(i < own.length - 1 ? { next: own[i + 1]! } : {}) };
}

export interface Series {
  id: string;
  /** The latest report's name for it. */
  name: string;
  town: TownEntry;
  /** Oldest first, each with the figure as that report states it. */
  points: { report: Report; figure: Figure }[];
}

/** Indicators that appear in two or more reports of a town, matched by id. */
export function seriesOf(content: SiteContent, town: TownEntry): Series[] {
  const reports = content.reports.filter((r) => r.town.id === town.id).sort(chronological);
  const byId = new Map<string, { report: Report; figure: Figure }[]>();
  for (const report of reports) {
    for (const figure of report.indicators) byId.set(figure.id, [...(byId.get(figure.id) ?? []), { report, figure }]);
  }
  return [...byId.entries()]
    .filter(([, points]) => points.length >= 2)
    .map(([id, points]) => ({ id, name: points.at(-1)!.figure.name, town, points }));
}

export interface PlanPromise {
  item: PlanItem;
  /** Later reports' answers to it. */
  answers: { report: Report; outcome: Outcome }[];
  /** answered; unanswered although a later report exists; or awaiting the next report. */
  state: 'answered' | 'unanswered' | 'awaiting';
}

/** What this report promised, and what the town's later reports said of each promise. */
export function promisesOf(content: SiteContent, report: Report): PlanPromise[] {
  const later = content.reports.filter((r) => r.town.id === report.town.id && chronological(r, report) > 0);
  return report.plan.map((item) => {
    const key = `${report.id}/${item.id}`;
    const answers = later.flatMap((r) => r.outcomes.filter((o) => o.plan === key).map((outcome) => ({ report: r, outcome })));
    return { item, answers, state: answers.length > 0 ? 'answered' : later.length > 0 ? 'unanswered' : 'awaiting' };
  });
}

/** The earlier promises this report answers, each with the plan item and the report it came from. */
export function answersIn(content: SiteContent, report: Report): { outcome: Outcome; item?: PlanItem; from?: Report }[] {
  return report.outcomes.map((outcome) => {
    const [reportId, planId] = outcome.plan.split('/');
    const from = content.reports.find((r) => r.id === reportId);
    const item = from?.plan.find((p) => p.id === planId);
    return { outcome, ...(item ? { item } : {}), ...(from ? { from } : {}) };
  });
}
