/**
 * One style for every figure (issue 16): the central functions of src/model/format.ts and what the
 * report view makes with them: dates per context, counts and ranks with no space beside numerals, one
 * empty-cell mark. The report's own wording is never rewritten by them.
 */
import { describe, expect, it } from 'vitest';
import {
  cell,
  EMPTY_MARK,
  EMPTY_MEANING,
  figureFacts,
  formatChange,
  formatComparison,
  formatCompletion,
  formatCount,
  formatDate,
  formatDateTime,
  formatPlace,
  formatRank,
  labelled,
  machineDate,
} from '../../src/model/format.ts';
import { metaView } from '../../src/view/meta.ts';
import { figureText, progressText } from '../../src/view/figure.ts';
import { NOT_GIVEN, type ReportMeta } from '../../src/schemas/report.ts';
import type { Figure } from '../../src/schemas/common.ts';

/** Chinese beside a numeral with a space between: what no generated phrase may hold (日 17:02 aside). */
const SPACED = /[\u3400-\u9fff] +[-+]?\d|\d%? +[\u3400-\u9fff]/;

describe('dates, one form per context', () => {
  it('reads 2022年7月29日 for readers, with the time where given', () => {
    expect(formatDate('2022-07-04')).toBe('2022年7月4日');
    expect(formatDate('2022-07-29 17:02')).toBe('2022年7月29日');
    expect(formatDateTime('2022-07-29 17:02')).toBe('2022年7月29日 17:02');
    expect(formatDateTime('2024-01-20')).toBe('2024年1月20日');
    expect(formatDate('2023-12-31')).toBe('2023年12月31日');
  });

  it('keeps the ISO form for <time datetime>', () => {
    expect(machineDate('2022-07-29 17:02')).toBe('2022-07-29T17:02');
    expect(machineDate('2022-07-04')).toBe('2022-07-04');
  });

  it('refuses what is not a date rather than printing NaN年', () => {
    expect(() => formatDate(NOT_GIVEN)).toThrow();
    expect(() => formatDate('2022/7/29')).toThrow();
  });
});

describe('counts, ranks and the empty cell', () => {
  it('writes counts and places with no space beside the numeral', () => {
    expect(formatCount(7, '项')).toBe('共7项');
    expect(formatCount(12, '个')).toBe('共12个');
    expect(formatPlace(8)).toBe('第8名');
    expect(labelled('发布日期', '2022年7月29日 17:02')).toBe('发布日期：2022年7月29日 17:02');
  });

  it('says a rank as 第N名 with its scope, and an inexact one exactly as the report wrote it', () => {
    expect(formatRank({ position: 8, scope: '全市', written: '全市排名8' })).toBe('全市第8名');
    expect(formatRank({ position: 2, scope: '温州', of: 12, written: '温州第2' })).toBe('温州第2名（共12个）');
    expect(formatRank({ scope: '全市', written: '全市排名第四' } as never)).toBe('全市排名第四');
    expect(formatRank({ scope: '全市', written: '走在全市前列' } as never)).toBe('走在全市前列');
  });

  it('has one empty mark, with a spoken meaning', () => {
    expect(EMPTY_MARK).toBe('—');
    expect(EMPTY_MEANING).toBe('无');
    expect(cell(undefined)).toBe(EMPTY_MARK);
    expect(cell('')).toBe(EMPTY_MARK);
    expect(cell('  ')).toBe(EMPTY_MARK);
    expect(cell('1-5月')).toBe('1-5月');
  });

  it('sets every generated phrase without a space between Chinese and numerals', () => {
    const phrases = [
      formatCompletion({ rate: 117.46, target: '任务' }),
      formatCompletion({ rate: 95 }),
      formatComparison({ to: '全市平均', value: 1, unit: '个百分点' }),
      formatComparison({ to: '全省平均', value: -0.5, unit: '个百分点' }),
      formatChange({ id: 'x', name: 'x', point: 's1', value: 15, unit: '家', from: { value: 8, when: '年初' }, highlight: false, quote: '从年初的8家增加至15家' } as Figure)!,
      formatChange({ id: 'x', name: 'x', point: 's1', ratio: '1:60:39', from: { ratio: '2:66:32' }, highlight: false, quote: '由2:66:32调整为1:60:39' } as Figure)!,
      ...figureFacts({ id: 'x', name: 'x', point: 's1', value: 4.91, unit: '亿元', estimate: true, growth: { value: 0, unit: '%', kind: '同比' }, highlight: false, quote: '预计4.91亿元，同比持平' } as Figure),
    ];
    expect(phrases).toEqual(['完成任务的117.46%', '完成率95%', '高于全市平均1个百分点', '低于全省平均0.5个百分点', '从年初8家到15家', '由2:66:32调整到1:60:39', '预计4.91亿元', '同比持平']);
    for (const p of phrases) expect(p).not.toMatch(SPACED);
  });

  it('keeps the report’s own numbers as written inside the style', () => {
    const f = { id: 'x', name: 'x', point: 's1', value: 15, valueWritten: '15.0', unit: '%', growth: { value: 4.91, valueWritten: '４.９１', unit: '%', kind: '同比' }, highlight: false, quote: '15.0%，同比增长４.９１%' } as Figure;
    const text = figureText(f, {});
    expect(text.quantity).toBe('15.0%');
    expect(text.growth!.text).toBe('同比增长４.９１%');
  });

  it('writes a project’s progress lines in the view, one way', () => {
    const p = progressText({ rate: 97.19, rateName: '拆整率', done: { value: 817, unit: '处' }, total: { value: 872, unit: '处' }, period: '1-5月', quote: '拆整817处，共872处，拆整率达97.19%' } as never);
    expect(p.rateLine).toBe('拆整率97.19%（1-5月）');
    expect(p.countsLine).toBe('已完成817处，共872处，按数量计算为93.7%');
    expect(p.disagreeLine).toBe('原文数字前后不一致，照原文保留：原文完成率97.19%，按数量计算93.7%。');
    const computedOnly = progressText({ done: { value: 3, unit: '个' }, total: { value: 4, unit: '个' }, quote: '' } as never);
    expect(computedOnly.rateLine).toBe('完成率75%（按数量计算）');
  });
});

describe('the report view’s dates', () => {
  const meta = (over: Partial<ReportMeta>): ReportMeta =>
    ({
      title: 't', town: 'x', issuer: '某镇', period: { year: 2022, kind: 'half', number: 1 }, indexNumber: NOT_GIVEN, category: NOT_GIVEN, breadcrumb: NOT_GIVEN,
      writtenOn: '2022-07-04', publishedAt: '2022-07-29 17:02', disclosure: NOT_GIVEN, sourceUrl: NOT_GIVEN, keywords: [], description: 'd', notes: [], ...over,
    }) as ReportMeta;

  it('shows 成文日期 and 发布日期 in Chinese, each with its <time datetime>', () => {
    const view = metaView(meta({}));
    const rows = Object.fromEntries(view.rows.map((r) => [r.term, r]));
    expect(rows['成文日期']).toMatchObject({ value: '2022年7月4日', datetime: '2022-07-04' });
    expect(rows['发布日期']).toMatchObject({ value: '2022年7月29日 17:02', datetime: '2022-07-29T17:02' });
    expect(view.published).toBe('2022年7月29日 17:02');
    expect(view.listing).toBe('报告所述时期：2022年上半年 · 发布机构：某镇 · 成文日期：2022年7月4日 · 发布日期：2022年7月29日 17:02');
    expect(view.listing.replace(/日 \d{2}:\d{2}/g, '日')).not.toMatch(SPACED);
    // Machines still read the form content writes.
    expect(view.tags.pubDate).toBe('2022-07-29 17:02');
  });

  it('says when the time of day is not given, outside the <time> element', () => {
    const view = metaView(meta({ publishedAt: '2024-01-20', writtenOn: NOT_GIVEN }));
    const published = view.rows.find((r) => r.term === '发布日期')!;
    expect(published).toMatchObject({ value: '2024年1月20日', datetime: '2024-01-20', after: '（原文未提供具体时间）' });
    expect(view.rows.find((r) => r.term === '成文日期')).toMatchObject({ value: NOT_GIVEN, notGiven: true });
    expect(view.published).toBe('2024年1月20日（原文未提供具体时间）');
  });
});
