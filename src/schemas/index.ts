/**
 * Every content file and the schema that validates it: the one list the loader, the editor's JSON
 * Schemas (scripts/schemas.ts) and the editor's guide follow.
 */
import { chartsFileSchema } from './charts.ts';
import { figuresFileSchema, indicatorsFileSchema } from './figures.ts';
import { outcomesFileSchema } from './outcomes.ts';
import { planFileSchema } from './plan.ts';
import { projectsFileSchema } from './projects.ts';
import { reportSchema } from './report.ts';
import { siteSchema } from './site.ts';
import { townSchema } from './town.ts';

/** The YAML files of a report folder, each with the schema that validates it; optional ones may be absent. */
export const REPORT_FILES = {
  report: { file: 'report.yaml', schema: reportSchema, optional: false },
  indicators: { file: 'indicators.yaml', schema: indicatorsFileSchema, optional: false },
  figures: { file: 'figures.yaml', schema: figuresFileSchema, optional: false },
  projects: { file: 'projects.yaml', schema: projectsFileSchema, optional: false },
  plan: { file: 'plan.yaml', schema: planFileSchema, optional: false },
  charts: { file: 'charts.yaml', schema: chartsFileSchema, optional: false },
  outcomes: { file: 'outcomes.yaml', schema: outcomesFileSchema, optional: true },
} as const;

export type ReportFileKey = keyof typeof REPORT_FILES;

/** Every YAML content file by glob (relative to the project root), for the editor's JSON Schemas. */
export const CONTENT_SCHEMAS = [
  { name: 'site', glob: 'content/site.yaml', schema: siteSchema },
  { name: 'town', glob: 'content/towns/*.yaml', schema: townSchema },
  ...Object.entries(REPORT_FILES).map(([name, { file, schema }]) => ({ name, glob: `content/reports/*/${file}`, schema })),
] as const;
