/** content/towns/<id>.yaml: a town, where it sits, and what its reports mean by a rank scope. */
import { z } from 'zod';

export const townSchema = z
  .strictObject({
    name: z.string().min(1).describe('乡镇名称，如 南塘镇'),
    county: z.string().min(1).describe('所属县（市、区），如 乐清市'),
    prefecture: z.string().min(1).describe('所属地级市，如 温州市'),
    province: z.string().min(1).describe('所属省份，如 浙江省'),
    scopes: z
      .record(z.string().min(1), z.string().min(1))
      .default({})
      .describe('排名范围的写法和它所指的地方，如 全市: 乐清市、温州: 温州市'),
  })
  .describe('乡镇信息');

export type Town = z.infer<typeof townSchema>;
