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

/**
 * Words that make a figure a bound instead of an exact count: 500余人次, 800多人, 超50%, 突破1000万元.
 * Where the word stands is read from the quote, so 1万余人次 and 1000余万元 both print as written.
 */
export const boundSchema = z
  .enum(['余', '多', '以上', '超', '超过', '突破', '逾', '近', '约'])
  .describe('约数标记：原文写“500余人次”时填 余；“800多人”填 多；“超50%”填 超，“突破1000万元”填 突破。余/多/以上/超/超过/突破/逾 表示下限，近/约 表示约数');

/** The bound words that make a figure a lower bound (近 and 约 are near it, on either side). */
export const LOWER_BOUNDS: readonly string[] = ['余', '多', '以上', '超', '超过', '突破', '逾'];

/**
 * A number as the report writes it, kept next to the number used for charts: `15.0` stays 15.0 (the
 * YAML reader, src/validation/yaml.ts, hands these fields the text as typed), and a quoted "1,234" or
 * "４.９１" is read as 1234 and 4.91. The object holding it gets `<field>Written` when the written form
 * is not the plain number (see `keepWritten`).
 */
export interface WrittenNumber {
  readonly number: number;
  readonly written: string;
}

const WRITTEN_NUMBER = /^[+\-－]?(?:[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+)(?:[.．][0-9０-９]+)?$/;

/** Full-width digits, point and minus as their ASCII forms: ４.９１ → 4.91. Thousands separators stay. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/．/g, '.').replace(/－/g, '-');
}

/** The number a written form stands for (1,234 → 1234, ４.９１ → 4.91), or undefined if it is none. */
export function readWrittenNumber(written: string): number | undefined {
  if (!WRITTEN_NUMBER.test(written)) return undefined;
  const n = Number(asciiDigits(written).replace(/[,，]/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

const writtenNumberInputs = new WeakSet<object>();

/** Whether the YAML reader should hand this field the number's text as typed (src/validation/yaml.ts). */
export function keepsWrittenForm(schema: unknown): boolean {
  return typeof schema === 'object' && schema !== null && writtenNumberInputs.has(schema);
}

const isWrittenNumber = (v: unknown): v is WrittenNumber => typeof v === 'object' && v !== null && 'written' in v && 'number' in v;

/**
 * A number field as written: a number, or its text as the report prints it ("1,234", "４.９１", "15.0").
 * Typed for TypeScript as taking a number (code writes numbers; the text is what the YAML reader and the
 * JSON Schema let an editor write).
 */
export function numberAsWritten(description: string, range: { min?: number; max?: number } = {}): z.ZodType<WrittenNumber, number> {
  // Described on the input too: validation messages name a field from the schema they reach first.
  const input = z.union([z.number(), z.string().regex(WRITTEN_NUMBER, { error: (issue) => `应为数字，实际是${describeInput(issue.input)}` })], { error: (issue) => `应为数字，实际是${describeInput(issue.input)}` }).describe(description);
  writtenNumberInputs.add(input);
  return input
    .transform((value, ctx): WrittenNumber => {
      const written = typeof value === 'number' ? String(value) : value.trim();
      const number = typeof value === 'number' ? value : readWrittenNumber(written);
      if (number === undefined) {
        ctx.issues.push({ code: 'custom', input: value, message: `应为数字，实际是文本“${value}”` });
        return { number: NaN, written };
      }
      if (range.min !== undefined && number < range.min) ctx.issues.push({ code: 'custom', input: value, message: `应不小于 ${range.min}，实际是 ${written}` });
      if (range.max !== undefined && number > range.max) ctx.issues.push({ code: 'custom', input: value, message: `应不大于 ${range.max}，实际是 ${written}` });
      return { number, written };
    })
    .describe(description) as unknown as z.ZodType<WrittenNumber, number>;
}

function describeInput(value: unknown): string {
  if (value === undefined) return '没有填写';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `列表（${value.length} 项）`;
  if (typeof value === 'string') return `文本“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`;
  return typeof value === 'object' && value !== null ? '一组字段' : String(value);
}

/** Each number-as-written field becomes its number, with `<field>Written` beside it when written otherwise. */
export type KeepWritten<O> = {
  [P in keyof O]: Exclude<O[P], WrittenNumber> | ([Extract<O[P], WrittenNumber>] extends [never] ? never : number);
} & { [P in keyof O as [Extract<O[P], WrittenNumber>] extends [never] ? never : `${P & string}Written`]?: string };

/** Turns the number-as-written fields of an object into numbers, keeping their written forms beside them. */
export function keepWritten<S extends z.ZodType<Record<string, unknown>>>(schema: S) {
  return schema.transform((o) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(o)) {
      if (!isWrittenNumber(value)) out[key] = value;
      else {
        out[key] = value.number;
        if (value.written !== String(value.number)) out[`${key}Written`] = value.written;
      }
    }
    return out as KeepWritten<z.output<S>>;
  });
}

/** The number's written form: the one kept beside it, else the number itself. */
export function writtenForm(value: number, written: string | undefined): string {
  return written ?? String(value);
}

/** The fields of a rank, on a figure or in a statement that ranks several figures at once. */
export const rankFields = {
  position: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('名次：1 表示第一，必须是不小于 1 的整数。原文没写确切名次（前三、前列、第一方阵、首位）时不填，页面照 written 原文显示'),
  scope: text(MAX.word).describe('排名范围，照原文写：全市、乐清、温州、全省、全国千强镇、同类乡镇、B类…（在 town 文件中说明全市指哪里）'),
  of: z.number().int().min(1).optional().describe('参与排名的总数，原文未写时不填'),
  subject: z
    .enum(['growth', 'amount', 'increase'])
    .optional()
    .describe('排的是什么：growth 增速（“增速居全市第二”），amount 总量（“总量居全市第二”），increase 增量（“增量居全县首位”）；原文没说时不填'),
  written: text(MAX.word).describe('原文写法，如 全市排名8、全市排名第四、温州第2、增速均居全市第二、连续三年居全市前三'),
};

const rankPositionFits = (r: { position?: number | undefined; of?: number | undefined }) => r.of === undefined || r.position === undefined || r.position <= r.of;

/** A rank of the town within a scope (全市 = 乐清市, 温州 …); 1 is best. Inexact ranks (前三) have no position. */
export const rankSchema = z
  .strictObject(rankFields)
  .refine(rankPositionFits, { error: '名次不能大于参与排名的总数', path: ['position'] })
  .describe('排名');

/**
 * One statement that ranks several figures (“A、B、C分别增长…，增速均居全市第二”), entered once in
 * figures.yaml and shown on each of its figures.
 */
export const sharedRankSchema = z
  .strictObject({
    id: idSchema,
    items: list(idSchema).min(1).describe('这一排名适用的数字：indicators.yaml、figures.yaml 或项目 figures 中的 id'),
    ...rankFields,
    quote: quoteSchema,
  })
  .refine(rankPositionFits, { error: '名次不能大于参与排名的总数', path: ['position'] })
  .describe('多项共用的排名');

/** Verbs a report says a rise with: 同比上升6.49%, 提高0.5个百分点. */
export const RISE_VERBS = ['增长', '上升', '提高', '增加', '提升', '扩大', '回升'] as const;
/** Verbs a report says a fall with: 平均时限缩短40%, 同比回落2.1个百分点. */
export const FALL_VERBS = ['下降', '减少', '缩短', '回落', '降低', '下滑', '收窄', '压缩', '减小'] as const;

/** 同比上升 written as a kind: the kind and the verb, each in its own field. Other inputs get the usual message. */
function kindWithVerb(issue: { input?: unknown }): string | undefined {
  const m = typeof issue.input === 'string' ? /^(累计增速|同比|环比|增速)(.+)$/.exec(issue.input) : null;
  return m && ([...RISE_VERBS, ...FALL_VERBS] as readonly string[]).includes(m[2]!) ? `“${issue.input}”是口径加动词，分开写：kind: ${m[1]}、verb: ${m[2]}` : undefined;
}

/**
 * A growth rate as stated: 累计增速10.8%, 同比下降3.2%, 增长1.5个百分点, 年均增长6.1%, 缩短40%. The value
 * keeps the sign of the change (缩短40% is -40, so charts and sorting read it as a fall); the verb is the
 * report's word for it, so a fall written 缩短 is never said twice (缩短 -40%) nor as another word.
 */
export const growthSchema = keepWritten(
  z.strictObject({
    value: numberAsWritten('增速数值，照原文：增长15.0% 写 15.0；下降写负数，如 同比下降3.2% 写 -3.2、平均时限缩短40% 写 -40（数值带变化的正负号，动词另填 verb）', { min: -100, max: 10000 }),
    unit: z.enum(['%', '％', '个百分点']).default('%').transform(samePercent).describe('单位：% 或 个百分点'),
    kind: z
      .enum(['累计增速', '同比', '环比', '增速', '年均增长'], { error: kindWithVerb })
      .optional()
      .describe('增速口径，照原文：累计增速、同比、环比、年均增长（五年回顾中的“年均增长”）；原文没写口径时不填。“同比上升”的“上升”是动词，填 kind: 同比、verb: 上升'),
    verb: z
      .enum([...RISE_VERBS, ...FALL_VERBS])
      .optional()
      .describe(`原文的动词：“同比上升6.49%”填 上升，“平均时限缩短40%”填 缩短（value 写 -40）。表示增加的：${RISE_VERBS.join('、')}，value 为正数；表示减少的：${FALL_VERBS.join('、')}，value 为负数。不填时按正负写 增长 或 下降`),
  }),
)
  .refine((g) => g.verb === undefined || g.value === 0 || (FALL_VERBS as readonly string[]).includes(g.verb) === g.value < 0, {
    error: '动词和数值的正负不一致：表示减少的动词（下降、减少、缩短、回落……）配负数，如 缩短40% 写 value: -40、verb: 缩短；表示增加的动词（增长、上升、提高……）配正数',
    path: ['verb'],
  })
  .describe('增速');

/** How much of a target a figure reached: 地方财政收入2496万元,完成任务的117.46%. */
export const completionSchema = keepWritten(
  z.strictObject({
    rate: numberAsWritten('完成的百分比，照原文：完成任务的117.46% 写 117.46（可以超过 100）', { min: 0, max: 10000 }),
    target: text(MAX.title).optional().describe('完成的是什么，照原文：“完成任务的117.46%”写 任务，“完成全年目标的95%”写 全年目标；原文没写时不填'),
  }),
).describe('完成率：数字完成任务（目标）的百分比，如 地方财政收入2496万元,完成任务的117.46%');

/** A figure compared with an average or another place: 高于全市平均1个百分点. */
export const comparisonSchema = keepWritten(
  z.strictObject({
    to: text(MAX.word).describe('和什么比，照原文：全市平均、全省平均'),
    value: numberAsWritten('相差多少：高于时写正数，低于时写负数，如 低于全市平均0.5个百分点 写 -0.5'),
    unit: unitSchema('相差的单位，照原文：个百分点、%、万元…'),
  }),
).describe('比较');

const RATIO = /^[0-9０-９.．]+(?:[:：][0-9０-９.．]+)+$/;

/** Where a figure started before it changed: 从年初的8家增加至15家, 由2:66:32调整到1:60:39. */
export const changeFromSchema = keepWritten(
  z.strictObject({
    value: numberAsWritten('原来的数值，单位与本项相同，如 从年初的8家增加至15家 写 8').optional(),
    ratio: z.string().regex(RATIO, { error: '比例应照原文写成 2:66:32 的样子' }).max(MAX.word).optional().describe('原来的比例，照原文，如 2:66:32'),
    when: text(MAX.word).optional().describe('原来的时间，照原文，如 年初、2020年'),
  }),
)
  .refine((f) => (f.value === undefined) !== (f.ratio === undefined), { error: '原来的数值（value）和比例（ratio）要填且只填一项' })
  .describe('变化前');

/** The value and unit of a figure, exactly as the report writes them. */
const quantityFields = {
  value: numberAsWritten('数值，照原文：4.91亿元 写 4.91，15.0% 写 15.0，单位另填；原文写“1,234”“４.９１”时加引号照抄'),
  unit: unitSchema('单位，照原文：亿元、亿、万元、万美元、条、户、处、% …'),
  bound: boundSchema.optional(),
  impliedUnit: unitSchema('原文省略的完整单位，如原文写“2.48亿”而指亿元时填 亿元；页面照原文显示，换算时用它').optional(),
};

export const quantitySchema = keepWritten(z.strictObject(quantityFields)).describe('数量');

/**
 * One figure of the report: an indicator (规上工业产值 4.91亿元, 累计增速10.8%, 全市排名8) or a key figure
 * of a section (12339条, 92.71%, 1:60:39). Value, ratio, growth, comparison and rank are each optional,
 * but one must be there.
 */
export const figureSchema = keepWritten(
  z.strictObject({
    id: idSchema,
    name: text(MAX.name).describe('指标或数字的名称，如 规上工业产值、涉疫数据处理量'),
    point: text(MAX.word).describe('出自正文哪一点，填正文小节编号，如 s1-1-1（一、(一) 一是）'),
    period: periodTextSchema.optional(),
    ...quantityFields,
    value: quantityFields.value.optional(),
    unit: quantityFields.unit.optional(),
    percent: z
      .enum(['share', 'rate'])
      .optional()
      .describe('百分数的性质（单位是 % 时）：不填或 share 表示占比、覆盖率，在 0 到 100 之间；rate 表示完成率等比率，可以超过 100，如 完成率180%、完成全年目标任务的135%'),
    ratio: z.string().regex(RATIO, { error: '比例应照原文写成 1:60:39 的样子' }).max(MAX.word).optional().describe('比例，照原文，如 三次产业比重1:60:39 写 1:60:39（不填 value 和 unit）'),
    from: changeFromSchema.optional(),
    estimate: z.boolean().optional().describe('预计：原文写“预计”时填 true，页面标明是预计数'),
    growth: growthSchema.optional(),
    compare: comparisonSchema.optional(),
    rank: rankSchema.optional(),
    completion: completionSchema.optional(),
    editorNote: text(MAX.sentence).optional().describe('编者注：原文看来有误时写明（如单位写成元而显然是万元、字词重复），页面和数据下载中显示为“编者注”；原文照录，不作更正'),
    highlight: z.boolean().default(false).describe('是否作为关键数字卡片显示在报告首页'),
    quote: quoteSchema,
  }),
)
  .refine((f) => f.value !== undefined || f.ratio !== undefined || f.growth !== undefined || f.compare !== undefined || f.rank !== undefined, {
    error: '数值（value）、比例（ratio）、增速（growth）、比较（compare）、排名（rank）至少要填一项',
  })
  .refine((f) => (f.value === undefined) === (f.unit === undefined), {
    error: '数值（value）和单位（unit）要一起填',
    path: ['unit'],
  })
  .refine((f) => f.percent === undefined || f.unit === '%', {
    error: '只有单位是 % 的数字才填 percent',
    path: ['percent'],
  })
  .refine((f) => f.unit !== '%' || f.value === undefined || f.percent === 'rate' || (f.value >= 0 && f.value <= 100), {
    error: '占比应在 0 到 100 之间；完成率等可以超过 100 的比率请加 percent: rate',
    path: ['value'],
  })
  .refine((f) => f.from?.ratio === undefined || f.ratio !== undefined, {
    error: '原来的比例（from.ratio）要和比例（ratio）一起填',
    path: ['from', 'ratio'],
  })
  .refine((f) => f.from?.value === undefined || f.value !== undefined, {
    error: '原来的数值（from.value）要和数值（value）一起填',
    path: ['from', 'value'],
  })
  .describe('数字');

/** A rank as a figure carries it: its own, or one shared with other figures (`shared` names the statement, `quote` is its quote). */
export type Rank = z.infer<typeof rankSchema> & { shared?: string; quote?: string };
/** A figure as loaded: a rank shared with other figures (figures.yaml `ranks`) is put on each of them (src/model/items.ts). */
export type Figure = Omit<z.infer<typeof figureSchema>, 'rank'> & { rank?: Rank | undefined };
export type SharedRank = z.infer<typeof sharedRankSchema>;
export type Growth = z.infer<typeof growthSchema>;
export type Completion = z.infer<typeof completionSchema>;
export type Quantity = z.infer<typeof quantitySchema>;
