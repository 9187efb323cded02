/**
 * 一图读懂: for every report, a long page and one tall picture with the same content, linked with the
 * report both ways, carrying the report's publication date; the picture's text alternative says it all.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { parse } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { infographicAlt, infographicContent } from '../../src/charts/infographic.ts';
import { loadContent } from '../../src/model/load.ts';
import { formatDateChinese } from '../../src/model/format.ts';

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

  it('is linked from the report and links back, with the report’s publication date', () => {
    const html = page();
    expect(html.querySelector('.infographic-band p')?.textContent).toContain(`发布于${formatDateChinese(report.meta.publishedAt)}`);
    const links = html.querySelectorAll('.infographic a').map((a) => a.getAttribute('href'));
    expect(links).toContain(`/reports/${report.id}/`);
    expect(links).toContain(`/reports/${report.id}/infographic.png`);
    const overview = parse(readFileSync(path.join(dist, 'reports', report.id, 'index.html'), 'utf8'));
    expect(overview.querySelector('.interpretation-link a')?.getAttribute('href')).toBe(`/reports/${report.id}/infographic/`);
    for (const f of summary.figures) expect(html.textContent).toContain(f.value);
  });
});
