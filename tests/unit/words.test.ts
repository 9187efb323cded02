import { describe, expect, it } from 'vitest';
import { wordsOf } from '../../src/layouts/words.ts';

describe('wordsOf: where a breadcrumb may wrap', () => {
  it('cuts between words, keeping a lone character with the word before it and an opening mark with the word after it', () => {
    expect(wordsOf('南塘镇2022年上半年工作总结及下半年工作思路')).toEqual(['南塘镇', '2022年', '上半年', '工作', '总结及', '下半年', '工作', '思路']);
    expect(wordsOf('南岭乡“十三五”工作总结')).toEqual(['南岭乡', '“十三五”', '工作', '总结']);
    expect(wordsOf('2024年东湖镇人民政府工作报告').at(-1)).toBe('报告');
  });

  it('loses no character and leaves none alone', () => {
    for (const text of ['2024年东湖镇人民政府工作报告', '首页', '镇', '（测试）西山镇2023年第一季度工作情况', 'Report 2023 年度']) {
      const words = wordsOf(text);
      expect(words.join('')).toBe(text);
      if ([...text].length > 1) for (const word of words) expect([...word].length, `${text}: ${words.join('/')}`).toBeGreaterThan(1);
    }
  });
});
