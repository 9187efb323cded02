/**
 * What the importer drafts, typed from the content schemas (`z.input`, the form an editor writes): a
 * field the schema renames or retypes breaks the importer's compile instead of its drafts. Beside the
 * schema's fields a draft carries only what the YAML writer needs and the site never reads: the number
 * as the report wrote it (12.0) and the notes written as `# 待核对：…` comments.
 */
import type { z } from 'zod';
import type { completionSchema, figureSchema, growthSchema, rankSchema, sharedRankSchema } from '../schemas/common.ts';
import type { planItemSchema, targetSchema } from '../schemas/plan.ts';
import type { progressSchema, projectSchema } from '../schemas/projects.ts';

/** The number as written (12.0), when it differs from the value. */
interface WrittenForm {
  written?: string;
}

/** Things for the editor to check, written as `# 待核对：…` above the item. */
interface ReviewNotes {
  review: string[];
}

export type DraftGrowth = z.input<typeof growthSchema> & WrittenForm;

export type DraftRank = z.input<typeof rankSchema>;

/** A rank several figures share (figures.yaml `ranks`): its items are the drafted figures, given ids when written. */
export type DraftSharedRank = Omit<z.input<typeof sharedRankSchema>, 'id' | 'items'> & { items: DraftFigure[] };

export type DraftCompletion = z.input<typeof completionSchema> & WrittenForm;

export type DraftProgress = z.input<typeof progressSchema>;

/** A figure without its id (given when the report's ids are allocated) and the editor's highlight. */
export type DraftFigure = Omit<z.input<typeof figureSchema>, 'id' | 'highlight' | 'growth' | 'completion'> &
  WrittenForm &
  ReviewNotes & { growth?: DraftGrowth; completion?: DraftCompletion };

/** A project with progress: the importer drafts no milestones. */
export type DraftProject = Omit<z.input<typeof projectSchema>, 'id' | 'progress' | 'figures' | 'milestones'> &
  ReviewNotes & { progress: DraftProgress; figures: DraftFigure[] };

/** A target the plan's sentence states with its number: value and unit are always there. */
export type DraftTarget = z.input<typeof targetSchema> & { value: number; unit: string };

export type DraftPlanItem = Omit<z.input<typeof planItemSchema>, 'id' | 'targets' | 'continues'> & ReviewNotes & { targets: DraftTarget[] };
