/** The pages of a report and their names, in navigation order; part pages follow the report's parts. */
import { t } from '../i18n/zh.ts';
import type { Report } from './load.ts';
import type { NarrativeNode } from './narrative.ts';
import type { ReportPage } from '../routes.ts';

export interface NavEntry {
  page: ReportPage;
  label: string;
}

export function partPage(part: NarrativeNode): ReportPage {
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
export function nodeLocation(report: Report, nodeId: string): { page: ReportPage; hash: string } {
  const part = report.narrative.parts.find((p) => nodeId === p.id || nodeId.startsWith(`${p.id}-`));
  return { page: part ? partPage(part) : '', hash: nodeId };
}
