/** Plan items for the next period (下半年工作思路), with measurable targets where the text gives one. */
import { z } from 'zod';
import { idSchema, list, MAX, quoteSchema, text, unitSchema } from './common.ts';

export const targetSchema = z
  .strictObject({
    text: text(MAX.title).describe('目标原文，如 实现6家规上企业全部投产'),
    value: z.number().optional().describe('目标数值，如 6'),
    unit: unitSchema('目标单位，如 家').optional(),
  })
  .refine((t) => (t.value === undefined) === (t.unit === undefined), { error: '目标数值和单位要一起填', path: ['unit'] })
  .describe('可衡量的目标');

export const planItemSchema = z
  .strictObject({
    id: idSchema,
    point: text(MAX.word).describe('出自“下半年工作思路”哪一点，如 s2-1'),
    title: text(MAX.title).describe('工作事项的简短名称'),
    text: text(MAX.passage).describe('事项内容，照原文'),
    targets: list(targetSchema).default([]).describe('原文写明的可衡量目标；没有就不填'),
    continues: list(idSchema).default([]).describe('延续的本期项目标识（projects.yaml 中的 id）'),
    quote: quoteSchema,
  })
  .describe('计划事项');

export const planFileSchema = z
  .strictObject({ plan: list(planItemSchema).describe('下一阶段计划事项') })
  .describe('plan.yaml：下一阶段工作计划');

export type PlanItem = z.infer<typeof planItemSchema>;
