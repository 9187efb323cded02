/** report.yaml: a report's title, period and the disclosure metadata every government page carries. */
import { z } from 'zod';
import { dateSchema, dateTimeSchema, idSchema, list, MAX, text } from './common.ts';

export const reportPeriodSchema = z
  .strictObject({
    year: z.number().int().min(1949).max(2100).describe('年份，如 2022'),
    kind: z.enum(['year', 'half', 'quarter']).describe('周期：year 全年，half 半年，quarter 季度'),
    number: z.number().int().min(1).max(4).optional().describe('第几个半年或季度：上半年 1，下半年 2；全年不填'),
  })
  .refine((p) => (p.kind === 'year' ? p.number === undefined : p.number !== undefined), {
    error: '半年和季度要填 number（上半年 1、下半年 2），全年不填',
    path: ['number'],
  })
  .refine((p) => p.kind !== 'half' || p.number === undefined || p.number <= 2, {
    error: '半年只能是 1（上半年）或 2（下半年）',
    path: ['number'],
  })
  .describe('报告所属时期');

export const reportSchema = z
  .strictObject({
    title: text(MAX.title).describe('标题，照原文'),
    town: idSchema.describe('所属乡镇的标识，对应 content/towns/ 下的文件名'),
    issuer: text(MAX.name).describe('发布机构，照原文，如 南塘镇'),
    period: reportPeriodSchema,
    indexNumber: text(MAX.name).describe('索引号，如 001008003013139/2022-213500'),
    category: text(MAX.name).describe('组配分类，如 计划总结'),
    breadcrumb: list(text(MAX.name)).min(1).describe('原发布页面的栏目路径，如 [首页, 信息公开, 规划计划, 计划总结]'),
    writtenOn: dateSchema.describe('成文日期，YYYY-MM-DD'),
    publishedAt: dateTimeSchema.describe('发布日期和时间，YYYY-MM-DD HH:MM'),
    disclosure: text(MAX.name).describe('公开方式，如 主动公开'),
    sourceUrl: z.url({ protocol: /^https?$/, error: '原文链接应为 http:// 或 https:// 开头的网址' }).max(MAX.url).describe('原文链接'),
    keywords: list(text(MAX.name)).default([]).describe('关键词，用于页面元数据和搜索'),
    description: text(MAX.sentence).describe('一两句话的摘要，用于页面描述'),
    interpretation: text(MAX.sentence).optional().describe('原文末尾的解读链接文字，如 图片解读:一图读懂…'),
    notes: list(text(MAX.sentence)).default([]).describe('编辑说明：原文中的明显笔误等，照原文保留并在此说明'),
  })
  .describe('report.yaml：报告信息');

export type ReportMeta = z.infer<typeof reportSchema>;
export type ReportPeriod = z.infer<typeof reportPeriodSchema>;
