/**
 * Plan items from the next-period part (下半年工作思路, 明年工作思路, 下一步工作…): the part's
 * introduction as one item, then one item per sentence of each point, with the measurable targets the
 * sentence states (实现6家规上企业全部投产 → 6 家).
 */
import { flattenNarrative, nodeText, type Narrative, type NarrativeNode } from '../model/narrative.ts';
import type { DraftPlanItem, DraftTarget } from './drafts.ts';
import { scanMentions } from './scan.ts';

const PLAN_HEADING = /(思路|计划|打算|安排|重点工作|目标任务|举措|下一步|下阶段|工作要点)/u;
const SUMMARY_HEADING = /(总结|回顾|完成情况|主要成效|工作成效|存在|问题|不足)/u;
/** Openings that state a principle rather than the action: 坚持…, 牢牢把握…, 以…为抓手. */
const LEAD_IN = /^(坚持|牢牢|围绕|紧紧|紧扣|以|按照|立足|聚焦|对标|锚定|根据|结合|在|为|着眼|秉持)/u;

/** The node of the next-period plan: a top-level part if one is titled so, else the first node that is. */
export function findPlanNode(narrative: Narrative): NarrativeNode | undefined {
  // A heading, not a sentence that happens to say 目标任务: plan parts are titled in a few words.
  const isPlan = (n: NarrativeNode) => n.headline.length <= 24 && PLAN_HEADING.test(n.headline) && !SUMMARY_HEADING.test(n.headline);
  return narrative.parts.find(isPlan) ?? flattenNarrative(narrative).find(isPlan);
}

function sentencesOf(text: string): string[] {
  return (text.match(/[^。！？!?]+[。！？!?]?/gu) ?? []).map((s) => s.trim()).filter((s) => s.replace(/[。！？!?]/gu, '').length >= 2);
}

const clauses = (s: string) => s.split(/[，,；;：:。！？!?]/u).map((c) => c.trim()).filter((c) => c !== '');

export function targetsOf(sentence: string): DraftTarget[] {
  const targets: DraftTarget[] = [];
  for (const m of scanMentions(sentence)) {
    let value: number | undefined;
    let unit: string | undefined;
    if (m.type === 'quantity') [value, unit] = [m.value, m.unit];
    else if (m.type === 'percent') [value, unit] = [m.value, '%'];
    else if (m.type === 'growth') [value, unit] = [Math.abs(m.value), m.unit];
    if (value === undefined || unit === undefined) continue;
    const before = sentence.slice(0, m.start).search(/[^，,；;：:。！？!?]*$/u);
    const after = sentence.slice(m.end).search(/[，,；;：:。！？!?]|$/u);
    const text = sentence.slice(before, m.end + after).trim();
    if (text.length >= 2) targets.push({ text, value, unit });
  }
  return targets;
}

function titleOf(sentence: string, targets: DraftTarget[]): string {
  const all = clauses(sentence);
  const chosen = targets[0]?.text ?? all.find((c) => c.length >= 4 && !LEAD_IN.test(c)) ?? all[0] ?? sentence;
  return chosen.length > 30 ? `${chosen.slice(0, 30)}…` : chosen;
}

function item(point: string, text: string, title?: string): DraftPlanItem {
  const sentences = sentencesOf(text);
  const targets = sentences.length <= 1 ? targetsOf(text) : [];
  const quote = (sentences.length > 1 ? sentences[0]! : text).replace(/[。！？!?]$/u, '');
  return {
    point,
    title: title ?? titleOf(text, targets),
    text,
    targets,
    quote,
    review: [`标题“${title ?? titleOf(text, targets)}”是从原文摘取的，请改成简短的事项名称`],
  };
}

export function draftPlan(plan: NarrativeNode): DraftPlanItem[] {
  const items: DraftPlanItem[] = [];
  const visit = (node: NarrativeNode) => {
    const body = node.body.trim();
    if (body !== '' && node.children.length > 0) {
      items.push(item(node.id, body.replace(/\n{2,}/gu, '\n'), node === plan ? node.headline : undefined));
    } else if (body !== '') {
      for (const sentence of sentencesOf(body.replace(/\n{2,}/gu, ''))) items.push(item(node.id, sentence));
    } else if (node.children.length === 0 && node !== plan) {
      const text = node.heading.slice(node.ordinal.length).trim();
      if (text.length >= 2) items.push(item(node.id, text, node.headline));
    }
    node.children.forEach(visit);
  };
  visit(plan);
  return items.filter((i) => nodeText(plan).replace(/\s+/gu, '').includes(i.quote.replace(/\s+/gu, '')));
}
