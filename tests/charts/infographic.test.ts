/**
 * 一图读懂: for every report, a page of cards and one tall picture with the same content, linked with the
 * report both ways, carrying the report's publication date; the page shows every key figure as the view
 * writes it and offers the picture with its true size; the picture's text alternative says it all.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { parse } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { infographicAlt, infographicContent } from '../../src/charts/infographic.ts';
import { loadContent } from '../../src/model/load.ts';
import { formatDate } from '../../src/model/format.ts';
import { formatSize } from '../../src/export/downloads.ts';
import { reportView } from '../../src/view/report.ts';

const { dist } = inject('gates');
const { content } = loadContent(path.resolve('content'));

describe.each(content!.reports)('$id', (report) => {
  const summary = infographicContent(report, content!.reports);
  const page = () => parse(readFileSync(path.join(dist, 'reports', report.id, 'infographic', 'index.html'), 'utf8'));

  it('has a tall picture, drawn, at least twice as tall as wide', async () => {
    const image = await loadImage(readFileSync(path.join(dist, 'reports', report.id, 'infographic.png')));
    expect(image.width).toBe(1125);
    expect(image.height).toBeGreaterThan(image.width * 2);
    const canvas = createCanvas(image.width, image.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const band = ctx.getImageData(0, 0, image.width, 40).data;
    expect([band[0], band[1], band[2]]).toEqual([0x0b, 0x4f, 0x8a]);
    const { data } = ctx.getImageData(0, 0, image.width, image.height);
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240) painted++;
    expect(painted / (data.length / 4)).toBeGreaterThan(0.15);
  });

  it('says in words everything the picture shows', () => {
    const alt = infographicAlt(summary);
    for (const f of summary.figures) expect(alt).toContain(`${f.name}${f.value}`);
    for (const c of summary.charts) expect(alt).toContain(c.summary);
    for (const p of summary.plan) expect(alt).toContain(p.title);
  });

  it('is linked from the report and links back, with the report’s facts in its header card', () => {
    const html = page();
    const facts = Object.fromEntries(html.querySelectorAll('.ig-head .ig-facts > div').map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]));
    expect(facts).toMatchObject({ 发布机构: report.meta.issuer, 发布日期: formatDate(report.meta.publishedAt.slice(0, 10)) });
    expect(html.querySelector('.ig-head h1')?.textContent).toBe(summary.title);
    const links = html.querySelectorAll('.ig a').map((a) => a.getAttribute('href'));
    expect(links).toContain(`/reports/${report.id}/`);
    expect(links).toContain(`/reports/${report.id}/fulltext/`);
    expect(links).toContain(`/reports/${report.id}/infographic.png`);
    const overview = parse(readFileSync(path.join(dist, 'reports', report.id, 'index.html'), 'utf8'));
    expect(overview.querySelector('.interpretation-link a')?.getAttribute('href')).toBe(`/reports/${report.id}/infographic/`);
  });

  it('shows every key figure of the report view as written, one card each, in the view’s order', () => {
    const cards = page().querySelectorAll('.ig-cards > li.ig-card');
    const { highlights } = reportView(report, content!.reports);
    expect(highlights.length).toBeGreaterThan(0);
    expect(cards).toHaveLength(highlights.length);
    highlights.forEach(({ figure, text }, i) => {
      const card = cards[i]!;
      expect(card.querySelector('.ig-card-value')?.textContent).toContain(text.value);
      expect(card.querySelector('.ig-card-name')?.textContent).toBe(figure.name);
      const written = [text.period, text.growth?.text, text.rank?.place].filter((s): s is string => Boolean(s));
      for (const s of written) expect(card.textContent, `${figure.id}: ${s}`).toContain(s);
    });
  });

  it('shows every chart and plan item the picture shows', () => {
    const html = page();
    expect(html.querySelectorAll('.ig-charts figure.chart').map((f) => f.getAttribute('id'))).toEqual(summary.charts.map((c) => `chart-${c.id}`));
    expect(html.querySelectorAll('.ig-plan-title').map((el) => el.textContent)).toEqual(summary.plan.map((p) => p.title));
    expect(html.querySelectorAll('.ig-target').map((el) => el.textContent)).toEqual(summary.plan.flatMap((p) => p.targets.map((target) => `目标：${target}`)));
  });

  it('offers the tall picture to download, saying its true size in KB and pixels', async () => {
    const link = page().querySelector('a.ig-download-link')!;
    const file = path.join(dist, link.getAttribute('href')!.slice(1));
    const bytes = statSync(file).size;
    const image = await loadImage(readFileSync(file));
    expect(link.getAttribute('download')).toMatch(/\.png$/);
    expect(link.textContent.replace(/\u00a0/g, ' ')).toBe(`下载长图（PNG，${formatSize(bytes)}，${image.width}×${image.height}像素）`);
    expect(Number(link.getAttribute('data-bytes'))).toBe(bytes);
  });
});
