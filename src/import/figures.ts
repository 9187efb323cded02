/**
 * Groups the mentions of a paragraph into figures as the curated reports record them: one figure per
 * thing counted, holding its value, growth and rank (规上工业产值 4.91亿元 · 累计增速10.8% · 全市排名8),
 * the period its sentence opened with, a verbatim quote (the clause that carries it), and — where a
 * completion rate follows — a project with progress (done, total, rate) instead.
 *
 * Rules, all local to one sentence (。) and its parts (；):
 * - a growth or rank right after a figure (only separators between) belongs to it;
 * - a second rank in a list (乐清第2、温州第8) makes a second figure of the same name;
 * - a clause-opening period (1-5月份, 上半年) holds for the following figures of its sentence;
 * - a completion rate (完成率65%, 拆整率达97.19%, 占年计划的80%) turns the quantity before it into a
 *   project's progress, with an earlier larger quantity of the same unit as the total.
 */
import { scanMentions, type Mention } from './scan.ts';
import { ATTRIBUTE, ATTRIBUTE_ONLY, cleanName, COUNTING_VERBS, countedHead, isAmountName, isLeadOnly, listNames, nounAfter, unitLabel } from './names.ts';

export type Bound = '余' | '多' | '以上' | '近' | '约';

export interface DraftGrowth {
  value: number;
  /** The number as written (10.0), when it differs from the value. */
  written?: string;
  unit: '%' | '个百分点';
  kind?: '累计增速' | '同比' | '环比' | '增速';
}

export interface DraftRank {
  position: number;
  scope: string;
  written: string;
}

export interface DraftFigure {
  name: string;
  point: string;
  period?: string;
  value?: number;
  /** The value as written (12.0), when it differs from the number. */
  written?: string;
  unit?: string;
  bound?: Bound;
  impliedUnit?: string;
  growth?: DraftGrowth;
  rank?: DraftRank;
  quote: string;
  /** Things for the editor to check, written as `# 待核对：…` above the item. */
  review: string[];
}

export interface DraftProgress {
  done?: { value: number; unit: string; bound?: Bound };
  total?: { value: number; unit: string; bound?: Bound };
  rate?: number;
  rateName?: string;
  period?: string;
  quote: string;
}

export interface DraftProject {
  name: string;
  point: string;
  status: 'in-progress' | 'done';
  summary: string;
  progress: DraftProgress;
  figures: DraftFigure[];
  quote: string;
  review: string[];
}

export interface Extraction {
  figures: DraftFigure[];
  projects: DraftProject[];
  /** Numbers seen but not drafted (no unit, no scope…), for a comment at the top of figures.yaml. */
  skipped: string[];
}

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

const SEPARATOR = /[，,；;、\s]/u;
const AREA = /(亩|平方米|公顷|平方公里)$/u;
/** A change against last year written as a count: 同比减少12件. */
const CHANGE = /(?:同比|[比较](?:上年|去年)(?:同期)?)(?:增加|减少|下降|增长|提高|上升|多|少)了?$/u;
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
  const figures: DraftFigure[] = [];
  const projects: DraftProject[] = [];
  const skipped: string[] = [];
  const projectsBuilt: BuildingProject[] = [];
  const text = paragraph;

  const clauseStart = (pos: number, floor: number) => {
    let i = pos;
    while (i > floor && !CLAUSE_END.test(text[i - 1]!)) i--;
    return i;
  };
  const segmentEnd = (pos: number, ceiling: number) => {
    let i = pos;
    while (i < ceiling && !SEGMENT_END.test(text[i]!)) i++;
    return i;
  };
  const onlySeparators = (from: number, to: number) => text.slice(from, to).replace(GAP_FILLER, '').replace(/[，,、\s（(）)]/gu, '') === '';

  for (const sentence of sentences(text)) {
    const [sFrom, sTo] = sentence;
    const mentions = scanMentions(text.slice(sFrom, sTo), places).map((m) => ({ ...m, start: m.start + sFrom, end: m.end + sFrom }) as Mention);
    let period: (Mention & { type: 'period' }) | undefined;
    let periodFresh = false;

    for (const part of parts(text, sentence)) {
      const [pFrom, pTo] = part;
      const built: Building[] = [];
      let project: BuildingProject | undefined;
      let previousEnd = pFrom;

      const regionStart = (m: Mention) => {
        let start = Math.max(clauseStart(m.start, pFrom), previousEnd);
        while (start < m.start && SEPARATOR.test(text[start]!)) start++;
        return start;
      };
      const quoteStartFor = (start: number) => {
        if (period && periodFresh && period.start < start) {
          const between = text.slice(period.end, start);
          if (/^[\s，,]*$/u.test(between) || clauseStart(start, pFrom) <= period.start) return period.start;
        }
        return start;
      };
      const newFigure = (m: Mention, name: string, nameFrom: Building['nameFrom'], start: number): Building => {
        const f: Building = {
          name,
          ...(period ? { period: period.text } : {}),
          review: [],
          quoteStart: quoteStartFor(start),
          quoteEnd: segmentEnd(m.end, pTo),
          lastEnd: m.end,
          nameFrom,
        };
        periodFresh = false;
        built.push(f);
        if (project) project.figures.push(f);
        return f;
      };
      const extend = (f: Building, end: number) => {
        f.lastEnd = Math.max(f.lastEnd, end);
        f.quoteEnd = Math.max(f.quoteEnd, segmentEnd(end, pTo));
      };
      const carryVerb = (f: Building, start: number) => {
        const before = built.at(-2);
        if (!before || text[start - 1] !== '、') return;
        if (ATTRIBUTE.test(f.name)) {
          f.name = `${before.name}${f.name}`;
          return;
        }
        const verb = COUNTING_VERBS.find((v) => before.name.startsWith(v));
        if (verb && !COUNTING_VERBS.some((v) => f.name.startsWith(v))) f.name = `${verb}${f.name}`;
      };

      /** The figures the last 分别 list made, for a second list of values that follows (…，分别增长…). */
      let listed: Building[] = [];
      /** 从8家增加至15家: the name and start of the change, waiting for the value it ends at. */
      let change: { name: string; start: number; from: string } | undefined;

      /**
       * A list with 分别: the names before it, a run of values after it (A、B和C分别增长x%、y%、z%), paired
       * in order. When the counts differ nothing is paired: the values are noted, not guessed.
       * Returns how many mentions it took, or 0 when this is not such a list.
       */
      const respectively = (k: number, start: number, pre: string): number => {
        const m = partMentions[k]!;
        const at = pre.lastIndexOf('分别');
        if (at < 0 || !(m.type === 'quantity' || m.type === 'growth' || m.type === 'percent')) return 0;
        // What follows 分别 is a verb (为, 完成) and maybe what is counted (完成投资): that goes on every name.
        const after = pre.slice(at + 2).replace(/\s/gu, '');
        if (!/^[\u4e00-\u9fa5]{0,8}$/u.test(after)) return 0;
        const counted = /^(?:为|是|达到?|同比|有)?$/u.test(after) ? '' : cleanName(after);
        const run: Mention[] = [m];
        const sameKind = (n: Mention) => (m.type === 'quantity' ? n.type === 'quantity' : n.type === 'percent' || n.type === 'growth');
        for (let j = k + 1; j < partMentions.length; j++) {
          const n = partMentions[j]!;
          if (!sameKind(n) || !/^[、和及与\s]*$/u.test(text.slice(run.at(-1)!.end, n.start))) break;
          run.push(n);
        }
        if (run.length < 2) return 0;
        const runEnd = run.at(-1)!.end;
        const rawNames = pre.slice(0, at);
        const growthWord = /(?:增速|增幅|同比增长|增长)$/u.exec(rawNames.replace(/\s/gu, ''));
        const asGrowth = m.type === 'growth' || (m.type === 'percent' && growthWord !== null);
        const growthOf = (n: Mention): DraftGrowth => {
          const value = n.type === 'growth' ? n.value : n.type === 'percent' ? n.value : 0;
          const written = n.type === 'growth' || n.type === 'percent' ? n.written : String(value);
          const kind = m.type === 'growth' ? m.kind : undefined;
          const unit = n.type === 'growth' ? n.unit : '%';
          return { value: m.type === 'growth' && m.value < 0 ? -Math.abs(value) : value, unit, ...(kind ? { kind } : {}), ...(written !== String(Math.abs(value)) ? { written } : {}) };
        };
        const names = listNames(growthWord ? rawNames.replace(/\s/gu, '').slice(0, -growthWord[0].length) : rawNames)
          .filter((n) => n !== '')
          .map((n) => `${n}${counted}`);
        // …，分别增长x%、y%: the growth of the figures the list before made.
        if (names.length === 0 && asGrowth && listed.length === run.length && listed.every((f) => !f.growth)) {
          listed.forEach((f, i) => {
            f.growth = growthOf(run[i]!);
            extend(f, runEnd);
          });
          previousEnd = runEnd;
          return run.length;
        }
        if (names.length < 2) return 0;
        const values = text.slice(m.start, runEnd);
        if (names.length !== run.length) {
          skipped.push(`“${text.slice(start, runEnd)}”列出${names.length}个名称、${run.length}个数值，数目不同，没有配对（${values}）`);
          previousEnd = runEnd;
          return run.length;
        }
        listed = run.map((n, i) => {
          const f = newFigure(n, names[i]!, 'before', start);
          if (asGrowth) f.growth = growthOf(n);
          else if (n.type === 'quantity') Object.assign(f, quantityOf(n));
          else if (n.type === 'percent') Object.assign(f, { value: n.value, unit: '%', ...(n.written !== String(n.value) ? { written: n.written } : {}) });
          f.lastEnd = n.end;
          f.quoteEnd = Math.max(f.quoteEnd, segmentEnd(runEnd, pTo));
          return f;
        });
        previousEnd = runEnd;
        return run.length;
      };

      /**
       * A rank several items share (A、B增速均居全市第二; …，增速均居全市第二): the rank on each of them.
       * Returns whether the rank was placed.
       */
      const sharedRank = (rank: DraftRank, pre: string, name: string, m: Mention, start: number): boolean => {
        const squashed = pre.replace(/\s/gu, '');
        if (!/[均都]$/u.test(squashed)) return false;
        const names = listNames(squashed.slice(0, -1).replace(/(?:增速|增幅|增量|总量|规模|排名|位次)$/u, '')).filter((n) => n !== '');
        if (names.length >= 2) {
          for (const n of names) {
            const existing = built.find((f) => f.name === n && !f.rank);
            if (existing) {
              existing.rank = rank;
              extend(existing, m.end);
            } else newFigure(m, n, 'before', start).rank = rank;
          }
          return true;
        }
        const open = built.filter((f) => !f.rank && (f.value !== undefined || f.growth));
        if ((name === '' || ATTRIBUTE_ONLY.test(name)) && open.length >= 2) {
          for (const f of open) {
            f.rank = rank;
            extend(f, m.end);
          }
          return true;
        }
        return false;
      };

      const partMentions = mentions.filter((x) => x.start >= pFrom && x.start < pTo);
      for (let k = 0; k < partMentions.length; k++) {
        const m = partMentions[k]!;
        const last = built.at(-1);
        if (m.type === 'period') {
          period = m;
          periodFresh = true;
          previousEnd = m.end;
          continue;
        }
        let start = regionStart(m);
        const pre = text.slice(start, m.start);
        let name = cleanName(pre, period?.text);

        const taken = respectively(k, start, pre);
        if (taken > 0) {
          k += taken - 1;
          continue;
        }
        // 从8家增加至15家: the value it ends at, named and quoted from 从.
        if (m.type === 'quantity' && /[从由]$/u.test(pre.trim())) {
          const to = /^\s*(?:增加|增长|提高|提升|上升|减少|下降|降低|扩大|缩小|调整|发展|壮大|升级|扩展)?(?:到|至|为)\s*/u.exec(text.slice(m.end));
          const next = partMentions[k + 1];
          if (to && next?.type === 'quantity' && next.start === m.end + to[0].length) {
            change = { name: cleanName(pre.trim().slice(0, -1), period?.text), start, from: `${pre.trim().slice(-1)}${text.slice(m.start, m.end)}` };
            continue;
          }
        }
        let changeNote: string | undefined;
        if (change && m.type === 'quantity') {
          if (change.name !== '') name = change.name;
          start = change.start;
          changeNote = `原文写“${change.from}${text.slice(partMentions[k - 1]!.end, m.end)}”，只填了变化后的数值；变化前的 ${change.from.slice(1)} 没有单列`;
          change = undefined;
        }
        if ((m.type === 'growth' || m.type === 'rank') && ATTRIBUTE_ONLY.test(name) && last) name = '';

        switch (m.type) {
          case 'quantity': {
            if (CHANGE.test(pre)) {
              skipped.push(`“${text.slice(start, m.end)}”是与上年相比的增减量，没有列入`);
              break;
            }
            // 12个行政村集体经济总收入达到865万元: the noun read after 12个 names the 865万元.
            if (name === '' && last?.nameFrom === 'after' && /^\s*(达到|达|为|共计|合计|总计|累计|约)$/u.test(pre) && last.lastEnd === start - (pre.length - pre.trimStart().length)) {
              const noun = last.name.slice(last.leadVerb?.length ?? 0);
              last.name = `${last.leadVerb ?? ''}${countedHead(noun)}`;
              name = noun;
            }
            const etc = /等$/u.test(pre.trim());
            let consumed = m.end;
            let nameFrom: Building['nameFrom'] = 'before';
            let leadVerb: string | undefined;
            const areaOf = AREA.test(m.unit) ? nounAfter(text, m.end, pTo) : '';
            if (areaOf.length >= 2 && !etc) {
              // 55亩工业储备类征地任务: the number is the area of what follows.
              name = `${areaOf.replace(/(任务|工作|项目)$/u, '')}面积`;
              consumed = m.end + areaOf.length;
            } else if (name === '' || isLeadOnly(name) || etc) {
              const noun = nounAfter(text, m.end, pTo);
              if (noun !== '') {
                leadVerb = name !== '' && !etc ? name : undefined;
                name = `${leadVerb ?? ''}${noun}`;
                nameFrom = 'after';
                consumed = m.end + noun.length;
              }
            }
            if (name === '' && last && last.value === undefined && onlySeparators(last.lastEnd, m.start)) {
              Object.assign(last, quantityOf(m));
              extend(last, consumed);
              break;
            }
            if (name === '') {
              let base = last ? (last.nameFrom === 'after' ? (last.leadVerb ?? '') : last.name) : '';
              // 参观团队15批次800多人: the people are counted, not the groups.
              if (/人|人次/u.test(m.unit)) base = base.replace(/(团队|团组|代表团|考察团|团|队|组|家庭)$/u, '');
              name = `${base}${unitLabel(m.unit)}`;
              nameFrom = 'fallback';
            }
            const sameClause = last !== undefined && last.lastEnd >= clauseStart(m.start, pFrom);
            const f = newFigure(m, name, nameFrom, pre === '' && last && sameClause ? last.quoteStart : start);
            Object.assign(f, quantityOf(m));
            if (changeNote) f.review.push(changeNote);
            if (leadVerb) f.leadVerb = leadVerb;
            if (nameFrom === 'fallback') f.review.push(`原文在数字前没有写名称，名称“${name}”是推测的`);
            extend(f, consumed);
            previousEnd = consumed;
            carryVerb(f, start);
            continue;
          }
          case 'percent': {
            if (isAmountName(name)) {
              const f = newFigure(m, name, 'before', start);
              f.growth = { value: m.value, unit: '%' };
              f.review.push(`原文只写“${text.slice(m.start, m.end)}”，没写是数值还是增速；按增速填写，未填口径`);
              break;
            }
            const stem = /^(.{1,3})率$/u.exec(name)?.[1];
            const done = stem ? doneFor(stem) : undefined;
            if (done && m.value <= 100) {
              project = startProject(done, m.value, name);
              project.quoteEnd = Math.max(project.quoteEnd, segmentEnd(m.end, pTo));
              break;
            }
            if (name === '') {
              skipped.push(`“${text.slice(clauseStart(m.start, pFrom), m.end)}”中的 ${m.value}% 没有名称，没有列入`);
              break;
            }
            if (m.value > 100) {
              skipped.push(`“${text.slice(start, m.end)}”超过 100%，不能作为百分比填写，没有列入`);
              break;
            }
            const f = newFigure(m, name, 'before', start);
            f.value = m.value;
            f.unit = '%';
            if (m.written !== String(m.value)) f.written = m.written;
            break;
          }
          case 'growth': {
            const growth: DraftGrowth = { value: m.value, unit: m.unit, ...(m.kind ? { kind: m.kind } : {}), ...(m.written !== String(Math.abs(m.value)) ? { written: m.written } : {}) };
            if (last && !last.growth && (onlySeparators(last.lastEnd, m.start) || name === '')) {
              last.growth = growth;
              extend(last, m.end);
              break;
            }
            if (name === '') {
              skipped.push(`“${text.slice(clauseStart(m.start, pFrom), m.end)}”没有写是哪项指标的增速，没有列入`);
              break;
            }
            newFigure(m, name, 'before', start).growth = growth;
            break;
          }
          case 'rank': {
            if (!m.scope) {
              skipped.push(`排名“${m.written}”没有写范围（全市、温州…），没有填写排名`);
              break;
            }
            const rank: DraftRank = { position: m.position, scope: m.scope, written: m.written };
            if (sharedRank(rank, pre, name, m, start)) break;
            if (m.continuation && last?.rank) {
              const f = newFigure(m, last.name, last.nameFrom, last.quoteStart);
              f.quoteStart = last.quoteStart;
              if (last.period) f.period = last.period;
              f.rank = rank;
              break;
            }
            if (last && !last.rank && (onlySeparators(last.lastEnd, m.start) || name === '')) {
              last.rank = rank;
              extend(last, m.end);
              break;
            }
            if (name === '') {
              skipped.push(`排名“${m.written}”前没有写是哪项工作的排名，没有列入`);
              break;
            }
            newFigure(m, name, 'before', start).rank = rank;
            break;
          }
          case 'completion': {
            const nearest = [...built].reverse().find((f) => f.value !== undefined && f.unit !== '%');
            // An indicator with growth or rank stays an indicator; the project only borrows its name.
            const done = nearest && !nearest.growth && !nearest.rank ? nearest : undefined;
            if (m.rate > 100) {
              skipped.push(`“${text.slice(m.start, m.end)}”超过 100%，进度不能超过 100%，没有列入`);
              break;
            }
            if (done) {
              project = startProject(done, m.rate, m.rateName);
            } else {
              project = {
                name: name || nearest?.name || m.rateName,
                start,
                progress: { rate: m.rate, rateName: m.rateName, ...(period ? { period: period.text } : {}) },
                quoteStart: quoteStartFor(start),
                quoteEnd: segmentEnd(m.end, pTo),
                figures: [],
                sentence: text.slice(sFrom, sTo),
              };
              projectsBuilt.push(project);
            }
            project.quoteEnd = Math.max(project.quoteEnd, segmentEnd(m.end, pTo));
            break;
          }
          case 'unitless': {
            if (name === '' || /[年月日号]$/u.test(pre)) break;
            const f = newFigure(m, name, 'before', start);
            f.unitless = `${text.slice(start, m.end)}`;
            break;
          }
        }
        previousEnd = m.end;
      }

      /** The count a rate like 拆整率 is about: named by the rate's verb (拆整817处), not a derived label. */
      function doneFor(stem: string): Building | undefined {
        const counts = built.filter((f) => f.value !== undefined && f.unit !== '%' && f.name.includes(stem));
        return (
          counts.find((f) => f.name === stem) ??
          [...counts].reverse().find((f) => f.nameFrom !== 'fallback' && !/(面积|金额|人数|户数|数量)$/u.test(f.name)) ??
          counts.at(-1)
        );
      }

      function startProject(done: Building, rate: number, rateName: string): BuildingProject {
        const total = built
          .slice(0, built.indexOf(done))
          .reverse()
          .find((f) => f.unit === done.unit && f.value !== undefined && f.value >= done.value! && !f.growth && !f.rank);
        const first = total ?? done;
        const name = done.name.length > 2 || !total ? done.name : total.name;
        const p: BuildingProject = {
          name,
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
          figures: built.slice(built.indexOf(first)).filter((f) => f !== done && f !== total),
          sentence: text.slice(sFrom, sTo),
        };
        for (const f of [done, total, ...p.figures]) {
          const i = f ? built.indexOf(f) : -1;
          if (i >= 0) built.splice(i, 1);
        }
        projectsBuilt.push(p);
        return p;
      }

      for (const f of built) {
        if (!project || !project.figures.includes(f)) finish(f, figures, skipped);
      }
    }
  }

  for (const p of projectsBuilt) {
    const figs: DraftFigure[] = [];
    for (const f of p.figures) finish(f, figs, skipped);
    const rate = p.progress.rate;
    projects.push({
      name: p.name,
      point,
      status: rate !== undefined && rate >= 100 ? 'done' : 'in-progress',
      summary: p.sentence.trim(),
      progress: { ...p.progress, quote: text.slice(p.quoteStart, p.quoteEnd).trim() },
      figures: figs,
      quote: text.slice(p.quoteStart, p.quoteEnd).trim(),
      review: [`项目名称“${p.name}”取自原文数字前的文字，请改成项目或工作的名称`],
    });
  }
  return { figures, projects, skipped };

  function finish(f: Building, out: DraftFigure[], notes: string[]) {
    if (f.unitless && !f.growth && !f.rank) {
      notes.push(`“${f.unitless}”没有写单位，没有列入`);
      return;
    }
    if (f.value === undefined && !f.growth && !f.rank) return;
    const figure: DraftFigure = {
      name: f.name,
      point,
      ...(f.period ? { period: f.period } : {}),
      ...(f.value !== undefined && f.unit ? { value: f.value, unit: f.unit, ...(f.written ? { written: f.written } : {}) } : {}),
      ...(f.bound ? { bound: f.bound } : {}),
      ...(f.growth ? { growth: f.growth } : {}),
      ...(f.rank ? { rank: f.rank } : {}),
      quote: text.slice(f.quoteStart, f.quoteEnd).trim(),
      review: [...f.review],
    };
    if (f.unitless) figure.review.push(`原文“${f.unitless}”没有写单位，数值没有填写`);
    if ((figure.unit === '亿' || figure.unit === '万') && isAmountName(figure.name)) {
      figure.impliedUnit = `${figure.unit}元`;
      figure.review.push(`原文写“${figure.value}${figure.unit}”，没写“元”；impliedUnit 按${figure.unit}元填写`);
    }
    out.push(figure);
  }
}

function quantityOf(m: Mention & { type: 'quantity' }): Pick<Building, 'value' | 'unit' | 'bound' | 'written'> {
  return { value: m.value, unit: m.unit, ...(m.bound ? { bound: m.bound } : {}), ...(m.written !== String(m.value) ? { written: m.written } : {}) };
}

function quantityFields(f: Building): { value: number; unit: string; bound?: Bound } {
  return { value: f.value!, unit: f.unit!, ...(f.bound ? { bound: f.bound } : {}) };
}
