/** report.yaml: a report's title, period and the disclosure metadata every government page carries. */
import { z } from 'zod';
import { dateSchema, idSchema, isRealDate, list, MAX, text } from './common.ts';

/**
 * What an editor writes for a field the published page does not give (a PDF has no 索引号, a reposting
 * site no 发布时间): never a guessed value. Pages say so, meta tags leave the field out, the check warns.
 */
export const NOT_GIVEN = '原文未提供';

const HINT = `；原文没有的填 ${NOT_GIVEN}`;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;
const realTime = (s: string) => Number(s.slice(11, 13)) <= 23 && Number(s.slice(14, 16)) <= 59;
const isHttpUrl = (s: string) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol);

/** A date (YYYY-MM-DD), or 原文未提供. */
const dateOrNotGiven = z
  .string()
  .regex(new RegExp(`^(?:\\d{4}-\\d{2}-\\d{2}|${NOT_GIVEN})$`), { error: `日期格式应为 YYYY-MM-DD，例如 2022-07-04${HINT}` })
  .refine((s) => !DATE.test(s) || isRealDate(s), { error: '这一天在日历上不存在' });

/** A date with or without the time of day, or 原文未提供. */
const publicationSchema = z
  .string()
  .regex(new RegExp(`^(?:\\d{4}-\\d{2}-\\d{2}(?: \\d{2}:\\d{2})?|${NOT_GIVEN})$`), {
    error: `日期时间格式应为 YYYY-MM-DD HH:MM，例如 2022-07-29 17:02；原文只写了日期时写 YYYY-MM-DD${HINT}`,
  })
  // Only a well-formed value can be checked against the calendar; a malformed one has its own message.
  .refine((s) => !(DATE.test(s) || DATE_TIME.test(s)) || (isRealDate(s.slice(0, 10)) && (!DATE_TIME.test(s) || realTime(s))), { error: '这个日期或时间不存在' });

export const reportPeriodSchema = z
  .strictObject({
    year: z.number().int().min(1949).max(2100).describe('年份，如 2022：报告回顾的那一年，不是作报告的年份（2024年1月作的政府工作报告回顾 2023 年，填 2023）；多年回顾填最后一年'),
    kind: z.enum(['year', 'half', 'quarter']).describe('周期：year 全年，half 半年，quarter 季度'),
    number: z.number().int().min(1).max(4).optional().describe('第几个半年或季度：上半年 1，下半年 2；全年不填'),
    from: z
      .number()
      .int()
      .min(1949)
      .max(2100)
      .optional()
      .describe('多年回顾的起始年份：五年回顾 2016—2020 写 from: 2016、year: 2020、kind: year；一年的报告不填'),
  })
  .refine((p) => p.from === undefined || (p.kind === 'year' && p.from < p.year), {
    error: '多年回顾要写 kind: year，from（起始年份）要早于 year（结束年份），如 from: 2016、year: 2020',
    path: ['from'],
  })
  .refine((p) => (p.kind === 'year' ? p.number === undefined : p.number !== undefined), {
    error: '半年和季度要填 number（上半年 1、下半年 2），全年不填',
    path: ['number'],
  })
  .refine((p) => p.kind !== 'half' || p.number === undefined || p.number <= 2, {
    error: '半年只能是 1（上半年）或 2（下半年）',
    path: ['number'],
  })
  .describe('报告所述时期：报告回顾的时间，与报告自己的日期（成文日期、会议日期）和每个数字的数据时期（period）是三回事');

export const reportSchema = z
  .strictObject({
    title: text(MAX.title).describe('标题，照原文'),
    town: idSchema.describe('所属乡镇的标识，对应 content/towns/ 下的文件名'),
    issuer: text(MAX.name).describe('发布机构，照原文，如 南塘镇'),
    period: reportPeriodSchema,
    reportType: text(MAX.word).optional().describe('报告类别，照原文，如 工作总结、政府工作报告、半年工作情况报告、季度工作报告；不填则不显示'),
    indexNumber: text(MAX.name).describe(`索引号，如 001008003013139/2022-213500${HINT}`),
    category: text(MAX.name).describe(`组配分类，如 计划总结${HINT}`),
    breadcrumb: z
      .union([list(text(MAX.name)).min(1), z.literal(NOT_GIVEN)])
      .describe(`原发布页面的栏目路径，如 [首页, 信息公开, 规划计划, 计划总结]${HINT}（如文字来自 PDF 或转载网站）`),
    docNumber: text(MAX.name).optional().describe(`文号，如 某政发〔2024〕1号；原发布页面没有这一栏的不填，有这一栏但没有内容的填 ${NOT_GIVEN}`),
    writtenOn: dateOrNotGiven.describe(`成文日期，YYYY-MM-DD${HINT}`),
    publishedAt: publicationSchema.describe(`发布日期和时间，YYYY-MM-DD HH:MM；原文只有日期时写 YYYY-MM-DD${HINT}`),
    disclosure: text(MAX.name).describe(`公开方式，如 主动公开${HINT}（检查会给出一条警告，请核对原发布页面确实没有）`),
    openPeriod: text(MAX.name).optional().describe('公开时限，如 长期公开；原发布页面没有这一栏的不填'),
    sourceUrl: z
      .string()
      .max(MAX.url)
      .refine((s) => s === NOT_GIVEN || isHttpUrl(s), { error: `应为 http:// 或 https:// 开头的网址${HINT}` })
      .describe(`原文链接，http:// 或 https:// 开头的网址${HINT}（如文字来自纸质文件或 PDF）`),
    meeting: z
      .strictObject({
        name: text(MAX.title).describe('会议名称，照原文，如 东湖镇第十八届人民代表大会第三次会议'),
        date: dateSchema.optional().describe('会议日期（作报告的日期），YYYY-MM-DD'),
      })
      .optional()
      .describe('报告在哪次会议上作的：政府工作报告写，其他报告不填'),
    speaker: text(MAX.name).optional().describe('报告人，照原文，如 镇长 李某某'),
    excerpt: z
      .boolean()
      .optional()
      .describe('原文节选：本站只收录了原文的一部分时填 true，报告的每个页面和一图读懂都会注明“原文节选”；节选了哪些部分请写在 notes'),
    subjectWords: list(text(MAX.name)).optional().describe('主题词，照原发布页面，如 [经济管理, 工作报告]；页面没有的不填'),
    keywords: list(text(MAX.name)).default([]).describe('关键词，用于页面元数据和搜索'),
    description: text(MAX.sentence).describe('一两句话的摘要，用于页面描述'),
    interpretation: text(MAX.sentence).optional().describe('原文末尾的解读链接文字，如 图片解读:一图读懂…'),
    notes: list(text(MAX.sentence)).default([]).describe('编辑说明：原文中的明显笔误等，照原文保留并在此说明'),
  })
  .describe('report.yaml：报告信息');

export type ReportMeta = z.infer<typeof reportSchema>;
export type ReportPeriod = z.infer<typeof reportPeriodSchema>;
