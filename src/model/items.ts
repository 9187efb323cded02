/**
 * A report's items by id: its indicators, figures and projects with their own figures. Charts
 * (src/charts/spec.ts) and outcomes refer to items by these ids; validation (src/validation/cross.ts)
 * checks the references over the parsed files, the charts read them over the loaded report.
 */
import type { Figure, Rank, SharedRank } from '../schemas/common.ts';
import type { Project } from '../schemas/projects.ts';

export function itemsById(indicators: readonly Figure[], figures: readonly Figure[], projects: readonly Project[]): Map<string, Figure | Project> {
  const map = new Map<string, Figure | Project>();
  for (const f of [...indicators, ...figures]) map.set(f.id, f);
  for (const p of projects) {
    map.set(p.id, p);
    for (const f of p.figures) map.set(f.id, f);
  }
  return map;
}

/**
 * Each figure a shared rank statement names (figures.yaml `ranks`) gets that rank, with the statement's
 * id and quote, so every output shows it on the figure as if written there; the statement is entered once.
 */
export function withSharedRanks<T extends { indicators: Figure[]; figures: Figure[]; projects: Project[] }>(report: T, ranks: readonly SharedRank[]): T {
  if (ranks.length === 0) return report;
  const byFigure = new Map<string, Rank>();
  for (const { id, items, quote, ...rank } of ranks) for (const item of items) byFigure.set(item, { ...rank, shared: id, quote });
  const apply = (f: Figure): Figure => {
    const rank = byFigure.get(f.id);
    return rank && !f.rank ? { ...f, rank } : f;
  };
  return {
    ...report,
    indicators: report.indicators.map(apply),
    figures: report.figures.map(apply),
    projects: report.projects.map((p) => ({ ...p, figures: p.figures.map(apply) })),
  };
}
