import { describe, expect, it } from 'vitest';
import { renderInline, renderMarkdown } from '../../src/model/markdown.ts';

describe('markdown rendering', () => {
  it('never passes raw HTML through', () => {
    expect(renderMarkdown('正文<script>alert(1)</script><img src=x onerror=alert(1)>')).toBe(
      '<p>正文&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</p>\n',
    );
  });

  it('allows only safe link protocols', () => {
    expect(renderInline('[原文](https://example.gov.cn/a.html)')).toBe('<a href="https://example.gov.cn/a.html">原文</a>');
    expect(renderInline('[相对](../plan/#s2-1)')).toBe('<a href="../plan/#s2-1">相对</a>');
    expect(renderInline('[坏](javascript:alert(1))')).toBe('[坏](javascript:alert(1))');
    expect(renderInline('[坏](data:text/html;base64,PHNjcmlwdD4=)')).toBe('[坏](data:text/html;base64,PHNjcmlwdD4=)');
  });

  it('joins a line break inside Chinese text without a stray space', () => {
    expect(renderMarkdown('完成规上工业产值\n共计4.91亿元')).toBe('<p>完成规上工业产值共计4.91亿元</p>\n');
    expect(renderMarkdown('**一是**\n主要指标')).toBe('<p><strong>一是</strong>主要指标</p>\n');
  });

  it('keeps the line break as a space between latin words', () => {
    expect(renderMarkdown('GDP\ngrowth')).toBe('<p>GDP\ngrowth</p>\n');
  });

  it('keeps the report’s own punctuation as written', () => {
    expect(renderInline('“疫情要防住、经济要稳住”,坚持以战斗状态')).toBe('“疫情要防住、经济要稳住”,坚持以战斗状态');
  });
});
