/** The pages of a report and their names, in navigation order; part pages follow the report's parts. */
import { t } from '../i18n/zh.ts';
import type { Report } from './load.ts';
import type { NarrativeNode } from './narrative.ts';
import type { Figure } from '../schemas/common.ts';
import type { PlanItem } from '../schemas/plan.ts';

export interface NavEntry {
  page: string;
  label: string;
}

export function partPage(part: NarrativeNode): string {
  return `part-${part.id.slice(1)}/`;
}

export function reportNav(report: Report): NavEntry[] {
  return [
    { page: '', label: t.pages.overview },
    ...report.narrative.parts.map((part) => ({ page: partPage(part), label: part.headline })),
    { page: 'indicators/', label: t.pages.indicators },
    { page: 'projects/', label: t.pages.projects },
    { page: 'plan/', label: t.pages.plan },
    { page: 'promises/', label: t.pages.promises },
    { page: 'infographic/', label: t.pages.infographic },
    { page: 'fulltext/', label: t.pages.fulltext },
  ];
}

/** The page and anchor where a narrative node is shown. */
export function nodeLocation(report: Report, nodeId: string): { page: string; hash: string } {
  const part = report.narrative.parts.find((p) => nodeId === p.id || nodeId.startsWith(`${p.id}-`));
  return { page: part ? partPage(part) : '', hash: nodeId };
}

/** Figures of a report grouped by the narrative point they were taken from. */
export function figuresByPoint(report: Report): Map<string, Figure[]> {
  return groupBy([...report.indicators, ...report.figures, ...report.projects.flatMap((p) => p.figures)], (f) => f.point);
}

export function planByPoint(report: Report): Map<string, PlanItem[]> {
  return groupBy(report.plan, (p) => p.point);
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}
