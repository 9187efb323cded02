/** content/towns/<id>.yaml: a town, where it sits (as far as the source says), and what its reports mean by a rank scope. */
import { z } from 'zod';
import { MAX, text } from './common.ts';
import { NOT_GIVEN } from './report.ts';

/** The source may not say where the town lies (a work report rarely names its province): 原文未提供, warned by the check. */
const HINT = `；原文没有的填 ${NOT_GIVEN}（检查会给出一条警告）`;

export const townSchema = z
  .strictObject({
    name: text(MAX.name).describe('乡镇名称，如 南塘镇'),
    county: text(MAX.name).describe(`所属县（市、区），如 乐清市${HINT}`),
    prefecture: text(MAX.name).describe(`所属地级市，如 温州市${HINT}`),
    province: text(MAX.name).describe(`所属省份，如 浙江省${HINT}`),
    scopes: z
      .record(text(MAX.word), text(MAX.name))
      .default({})
      .describe('排名范围的写法和它所指的地方，如 全市: 乐清市、温州: 温州市'),
  })
  .describe('乡镇信息');

export type Town = z.infer<typeof townSchema>;
