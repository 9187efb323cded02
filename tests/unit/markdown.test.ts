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

  it('never draws an image, from another site or its own: the description is shown as text', () => {
    for (const src of ['https://evil.example/x.png', '//evil.example/x.png', '/local.png', 'x.png']) {
      const html = renderMarkdown(`图![航拍图](${src})后`);
      expect(html).toBe('<p>图航拍图后</p>\n');
      expect(renderInline(`![<b>说明</b>](${src} "标题")`)).toBe('&lt;b&gt;说明&lt;/b&gt;');
    }
    expect(renderMarkdown('![a][r]\n\n[r]: https://evil.example/x.png')).toBe('<p>a</p>\n');
    // A protocol that validateLink refuses is no image at all: the Markdown stays as it was written.
    expect(renderInline('![a](data:image/png;base64,AAAA)')).toBe('![a](data:image/png;base64,AAAA)');
    expect(renderMarkdown('[![a](https://evil.example/x.png)](https://example.gov.cn/)')).toBe('<p><a href="https://example.gov.cn/">a</a></p>\n');
  });

  it('refuses javascript: and data: also as autolinks and reference links', () => {
    expect(renderInline('<javascript:alert(1)>')).toBe('&lt;javascript:alert(1)&gt;');
    expect(renderMarkdown('[坏][r]\n\n[r]: javascript:alert(1)')).not.toContain('href');
    expect(renderInline('[坏](JaVaScRiPt:alert(1))')).not.toContain('href');
    expect(renderInline('[坏]( data:text/html,x)')).not.toContain('href');
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
