/**
 * Finds the statistical phrases of a sentence, each with its place in the text: the period a clause
 * opens with (1-5月份, 截至6月底, 第一季度…), quantities with their unit (4.91亿元, 500余人次),
 * growth (累计增速10.8%, 同比下降3.2%, 提高1.5个百分点), ranks with their scope (全市排名8,
 * 居全市第三, 位于乐清第2、温州第8, 同类乡镇第一), completion rates (完成率65%, 占年计划的80%),
 * bare percentages, numbers whose unit the text left out, and ratios as written (三次产业比重1:60:39). Grouping them into figures is figures.ts.
 */
import { chineseNumber, parsePeriod } from '../model/period.ts';
import { FALL_VERBS, RISE_VERBS } from '../schemas/common.ts';

type MentionOf<T extends Mention['type']> = Extract<Mention, { type: T }>;

interface Span {
  start: number;
  end: number;
}

export type Mention =
  | (Span & { type: 'period'; text: string })
  | (Span & { type: 'quantity'; value: number; written: string; unit: string; bound?: Bound })
  | (Span & { type: 'percent'; value: number; written: string; bound?: Bound })
  | (Span & { type: 'growth'; value: number; written: string; unit: '%' | '个百分点'; kind?: '累计增速' | '同比' | '环比' | '增速' | '年均增长'; verb?: GrowthVerb })
  | (Span & { type: 'rank'; position?: number; scope?: string; subject?: RankSubject; written: string; continuation: boolean })
  | (Span & { type: 'completion'; rate: number; written: string; rateName: string })
  | (Span & { type: 'unitless'; value: number })
  | (Span & { type: 'ratio'; ratio: string })
  | (Span & { type: 'compare'; to: string; value: number; written: string; unit: string });

/** The words of the content model that make a figure a bound (boundSchema). */
type Bound = '余' | '多' | '以上' | '超' | '超过' | '突破' | '逾' | '近' | '约';
/** Lower bounds written before the number: 超50%, 超过5000人, 突破2.7亿元, 逾万人. */
const BOUND_BEFORE = '超过|超|突破|逾';

const NUM = String.raw`(\d+(?:\.\d+)?)`;
const CN_NUM = '[一二三四五六七八九十]+';

/** Units after a number, longest first; 万/亿 before them are multipliers (5万平方米, 8500万元). */
const UNITS = [
  '平方公里', '平方米', '立方米', '千瓦时', '美元', '元', '吨', '千瓦', '兆瓦', '公里', '千米', '公顷', '亩',
  '人次', '户次', '家次', '车次', '架次', '个月', '批次', '小时', '分钟', '人', '户', '条', '处', '个', '家', '场', '次', '件', '支', '批', '项', '轮',
  '所', '座', '间', '套', '辆', '台', '棵', '株', '只', '头', '名', '份', '张', '宗', '起', '笔', '篇', '期', '天', '米',
];
const QUANTITY = new RegExp(
  String.raw`(近|约|${BOUND_BEFORE})?(?<![\d.．A-Za-z第])${NUM}(?![\d.]|\s*[%％])\s*(余|多)?(万|亿)?(余|多)?(${UNITS.join('|')})?(以上)?(?!百分点)`,
  'gu',
);
/** A count in Chinese numerals, taken only when it counts the list right before it: 小横床村、南浦村两个村. */
const LISTED_COUNT = /([两二三四五六七八九十])(个|家|所|座|项|条|户|名)/gu;
const PERCENT = new RegExp(String.raw`(${BOUND_BEFORE})?(?<![\d.])${NUM}\s*[%％]`, 'gu');
type GrowthVerb = (typeof RISE_VERBS)[number] | (typeof FALL_VERBS)[number];
/**
 * The content model's verbs of a change (上升, 缩短…) that say a figure's own growth. Left out: verbs that
 * mostly change another rate (降幅收窄2.1个百分点, 差距扩大, 降幅回升), which are no growth of the figure.
 */
const VERBS = [...RISE_VERBS, ...FALL_VERBS].filter((v) => !['收窄', '扩大', '回升', '压缩', '减小'].includes(v)).join('|');
/** A growth ends in one of them (同比上升6.49%, 平均时限缩短40%); none after 累计增速, 增速, 增幅. */
const VERB_AT_END = new RegExp(`(${VERBS})$`, 'u');
const GROWTH = new RegExp(
  String.raw`(累计增速|累计增长|累计增幅|年均(?:${VERBS})|同比(?:${VERBS}|增幅)?|环比(?:${VERBS})?|[比较](?:上年|去年|上年同期|去年同期)(?:同期)?(?:${VERBS})|增速|增幅|${VERBS})了?(?:为|达|达到)?\s*(-|－|负)?${NUM}\s*([%％]|个百分点)`,
  'gu',
);
const FALLING = new RegExp(FALL_VERBS.join('|'), 'u');
const SCOPE = '全市|全县|全区|全省|全国|全镇|全乡|全街道|同类乡镇|同类街道|同类镇街|同类街镇|[A-Z]{1,3}类(?:乡镇|镇街|街镇)?';
const POSITION = `(\\d{1,3}|${CN_NUM})`;
/** What may not follow a rank's number: 第一季度, 第一批, 第十五次 are not ranks. */
const NOT_AFTER_RANK = String.raw`(?![\d.一二三四五六七八九十]|季度|批|次|届|个|年|期|轮|阶段|方阵|梯队|档|层次|名次|方面|部分|条|项|章|节)`;
const RANK_WITH_WORD = (places: string) =>
  new RegExp(`(${SCOPE}${places})?(?:排名|排位|排行|位次)(?:为|是)?第?${POSITION}(?:名|位)?${NOT_AFTER_RANK}`, 'gu');
const RANK_WITH_VERB = new RegExp(
  `(?:位居|位列|位于|居于|名列|排在|排名|荣获|获评|获得|列|居|排|获)(?!入)(${SCOPE}|[\\u4e00-\\u9fa5A-Z]{2,4}?)第${POSITION}(?:名|位)?${NOT_AFTER_RANK}`,
  'gu',
);
const RANK_SCOPED = (places: string) => new RegExp(`(${SCOPE}${places})第${POSITION}(?:名|位)?${NOT_AFTER_RANK}`, 'gu');
const RANK_CONTINUED = new RegExp(`、(${SCOPE}|[\\u4e00-\\u9fa5A-Z]{2,4}?)第${POSITION}(?:名|位)?${NOT_AFTER_RANK}`, 'uy');
type RankSubject = 'growth' | 'amount' | 'increase';
const SUBJECTS: Record<string, RankSubject> = { 增速: 'growth', 增幅: 'growth', 总量: 'amount', 增量: 'increase' };
/**
 * A rank without an exact place, as written: 增速居全市前列, 总量位居全县首位, 进入全省前三, 稳居全市第一方阵.
 * The word before the verb says what is ranked (增速, 总量, 增量).
 */
const RANK_INEXACT = (places: string) =>
  new RegExp(
    `(?:(增速|增幅|总量|增量)([均都])?)?((?:稳|继续|连续)?(?:位居|位列|位于|居于|名列|排在|排名|进入|跻身|保持|居|列|处于))(${SCOPE}${places})(?:同类乡镇|乡镇|镇街)?(前列|首位|前[一二三四五六七八九十\\d]+(?:名|位)?|第一方阵|第一梯队)`,
    'gu',
  );
const COMPLETION_RATE = new RegExp(String.raw`(完成率|完成进度|执行率)(?:为|达|达到|已达)?\s*${NUM}\s*[%％]`, 'gu');
const COMPLETION_SHARE = new RegExp(
  String.raw`((?:完成|达到|占)了?(?:全年|年度|本年度|全年度|年)?(?:目标任务|目标|计划任务|计划|任务)(?:数)?)的\s*${NUM}\s*[%％]`,
  'gu',
);
/** A figure against an average: 高于全市平均1个百分点, 低于全省平均水平0.5个百分点. */
const COMPARE = new RegExp(
  String.raw`(高于|低于|快于|慢于|高出|低出)((?:全[市县区省国镇乡]|[\u4e00-\u9fa5]{2,4}?[市县区省])(?:的)?(?:平均水平|平均值|平均))\s*${NUM}\s*(个百分点|[%％])`,
  'gu',
);
/**
 * A ratio as written: 1:60:39, 5.5:43:51.5, ９：４１ (full-width too). Three terms or more, or two after a
 * word that says a ratio (比例, 比重, 之比, 配比, 结构); never a time (17:22) or a date-time's time.
 */
const RATIO = /(?<![\d.．:：０-９])[0-9０-９]+(?:[.．][0-9０-９]+)?(?:\s*[:：]\s*[0-9０-９]+(?:[.．][0-9０-９]+)?)+(?![\d.．:：０-９])/gu;
const RATIO_WORD = /(?:比例|比重|之比|配比|结构|比)(?:为|是|达到|达|调整为|调整到|从|由)?[^，,；;。:：\d]{0,8}$/u;
const UNITLESS = new RegExp(String.raw`(?<=[\u4e00-\u9fa5”])(?<!第)${NUM}(?=\s*(?:[，,；;。、]|同比|累计|增长|下降))`, 'gu');

const PERIOD = new RegExp(
  [
    String.raw`(?:今年|本年|\d{4}年)?截[至止](?:今年)?(?:\d{1,2}|${CN_NUM})月(?:底|末|份)?`,
    String.raw`(?:今年|本年|\d{4}年)?(?:\d{1,2}|${CN_NUM})\s*[-—–~至到]\s*(?:\d{1,2}|${CN_NUM})月份?`,
    String.raw`(?:今年|本年|\d{4}年)?(?:\d{1,2}|${CN_NUM})月(?:底|末|初|中旬|上旬|下旬|份)?(?![\d一二三四五六七八九十日号])`,
    String.raw`(?:今年|本年|\d{4}年)?(?:第[一二三四1-4]|[一二三四])季度`,
    String.raw`(?:今年|本年|\d{4}年)?前[一二三]季度`,
    String.raw`(?:今年|本年|\d{4}年)?(?:上半年|下半年|全年)`,
    '今年以来|年初以来|本年以来',
    String.raw`(?:19|20)\d{2}年?\s*[-—–~至到]+\s*(?:19|20)\d{2}年(?:间|期间)?`,
    String.raw`[“"]?十[一二三四五六七八九]?五[”"]?(?:期间|时期|以来)`,
    String.raw`(?:过去|近|这|最近)?(?:\d{1,2}|[二两三四五六七八九十]+)年(?:来|以来|间)`,
    String.raw`\d{4}年(?=[，,])`,
  ].join('|'),
  'uy',
);

/** The period a clause opens with, in a form the site can read (今年 and the year are left out). */
function readPeriodAt(text: string, at: number): (Span & { type: 'period'; text: string }) | undefined {
  PERIOD.lastIndex = at;
  const m = PERIOD.exec(text);
  if (!m) return undefined;
  const written = m[0];
  const candidates = [written, written.replace(/^(?:今年|本年|\d{4}年)(?=.)/u, ''), written.replace(/份$/u, '')];
  const readable = candidates.find((c) => parsePeriod(c) !== undefined);
  return readable ? { type: 'period', start: m.index, end: m.index + written.length, text: readable } : undefined;
}

/** Starts of clauses: after ，；： and at the start. Periods are only read there. */
export function clauseStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (/[，,；;：:。！？]/u.test(text[i]!)) starts.push(i + 1);
  return starts;
}

/**
 * Every mention in a sentence, in reading order, without overlaps (growth wins over the bare
 * percentage it contains, a rank over the number in it).
 * @param places place names that may stand before 第N or 排名N without a verb (乐清, 温州…)
 */
export function scanMentions(text: string, places: string[] = []): Mention[] {
  const placeAlt = places.length > 0 ? `|${places.map(escape).join('|')}` : '';
  const found: { m: Mention; priority: number }[] = [];
  const add = (m: Mention, priority: number) => found.push({ m, priority });

  for (const at of clauseStarts(text)) {
    let i = at;
    while (i < text.length && /\s/u.test(text[i]!)) i++;
    const p = readPeriodAt(text, i);
    if (p) add(p, 0);
  }
  for (const m of text.matchAll(GROWTH)) {
    const keyword = m[1]!;
    const magnitude = Number(m[3]);
    const falling = FALLING.test(keyword) || m[2] !== undefined;
    const kind = keyword.startsWith('年均') ? '年均增长' : keyword.startsWith('累计') ? '累计增速' : /^(同比|[比较])/u.test(keyword) ? '同比' : keyword.startsWith('环比') ? '环比' : /^(增速|增幅)$/u.test(keyword) ? '增速' : undefined;
    const verb = VERB_AT_END.exec(keyword)?.[1] as GrowthVerb | undefined;
    add({ type: 'growth', start: m.index, end: m.index + m[0].length, value: falling ? -magnitude : magnitude, written: m[3]!, unit: m[4] === '个百分点' ? '个百分点' : '%', ...(kind ? { kind } : {}), ...(verb ? { verb } : {}) }, 1);
  }
  for (const m of text.matchAll(COMPARE)) {
    const magnitude = Number(m[3]);
    const unit = m[4] === '个百分点' ? '个百分点' : '%';
    add({ type: 'compare', start: m.index, end: m.index + m[0].length, to: m[2]!, value: /^(低|慢)/u.test(m[1]!) ? -magnitude : magnitude, written: m[3]!, unit }, 1);
  }
  for (const m of text.matchAll(RATIO)) {
    const terms = m[0].split(/[:：]/u).length;
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    // A time of a date-time (2023-01-12 17:22) or of a meeting is no ratio.
    if (/\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*$/u.test(before)) continue;
    if (terms < 3 && !RATIO_WORD.test(before)) continue;
    add({ type: 'ratio', start: m.index, end: m.index + m[0].length, ratio: m[0].replace(/\s+/gu, '') }, 1);
  }
  for (const m of text.matchAll(COMPLETION_RATE)) {
    add({ type: 'completion', start: m.index, end: m.index + m[0].length, rate: Number(m[2]), written: m[2]!, rateName: m[1]! }, 2);
  }
  for (const m of text.matchAll(COMPLETION_SHARE)) {
    add({ type: 'completion', start: m.index, end: m.index + m[0].length, rate: Number(m[2]), written: m[2]!, rateName: m[1]! }, 2);
  }
  const ranks: MentionOf<'rank'>[] = [];
  const addRank = (start: number, end: number, scope: string | undefined, position: string, writtenFrom: number, continuation = false) => {
    const n = chineseNumber(position);
    if (n === undefined || n < 1) return;
    ranks.push({ type: 'rank', start, end, position: n, ...(scope ? { scope } : {}), written: text.slice(writtenFrom, end), continuation });
  };
  for (const m of text.matchAll(RANK_WITH_WORD(placeAlt))) addRank(m.index, m.index + m[0].length, m[1], m[2]!, m.index);
  for (const m of text.matchAll(RANK_WITH_VERB)) {
    const scopeAt = m.index + m[0].indexOf(m[1]!, 1);
    addRank(m.index, m.index + m[0].length, m[1], m[2]!, scopeAt);
  }
  for (const m of text.matchAll(RANK_SCOPED(placeAlt))) addRank(m.index, m.index + m[0].length, m[1], m[2]!, m.index);
  for (const r of [...ranks]) {
    let end = r.end;
    for (;;) {
      RANK_CONTINUED.lastIndex = end;
      const c = RANK_CONTINUED.exec(text);
      if (!c) break;
      addRank(c.index, c.index + c[0].length, c[1], c[2]!, c.index + 1, true);
      end = c.index + c[0].length;
    }
  }
  for (const m of text.matchAll(RANK_INEXACT(placeAlt))) {
    const subject = m[1] ? SUBJECTS[m[1]] : undefined;
    // The mention starts at the verb, so that 增速均 before it is read as a shared rank's words.
    const at = m.index + (m[1]?.length ?? 0) + (m[2]?.length ?? 0);
    ranks.push({ type: 'rank', start: at, end: m.index + m[0].length, scope: m[4]!, ...(subject ? { subject } : {}), written: text.slice(m.index, m.index + m[0].length), continuation: false });
  }
  for (const r of ranks) add(r, 3);
  for (const m of text.matchAll(QUANTITY)) {
    const [, approx, number, aboutFirst, multiplier, aboutAfter, unitWord, over] = m as unknown as (string | undefined)[];
    const unit = `${multiplier ?? ''}${unitWord ?? ''}`;
    if (unit === '' || number === undefined) continue;
    // A threshold, not a count: 经营性收入超过20万元的村, 年收入10万元以上的村 (the number is part of the
    // name of the count that follows: 年收入10万元以上的村(社区)5个).
    const threshold = /(?:超过|高于|低于|不足|不低于|不少于|以上|以下)$/u.test(text.slice(0, m.index)) || (approx !== undefined && approx !== '近' && approx !== '约') || over !== undefined;
    if (threshold && text[m.index + m[0].length] === '的') continue;
    const about = aboutFirst ?? aboutAfter;
    const bound = (about === '余' || about === '多' ? about : over ? '以上' : approx) as Bound | undefined;
    add({ type: 'quantity', start: m.index, end: m.index + m[0].length, value: Number(number), written: number, unit, ...(bound ? { bound } : {}) }, 4);
  }
  for (const m of text.matchAll(LISTED_COUNT)) {
    const n = m[1] === '两' ? 2 : chineseNumber(m[1]!);
    const before = text.slice(0, m.index);
    const list = before.slice(before.search(/[^，,；;。：:]*$/u)).replace(/^其中/u, '');
    if (n !== undefined && n >= 2 && list.split('、').length === n && /[\u4e00-\u9fa5]$/u.test(list)) {
      add({ type: 'quantity', start: m.index, end: m.index + m[0].length, value: n, written: m[1]!, unit: m[2]! }, 4);
    }
  }
  for (const m of text.matchAll(PERCENT)) add({ type: 'percent', start: m.index, end: m.index + m[0].length, value: Number(m[2]), written: m[2]!, ...(m[1] ? { bound: m[1] as Bound } : {}) }, 5);
  for (const m of text.matchAll(UNITLESS)) add({ type: 'unitless', start: m.index, end: m.index + m[0].length, value: Number(m[1]) }, 6);

  found.sort((a, b) => a.m.start - b.m.start || a.priority - b.priority || b.m.end - a.m.end);
  const kept: Mention[] = [];
  let lastEnd = 0;
  for (const { m } of found) {
    if (m.start < lastEnd) continue;
    kept.push(m);
    lastEnd = m.end;
  }
  return kept;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
