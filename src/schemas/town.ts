/** content/towns/<id>.yaml: a town, where it sits, and what its reports mean by a rank scope. */
import { z } from 'zod';
import { MAX, text } from './common.ts';

export const townSchema = z
  .strictObject({
    name: text(MAX.name).describe('乡镇名称，如 南塘镇'),
    county: text(MAX.name).describe('所属县（市、区），如 乐清市'),
    prefecture: text(MAX.name).describe('所属地级市，如 温州市'),
    province: text(MAX.name).describe('所属省份，如 浙江省'),
    scopes: z
      .record(text(MAX.word), text(MAX.name))
      .default({})
      .describe('排名范围的写法和它所指的地方，如 全市: 乐清市、温州: 温州市'),
  })
  .describe('乡镇信息');

export type Town = z.infer<typeof townSchema>;
