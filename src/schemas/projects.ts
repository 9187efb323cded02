/** Projects and actions of the report, with their status, progress and milestones. */
import { z } from 'zod';
import { figureSchema, idSchema, keepWritten, list, MAX, numberAsWritten, periodTextSchema, quantitySchema, quoteSchema, text } from './common.ts';

export const projectStatusSchema = z
  .enum(['planned', 'in-progress', 'done', 'ongoing'])
  .describe('状态：planned 计划中，in-progress 推进中，done 已完成，ongoing 常态化工作');

/**
 * Done against total, and the rate the report states; the two are kept even when they disagree. A
 * completion may pass its target (完成全年目标任务的135%): neither the rate nor done is capped.
 */
export const progressSchema = keepWritten(
  z.strictObject({
    done: quantitySchema.optional().describe('已完成量，如 817处、8500万元；超额完成时可以大于总量'),
    total: quantitySchema.optional().describe('总量或目标，如 872处'),
    rate: numberAsWritten('原文写明的完成率（%），如 拆整率达97.19% 写 97.19；超额完成可以超过 100，如 完成全年目标任务的135% 写 135', { min: 0, max: 10000 }).optional(),
    rateName: text(MAX.word).optional().describe('完成率的原文名称，如 拆整率、完成率'),
    period: periodTextSchema.optional(),
    quote: quoteSchema,
  }),
)
  .refine((p) => p.done !== undefined || p.rate !== undefined, { error: '进度至少要有已完成量（done）或完成率（rate）' })
  .refine((p) => p.done === undefined || p.total === undefined || p.done.unit === p.total.unit, {
    error: '已完成量和总量的单位应一致',
    path: ['total', 'unit'],
  })
  .describe('进度');

export const milestoneSchema = z
  .strictObject({
    text: text(MAX.title).describe('节点内容，如 园区正式电网建成'),
    date: text(MAX.word).optional().describe('时间，照原文：4月底、2月初'),
    done: z.boolean().describe('是否已完成'),
    quote: quoteSchema,
  })
  .describe('节点');

export const projectSchema = z
  .strictObject({
    id: idSchema,
    name: text(MAX.name).describe('项目或工作名称'),
    point: text(MAX.word).describe('出自正文哪一点，如 s1-1-2'),
    status: projectStatusSchema,
    summary: text(MAX.sentence).describe('一句话现状，照原文概括'),
    progress: progressSchema.optional(),
    milestones: list(milestoneSchema).default([]).describe('节点列表'),
    figures: list(figureSchema).default([]).describe('与项目有关的其他数字，如 面积5万平方米'),
    quote: quoteSchema,
  })
  .describe('项目或工作');

export const projectsFileSchema = z
  .strictObject({ projects: list(projectSchema).describe('项目和工作列表') })
  .describe('projects.yaml：项目与进度');

export type Project = z.infer<typeof projectSchema>;
export type Progress = z.infer<typeof progressSchema>;
