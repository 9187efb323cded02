/**
 * The figure constructions of the content model (docs/editor-guide.md 五) as the importer drafts them,
 * each on short texts of its own: completion on a figure, 年均增长 and periods of several years, lower
 * bounds and 预计, ranks without an exact place, ratios, from–to changes and comparisons.
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/import/figures.ts';

const figures = (text: string) => extractFigures(text, 's1').figures;

describe('completion on a figure', () => {
  it('an amount with the share of its target keeps its growth: one indicator, no project', () => {
    const { figures: fs, projects } = extractFigures('税收收入实现3120万元，完成任务的104.5%，同比增长9.2%。', 's1');
    expect(projects).toEqual([]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ name: '税收收入', value: 3120, unit: '万元', completion: { rate: 104.5, target: '任务' }, growth: { value: 9.2, kind: '同比' } });
  });

  it('a count done with a completion rate stays a project with progress', () => {
    const { figures: fs, projects } = extractFigures('拆除违法建筑1.2万平方米，完成率达80%。', 's1');
    expect(fs).toEqual([]);
    expect(projects[0]?.progress).toMatchObject({ rate: 80 });
  });
});
