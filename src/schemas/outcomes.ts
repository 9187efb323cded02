/**
 * outcomes.yaml (optional): how this report answers the plan items of earlier reports — promises kept
 * (承诺兑现). Each outcome points at an earlier report's plan item and says what became of it.
 */
import { z } from 'zod';
import { idSchema, list, MAX, PLAN_REFERENCE_PATTERN, quoteSchema, text } from './common.ts';

export const outcomeStatusSchema = z
  .enum(['done', 'in-progress', 'not-done'])
  .describe('落实情况：done 已完成，in-progress 推进中，not-done 未完成');

export const outcomeSchema = z
  .strictObject({
    plan: z
      .string()
      .regex(PLAN_REFERENCE_PATTERN, { error: '应写成“报告标识/计划事项标识”，如 nantang-2022-h1/equipment-park-production' })
      // Two identifiers and the slash between them.
      .max(2 * MAX.id + 1)
      .describe('回应的是哪一期报告的哪项计划：报告标识/计划事项标识，如 nantang-2022-h1/equipment-park-production'),
    status: outcomeStatusSchema,
    summary: text(MAX.sentence).describe('落实情况的一句话说明，照本期报告原文概括'),
    figures: list(idSchema).default([]).describe('本期报告中作为佐证的数字或项目标识（indicators、figures、projects 中的 id）'),
    quote: quoteSchema,
  })
  .describe('计划落实情况');

export const outcomesFileSchema = z
  .strictObject({ outcomes: list(outcomeSchema).describe('对以往报告计划事项的落实情况') })
  .describe('outcomes.yaml：上期计划落实情况（承诺兑现）');

export type Outcome = z.infer<typeof outcomeSchema>;
