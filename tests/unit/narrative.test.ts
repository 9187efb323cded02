import { describe, expect, it } from 'vitest';
import { flattenNarrative, parseNarrative, splitHeading } from '../../src/model/narrative.ts';

describe('narrative structure', () => {
  it('reads ordinals of every level and keeps the heading as written', () => {
    expect(splitHeading('一、2022年上半年工作总结')).toEqual({ ordinal: '一、', headline: '2022年上半年工作总结' });
    expect(splitHeading('(一)坚持转型升级,经济发展集聚新动能。')).toEqual({ ordinal: '(一)', headline: '坚持转型升级,经济发展集聚新动能' });
    expect(splitHeading('（二）坚持美丽建设')).toEqual({ ordinal: '（二）', headline: '坚持美丽建设' });
    expect(splitHeading('三是招商引资持续发力。')).toEqual({ ordinal: '三是', headline: '招商引资持续发力' });
    expect(splitHeading('1.完善制度')).toEqual({ ordinal: '1.', headline: '完善制度' });
    expect(splitHeading('（1）细化清单')).toEqual({ ordinal: '（1）', headline: '细化清单' });
    expect(splitHeading('①第一项')).toEqual({ ordinal: '①', headline: '第一项' });
    expect(splitHeading('总体要求')).toEqual({ ordinal: '', headline: '总体要求' });
  });

  it('builds the tree from heading levels with stable position ids', () => {
    const narrative = parseNarrative(
      ['# 一、总结', '', '## (一)经济。', '', '导语。', '', '### 一是指标。', '', '正文一。', '', '### 二是平台。', '', '# 二、思路', '', '引言。', '', '### 一是转型。', '', '内容。'].join('\n'),
    );
    const nodes = flattenNarrative(narrative);
    expect(nodes.map((n) => [n.id, n.depth, n.ordinal, n.body])).toEqual([
      ['s1', 1, '一、', ''],
      ['s1-1', 2, '(一)', '导语。'],
      ['s1-1-1', 3, '一是', '正文一。'],
      ['s1-1-2', 3, '二是', ''],
      ['s2', 1, '二、', '引言。'],
      ['s2-1', 2, '一是', '内容。'],
    ]);
    expect(nodes.find((n) => n.id === 's1-1-1')?.line).toBe(7);
  });
});
