/** The report's numbers: statistical indicators, and the key figures of every section. */
import { z } from 'zod';
import { figureSchema, list, sharedRankSchema } from './common.ts';

export const indicatorsFileSchema = z
  .strictObject({
    indicators: list(figureSchema)
      .describe('主要经济指标；id 在各期报告中保持一致，用于跨期对比'),
  })
  .describe('indicators.yaml：主要指标');

export const figuresFileSchema = z
  .strictObject({
    figures: list(figureSchema).describe('各部分的关键数字：数量、比率、排名'),
    ranks: list(sharedRankSchema)
      .default([])
      .describe('一句话同时给几项数字排名时（“A、B、C分别增长…，增速均居全市第二”），在这里填一次，items 列出这几项的 id；页面在每一项上显示'),
  })
  .describe('figures.yaml：关键数字');
