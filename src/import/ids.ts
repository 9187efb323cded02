/**
 * Latin ids for drafted items, derived the same way every time: common indicator names have fixed ids
 * (the ones used across reports for comparison), other names are composed from a small glossary of
 * words (涉疫 数据 → epidemic-data), and what the glossary does not cover falls back to figure-<n>.
 */

/** Indicator names with the ids the curated reports use, so the same indicator keeps its id. */
const INDICATORS: Record<string, string> = {
  规上工业产值: 'industrial-output',
  规上工业总产值: 'industrial-output',
  工业总产值: 'industrial-output',
  规上工业新产品产值: 'new-product-output',
  规上工业高新技术产业增加值: 'high-tech-value-added',
  规上工业研发费: 'rd-expenditure',
  规上工业全员劳动生产率: 'labour-productivity',
  限上批零住餐销售总额: 'wholesale-retail-catering-sales',
  限上社会消费品零售总额: 'retail-sales',
  社会消费品零售总额: 'retail-sales',
  规上工业增加值: 'industrial-value-added',
  工业增加值: 'industrial-value-added',
  固定资产投资: 'fixed-asset-investment',
  工业投资: 'industrial-investment',
  民间投资: 'private-investment',
  财政总收入: 'fiscal-revenue',
  一般公共预算收入: 'general-budget-revenue',
  地区生产总值: 'gdp',
  农村居民人均可支配收入: 'rural-income',
  城镇居民人均可支配收入: 'urban-income',
  村级集体经济收入: 'village-collective-income',
  招商引资: 'investment-attraction',
  实际利用外资: 'foreign-investment',
  外贸出口: 'exports',
  出口总额: 'exports',
  进出口总额: 'foreign-trade',
  税收收入: 'tax-revenue',
  建筑业产值: 'construction-output',
  服务业增加值: 'services-value-added',
};

/** Words to compose ids from, longest match first. */
const GLOSSARY: Record<string, string> = {
  规上工业: 'industrial', 规上企业: 'large-enterprises', 限上: 'above-quota', 工业: 'industrial', 农业: 'agricultural',
  服务业: 'services', 旅游: 'tourism', 游客: 'tourists', 文旅: 'culture-tourism', 产值: 'output', 增加值: 'value-added',
  新产品: 'new-product', 高新技术: 'high-tech', 研发: 'rd', 投资: 'investment', 收入: 'revenue', 财政: 'fiscal', 税收: 'tax',
  出口: 'exports', 零售: 'retail', 销售: 'sales', 总额: 'total', 资金: 'funds', 招引: 'attracted', 招商: 'investment',
  企业: 'enterprises', 项目: 'projects', 市场主体: 'market-entities', 生产率: 'productivity', 劳动: 'labour',
  涉疫: 'epidemic', 疫情: 'epidemic', 数据: 'data', 自排查: 'self-checked', 排查: 'inspected', 处理: 'handled',
  核酸: 'testing', 采样点: 'sampling-points', 镇级: 'town', 村级: 'village', 机动队: 'task-force', 特别: 'special',
  行动: 'operations', 疫苗: 'vaccine', 首剂: 'first-dose', 二针: 'second-dose', 加强针: 'booster', 覆盖率: 'coverage',
  老人: 'elderly', 房屋: 'houses', 危房: 'dangerous-houses', 整治: 'rectified', 积案: 'backlog-cases', 信访: 'petition',
  化解率: 'resolution-rate', 化解: 'resolved', 示范点: 'demo-sites', 示范村: 'demo-villages', 主题活动: 'theme-events',
  活动: 'events', 教育: 'education', 党支部: 'party-branches', 党员: 'party-members', 干部: 'cadres', 参观: 'visiting',
  团队: 'groups', 人次: 'attendance', 人数: 'people', 培训: 'training', 就业: 'employment', 低保: 'subsistence',
  救助: 'assistance', 村: 'villages', 户数: 'households', 农户: 'farm-households', 道路: 'roads', 公路: 'road',
  面积: 'area', 拆整: 'demolition', 拆除: 'demolition', 拆违: 'illegal-buildings', 违建: 'illegal-buildings',
  耕地: 'farmland', 土地: 'land', 征地: 'land-acquisition', 新增: 'new', 完成率: 'completion', 平安: 'public-safety',
  建设: 'construction', 消防: 'fire', 安全: 'safety', 考评: 'assessment', 考核: 'assessment', 文化: 'culture',
  接待: 'received', 垃圾: 'waste', 分类: 'sorting', 污水: 'sewage', 管网: 'pipes', 河道: 'rivers', 绿化: 'greening',
  养老: 'elderly-care', 医疗: 'medical', 学校: 'schools', 学生: 'students', 电商: 'e-commerce', 专利: 'patents',
  光伏: 'solar', 充电桩: 'charging-points', 停车位: 'parking-spaces', 志愿者: 'volunteers', 志愿服务: 'volunteering',
  网格: 'grid', 矛盾纠纷: 'disputes', 纠纷: 'disputes', 调解: 'mediated', 事故: 'accidents', 隐患: 'hazards',
  检查: 'inspections', 整改: 'rectified', 厕所: 'toilets', 公厕: 'public-toilets', 农房: 'rural-houses',
  民宿: 'homestays', 景区: 'scenic-areas', 粮食: 'grain', 种植: 'planted', 茶叶: 'tea', 渔业: 'fishery',
  共同富裕: 'common-prosperity', 集体经济: 'collective-economy', 生产总值: 'gdp', 固定资产: 'fixed-asset',
  社会消费品: 'consumer-goods', 批零住餐: 'wholesale-retail-catering', 用电量: 'electricity-use', 税: 'tax',
  贷款: 'loans', 存款: 'deposits', 外资: 'foreign-investment', 工作: 'work', 排名: 'rank', 宣讲: 'talks',
};
const WORDS = Object.keys(GLOSSARY).sort((a, b) => b.length - a.length);

/** The id for a name: a known indicator's id, else glossary words in the name's order (at most 4). */
export function idFor(name: string): string | undefined {
  const known = INDICATORS[name.replace(/[“”"]/gu, '')];
  if (known) return known;
  const tokens: string[] = [];
  for (let i = 0; i < name.length; ) {
    const word = WORDS.find((w) => name.startsWith(w, i));
    if (word) {
      for (const t of GLOSSARY[word]!.split('-')) if (!tokens.includes(t)) tokens.push(t);
      i += word.length;
    } else i++;
  }
  // A glossary covering only a small part of a long name would give a misleading id.
  if (tokens.length === 0) return undefined;
  return tokens.slice(0, 5).join('-');
}

/** Hands out unique ids: the derived id, then id-2, id-3…; the fallback (figure-<n>) when nothing is derived. */
export class IdAllocator {
  private readonly used = new Set<string>();
  private readonly counters = new Map<string, number>();

  constructor(reserved: Iterable<string> = []) {
    for (const id of reserved) this.used.add(id);
  }

  take(preferred: string | undefined, fallback: () => string): string {
    const first = preferred ?? fallback();
    if (!this.used.has(first)) {
      this.used.add(first);
      return first;
    }
    const base = first;
    let n = this.counters.get(base) ?? 1;
    let id: string;
    do {
      n++;
      id = `${base}-${n}`;
    } while (this.used.has(id));
    this.counters.set(base, n);
    this.used.add(id);
    return id;
  }
}
