/**
 * A report's items by id: its indicators, figures and projects with their own figures. Charts
 * (src/charts/spec.ts) and outcomes refer to items by these ids; validation (src/validation/cross.ts)
 * checks the references over the parsed files, the charts read them over the loaded report.
 */
import type { Figure } from '../schemas/common.ts';
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
