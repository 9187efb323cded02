/**
 * Building blocks shared by every content schema. Each field's `describe()` text is the editor's
 * documentation: it is shown by the editor's YAML extension and in validation messages.
 */
import { z } from 'zod';

/**
 * Every length limit of the content, in one place. Generous: each is at least five times the longest
 * in the reports so far (in brackets), so no real report meets one. But bounded, so that a slip (a
 * whole document pasted into a title) is a located message instead of megabyte pages and pictures
 * hundreds of thousands of pixels tall. Lengths are counted as zod counts them: a Chinese character is one.
 */
export const MAX = {
  /** Identifiers (32). */
  id: 200,
  /** Units, periods, rank scopes, section numbers: words as written (7). */
  word: 50,
  /** Names of figures, projects, towns and bodies; index numbers, keywords, breadcrumbs (27). */
  name: 150,
  /** Titles of reports, charts and plan items; milestones and targets (26). */
  title: 200,
  /** Headings of the text, # to ### (57). */
  heading: 300,
  /** One or two sentences: descriptions, summaries, captions, notes (76). */
  sentence: 500,
  /** Quotes and the plan's texts (141). */
  passage: 2000,
  /** Web addresses (67). */
  url: 1000,
  /** Entries of a list (25). */
  items: 500,
  /** Items of one chart, each a bar and a row of its picture (7). */
  chartItems: 50,
} as const;

/** Text that is not empty and at most `max` characters long. */
export const text = (max: number) => z.string().min(1).max(max);

/** A list of at most `max` entries. */
export const list = <T extends z.ZodType>(item: T, max: number = MAX.items) => z.array(item).max(max);

/**
 * ％ is % in full width, the form Chinese input methods type. Read as % once, here, so the 0–100 check,
 * the progress chart and the formatting treat both alike. Not a silent correction of the report: the
 * sign is the same, only its width differs.
 */
const samePercent = <T extends string>(unit: T) => (unit === '％' ? '%' : unit) as Exclude<T, '％'> | '%';

/**
 * A unit as written (亿元, 户, %), with ％ read as %. The description goes on the text itself, where
 * validation messages look for a field's name.
 */
export const unitSchema = (description: string) => text(MAX.word).describe(description).transform(samePercent);

/**
 * Lower-case latin letters, digits and hyphens: ids are URL segments and file names (report folders,
 * chart pictures, downloads), so they must need no escaping anywhere.
 */
const ID = '[a-z0-9]+(?:-[a-z0-9]+)*';
export const ID_PATTERN = new RegExp(`^${ID}$`);
/** A reference to a plan item of a report: 报告标识/计划事项标识. */
export const PLAN_REFERENCE_PATTERN = new RegExp(`^${ID}/${ID}$`);

/** A stable identifier: lower-case latin letters, digits and hyphens, e.g. `industrial-output`. */
export const idSchema = z
  .string()
  .regex(ID_PATTERN, { error: '标识只能用小写英文字母、数字和连字符，例如 industrial-output' })
  .max(MAX.id)
  .describe('标识（id）：小写英文字母、数字和连字符，发布后不要再改');

/** A calendar date written as YYYY-MM-DD that exists. */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD，例如 2022-07-04' })
  // Only a well-formed date can be checked against the calendar; a malformed one has its own message.
  .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || isRealDate(s), { error: '这一天在日历上不存在' })
  .describe('日期，格式 YYYY-MM-DD');

/** A date with a time, YYYY-MM-DD HH:MM, local time of the issuing body. */
export const dateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, { error: '日期时间格式应为 YYYY-MM-DD HH:MM，例如 2022-07-29 17:02' })
  .refine((s) => !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(s) || (isRealDate(s.slice(0, 10)) && isRealTime(s.slice(11))), { error: '这个日期或时间不存在' })
  .describe('日期和时间，格式 YYYY-MM-DD HH:MM（北京时间）');

export function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function isRealTime(s: string): boolean {
  const [h, min] = s.split(':').map(Number) as [number, number];
  return h >= 0 && h <= 23 && min >= 0 && min <= 59;
}

/**
 * A verbatim excerpt of the report's text: the pointer from a structured figure back to the sentence
 * it came from. Validation checks that it occurs, character for character, in the narrative.
 */
export const quoteSchema = z
  .string()
  .min(2)
  .max(MAX.passage)
  .describe('原文摘录：从正文中原样复制的句子或短语，用于核对数字出处，必须与正文逐字一致');

/**
 * The time a figure covers, as the report writes it (1-5月份, 截至6月底, 第一季度, 4月份, 上半年, 今年以来…).
 * The code reads the months it covers; a form it cannot read is reported.
 */
export const periodTextSchema = z
  .string()
  .min(2)
  .max(MAX.word)
  .describe('数据时期，照原文写：如 1-5月份、截至6月底、3月底、第一季度、4月份、上半年、今年以来');

/** Words that make a figure a bound instead of an exact count: 500余人次, 800多人. */
export const boundSchema = z
  .enum(['余', '多', '以上', '近', '约'])
  .describe('约数标记：原文写“500余人次”时填 余；“800多人”填 多。余/多/以上 表示下限');

/** A rank of the town within a scope (全市 = 乐清市, 温州 …); 1 is best. */
export const rankSchema = z
  .strictObject({
    position: z.number().int().min(1).describe('名次：1 表示第一，必须是不小于 1 的整数'),
    scope: text(MAX.word).describe('排名范围，照原文写：全市、乐清、温州、同类乡镇…（在 town 文件中说明全市指哪里）'),
    of: z.number().int().min(1).optional().describe('参与排名的总数，原文未写时不填'),
    written: text(MAX.word).describe('原文写法，如 全市排名8、全市排名第四、温州第2'),
  })
  .refine((r) => r.of === undefined || r.position <= r.of, { error: '名次不能大于参与排名的总数', path: ['position'] })
  .describe('排名');

/** A growth rate as stated: 累计增速10.8%, 同比下降3.2%, 增长1.5个百分点. */
export const growthSchema = z
  .strictObject({
    value: z.number().min(-100).max(10000).describe('增速数值；下降写负数，如 同比下降3.2% 写 -3.2'),
    unit: z.enum(['%', '％', '个百分点']).default('%').transform(samePercent).describe('单位：% 或 个百分点'),
    kind: z
      .enum(['累计增速', '同比', '环比', '增速'])
      .optional()
      .describe('增速口径，照原文：累计增速、同比、环比；原文没写口径时不填'),
  })
  .describe('增速');

/** The value and unit of a figure, exactly as the report writes them. */
const quantityFields = {
  value: z.number().describe('数值，照原文：4.91亿元 写 4.91，单位另填'),
  unit: unitSchema('单位，照原文：亿元、亿、万元、条、户、处、% …'),
  bound: boundSchema.optional(),
  impliedUnit: unitSchema('原文省略的完整单位，如原文写“2.48亿”而指亿元时填 亿元；页面照原文显示，换算时用它').optional(),
};

export const quantitySchema = z.strictObject(quantityFields).describe('数量');

/**
 * One figure of the report: an indicator (规上工业产值 4.91亿元, 累计增速10.8%, 全市排名8) or a key figure
 * of a section (12339条, 92.71%). Value, growth and rank are each optional, but one must be there.
 */
export const figureSchema = z
  .strictObject({
    id: idSchema,
    name: text(MAX.name).describe('指标或数字的名称，如 规上工业产值、涉疫数据处理量'),
    point: text(MAX.word).describe('出自正文哪一点，填正文小节编号，如 s1-1-1（一、(一) 一是）'),
    period: periodTextSchema.optional(),
    ...quantityFields,
    value: quantityFields.value.optional(),
    unit: quantityFields.unit.optional(),
    growth: growthSchema.optional(),
    rank: rankSchema.optional(),
    highlight: z.boolean().default(false).describe('是否作为关键数字卡片显示在报告首页'),
    quote: quoteSchema,
  })
  .refine((f) => f.value !== undefined || f.growth !== undefined || f.rank !== undefined, {
    error: '数值（value）、增速（growth）、排名（rank）至少要填一项',
  })
  .refine((f) => (f.value === undefined) === (f.unit === undefined), {
    error: '数值（value）和单位（unit）要一起填',
    path: ['unit'],
  })
  .refine((f) => f.unit !== '%' || f.value === undefined || (f.value >= 0 && f.value <= 100), {
    error: '百分比应在 0 到 100 之间',
    path: ['value'],
  })
  .describe('数字');

export type Figure = z.infer<typeof figureSchema>;
export type Rank = z.infer<typeof rankSchema>;
export type Growth = z.infer<typeof growthSchema>;
export type Quantity = z.infer<typeof quantitySchema>;
