/**
 * The name of a figure from the words around its number, as an editor would write it: 完成规上工业产值
 * 共计4.91亿元 → 规上工业产值; 12个村级采样点 → 村级采样点; 开展各类文化宣传、知识宣讲等主题活动 → 主题活动.
 * Generic verbs and connectors are dropped; verbs that say what was counted (排查, 整治, 接待) stay.
 */

const ORDINAL = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+是|\d{1,2}[.．、](?![\d])|[①-⑳])/u;

/** Words that open a clause without naming anything; longest first so 有效 wins over 有. */
const LEAD = [
  '进一步', '高质量', '辖区内', '其中', '另外', '此外', '同时', '并且', '共计', '合计', '总计', '累计', '全年', '全镇', '全乡',
  '全街道', '全域', '镇域', '我镇', '我乡', '我街道', '今年', '本年', '已经', '先后', '顺利', '成功', '有效', '积极', '高效',
  '全面', '全力', '切实', '分别', '实现', '完成', '达到', '设置', '组建', '打造', '开展', '建成', '建立', '举办', '组织', '落实',
  '推进', '预计', '共有', '拥有', '现有', '累计', '共', '并', '且', '已', '再',
].sort((a, b) => b.length - a.length);

/** Words between a name and its number: 共计, 达, 分别为. */
const TRAIL = ['分别为', '实现', '控制在', '保持在', '稳定在', '有', '均为', '约为', '共计', '合计', '总计', '累计', '达到', '已达', '超过', '突破', '分别', '共', '达', '约', '近', '超', '均', '已', '的', '为了'].sort(
  (a, b) => b.length - a.length,
);

/** Verbs that say what was counted; carried to the next item of a list: 整治C级危房3户、D级危房3户. */
export const COUNTING_VERBS = [
  '整治', '排查', '拆整', '拆除', '新建', '改造', '新增', '处理', '化解', '接待', '培训', '发放', '种植', '清理', '招引', '引进',
  '帮扶', '救助', '慰问', '走访', '调解', '检查', '查处', '处置', '签约', '开工', '竣工', '创建', '建设', '提升', '修建', '硬化',
  '安装', '收集', '劝导', '关停', '淘汰', '整改', '受理', '办结', '服务', '举办', '组织', '开展',
];

/** Words at which the noun after a number ends: 12个村级采样点|均已准备到位. */
const NOUN_STOP = [
  '的', '均', '已', '将', '正', '在', '全部', '加快', '完成', '通过', '实现', '开展', '是', '为', '和', '与', '及', '共', '累计', '达',
  '得到', '获得', '参加', '参与', '进行', '接受', '中', '等', '基本', '顺利', '陆续', '分别', '进', '被', '由', '向', '从', '对',
];

const AMOUNT = /(产值|增加值|总额|收入|投资|销售额|营业额|营收|税收|利润|生产总值|GDP|零售额|研发费|研发投入|费用|出口额?|进口额?|进出口额?|资金|支出|存款|贷款|生产率|交易额|成交额|总量)$/u;

/** A name of money or output: a bare percentage after it is a growth rate, a bare 亿 means 亿元. */
export function isAmountName(name: string): boolean {
  return AMOUNT.test(name) && !/(?<!生产)率$/u.test(name);
}

/** The name is only a word like 完成 or 达到, which names nothing. */
export function isFiller(word: string): boolean {
  return LEAD.includes(word) || TRAIL.includes(word) || word === '有';
}

/** Takes words off one end of a name, with the punctuation and spaces there, as long as any is left. */
function stripWords(s: string, words: string[], end: 'start' | 'end'): string {
  const punctuation = end === 'start' ? /^[\s，,、：:；;（(）)]+/u : /[\s，,、：:；;（(）)]+$/u;
  for (let changed = true; changed; ) {
    s = s.replace(punctuation, '');
    const word = words.find((w) => (end === 'start' ? s.startsWith(w) : s.endsWith(w)) && s.length > w.length);
    if (word) s = end === 'start' ? s.slice(word.length) : s.slice(0, -word.length);
    changed = word !== undefined;
  }
  return s;
}

const stripLead = (s: string): string => stripWords(s, LEAD, 'start');
const stripTrail = (s: string): string => stripWords(s, TRAIL, 'end');

/**
 * The words before a number, cleaned to a name. `period` is the clause's period: a repeated piece of
 * it (第一季度季度…) is not part of the name.
 */
export function cleanName(raw: string, period?: string): string {
  let s = raw.replace(/\s+/gu, '').replace(ORDINAL, '').replace(/各类|各项|各种/gu, '');
  s = s.replace(/来自[^，,。；;]*?等地/u, '');
  const colon = s.search(/[：:]/u);
  if (colon >= 0) {
    const after = clean(s.slice(colon + 1));
    s = after !== '' ? after : s.slice(0, colon);
  }
  s = clean(s);
  if (isFiller(s)) return '';
  if (period) {
    for (let k = period.length - 1; k >= 2; k--) {
      const tail = period.slice(-k);
      if (s.startsWith(tail) && s.length > tail.length) {
        s = s.slice(tail.length);
        break;
      }
    }
  }
  return s;
}

function clean(raw: string): string {
  let s = stripLead(raw.replace(ORDINAL, ''));
  const etc = s.lastIndexOf('等');
  if (etc > 0 && s.slice(0, etc).includes('、')) {
    const verb = COUNTING_VERBS.find((v) => s.startsWith(v));
    s = `${verb ?? ''}${s.slice(etc + 1)}`;
  }
  return stripTrailingWei(stripTrail(stripLead(s)));
}

/**
 * `男女比例为`, `为`: a trailing 为 links a name to its number and is no part of it; 行为, 作为 and the like
 * (违法行为) end in 为 as a word and keep it.
 */
function stripTrailingWei(s: string): string {
  return /(?<![行作成认因称视])为$/u.test(s) ? s.slice(0, -1) : s;
}

/** 在 with a verb, as an attribute of a noun: 在谈, 在建, 在库, 在册, 在岗, 在营. */
const IN_STATE = /^在[谈建库册岗营]$/u;

/** The noun right after a number and its unit, when the number comes first: 12个|村级采样点|均已. */
export function nounAfter(text: string, from: number, to: number): string {
  let out = '';
  let i = from;
  while (i < to && out.length < 10) {
    // 20个在谈项目, 3个在建项目: 在 and a verb at the noun's start say which state the things are in.
    if (i === from && IN_STATE.test(text.slice(i, i + 2))) {
      out += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (NOUN_STOP.some((w) => text.startsWith(w, i))) break;
    const c = text[i]!;
    if (!/[\u4e00-\u9fa5A-Za-z“”·]/u.test(c)) break;
    out += c;
    i++;
  }
  if ((out.match(/“/gu) ?? []).length !== (out.match(/”/gu) ?? []).length) out = out.replace(/[“”]/gu, '');
  return out;
}

/** A name for a number that has none of its own: 15批次800多人 → (接待外来参观团队)人数. */
export function unitLabel(unit: string): string {
  if (/人次$/u.test(unit)) return '人次';
  if (/人$/u.test(unit)) return '人数';
  if (/户$/u.test(unit)) return '户数';
  if (/元$|^[万亿]$/u.test(unit)) return '金额';
  if (/亩$|平方米$|公顷$|平方公里$/u.test(unit)) return '面积';
  return '数量';
}

/** Words that only say which attribute of the thing before is counted: 拆除违章建筑156处、面积4.2万平方米. */
export const ATTRIBUTE = /^(面积|金额|资金|人数|户数|数量|长度|里程|总投资|投资额?|产值|总量)$/u;

/** The head of a noun phrase that names what a number counts: 行政村集体经济总收入 → 行政村. */
export function countedHead(noun: string): string {
  const m = /^.*?(村|社区|户|人|家|企业|项目|学校|小区|党支部|支部)/u.exec(noun);
  return m && m[0].length < noun.length ? m[0] : noun;
}

/** The name is only a lead word (涵盖, 其余) — the noun after the number says what was counted. */
export function isLeadOnly(name: string): boolean {
  return name.length <= 2;
}

/** A name that only says which attribute of the figure before is meant: 增速均居全市第二, 增量居全县首位. */
export const ATTRIBUTE_ONLY = /^(?:增速|增幅|增量|总量|规模|位次|排名|降幅|同比)$/u;

/**
 * The names of a list (工业产值、服务业营收和固定资产投资): split at 、 and at the last 和/及/与, each
 * cleaned; a counting verb of the first name carries to the others (新建道路、桥梁 → 新建桥梁).
 */
export function listNames(raw: string): string[] {
  const items = raw.split('、');
  const lastJoin = /^(.+?)(?:和|及|与|以及)(.+)$/u.exec(items.at(-1) ?? '');
  if (lastJoin) items.splice(-1, 1, lastJoin[1]!, lastJoin[2]!);
  const names = items.map((n, i) => (i === 0 ? cleanName(n) : stripTrail(n.replace(/\s+/gu, '').replace(/^[，,、：:；;]+/u, ''))));
  const verb = COUNTING_VERBS.find((v) => names[0]?.startsWith(v));
  return names.map((n, i) => (i > 0 && verb && !COUNTING_VERBS.some((v) => n.startsWith(v)) ? `${verb}${n}` : n));
}
