/** The charts of a report, listed in content so editors can add and reorder them. */
import { z } from 'zod';
import { idSchema, list, MAX, text } from './common.ts';

export const chartKindSchema = z
  .enum(['growth', 'rank', 'progress', 'series'])
  .describe('图表类型：growth 增速条形图，rank 排名图，progress 完成进度，series 跨期趋势');

export const chartSchema = z
  .strictObject({
    id: idSchema,
    kind: chartKindSchema,
    title: text(MAX.title).describe('图表标题'),
    caption: text(MAX.sentence).optional().describe('图下说明'),
    note: text(MAX.sentence).optional().describe('数据来源和时期说明'),
    items: list(idSchema, MAX.chartItems)
      .min(1)
      .describe('图中的数据项：指标、关键数字或项目的 id，按此顺序（增速图会按数值排序）'),
  })
  .describe('图表');

export const chartsFileSchema = z
  .strictObject({ charts: list(chartSchema).describe('图表列表，按页面显示顺序') })
  .describe('charts.yaml：图表');

export type Chart = z.infer<typeof chartSchema>;
export type ChartKind = z.infer<typeof chartKindSchema>;
