/**
 * Groups the mentions of a paragraph into figures as the curated reports record them: one figure per
 * thing counted, holding its value, growth and rank (规上工业产值 4.91亿元 · 累计增速10.8% · 全市排名8),
 * the period its sentence opened with, a verbatim quote (the clause that carries it), and — where a
 * completion rate follows — a project with progress (done, total, rate) instead.
 *
 * The pipeline, all local to one sentence (。) and its parts (；):
 * 1. scan.ts finds the mentions of the sentence (periods, quantities, percentages, growth, ranks,
 *    completion rates, numbers without a unit);
 * 2. each part is read mention by mention (PartReader.readMention): a period opens; else the words
 *    before the mention are read as its name, and the rules below are tried in order, the first that
 *    applies taking the mention — lists with 分别, from–to changes, then the rules of the mention's kind;
 * 3. the figures of the part are kept (or noted as skipped); projects are finished with the paragraph.
 *
 * Each rule is one method, documented with the text it matches.
 */
import type { DraftFigure, DraftGrowth, DraftProgress, DraftProject, DraftRank, DraftSharedRank } from './drafts.ts';
import { ATTRIBUTE, ATTRIBUTE_ONLY, cleanName, COUNTING_VERBS, countedHead, isAmountName, isLeadOnly, listNames, nounAfter, unitLabel } from './names.ts';
import { scanMentions, type Mention } from './scan.ts';

export interface Extraction {
  figures: DraftFigure[];
  projects: DraftProject[];
  /** Ranks several figures share (增速均居全市第二): one statement each, its items the figures it ranks. */
  ranks: DraftSharedRank[];
  /** Numbers seen but not drafted (no unit, no scope…), for a comment at the top of figures.yaml. */
  skipped: string[];
}

type MentionOf<T extends Mention['type']> = Extract<Mention, { type: T }>;

/** A figure while it is being built: its place in the paragraph and what it has consumed. */
interface Building extends Omit<DraftFigure, 'quote' | 'point'> {
  quoteStart: number;
  quoteEnd: number;
  /** End of the last mention (or of the noun after its number) that belongs to it. */
  lastEnd: number;
  nameFrom: 'before' | 'after' | 'fallback';
  leadVerb?: string;
  unitless?: string;
  project?: BuildingProject;
}

interface BuildingProject {
  name: string;
  start: number;
  progress: Omit<DraftProgress, 'quote'>;
  quoteStart: number;
  quoteEnd: number;
  figures: Building[];
  sentence: string;
}

/** A mention's surroundings, read before any rule is tried: the words before it and the figure before. */
interface Reading {
  /** Where the words that belong to the mention start: after the previous figure or the clause start. */
  start: number;
  /** The words before the mention, as written. */
  pre: string;
  /** Those words cleaned to a name ('' when they name nothing). */
  name: string;
  /** The figure before it in the part. */
  last: Building | undefined;
  /** Set when the mention ends a from–to change (从8家增加至15家). */
  changeNote?: string;
  /** Where a from–to change started (从年初的8家…): the value or ratio before, and when. */
  changeFrom?: { mention: Mention; when?: string };
}

/** How a quantity is named, and how far its words reach (a noun after the number belongs to it). */
interface Naming {
  name: string;
  nameFrom: Building['nameFrom'];
  leadVerb?: string;
  consumed: number;
}

const SEPARATOR = /[，,；;、\s]/u;
const AREA = /(亩|平方米|公顷|平方公里)$/u;
/** A change against last year written as a count: 同比减少12件. */
const CHANGE = /(?:同比|[比较](?:上年|去年)(?:同期)?)(?:增加|减少|下降|增长|提高|上升|多|少)了?$/u;
/** The verb between the two values of a from–to change: 从8家|增加至|15家. */
/** The words a from–to change goes on with, and maybe when it ended: 增加至|15家, 调整为2016年底的|5.5:43:51.5. */
const CHANGE_TO = /^\s*(?:增加|增长|提高|提升|上升|减少|下降|降低|扩大|缩小|调整|发展|壮大|升级|扩展)?(?:到|至|为)\s*(?:(?:\d{4}年|今年|年)(?:初|底|末)?的)?/u;
/** The word a from–to change opens with, and when it started: 从|8家, 由|2:66:32, 从年初的|8家. */
const CHANGE_FROM = /[从由](年初|年底|年末|去年|上年|去年底|去年末|上年末|\d{4}年(?:初|底|末)?)?的?$/u;
const SEGMENT_END = /[，,；;、。！？!?]/u;
const CLAUSE_END = /[，,；;。！？!?]/u;
/** Filler allowed between a figure and its growth or rank. */
const GAP_FILLER = /同比|其中|分别|均|并且|并|且|位次|增速|增幅|降幅|总量|规模/gu;

/** Sentence ranges: each ends after its 。！？ (or at the end). */
function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (/[。！？!?]/u.test(text[i]!)) {
      out.push([from, i + 1]);
      from = i + 1;
    }
  }
  if (from < text.length) out.push([from, text.length]);
  return out.filter(([a, b]) => text.slice(a, b).trim() !== '');
}

/** The parts of a sentence: each ends after its ；. */
function parts(text: string, [from, to]: [number, number]): [number, number][] {
  const out: [number, number][] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    if (/[；;]/u.test(text[i]!)) {
      out.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < to) out.push([start, to]);
  return out;
}

export function extractFigures(paragraph: string, point: string, places: string[] = []): Extraction {
  const reader = new ParagraphReader(paragraph, point);
  for (const [from, to] of sentences(paragraph)) {
    const mentions = scanMentions(paragraph.slice(from, to), places).map((m) => ({ ...m, start: m.start + from, end: m.end + from }) as Mention);
    const sentence: SentenceState = { from, to, mentions, periodFresh: false };
    for (const [partFrom, partTo] of parts(paragraph, [from, to])) new PartReader(reader, sentence, partFrom, partTo).read();
  }
  return reader.extraction();
}

/** What holds across the parts of a sentence: its mentions and the period a clause opened with. */
interface SentenceState {
  from: number;
  to: number;
  mentions: Mention[];
  period?: MentionOf<'period'>;
  /** No figure has taken the period yet: a figure right after it quotes from the period on. */
  periodFresh: boolean;
}

/** The paragraph's text and what its parts have drafted: figures, projects and the numbers skipped. */
class ParagraphReader {
  readonly figures: DraftFigure[] = [];
  readonly projects: BuildingProject[] = [];
  readonly skipped: string[] = [];
  /** Shared rank statements, with the figures they rank while these are being built. */
  readonly shared: { rank: DraftRank; members: Building[]; quoteStart: number; quoteEnd: number }[] = [];
  /** Each figure as drafted, for the items of the shared ranks. */
  private readonly drafted = new Map<Building, DraftFigure>();
  readonly text: string;
  readonly point: string;

  constructor(text: string, point: string) {
    this.text = text;
    this.point = point;
  }

  clauseStart(pos: number, floor: number): number {
    let i = pos;
    while (i > floor && !CLAUSE_END.test(this.text[i - 1]!)) i--;
    return i;
  }

  segmentEnd(pos: number, ceiling: number): number {
    let i = pos;
    while (i < ceiling && !SEGMENT_END.test(this.text[i]!)) i++;
    return i;
  }

  /** Only separators and filler words between (，同比, 、其中): a growth or rank there is the figure's. */
  onlySeparators(from: number, to: number): boolean {
    return this.text.slice(from, to).replace(GAP_FILLER, '').replace(/[，,、\s（(）)]/gu, '') === '';
  }

  skip(note: string): void {
    this.skipped.push(note);
  }

  /** A figure as drafted, or a note when it has nothing to draft (a number without a unit). */
  finish(f: Building): DraftFigure | undefined {
    if (f.unitless && !f.growth && !f.rank) {
      this.skip(`“${f.unitless}”没有写单位，没有列入`);
      return undefined;
    }
    if (f.value === undefined && !f.growth && !f.rank && !f.ratio && !f.compare) return undefined;
    const figure: DraftFigure = {
      name: f.name,
      point: this.point,
      ...(f.period ? { period: f.period } : {}),
      ...(f.value !== undefined && f.unit ? { value: f.value, unit: f.unit, ...(f.written ? { written: f.written } : {}) } : {}),
      ...(f.bound ? { bound: f.bound } : {}),
      ...(f.percent ? { percent: f.percent } : {}),
      ...(f.ratio ? { ratio: f.ratio } : {}),
      ...(f.from ? { from: f.from } : {}),
      ...(f.estimate ? { estimate: true } : {}),
      ...(f.growth ? { growth: f.growth } : {}),
      ...(f.compare ? { compare: f.compare } : {}),
      ...(f.rank ? { rank: f.rank } : {}),
      ...(f.completion ? { completion: f.completion } : {}),
      quote: this.text.slice(f.quoteStart, f.quoteEnd).trim(),
      review: [...f.review],
    };
    this.drafted.set(f, figure);
    if (f.unitless) figure.review.push(`原文“${f.unitless}”没有写单位，数值没有填写`);
    if ((figure.unit === '亿' || figure.unit === '万') && isAmountName(figure.name)) {
      figure.impliedUnit = `${figure.unit}元`;
      figure.review.push(`原文写“${figure.value}${figure.unit}”，没写“元”；impliedUnit 按${figure.unit}元填写`);
    }
    return figure;
  }

  keep(f: Building): void {
    const figure = this.finish(f);
    if (figure) this.figures.push(figure);
  }

  extraction(): Extraction {
    const projects = this.projects.map((p): DraftProject => {
      const figures = p.figures.map((f) => this.finish(f)).filter((f): f is DraftFigure => f !== undefined);
      const rate = p.progress.rate;
      const quote = this.text.slice(p.quoteStart, p.quoteEnd).trim();
      return {
        name: p.name,
        point: this.point,
        status: rate !== undefined && rate >= 100 ? 'done' : 'in-progress',
        summary: p.sentence.trim(),
        progress: { ...p.progress, quote },
        figures,
        quote,
        review: [`项目名称“${p.name}”取自原文数字前的文字，请改成项目或工作的名称`],
      };
    });
    const ranks: DraftSharedRank[] = [];
    for (const s of this.shared) {
      const items = s.members.map((f) => this.drafted.get(f)).filter((f): f is DraftFigure => f !== undefined);
      if (items.length >= 2) ranks.push({ ...s.rank, items, quote: this.text.slice(s.quoteStart, s.quoteEnd).trim() });
      else for (const f of items) f.rank = s.rank;
    }
    return { figures: this.figures, projects, ranks, skipped: this.skipped };
  }
}

/**
 * Reads one part of a sentence (up to its ；) mention by mention. Every rule below is one method: it
 * returns undefined when it does not apply; when it does, it takes the mention and returns where the
 * words it consumed end (the next mention's words start after that).
 */
class PartReader {
  private readonly built: Building[] = [];
  private readonly mentions: Mention[];
  private project: BuildingProject | undefined;
  private previousEnd: number;
  /** The figures the last 分别 list made, for a second list of values that follows (…，分别增长…). */
  private listed: Building[] = [];
  /** 从8家增加至15家: the name and start of the change, waiting for the value it ends at. */
  private change: { name: string; start: number; from: string; mention: Mention; when?: string } | undefined;
  private readonly paragraph: ParagraphReader;
  private readonly sentence: SentenceState;
  private readonly from: number;
  private readonly to: number;

  constructor(paragraph: ParagraphReader, sentence: SentenceState, from: number, to: number) {
    this.paragraph = paragraph;
    this.sentence = sentence;
    this.from = from;
    this.to = to;
    this.previousEnd = from;
    this.mentions = sentence.mentions.filter((m) => m.start >= from && m.start < to);
  }

  private get text(): string {
    return this.paragraph.text;
  }

  read(): void {
    for (let k = 0; k < this.mentions.length; ) k += this.readMention(k);
    for (const f of this.built) if (!this.project || !this.project.figures.includes(f)) this.paragraph.keep(f);
  }

  /** Reads the mention at k, and the ones a list takes with it; returns how many mentions it took. */
  private readMention(k: number): number {
    const m = this.mentions[k]!;
    if (m.type === 'period') {
      this.openPeriod(m);
      return 1;
    }
    const r = this.reading(m);
    const listed = this.respectively(k, r);
    if (listed > 0) return listed;
    if (this.changeFrom(k, r)) return 1;
    if (m.type === 'quantity' || m.type === 'ratio') this.changeTo(k, r);
    this.previousEnd = this.byKind(m, r);
    return 1;
  }

  /** The rules of each kind of mention, in order; the last rule of each always applies. */
  private byKind(m: Exclude<Mention, MentionOf<'period'>>, r: Reading): number {
    switch (m.type) {
      case 'quantity':
        return this.changeAgainstLastYear(m, r) ?? this.quantity(m, r, this.quantityNaming(m, r));
      case 'percent':
        return (
          this.growthOfAmount(m, r) ??
          this.completionRateOfCount(m, r) ??
          this.unnamed(m, r, `“${this.clauseUpTo(m)}”中的 ${m.value}% 没有名称，没有列入`) ??
          this.percent(m, r)
        );
      case 'growth': {
        this.dropAttributeName(r);
        const growth = growthOf(m);
        return this.ofLast('growth', growth, m, r) ?? this.unnamed(m, r, `“${this.clauseUpTo(m)}”没有写是哪项指标的增速，没有列入`) ?? this.figureWith('growth', growth, m, r);
      }
      case 'rank': {
        this.dropAttributeName(r);
        if (!m.scope) return this.unscopedRank(m);
        if (m.position === undefined) return this.inexactRank(m, r);
        const rank: DraftRank = { ...(m.position !== undefined ? { position: m.position } : {}), scope: m.scope, ...(m.subject ? { subject: m.subject } : {}), written: m.written };
        return (
          this.sharedRank(rank, m, r) ??
          this.continuedRank(rank, m, r) ??
          this.ofLast('rank', rank, m, r) ??
          this.unnamed(m, r, `排名“${m.written}”前没有写是哪项工作的排名，没有列入`) ??
          this.figureWith('rank', rank, m, r)
        );
      }
      case 'completion':
        return this.completionOfFigure(m, r) ?? this.completion(m, r);
      case 'unitless':
        return this.unitless(m, r);
      case 'ratio':
        return this.ratio(m, r);
      case 'compare':
        return this.comparison(m, r);
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Before the rules

  /** `1-5月份，规上工业产值…`: the period holds for the figures that follow in the sentence. */
  private openPeriod(m: MentionOf<'period'>): void {
    this.sentence.period = m;
    this.sentence.periodFresh = true;
    this.previousEnd = m.end;
  }

  /** The words before a mention, from the end of the previous figure or the clause start, as a name. */
  private reading(m: Mention): Reading {
    let start = Math.max(this.paragraph.clauseStart(m.start, this.from), this.previousEnd);
    while (start < m.start && SEPARATOR.test(this.text[start]!)) start++;
    const pre = this.text.slice(start, m.start);
    return { start, pre, name: cleanName(pre, this.sentence.period?.text), last: this.built.at(-1) };
  }

  /** `增速均居…`, `同比增长…` after a figure: a word that only names an attribute of the figure before. */
  private dropAttributeName(r: Reading): void {
    if (ATTRIBUTE_ONLY.test(r.name) && r.last) r.name = '';
  }

  // -------------------------------------------------------------------------------------------------
  // Rules of several kinds of mention

  /**
   * `同比增长5%`, `位居全市第三`, `完成 2022 年2027 亩高标农田建设 80%`: a growth, rank or percentage
   * that nothing names (no words before it, no figure before it to take it); noted, not drafted.
   */
  private unnamed(m: Mention, r: Reading, note: string): number | undefined {
    if (r.name !== '') return undefined;
    this.paragraph.skip(note);
    return m.end;
  }

  /** The clause of a mention, up to its end: what a note quotes. */
  private clauseUpTo(m: Mention): string {
    return this.text.slice(this.paragraph.clauseStart(m.start, this.from), m.end);
  }

  // -------------------------------------------------------------------------------------------------
  // Lists and changes, of any kind of value

  /**
   * `粮食产量、蔬菜产量和水产品产量分别同比增长2.1%、4.3%、6.5%`: the names before 分别 and the run of
   * values after it, paired in order; what follows 分别 (完成投资) goes on every name. A second run after
   * such a list (`…分别为3.2亿元、1.5亿元，分别增长8%、6%`) is the growth of the figures it made. When the
   * counts differ nothing is paired: the values are noted, not guessed. Returns how many mentions it took.
   */
  private respectively(k: number, r: Reading): number {
    const m = this.mentions[k]!;
    const at = r.pre.lastIndexOf('分别');
    if (at < 0 || !(m.type === 'quantity' || m.type === 'growth' || m.type === 'percent')) return 0;
    // What follows 分别 is a verb (为, 完成) and maybe what is counted (完成投资): that goes on every name.
    const after = r.pre.slice(at + 2).replace(/\s/gu, '');
    if (!/^[\u4e00-\u9fa5]{0,8}$/u.test(after)) return 0;
    const counted = /^(?:为|是|达到?|同比|有)?$/u.test(after) ? '' : cleanName(after);
    const run = this.runOfValues(k);
    if (run.length < 2) return 0;
    const runEnd = run.at(-1)!.end;
    const rawNames = r.pre.slice(0, at);
    const growthWord = /(?:增速|增幅|同比增长|增长)$/u.exec(rawNames.replace(/\s/gu, ''));
    const asGrowth = m.type === 'growth' || (m.type === 'percent' && growthWord !== null);
    const names = listNames(growthWord ? rawNames.replace(/\s/gu, '').slice(0, -growthWord[0].length) : rawNames)
      .filter((n) => n !== '')
      .map((n) => `${n}${counted}`);
    if (names.length === 0 && asGrowth && this.listed.length === run.length && this.listed.every((f) => !f.growth)) {
      this.listed.forEach((f, i) => {
        f.growth = listedGrowth(m, run[i]!);
        this.extend(f, runEnd);
      });
      this.previousEnd = runEnd;
      return run.length;
    }
    if (names.length < 2) return 0;
    this.previousEnd = runEnd;
    if (names.length !== run.length) {
      this.paragraph.skip(`“${this.text.slice(r.start, runEnd)}”列出${names.length}个名称、${run.length}个数值，数目不同，没有配对（${this.text.slice(m.start, runEnd)}）`);
      return run.length;
    }
    this.listed = run.map((n, i) => {
      const f = this.newFigure(n, names[i]!, 'before', r.start);
      if (asGrowth) f.growth = listedGrowth(m, n);
      else if (n.type === 'quantity') Object.assign(f, quantityOf(n));
      else if (n.type === 'percent') Object.assign(f, percentOf(n));
      f.lastEnd = n.end;
      f.quoteEnd = Math.max(f.quoteEnd, this.paragraph.segmentEnd(runEnd, this.to));
      return f;
    });
    return run.length;
  }

  /** The values of a 分别 list from k on: of one kind (quantities, or rates), joined by 、 和 及 与. */
  private runOfValues(k: number): Mention[] {
    const first = this.mentions[k]!;
    const sameKind = (n: Mention) => (first.type === 'quantity' ? n.type === 'quantity' : n.type === 'percent' || n.type === 'growth');
    const run = [first];
    for (const n of this.mentions.slice(k + 1)) {
      if (!sameKind(n) || !/^[、和及与\s]*$/u.test(this.text.slice(run.at(-1)!.end, n.start))) break;
      run.push(n);
    }
    return run;
  }

  /**
   * `企业从年初的8家增加至15家`, `三次产业比重由2:66:32调整到1:60:39`: the first value (a quantity or a
   * ratio, after 从 or 由 and maybe when it was: 年初的) waits for the value the change ends at (changeTo).
   */
  private changeFrom(k: number, r: Reading): boolean {
    const m = this.mentions[k]!;
    const opened = CHANGE_FROM.exec(r.pre.trim());
    if (!(m.type === 'quantity' || m.type === 'ratio') || !opened) return false;
    const to = CHANGE_TO.exec(this.text.slice(m.end));
    const next = this.mentions[k + 1];
    if (!to || next?.type !== m.type || next.start !== m.end + to[0].length) return false;
    const pre = r.pre.trim();
    this.change = {
      name: cleanName(pre.slice(0, opened.index), this.sentence.period?.text),
      start: r.start,
      from: `${opened[0]}${this.text.slice(m.start, m.end)}`,
      mention: m,
      ...(opened[1] ? { when: opened[1] } : {}),
    };
    return true;
  }

  /**
   * `从年初的8家增加至15家`: the 15家 is the figure, named and quoted from 从, and the 8家 is where it
   * started (from: { value: 8, when: 年初 }) when it is counted in the same unit; else a note on it.
   */
  private changeTo(k: number, r: Reading): void {
    const change = this.change;
    if (!change) return;
    const m = this.mentions[k]!;
    const before = change.mention;
    if (change.name !== '') r.name = change.name;
    r.start = change.start;
    const sameUnit = before.type === 'ratio' || (before.type === 'quantity' && m.type === 'quantity' && before.unit === m.unit);
    if (sameUnit) r.changeFrom = { mention: before, ...(change.when ? { when: change.when } : {}) };
    else r.changeNote = `原文写“${change.from}${this.text.slice(this.mentions[k - 1]!.end, m.end)}”，只填了变化后的数值；变化前的 ${this.text.slice(before.start, before.end)} 单位不同，没有单列`;
    this.change = undefined;
  }

  /** The change's start (from) on the figure it ends at. */
  private startOfChange(f: Building, r: Reading): void {
    const before = r.changeFrom?.mention;
    if (!before) return;
    const when = r.changeFrom?.when ? { when: r.changeFrom.when } : {};
    if (before.type === 'ratio') f.from = { ratio: before.ratio, ...when };
    else if (before.type === 'quantity') f.from = { value: before.value, ...when };
  }

  // -------------------------------------------------------------------------------------------------
  // Ratios and comparisons: 三次产业比重1:60:39, 高于全市平均1个百分点

  /** `三次产业比重调整到1:60:39`: a ratio as written, named by the words before it (no value, no unit). */
  private ratio(m: MentionOf<'ratio'>, r: Reading): number {
    if (r.name === '') {
      this.paragraph.skip(`比例“${m.ratio}”前没有写是什么的比例，没有列入`);
      return m.end;
    }
    const f = this.newFigure(m, r.name, 'before', r.start);
    f.ratio = m.ratio;
    this.startOfChange(f, r);
    return m.end;
  }

  /**
   * `人均可支配收入增长8.2%，高于全市平均1个百分点`: a comparison with an average right after a figure is
   * that figure's (compare: to, value, unit; 低于 is negative); named by the words before it, a figure of
   * its own (`增速高于全省平均0.5个百分点` after nothing); else noted.
   */
  private comparison(m: MentionOf<'compare'>, r: Reading): number {
    const compare = { to: m.to, value: m.value, unit: m.unit };
    this.dropAttributeName(r);
    const { last } = r;
    if (last && !last.compare && (this.paragraph.onlySeparators(last.lastEnd, m.start) || r.name === '')) {
      last.compare = compare;
      this.extend(last, m.end);
      return m.end;
    }
    if (r.name === '') {
      this.paragraph.skip(`“${this.clauseUpTo(m)}”没有写是哪项指标和平均比，没有列入`);
      return m.end;
    }
    this.newFigure(m, r.name, 'before', r.start).compare = compare;
    return m.end;
  }

  // -------------------------------------------------------------------------------------------------
  // Quantities: 4.91亿元, 12个村级采样点, 800多人

  /** `同比减少12件`: a change against last year, not a figure of this year. */
  private changeAgainstLastYear(m: MentionOf<'quantity'>, r: Reading): number | undefined {
    if (!CHANGE.test(r.pre)) return undefined;
    this.paragraph.skip(`“${this.text.slice(r.start, m.end)}”是与上年相比的增减量，没有列入`);
    return m.end;
  }

  /** The name of a quantity: from the words before it, else from the noun after it. */
  private quantityNaming(m: MentionOf<'quantity'>, r: Reading): Naming {
    this.carriedNoun(r);
    const etc = /等$/u.test(r.pre.trim());
    return this.areaOfWhatFollows(m, etc) ?? this.nounAfterNumber(m, r, etc) ?? { name: r.name, nameFrom: 'before', consumed: m.end };
  }

  /**
   * `12个行政村集体经济总收入达到865万元`: the noun read after 12个 names the 865万元; the 12个 keeps the
   * head of the noun (行政村).
   */
  private carriedNoun(r: Reading): void {
    const { last, pre } = r;
    if (r.name !== '' || last?.nameFrom !== 'after' || !/^\s*(达到|达|为|共计|合计|总计|累计|约)$/u.test(pre)) return;
    if (last.lastEnd !== r.start - (pre.length - pre.trimStart().length)) return;
    const noun = last.name.slice(last.leadVerb?.length ?? 0);
    last.name = `${last.leadVerb ?? ''}${countedHead(noun)}`;
    r.name = noun;
  }

  /** `二期55亩工业储备类征地任务`: an area before a noun is the area of what follows (工业储备类征地面积). */
  private areaOfWhatFollows(m: MentionOf<'quantity'>, etc: boolean): Naming | undefined {
    const areaOf = AREA.test(m.unit) ? nounAfter(this.text, m.end, this.to) : '';
    if (areaOf.length < 2 || etc) return undefined;
    return { name: `${areaOf.replace(/(任务|工作|项目)$/u, '')}面积`, nameFrom: 'before', consumed: m.end + areaOf.length };
  }

  /**
   * `启动2个城中村改造项目`, `开展宣讲、培训等活动30场`: with no name before the number (or only a verb,
   * or a list closed by 等) the noun after it names it; the verb stays in front (启动城中村改造项目).
   */
  private nounAfterNumber(m: MentionOf<'quantity'>, r: Reading, etc: boolean): Naming | undefined {
    if (!(r.name === '' || isLeadOnly(r.name) || etc)) return undefined;
    const noun = nounAfter(this.text, m.end, this.to) || this.nounAfterList(m);
    if (noun === '') return undefined;
    const leadVerb = r.name !== '' && !etc ? r.name : undefined;
    return { name: `${leadVerb ?? ''}${noun}`, nameFrom: 'after', ...(leadVerb ? { leadVerb } : {}), consumed: m.end + noun.length };
  }

  /**
   * `实施8个、161万元的乡村振兴重点项目`: values joined by 、 and closed by 的 and a noun all measure that
   * noun; a count is named by it (乡村振兴重点项目), another unit by it and what the unit measures
   * (乡村振兴重点项目金额).
   */
  private nounAfterList(m: MentionOf<'quantity'>): string {
    let end = m.end;
    for (const n of this.mentions) {
      if (n.start < end) continue;
      if (n.type !== 'quantity' || this.text.slice(end, n.start).trim() !== '、') break;
      end = n.end;
    }
    if (this.text[end] !== '的') return '';
    const noun = nounAfter(this.text, end + 1, this.to);
    if (noun === '') return '';
    const label = unitLabel(m.unit);
    return label === '数量' ? noun : `${noun}${label}`;
  }

  /**
   * A quantity named by nothing, right after a figure without a value (`规上工业产值同比增长5%，4.2亿元`):
   * the value of that figure; else a new figure (`新发展特色水果种植1350亩`), named by a guess from its
   * unit when nothing names it (`接待参观团队15批次800多人` → 接待参观人数), which the editor is asked to check.
   */
  private quantity(m: MentionOf<'quantity'>, r: Reading, naming: Naming): number {
    const { last } = r;
    if (naming.name === '' && last && last.value === undefined && this.paragraph.onlySeparators(last.lastEnd, m.start)) {
      Object.assign(last, quantityOf(m));
      this.extend(last, naming.consumed);
      return m.end;
    }
    const { name, nameFrom } = naming.name === '' ? { name: this.guessedName(m, last), nameFrom: 'fallback' as const } : naming;
    const sameClause = last !== undefined && last.lastEnd >= this.paragraph.clauseStart(m.start, this.from);
    const f = this.newFigure(m, name, nameFrom, r.pre === '' && last && sameClause ? last.quoteStart : r.start);
    Object.assign(f, quantityOf(m));
    if (r.changeNote) f.review.push(r.changeNote);
    this.startOfChange(f, r);
    if (naming.leadVerb) f.leadVerb = naming.leadVerb;
    if (nameFrom === 'fallback') f.review.push(`原文在数字前没有写名称，名称“${name}”是推测的`);
    this.extend(f, naming.consumed);
    this.carryVerb(f, r.start);
    return naming.consumed;
  }

  /** `接待参观团队15批次800多人`: the name of the figure before and what the unit counts (参观人数). */
  private guessedName(m: MentionOf<'quantity'>, last: Building | undefined): string {
    let base = last ? (last.nameFrom === 'after' ? (last.leadVerb ?? '') : last.name) : '';
    // The people are counted, not the groups.
    if (/人|人次/u.test(m.unit)) base = base.replace(/(团队|团组|代表团|考察团|团|队|组|家庭)$/u, '');
    return `${base}${unitLabel(m.unit)}`;
  }

  /**
   * `整治C级危房3户、D级危房3户`, `拆除违章建筑156处、面积4.2万平方米`: an item of a list after 、 takes
   * the counting verb of the item before, and an attribute (面积) takes its name.
   */
  private carryVerb(f: Building, start: number): void {
    const before = this.built.at(-2);
    if (!before || this.text[start - 1] !== '、') return;
    if (ATTRIBUTE.test(f.name)) {
      f.name = `${before.name}${f.name}`;
      return;
    }
    const verb = COUNTING_VERBS.find((v) => before.name.startsWith(v));
    if (verb && !COUNTING_VERBS.some((v) => f.name.startsWith(v))) f.name = `${verb}${f.name}`;
  }

  // -------------------------------------------------------------------------------------------------
  // Percentages without a growth word: 92.71%, 拆整率达97.19%

  /** `规上工业产值8.5%`: a bare percentage after an amount is read as its growth, for the editor to check. */
  private growthOfAmount(m: MentionOf<'percent'>, r: Reading): number | undefined {
    if (!isAmountName(r.name)) return undefined;
    const f = this.newFigure(m, r.name, 'before', r.start);
    f.growth = { value: m.value, unit: '%' };
    f.review.push(`原文只写“${this.text.slice(m.start, m.end)}”，没写是数值还是增速；按增速填写，未填口径`);
    return m.end;
  }

  /** `受理矛盾纠纷58件，化解56件，化解率96.6%`: the rate of a count named like it makes the count a project's progress. */
  private completionRateOfCount(m: MentionOf<'percent'>, r: Reading): number | undefined {
    const stem = /^(.{1,3})率$/u.exec(r.name)?.[1];
    const done = stem ? this.doneFor(stem) : undefined;
    if (!done || m.value > 100) return undefined;
    this.startProject(done, m.value, r.name);
    this.reachProject(m.end);
    return m.end;
  }

  /**
   * `办结率100%`, `城镇登记失业率控制在2.1%以内`: a figure in %. Above 100 (`占目标任务(剔除烟叶税)的278%`)
   * it cannot be a share: a rate (percent: rate), for the editor to check.
   */
  private percent(m: MentionOf<'percent'>, r: Reading): number {
    const f = Object.assign(this.newFigure(m, r.name, 'before', r.start), percentOf(m));
    if (m.value > 100) {
      f.percent = 'rate';
      f.review.push(`${m.value}% 超过 100，不是占比：按比率（percent: rate）填写`);
    }
    return m.end;
  }

  // -------------------------------------------------------------------------------------------------
  // Growth and ranks: 累计增速10.8%, 同比下降3.2%, 全市排名8, 居全市第三, 位于乐清第2、温州第8

  /**
   * `规上工业产值4.91亿元，累计增速10.8%，全市排名8`: a growth or rank right after a figure (only
   * separators and filler such as 同比, 增速 between), or one nothing else names, is that figure's.
   */
  private ofLast<K extends 'growth' | 'rank'>(key: K, value: NonNullable<Building[K]>, m: Mention, r: Reading): number | undefined {
    const { last } = r;
    if (!last || last[key] || !(this.paragraph.onlySeparators(last.lastEnd, m.start) || r.name === '')) return undefined;
    last[key] = value;
    this.extend(last, m.end);
    return m.end;
  }

  /**
   * `力争全年规上工业产值增长10%`, `平安建设考评获同类街道第一`: a figure with only a growth or a rank.
   */
  private figureWith<K extends 'growth' | 'rank'>(key: K, value: NonNullable<Building[K]>, m: Mention, r: Reading): number {
    this.newFigure(m, r.name, 'before', r.start)[key] = value;
    return m.end;
  }

  /**
   * `净增“四上”企业7家，增量居全县首位`: a rank without an exact place (前列, 首位, 前三, 第一方阵) goes on
   * the figure right before it, as written, without a position; with no number before it
   * (`测评均位列全市前列`) it holds no figure and is noted.
   */
  private inexactRank(m: MentionOf<'rank'>, r: Reading): number {
    const rank: DraftRank = { scope: m.scope!, ...(m.subject ? { subject: m.subject } : {}), written: m.written };
    const taken = r.last && (r.last.value !== undefined || r.last.growth) ? this.ofLast('rank', rank, m, r) : undefined;
    if (taken === undefined) this.paragraph.skip(`“${this.clauseUpTo(m)}”没有确切名次，前面也没有它所排的数字，没有列入`);
    return m.end;
  }

  /** `工业投资增长12%，排名第四`: a rank without a scope (全市, 温州…) cannot be placed; noted. */
  private unscopedRank(m: MentionOf<'rank'>): number {
    this.paragraph.skip(`排名“${m.written}”没有写范围（全市、温州…），没有填写排名`);
    return m.end;
  }

  /**
   * `A、B、C分别增长8%、6%、5%，增速均居全市第二` (the figures before it) or `工业产值、税收增速均居全市第二`
   * (the names listed before 均): a rank several items share. When each of them holds a number of its own,
   * the rank is one statement (figures.yaml `ranks`, its items the figures, its quote the clause of the
   * rank), not a copy on each; names that hold nothing else become figures with the rank on each.
   */
  private sharedRank(rank: DraftRank, m: Mention, r: Reading): number | undefined {
    const squashed = r.pre.replace(/\s/gu, '');
    if (!/[均都]$/u.test(squashed)) return undefined;
    const names = listNames(squashed.slice(0, -1).replace(/(?:增速|增幅|增量|总量|规模|排名|位次)$/u, '')).filter((n) => n !== '');
    if (names.length >= 2) {
      const existing = names.map((n) => this.built.find((f) => f.name === n && !f.rank));
      if (existing.every((f) => f !== undefined && holdsNumber(f))) return this.shareRank(rank, existing as Building[], m, r);
      for (const [i, n] of names.entries()) {
        const f = existing[i];
        if (f) {
          f.rank = rank;
          this.extend(f, m.end);
        } else this.newFigure(m, n, 'before', r.start).rank = rank;
      }
      return m.end;
    }
    const open = this.built.filter((f) => !f.rank && holdsNumber(f));
    if (!((r.name === '' || ATTRIBUTE_ONLY.test(r.name)) && open.length >= 2)) return undefined;
    return this.shareRank(rank, open, m, r);
  }

  /** One shared rank statement for these figures, quoted from the words of the rank to its segment's end. */
  private shareRank(rank: DraftRank, members: Building[], m: Mention, r: Reading): number {
    this.paragraph.shared.push({ rank, members, quoteStart: r.start, quoteEnd: this.paragraph.segmentEnd(m.end, this.to) });
    return m.end;
  }

  /** `位于乐清第2、温州第8`: the second rank of a list makes a second figure of the same name. */
  private continuedRank(rank: DraftRank, m: MentionOf<'rank'>, r: Reading): number | undefined {
    const { last } = r;
    if (!m.continuation || !last?.rank) return undefined;
    const f = this.newFigure(m, last.name, last.nameFrom, last.quoteStart);
    f.quoteStart = last.quoteStart;
    if (last.period) f.period = last.period;
    f.rank = rank;
    return m.end;
  }

  // -------------------------------------------------------------------------------------------------
  // Completion rates: 完成率65%, 占年计划的80%

  /**
   * `地方财政收入实现2496万元，完成任务的117.46%，同比增长28.7%`: a share of a target right after an
   * amount (or a figure with its growth or rank) is that figure's completion; the figure stays an
   * indicator and takes the growth that follows.
   */
  private completionOfFigure(m: MentionOf<'completion'>, r: Reading): number | undefined {
    const { last } = r;
    const target = /^(?:完成|达到)了?(.*(?:目标|任务|计划)数?)$/u.exec(m.rateName)?.[1];
    if (!target || !last || last.completion || last.value === undefined || last.unit === '%') return undefined;
    if (!(r.name === '' && this.paragraph.onlySeparators(last.lastEnd, m.start))) return undefined;
    if (!(isAmountName(last.name) || last.growth || last.rank)) return undefined;
    last.completion = { rate: m.rate, target, ...writtenIf(m.written, m.rate) };
    this.extend(last, m.end);
    return m.end;
  }

  /**
   * `拆除违法建筑2.3万平方米，完成率达76%`: the quantity before the rate (not an indicator with growth or
   * rank) is what is done, and a project starts from it; `民间投资4.12亿元，同比增长6.3%，完成全年目标任务的
   * 71.8%` or `征地工作完成率65%`: a project with the rate alone, named by the words before it.
   */
  private completion(m: MentionOf<'completion'>, r: Reading): number {
    const nearest = [...this.built].reverse().find((f) => f.value !== undefined && f.unit !== '%');
    // An indicator with growth or rank stays an indicator; the project only borrows its name.
    if (nearest && !nearest.growth && !nearest.rank) this.startProject(nearest, m.rate, m.rateName);
    else {
      const period = this.sentence.period;
      this.openProject({
        name: r.name || nearest?.name || m.rateName,
        start: r.start,
        progress: { rate: m.rate, rateName: m.rateName, ...(period ? { period: period.text } : {}) },
        quoteStart: this.quoteStartFor(r.start),
        quoteEnd: this.paragraph.segmentEnd(m.end, this.to),
        figures: [],
      });
    }
    this.reachProject(m.end);
    return m.end;
  }

  // -------------------------------------------------------------------------------------------------
  // Numbers without a unit

  /** `限上社会消费品零售总额2.64，同比增长6.7%`: a number without its unit, noted for the editor (not a date). */
  private unitless(m: MentionOf<'unitless'>, r: Reading): number {
    if (r.name === '' || /[年月日号]$/u.test(r.pre)) return m.end;
    this.newFigure(m, r.name, 'before', r.start).unitless = this.text.slice(r.start, m.end);
    return m.end;
  }

  // -------------------------------------------------------------------------------------------------
  // Building figures and projects

  /** A figure's quote starts at the period its clause opened with (1-5月份，…) when no figure took it yet. */
  private quoteStartFor(start: number): number {
    const { period, periodFresh } = this.sentence;
    if (period && periodFresh && period.start < start) {
      const between = this.text.slice(period.end, start);
      if (/^[\s，,]*$/u.test(between) || this.paragraph.clauseStart(start, this.from) <= period.start) return period.start;
    }
    return start;
  }

  private newFigure(m: Mention, name: string, nameFrom: Building['nameFrom'], start: number): Building {
    const period = this.sentence.period;
    const f: Building = {
      name,
      ...(period ? { period: period.text } : {}),
      review: [],
      quoteStart: this.quoteStartFor(start),
      quoteEnd: this.paragraph.segmentEnd(m.end, this.to),
      lastEnd: m.end,
      nameFrom,
    };
    if (this.estimated(m.start)) f.estimate = true;
    this.sentence.periodFresh = false;
    this.built.push(f);
    if (this.project) this.project.figures.push(f);
    return f;
  }

  /** `预计全年实现地区生产总值5.2亿元`: a figure after 预计 in its part of the sentence is an estimate. */
  private estimated(start: number): boolean {
    return this.text.slice(this.from, start).includes('预计');
  }

  /** The figure reaches to `end`: its quote runs to the end of that segment. */
  private extend(f: Building, end: number): void {
    f.lastEnd = Math.max(f.lastEnd, end);
    f.quoteEnd = Math.max(f.quoteEnd, this.paragraph.segmentEnd(end, this.to));
  }

  /** The project's quote runs to the end of the segment holding `end`. */
  private reachProject(end: number): void {
    this.project!.quoteEnd = Math.max(this.project!.quoteEnd, this.paragraph.segmentEnd(end, this.to));
  }

  /** The count a rate like 拆整率 is about: named by the rate's verb (拆整817处), not a derived label. */
  private doneFor(stem: string): Building | undefined {
    const counts = this.built.filter((f) => f.value !== undefined && f.unit !== '%' && f.name.includes(stem));
    return (
      counts.find((f) => f.name === stem) ??
      [...counts].reverse().find((f) => f.nameFrom !== 'fallback' && !/(面积|金额|人数|户数|数量)$/u.test(f.name)) ??
      counts.at(-1)
    );
  }

  /**
   * `共有危房872处，已拆整817处，拆整率达97.19%`: the count done, an earlier larger count of the same unit
   * as the total, and the figures between them, become a project with progress.
   */
  private startProject(done: Building, rate: number, rateName: string): void {
    const { built } = this;
    const total = built
      .slice(0, built.indexOf(done))
      .reverse()
      .find((f) => f.unit === done.unit && f.value !== undefined && f.value >= done.value! && !f.growth && !f.rank);
    const first = total ?? done;
    const figures = built.slice(built.indexOf(first)).filter((f) => f !== done && f !== total);
    for (const f of [done, total, ...figures]) {
      const i = f ? built.indexOf(f) : -1;
      if (i >= 0) built.splice(i, 1);
    }
    this.openProject({
      name: done.name.length > 2 || !total ? done.name : total.name,
      start: first.quoteStart,
      progress: {
        done: quantityFields(done),
        ...(total ? { total: quantityFields(total) } : {}),
        rate,
        rateName,
        ...(done.period ? { period: done.period } : {}),
      },
      quoteStart: first.quoteStart,
      quoteEnd: done.quoteEnd,
      figures,
    });
  }

  /** A project of this sentence; the figures the part makes after it join it. */
  private openProject(project: Omit<BuildingProject, 'sentence'>): void {
    this.project = { ...project, sentence: this.text.slice(this.sentence.from, this.sentence.to) };
    this.paragraph.projects.push(this.project);
  }
}

/** A figure that holds a number of its own (a value, growth or ratio): it can share a rank statement. */
function holdsNumber(f: Building): boolean {
  return f.value !== undefined || f.growth !== undefined || f.ratio !== undefined;
}

/** The written form of a number, when it differs from how the number prints (12.0, 3.50). */
function writtenIf(written: string, value: number): { written?: string } {
  return written !== String(value) ? { written } : {};
}

function quantityOf(m: MentionOf<'quantity'>): Pick<Building, 'value' | 'unit' | 'bound' | 'written'> {
  return { value: m.value, unit: m.unit, ...(m.bound ? { bound: m.bound } : {}), ...writtenIf(m.written, m.value) };
}

function percentOf(m: MentionOf<'percent'>): Pick<Building, 'value' | 'unit' | 'bound' | 'written'> {
  return { value: m.value, unit: '%', ...(m.bound ? { bound: m.bound } : {}), ...writtenIf(m.written, m.value) };
}

function quantityFields(f: Building): NonNullable<DraftProgress['done']> {
  return { value: f.value!, unit: f.unit!, ...(f.bound ? { bound: f.bound } : {}) };
}

/**
 * A growth as written: `同比上升6.49%` keeps its verb (verb: 上升), `平均时限缩短40%` is -40 with verb: 缩短;
 * the plain 增长 and 下降 are what a page says without a verb, so they are not written.
 */
function growthOf(m: MentionOf<'growth'>): DraftGrowth {
  const verb = m.verb && m.verb !== (m.value < 0 ? '下降' : '增长') ? { verb: m.verb } : {};
  return { value: m.value, unit: m.unit, ...(m.kind ? { kind: m.kind } : {}), ...verb, ...writtenIf(m.written, Math.abs(m.value)) };
}

/**
 * The growth of one value of a 分别 list: the list's first value says its kind and sign
 * (`分别下降2%、3%` are both falls); a bare percentage is a growth in %.
 */
function listedGrowth(first: Mention, n: Mention): DraftGrowth {
  const value = n.type === 'growth' || n.type === 'percent' ? n.value : 0;
  const written = n.type === 'growth' || n.type === 'percent' ? n.written : String(value);
  const kind = first.type === 'growth' ? first.kind : undefined;
  const unit = n.type === 'growth' ? n.unit : '%';
  return { value: first.type === 'growth' && first.value < 0 ? -Math.abs(value) : value, unit, ...(kind ? { kind } : {}), ...writtenIf(written, Math.abs(value)) };
}
