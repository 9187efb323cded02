/**
 * 一图读懂: the report in one tall picture, for places that accept only images (WeChat, notice boards).
 * Drawn at build time from the report's data in the bundled font: a title band, the key figures, the
 * charts (their build-time pictures), the plan's targets, and the source. The page /infographic/ holds
 * the same content as text, and the picture's alt text says it in words.
 */
import { Canvas, Image, type SKRSContext2D } from '@napi-rs/canvas';
import { encodePng } from './png.ts';
import { FONT_FAMILY, cachedPicture, cachedPictureFile, isPictureCached, registerFonts, renderChartImages, staticSize } from './render.ts';
import { buildChart, type ChartSpec } from './spec.ts';
import type { Report } from '../model/load.ts';
import { figureFacts, formatDateChinese, formatFigureValue, formatReportPeriod } from '../model/format.ts';
import { periodLabel } from '../model/period.ts';

const WIDTH = 750;
const PAD = 32;
/**
 * 1125 px wide: three device pixels per CSS pixel on a 375 px phone, where the picture is mostly seen.
 * (1500 px, as before, took 1.9 times as long to draw and encode.)
 */
const SCALE = 1.5;
const COLORS = { brand: '#0b4f8a', accent: '#b3121f', ink: '#1a1a1a', muted: '#4a4a4a', tint: '#f3f6fa', line: '#c9d3df' };

export interface InfographicContent {
  title: string;
  subtitle: string;
  figures: { value: string; name: string; detail: string }[];
  charts: { id: string; title: string; summary: string; spec: ChartSpec }[];
  plan: { title: string; targets: string[] }[];
  source: string;
}

/** What the picture shows, gathered once for the picture, the page and the alt text. */
export function infographicContent(report: Report, reports: readonly Report[]): InfographicContent {
  const figures = [...report.indicators, ...report.figures, ...report.projects.flatMap((p) => p.figures)].filter((f) => f.highlight);
  return {
    title: `一图读懂${report.meta.title}`,
    subtitle: `${report.meta.issuer} · ${formatReportPeriod(report.meta.period)} · 发布于${formatDateChinese(report.meta.publishedAt)}`,
    figures: figures.map((f) => ({ value: formatFigureValue(f), name: f.name, detail: [f.period && periodLabel(f.period), ...figureFacts(f).slice(1)].filter(Boolean).join(' · ') })),
    charts: report.charts.map((chart) => {
      const spec = buildChart(report, chart, reports);
      return { id: spec.id, title: spec.title, summary: spec.summary, spec };
    }),
    plan: report.plan.filter((p) => p.targets.length > 0 || p.continues.length > 0).map((p) => ({ title: p.title, targets: p.targets.map((t) => t.text) })),
    source: `来源：${report.meta.issuer}《${report.meta.title}》，${report.meta.sourceUrl}`,
  };
}

/** The picture's text alternative: everything it shows, in words. */
export function infographicAlt(c: InfographicContent): string {
  return [
    `${c.title}。${c.subtitle}。`,
    c.figures.length ? `关键数字：${c.figures.map((f) => `${f.name}${f.value}${f.detail ? `（${f.detail}）` : ''}`).join('；')}。` : '',
    ...c.charts.map((ch) => `${ch.title}：${ch.summary}`),
    c.plan.length ? `下一阶段计划：${c.plan.map((p) => p.title + (p.targets.length ? `（${p.targets.join('；')}）` : '')).join('；')}。` : '',
  ].join('');
}

/** Advance width of one character in one font, measured once (wrapping measures every character). */
const charWidths = new Map<string, number>();
function charWidth(ctx: SKRSContext2D, ch: string): number {
  const key = `${ctx.font}\u0000${ch}`;
  let width = charWidths.get(key);
  if (width === undefined) {
    width = ctx.measureText(ch).width;
    charWidths.set(key, width);
  }
  return width;
}

/**
 * Lines of text that fit `width`, broken between characters (Chinese needs no spaces). A line's width
 * is the sum of its characters' widths: kerning, which Chinese text hardly has, is left out.
 */
function wrap(ctx: SKRSContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const ch of text) {
    const w = charWidth(ctx, ch);
    if (line && lineWidth + w > width) {
      lines.push(line);
      line = ch;
      lineWidth = w;
    } else {
      line += ch;
      lineWidth += w;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Bump when the drawing code below changes, so cached pictures are drawn again. */
const INFOGRAPHIC_VERSION = 3;

/** Everything the picture is drawn from: its key in the picture cache (src/charts/render.ts). */
export function infographicKey(c: InfographicContent): object {
  return { infographic: INFOGRAPHIC_VERSION, c };
}

/** The cache file of the picture, drawn first if the cache does not have it. */
export function infographicFile(c: InfographicContent): string {
  if (!isPictureCached(infographicKey(c))) renderInfographic(c);
  return cachedPictureFile(infographicKey(c));
}

/**
 * Draws the picture twice: once to measure its height, once for real. Cached by content like the
 * charts (a tall PNG takes a second or more to encode), so an unchanged report is not drawn again.
 */
export function renderInfographic(c: InfographicContent): { png: Buffer; width: number; height: number } {
  return cachedPicture(infographicKey(c), () => {
    registerFonts();
    const measure = paint(c, null);
    const canvas = new Canvas(Math.round(WIDTH * SCALE), Math.ceil(measure * SCALE));
    const ctx = canvas.getContext('2d');
    ctx.scale(SCALE, SCALE);
    const height = paint(c, ctx);
    return { png: encodePng(canvas), width: WIDTH, height: Math.ceil(height) };
  });
}

function paint(c: InfographicContent, target: SKRSContext2D | null): number {
  // Measuring uses a scratch context; drawing calls are skipped when there is no target.
  const ctx = target ?? new Canvas(WIDTH, 100).getContext('2d');
  const draw = target !== null;
  const inner = WIDTH - 2 * PAD;
  const font = (size: number, bold = false) => `${bold ? 'bold ' : ''}${size}px ${FONT_FAMILY}`;
  let y = 0;

  // Title band.
  ctx.font = font(34, true);
  const titleLines = wrap(ctx, c.title, inner);
  const bandHeight = 56 + titleLines.length * 48 + 40;
  if (draw) {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, WIDTH, 100000);
    ctx.fillStyle = COLORS.brand;
    ctx.fillRect(0, 0, WIDTH, bandHeight);
    ctx.fillStyle = COLORS.accent;
    ctx.fillRect(0, bandHeight, WIDTH, 6);
    ctx.fillStyle = '#ffffff';
    ctx.textBaseline = 'top';
    titleLines.forEach((line, i) => ctx.fillText(line, PAD, 40 + i * 48));
    ctx.font = font(18);
    ctx.fillText(c.subtitle, PAD, 40 + titleLines.length * 48 + 4);
  }
  y = bandHeight + 6 + 32;

  const heading = (text: string) => {
    if (draw) {
      ctx.fillStyle = COLORS.brand;
      ctx.fillRect(PAD, y + 4, 6, 26);
      ctx.font = font(26, true);
      ctx.fillStyle = COLORS.ink;
      ctx.textBaseline = 'top';
      ctx.fillText(text, PAD + 16, y);
    }
    y += 48;
  };

  if (c.figures.length) {
    heading('关键数字');
    const gap = 16;
    const cardWidth = (inner - gap) / 2;
    for (let i = 0; i < c.figures.length; i += 2) {
      const row = c.figures.slice(i, i + 2);
      ctx.font = font(16);
      const rowHeight = Math.max(...row.map((f) => 56 + 30 + wrap(ctx, f.name, cardWidth - 32).length * 24 + wrap(ctx, f.detail, cardWidth - 32).length * 22)) + 8;
      row.forEach((f, j) => {
        if (!draw) return;
        const x = PAD + j * (cardWidth + gap);
        ctx.fillStyle = COLORS.tint;
        ctx.fillRect(x, y, cardWidth, rowHeight);
        ctx.fillStyle = COLORS.brand;
        ctx.fillRect(x, y, cardWidth, 5);
        ctx.textBaseline = 'top';
        ctx.font = font(34, true);
        ctx.fillStyle = COLORS.brand;
        ctx.fillText(f.value, x + 16, y + 18, cardWidth - 32);
        ctx.font = font(18, true);
        ctx.fillStyle = COLORS.ink;
        let ty = y + 66;
        for (const line of wrap(ctx, f.name, cardWidth - 32)) {
          ctx.fillText(line, x + 16, ty);
          ty += 24;
        }
        ctx.font = font(15);
        ctx.fillStyle = COLORS.muted;
        for (const line of wrap(ctx, f.detail, cardWidth - 32)) {
          ctx.fillText(line, x + 16, ty);
          ty += 22;
        }
      });
      y += rowHeight + gap;
    }
    y += 16;
  }

  for (const chart of c.charts) {
    heading(chart.title);
    // Its size is known without the picture: read from the cache only when drawing, not when measuring.
    const size = staticSize(chart.spec);
    const height = (size.height * inner) / size.width;
    if (draw) {
      const image = new Image();
      image.src = renderChartImages(chart.spec).png;
      ctx.drawImage(image, PAD, y, inner, height);
    }
    y += height + 12;
    ctx.font = font(17);
    for (const line of wrap(ctx, chart.summary, inner)) {
      if (draw) {
        ctx.fillStyle = COLORS.muted;
        ctx.fillText(line, PAD, y);
      }
      y += 26;
    }
    y += 28;
  }

  if (c.plan.length) {
    heading('下一阶段工作计划');
    for (const item of c.plan) {
      ctx.font = font(20, true);
      const titleLines2 = wrap(ctx, item.title, inner - 24);
      if (draw) {
        ctx.fillStyle = COLORS.accent;
        ctx.beginPath();
        ctx.arc(PAD + 7, y + 13, 6, 0, Math.PI * 2);
        ctx.fill();
        ctx.fillStyle = COLORS.ink;
        titleLines2.forEach((line, i) => ctx.fillText(line, PAD + 24, y + i * 28));
      }
      y += titleLines2.length * 28 + 4;
      ctx.font = font(17);
      for (const target of item.targets) {
        for (const line of wrap(ctx, `目标：${target}`, inner - 24)) {
          if (draw) {
            ctx.fillStyle = COLORS.brand;
            ctx.fillText(line, PAD + 24, y);
          }
          y += 26;
        }
      }
      y += 14;
    }
    y += 16;
  }

  ctx.font = font(15);
  const sourceLines = wrap(ctx, c.source, inner);
  if (draw) {
    ctx.fillStyle = COLORS.line;
    ctx.fillRect(PAD, y, inner, 1);
    ctx.fillStyle = COLORS.muted;
    sourceLines.forEach((line, i) => ctx.fillText(line, PAD, y + 16 + i * 22));
  }
  y += 16 + sourceLines.length * 22 + PAD;
  return y;
}
