import { describe, expect, it } from 'vitest';
import {
  figureFacts,
  formatGrowth,
  formatGrowthAmount,
  formatQuantity,
  formatRank,
  formatReportPeriod,
  statesNumber,
  toChineseNumeral,
  toYuan,
} from '../../src/model/format.ts';
import { chineseNumber, parsePeriod } from '../../src/model/period.ts';

describe('numbers the Chinese way', () => {
  it('shows value and unit as written, bounds included', () => {
    expect(formatQuantity({ value: 4.91, unit: '亿元' })).toBe('4.91亿元');
    expect(formatQuantity({ value: 500, unit: '人次', bound: '余' })).toBe('500余人次');
    // Never regrouped for readers: the text writes 10953万元 and 1234567元 without separators.
    expect(formatQuantity({ value: 1234567, unit: '元' })).toBe('1234567元');
    expect(formatQuantity({ value: 15, valueWritten: '15.0', unit: '%' })).toBe('15.0%');
    expect(formatQuantity({ value: 1, unit: '万人次', bound: '余' }, '服务群众1万余人次')).toBe('1万余人次');
    expect(formatQuantity({ value: 1000, unit: '万元', bound: '余' }, '投入1000余万元')).toBe('1000余万元');
    expect(formatQuantity({ value: 50, unit: '%', bound: '超' })).toBe('超50%');
    expect(formatQuantity({ value: 100, unit: '人', bound: '以上' })).toBe('100人以上');
  });

  it('says growth and decline in words, never only by sign or colour', () => {
    expect(formatGrowth({ value: 10.8, unit: '%', kind: '累计增速' })).toBe('累计增速10.8%');
    expect(formatGrowth({ value: -3.2, unit: '%', kind: '同比' })).toBe('同比下降3.2%');
    expect(formatGrowth({ value: 1.5, unit: '个百分点', kind: '同比' })).toBe('同比增长1.5个百分点');
    expect(formatGrowth({ value: 6.5, unit: '%' })).toBe('增速6.5%');
  });

  it("says a growth's sign the same way in the sentence and on its bar", () => {
    const both = (g: Parameters<typeof formatGrowth>[0]) => [formatGrowth(g), formatGrowthAmount(g)];
    // A rate the report states with its sign keeps the minus in both; a change of another kind its verb.
    expect(both({ value: -3.2, unit: '%', kind: '累计增速' })).toEqual(['累计增速-3.2%', '-3.2%']);
    expect(both({ value: -3.2, unit: '%' })).toEqual(['增速-3.2%', '-3.2%']);
    expect(both({ value: -3.2, unit: '%', kind: '同比' })).toEqual(['同比下降3.2%', '下降3.2%']);
    expect(both({ value: -40, unit: '%', verb: '缩短' })).toEqual(['缩短40%', '缩短40%']);
    expect(both({ value: 10.8, unit: '%', kind: '累计增速' })).toEqual(['累计增速10.8%', '10.8%']);
  });

  it('names a rank with its scope and what the scope means', () => {
    expect(formatRank({ position: 4, scope: '全市', written: '全市排名第四' }, { 全市: '乐清市' })).toBe('全市（乐清市）第4名');
    expect(formatRank({ position: 2, scope: '温州', of: 12, written: '温州第2' })).toBe('温州第2名（共12个）');
  });

  it('converts money to 元 using the implied unit where the report left 元 out', () => {
    expect(toYuan({ value: 4.91, unit: '亿元' })).toBe(491000000);
    expect(toYuan({ value: 2.48, unit: '亿', impliedUnit: '亿元' })).toBe(248000000);
    expect(toYuan({ value: 8500, unit: '万元' })).toBe(85000000);
    expect(toYuan({ value: 2.48, unit: '亿' })).toBeUndefined();
    expect(toYuan({ value: 12339, unit: '条' })).toBeUndefined();
    expect(toYuan({ value: 120, unit: '万美元' })).toBeUndefined();
  });

  it('lists every fact of a figure, lower bounds marked', () => {
    expect(figureFacts({ id: 'x', name: 'x', point: 's1', value: 500, unit: '人次', bound: '余', highlight: false, quote: 'xx' })).toEqual(['500余人次（下限）']);
    expect(
      figureFacts({ id: 'x', name: 'x', point: 's1', growth: { value: 6.5, unit: '%' }, rank: { position: 8, scope: '全市', written: '全市排名8' }, highlight: false, quote: 'xx' }),
    ).toEqual(['增速6.5%', '全市第8名']);
  });

  it('finds a number in text only as a whole number', () => {
    expect(statesNumber('4.91亿元', 4.91)).toBe(true);
    expect(statesNumber('4.91亿元', 4.9)).toBe(false);
    expect(statesNumber('12339条', 1)).toBe(false);
    expect(statesNumber('全市排名第四', 4)).toBe(true);
    expect(statesNumber('两个村', 2)).toBe(true);
    expect(statesNumber('第十二', 2)).toBe(false);
    expect(statesNumber('增长15.0%', 15)).toBe(false);
    expect(statesNumber('增长15.0%', 15, '15.0')).toBe(true);
    expect(statesNumber('0.610亿元', 0.61, '0.610')).toBe(true);
    expect(statesNumber('增长6.2%', 6.2, '6.20')).toBe(false);
    expect(statesNumber('共1,234家', 1234)).toBe(true);
    expect(statesNumber('产值４.９１亿元', 4.91)).toBe(true);
  });

  it('writes numerals and periods', () => {
    expect([1, 4, 10, 12, 20, 21].map(toChineseNumeral)).toEqual(['一', '四', '十', '十二', '二十', '二十一']);
    expect(['四', '十二', '二十', '7'].map(chineseNumber)).toEqual([4, 12, 20, 7]);
    expect(formatReportPeriod({ year: 2022, kind: 'half', number: 1 })).toBe('2022年上半年');
    expect(formatReportPeriod({ year: 2023, kind: 'quarter', number: 3 })).toBe('2023年第三季度');
    expect(formatReportPeriod({ year: 2023, kind: 'year' })).toBe('2023年');
  });
});

describe('periods read from the report’s words', () => {
  it.each([
    ['1-5月份', { from: 1, to: 5, kind: 'range' }],
    ['截至6月底', { from: 1, to: 6, kind: 'range' }],
    ['3月底', { to: 3, kind: 'point' }],
    ['2月初', { to: 2, kind: 'point' }],
    ['第一季度', { from: 1, to: 3, kind: 'range' }],
    ['4月份', { from: 4, to: 4, kind: 'month' }],
    ['上半年', { from: 1, to: 6, kind: 'range' }],
    ['今年以来', { from: 1, kind: 'to-date' }],
    ['一至十一月', { from: 1, to: 11, kind: 'range' }],
  ])('%s', (text, span) => {
    expect(parsePeriod(text)).toEqual({ text, ...span });
  });

  it('refuses what it cannot read instead of guessing', () => {
    expect(parsePeriod('前半段')).toBeUndefined();
    expect(parsePeriod('13月份')).toBeUndefined();
    expect(parsePeriod('5-1月')).toBeUndefined();
  });
});
