/**
 * The one markdown-it instance of the project: raw HTML off, only safe link protocols, no images, and
 * Chinese typography (a line break inside Chinese text joins the lines instead of leaving a space).
 */
import MarkdownIt from 'markdown-it';
import type { MarkdownIt as MarkdownItInstance } from 'markdown-it';

const SAFE_LINK = /^(?:https?:|mailto:|#|\/|\.{1,2}\/|[^:]*$)/i;
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

export function createMarkdown({ anchors = false }: { anchors?: boolean } = {}): MarkdownItInstance {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
  if (anchors) {
    // Headings get ids in document order (section-1, section-2…): valid everywhere, unlike ids made
    // of Chinese text, and stable while the document keeps its order.
    md.core.ruler.push('heading-anchors', (state) => {
      let n = 0;
      for (const token of state.tokens) {
        if (token.type === 'heading_open') token.attrSet('id', `section-${++n}`);
      }
    });
  }
  md.validateLink = (url) => SAFE_LINK.test(url.trim());
  // No <img> ever: an image from another site would be loaded by every reader (only the CSP stops it),
  // and a report's text is text. Validation reports each ![…](…) (src/validation/cross.ts); should one
  // get past it, its description is shown as text instead.
  md.renderer.rules.image = (tokens, i, options, env, self) => md.utils.escapeHtml(self.renderInlineAsText(tokens[i]!.children ?? [], options, env));
  md.core.ruler.after('inline', 'cjk-softbreak', (state) => {
    for (const block of state.tokens) {
      const children = block.children;
      if (!children) continue;
      for (let i = 0; i < children.length; i++) {
        const token = children[i]!;
        if (token.type !== 'softbreak') continue;
        const before = lastChar(children, i - 1, -1);
        const after = lastChar(children, i + 1, 1);
        if (CJK.test(before) || CJK.test(after)) {
          token.type = 'text';
          token.content = '';
        }
      }
    }
  });
  return md;
}

/** The character of text nearest to the token at `index`, walking in `step` direction. */
function lastChar(tokens: { type: string; content: string }[], index: number, step: 1 | -1): string {
  for (let i = index; i >= 0 && i < tokens.length; i += step) {
    const content = tokens[i]!.content;
    if (content) return step === -1 ? content.at(-1)! : content[0]!;
  }
  return '';
}

const shared = createMarkdown();

const withAnchors = createMarkdown({ anchors: true });

/** Markdown to HTML with the project's rules. */
export function renderMarkdown(source: string): string {
  return shared.render(source);
}

/** A whole document (the editor's guide): headings carry ids to link to. */
export function renderDocument(source: string): string {
  return withAnchors.render(source);
}

/** Markdown of one paragraph to inline HTML (no wrapping `<p>`). */
export function renderInline(source: string): string {
  return shared.renderInline(source);
}
