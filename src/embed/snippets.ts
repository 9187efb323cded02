/**
 * Embedding a chart in a portal page: the embed page's address, the fixed height a plain iframe needs,
 * and the three snippets a webmaster can paste, whatever the CMS allows (scripts, iframes, or neither).
 */
import { chartSvgHeightAt } from '../charts/svg.ts';
import type { ChartSpec } from '../charts/spec.ts';
import { absoluteUrl, sitePaths, type UrlContext } from '../routes.ts';
import { escapeXml } from '../export/xml.ts';
import type { Report } from '../model/load.ts';
import { metaView } from '../view/meta.ts';
import { t } from '../i18n/zh.ts';
import { staticSize } from '../charts/render.ts';

/** Column widths of portal articles the plain iframe must fit without a scrollbar. */
export const PORTAL_WIDTHS = [300, 700, 1000] as const;

/** The embed page's text sizes (src/styles/embed.css); the height estimate below follows them. */
export const EMBED_TEXT = { padding: 12, title: 18, summary: 15, source: 14, details: 44, gap: 8 } as const;

/** The line under an embedded chart that says where it comes from. */
export function sourceLine(report: Report): string {
  const meta = metaView(report.meta);
  const about = [meta.period, ...(meta.publishedDay ? [`发布于${meta.publishedDay}`] : []), ...(meta.excerpt ? [t.excerpt.label] : [])];
  return `来源：${report.meta.issuer}《${report.meta.title}》（${about.join('，')}）`;
}

function textHeight(text: string, fontSize: number, lineHeight: number, width: number): number {
  // CJK characters are one em wide, latin letters and digits about half.
  const em = [...text].reduce((sum, ch) => sum + (ch.charCodeAt(0) < 0x2e80 ? 0.56 : 1), 0) * fontSize;
  return Math.max(1, Math.ceil(em / width)) * fontSize * lineHeight;
}

/** The embed page's content height at a given iframe width, in CSS px (an upper estimate). */
export function embedHeightAt(spec: ChartSpec, source: string, width: number): number {
  const inner = width - 2 * EMBED_TEXT.padding;
  return (
    2 * EMBED_TEXT.padding +
    textHeight(spec.title, EMBED_TEXT.title, 1.4, inner) +
    EMBED_TEXT.gap +
    chartSvgHeightAt(spec, inner) +
    16 +
    EMBED_TEXT.gap +
    textHeight(`图表摘要：${spec.summary}`, EMBED_TEXT.summary, 1.6, inner) +
    2 * EMBED_TEXT.gap +
    EMBED_TEXT.details +
    EMBED_TEXT.gap +
    textHeight(source, EMBED_TEXT.source, 1.6, inner)
  );
}

/** A fixed height that shows the whole chart at every common portal column width, rounded up to 10 px. */
export function plainIframeHeight(spec: ChartSpec, source: string): number {
  const tallest = Math.max(...PORTAL_WIDTHS.map((w) => embedHeightAt(spec, source, w)));
  return Math.ceil((tallest * 1.08) / 10) * 10;
}

export interface Snippets {
  /** Iframe that the loader script resizes to its content. */
  responsive: string;
  /** Iframe with a fixed height, for CMSs that strip scripts. */
  plain: string;
  /** Picture, table and source link, for CMSs that strip iframes and scripts. */
  html: string;
}

export function embedSnippets(report: Report, spec: ChartSpec, urls: UrlContext): Snippets {
  const src = absoluteUrl(urls, sitePaths.embed(report.id, spec.id));
  const loader = absoluteUrl(urls, sitePaths.embedLoader);
  const reportUrl = absoluteUrl(urls, sitePaths.report(report.id));
  const source = sourceLine(report);
  const height = plainIframeHeight(spec, source);
  const title = escapeXml(`${spec.title} - ${report.meta.title}`);
  const embedId = `${report.id}--${spec.id}`;
  const image = staticSize(spec);
  const table = [
    '<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse;font-size:14px">',
    `<caption style="text-align:left;font-weight:bold">${escapeXml(spec.title)}：数据表</caption>`,
    `<thead><tr>${spec.table.head.map((h) => `<th scope="col">${escapeXml(h)}</th>`).join('')}</tr></thead>`,
    `<tbody>${spec.table.rows.map((row) => `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${escapeXml(cell)}</th>` : `<td>${escapeXml(cell)}</td>`)).join('')}</tr>`).join('')}</tbody>`,
    '</table>',
  ].join('\n');
  return {
    responsive: [
      `<iframe src="${src}?embed=${embedId}" data-report-embed="${embedId}" title="${title}" width="100%" height="${height}" frameborder="0" scrolling="no" loading="lazy"></iframe>`,
      `<script src="${loader}" async></script>`,
    ].join('\n'),
    plain: `<iframe src="${src}" title="${title}" width="100%" height="${height}" frameborder="0" loading="lazy"></iframe>`,
    html: [
      '<figure style="margin:1em 0">',
      `<img src="${absoluteUrl(urls, sitePaths.chartPicture(report.id, spec.id, 'png'))}" alt="${escapeXml(`${spec.title}。${spec.summary}`)}" width="${image.width}" height="${image.height}" style="max-width:100%;height:auto">`,
      `<figcaption>${escapeXml(spec.title)}。${escapeXml(spec.summary)}</figcaption>`,
      table,
      `<p><a href="${reportUrl}">${escapeXml(source)}</a></p>`,
      '</figure>',
    ].join('\n'),
  };
}
