/**
 * 一图读懂: the report in one tall picture, for places that accept only images (WeChat, notice boards).
 * Drawn at build time from the report's data in the bundled font: a title band, the key figures, the
 * charts (their build-time pictures), the plan's targets, and the source. infographicContent() chooses
 * that content once: the page /infographic/ shows the same as cards and inline charts (and links to the
 * picture with its size, infographicFileInfo()), and the picture's alt text says it in words.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { Canvas, Image, type SKRSContext2D } from '@napi-rs/canvas';
import { encodePng } from './png.ts';
import { FONT_FAMILY, cachedPicture, cachedPictureFile, defaultCacheDir, isPictureCached, registerFonts, renderChartImages, staticSize } from './render.ts';
import type { ChartSpec } from './spec.ts';
import type { Report } from '../model/load.ts';
import { t } from '../i18n/zh.ts';
import { isLowerBound } from '../model/format.ts';
import { reportView } from '../view/report.ts';

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
  /** The picture's line under the title: issuer · period · 发布于 the day (left out when not given). */
  subtitle: string;
  /**
   * The page's header card: who issued it, the period, the report's own date when given, the publication
   * day; a field the source does not give reads 原文未提供, as in the disclosure block (src/view/meta.ts).
   */
  facts: { term: string; value: string; notGiven: boolean }[];
  /** The report's key figures: the value as written (with its unit), the name, the period, growth and rank. */
  figures: { value: string; name: string; detail: string; lowerBound: boolean }[];
  charts: { id: string; title: string; summary: string; spec: ChartSpec }[];
  plan: { title: string; targets: string[] }[];
  /** 来源：issuer《title》 and the source page's address, or that the source does not give one. */
  origin: { label: string; url?: string };
  /** The source line as the picture writes it. */
  source: string;
}

/**
 * What 一图读懂 shows, chosen once for the picture, the page (src/pages/reports/[report]/infographic.astro)
 * and the alt text: the key figures, the charts, the plan items with targets, the source.
 */
export function infographicContent(report: Report, reports: readonly Report[]): InfographicContent {
  const view = reportView(report, reports);
  const { meta } = view;
  const origin = { label: `来源：${report.meta.issuer}《${report.meta.title}》`, ...(meta.sourceUrl ? { url: meta.sourceUrl } : {}) };
  const fact = (term: string, value: string | undefined) => ({ term, value: value ?? t.meta.notGiven, notGiven: value === undefined });
  return {
    // An excerpt says so in the title, which the picture and the page both show.
    title: `一图读懂${report.meta.title}${meta.excerpt ? `（${t.excerpt.label}）` : ''}`,
    subtitle: [report.meta.issuer, meta.period, ...(meta.publishedDay ? [`发布于${meta.publishedDay}`] : [])].join(' · '),
    facts: [
      fact(t.meta.issuer, report.meta.issuer),
      fact(t.meta.period, meta.period),
      ...(meta.ownDate ? [fact(meta.ownDate.term, meta.ownDate.text)] : []),
      fact(t.meta.publishedAt, meta.publishedDay),
    ],
    figures: view.highlights.map(({ figure, text }) => ({ value: text.value, name: figure.name, detail: text.detail, lowerBound: isLowerBound(figure.bound) })),
    charts: view.charts.map(({ spec }) => ({ id: spec.id, title: spec.title, summary: spec.summary, spec })),
    plan: report.plan.filter((p) => p.targets.length > 0 || p.continues.length > 0).map((p) => ({ title: p.title, targets: p.targets.map((t) => t.text) })),
    origin,
    source: `${origin.label}，${origin.url ?? `${t.meta.source}：${t.meta.notGiven}`}`,
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

const font = (size: number, bold = false) => `${bold ? 'bold ' : ''}${size}px ${FONT_FAMILY}`;

/**
 * Lines of `text` that fit `width` in `fontSpec`, the font they are drawn in, broken between characters
 * (Chinese needs no spaces). At most `maxLines`: the last one kept ends in “…” when text is left out,
 * so no text can make the picture as tall as it likes. A line's width is the sum of its characters'
 * widths: kerning, which Chinese text hardly has, is left out. Leaves `fontSpec` set on `ctx`.
 */
export function wrapText(ctx: SKRSContext2D, text: string, fontSpec: string, width: number, maxLines = Infinity): string[] {
  ctx.font = fontSpec;
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const ch of text) {
    const w = charWidth(ctx, ch);
    if (line && lineWidth + w > width) {
      lines.push(line);
      // One line more than allowed is enough to know that text is cut.
      if (lines.length > maxLines) break;
      line = ch;
      lineWidth = w;
    } else {
      line += ch;
      lineWidth += w;
    }
  }
  if (line && lines.length <= maxLines) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const ellipsis = charWidth(ctx, '…');
  const last = [...kept[maxLines - 1]!];
  while (last.length && last.reduce((sum, ch) => sum + charWidth(ctx, ch), 0) + ellipsis > width) last.pop();
  kept[maxLines - 1] = `${last.join('')}…`;
  return kept;
}

/** A line of text placed in a block, relative to the block's top left; textBaseline is top. */
export interface PlacedText {
  text: string;
  font: string;
  /** Height of the line: the next one starts this much lower. */
  lineHeight: number;
  color: string;
  x: number;
  y: number;
  /** The canvas squeezes the text to this width should it be wider. */
  maxWidth?: number;
}

/** A laid-out part of the picture: its height and the text in it, for measuring and drawing alike. */
export interface Block {
  height: number;
  texts: PlacedText[];
}

/** Lines of text one below the other from (x, y), wrapped in the font they are drawn in. */
function placeLines(ctx: SKRSContext2D, text: string, style: { font: string; lineHeight: number; color: string; maxLines: number }, x: number, y: number, width: number): PlacedText[] {
  return wrapText(ctx, text, style.font, width, style.maxLines).map((line, i) => ({
    text: line,
    font: style.font,
    lineHeight: style.lineHeight,
    color: style.color,
    x,
    y: y + i * style.lineHeight,
  }));
}

const CARD = {
  value: { font: font(34, true), lineHeight: 48, color: COLORS.brand },
  name: { font: font(18, true), lineHeight: 24, color: COLORS.ink, maxLines: 4 },
  detail: { font: font(15), lineHeight: 22, color: COLORS.muted, maxLines: 3 },
  padding: 16,
  /** Room below the card's last line. */
  bottom: 28,
};

/**
 * A key figure's card: the value, the name and the details, each wrapped in the font it is drawn in.
 * The height is where the last line ends, so the card always holds its text.
 */
export function figureCard(ctx: SKRSContext2D, f: Pick<InfographicContent['figures'][number], 'value' | 'name' | 'detail'>, width: number): Block {
  const inner = width - 2 * CARD.padding;
  const texts: PlacedText[] = [{ text: f.value, ...CARD.value, x: CARD.padding, y: 18, maxWidth: inner }];
  texts.push(...placeLines(ctx, f.name, CARD.name, CARD.padding, 66, inner));
  const below = 66 + (texts.length - 1) * CARD.name.lineHeight;
  texts.push(...placeLines(ctx, f.detail, CARD.detail, CARD.padding, below, inner));
  const last = texts.at(-1)!;
  return { height: last.y + last.lineHeight + CARD.bottom, texts };
}

/** Bump when the drawing code below changes, so cached pictures are drawn again. */
const INFOGRAPHIC_VERSION = 4;

/**
 * The picture is never taller than this (CSS px; the PNG has SCALE times as many): 3.6 times the real
 * report's 3,300. What does not fit is left out with a note that the page /infographic/ has it all.
 */
export const MAX_HEIGHT = 12_000;

/** Everything the picture is drawn from: its key in the picture cache (src/charts/render.ts). */
export function infographicKey(c: InfographicContent): object {
  return { infographic: INFOGRAPHIC_VERSION, c };
}

/** The cache file of the picture, drawn first if the cache does not have it. */
export function infographicFile(c: InfographicContent, cacheDir = defaultCacheDir()): string {
  if (!isPictureCached(infographicKey(c), cacheDir)) renderInfographic(c, cacheDir);
  return cachedPictureFile(infographicKey(c), cacheDir);
}

/** The picture as the site serves it: its size in bytes, and in pixels as the PNG's header gives them. */
export interface InfographicFile {
  bytes: number;
  width: number;
  height: number;
}

/** The picture's file size and pixel size, from its cache file (drawn first if the cache does not have it). */
export function infographicFileInfo(c: InfographicContent, cacheDir = defaultCacheDir()): InfographicFile {
  const file = infographicFile(c, cacheDir);
  const header = Buffer.alloc(24);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 24, 0);
  } finally {
    closeSync(fd);
  }
  // A PNG starts with its 8-byte signature and the IHDR chunk: length, type, then width and height.
  return { bytes: statSync(file).size, width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
}

/**
 * Draws the picture twice: once to measure its height, once for real. Cached by content like the
 * charts (a tall PNG takes a second or more to encode), so an unchanged report is not drawn again.
 */
export function renderInfographic(c: InfographicContent, cacheDir = defaultCacheDir()): { png: Buffer; width: number; height: number } {
  return cachedPicture(infographicKey(c), () => {
    registerFonts();
    const measure = paint(c, null, cacheDir);
    const canvas = new Canvas(Math.round(WIDTH * SCALE), Math.ceil(measure * SCALE));
    const ctx = canvas.getContext('2d');
    ctx.scale(SCALE, SCALE);
    const height = paint(c, ctx, cacheDir);
    return { png: encodePng(canvas), width: WIDTH, height: Math.ceil(height) };
  }, cacheDir);
}

/** The picture's height in CSS px, measured without drawing. */
export function infographicHeight(c: InfographicContent): number {
  registerFonts();
  return paint(c, null, defaultCacheDir());
}

const NOTE = { font: font(17), lineHeight: 26, color: COLORS.muted, maxLines: 2 };
const SOURCE = { font: font(15), lineHeight: 22, color: COLORS.muted, maxLines: 3 };
const LEFT_OUT = '图中放不下的内容，请看网页版“一图读懂”。';

/** @param cacheDir where the charts' pictures are read from (drawn there first if missing). */
function paint(c: InfographicContent, target: SKRSContext2D | null, cacheDir: string): number {
  // Measuring uses a scratch context; drawing calls are skipped when there is no target.
  const ctx = target ?? new Canvas(WIDTH, 100).getContext('2d');
  const draw = target !== null;
  const inner = WIDTH - 2 * PAD;
  const put = (texts: PlacedText[], dx: number, dy: number) => {
    if (!draw) return;
    ctx.textBaseline = 'top';
    for (const t of texts) {
      ctx.font = t.font;
      ctx.fillStyle = t.color;
      if (t.maxWidth === undefined) ctx.fillText(t.text, dx + t.x, dy + t.y);
      else ctx.fillText(t.text, dx + t.x, dy + t.y, t.maxWidth);
    }
  };
  let y = 0;

  // Title band.
  const titleLines = placeLines(ctx, c.title, { font: font(34, true), lineHeight: 48, color: '#ffffff', maxLines: 4 }, PAD, 40, inner);
  const subtitle = placeLines(ctx, c.subtitle, { font: font(18), lineHeight: 26, color: '#ffffff', maxLines: 2 }, PAD, 40 + titleLines.length * 48 + 4, inner);
  const bandHeight = 56 + titleLines.length * 48 + 40 + (subtitle.length - 1) * 26;
  if (draw) {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, WIDTH, MAX_HEIGHT);
    ctx.fillStyle = COLORS.brand;
    ctx.fillRect(0, 0, WIDTH, bandHeight);
    ctx.fillStyle = COLORS.accent;
    ctx.fillRect(0, bandHeight, WIDTH, 6);
  }
  put([...titleLines, ...subtitle], 0, 0);
  y = bandHeight + 6 + 32;

  // The footer (source, and the note when something is left out) always fits below the last block.
  const source = placeLines(ctx, c.source, SOURCE, PAD, 16, inner);
  // With the 16 px a section adds after its last block.
  const footerHeight = 16 + 16 + source.length * SOURCE.lineHeight + PAD + NOTE.maxLines * NOTE.lineHeight + 28;
  let leftOut = false;
  /** Whether a block of this height still fits; once one does not, nothing more is drawn. */
  const fits = (height: number) => {
    leftOut ||= y + height + footerHeight > MAX_HEIGHT;
    return !leftOut;
  };

  const HEADING = { font: font(26, true), lineHeight: 36, color: COLORS.ink, maxLines: 2 };
  const headingBlock = (text: string): Block => {
    const texts = placeLines(ctx, text, HEADING, PAD + 16, 0, inner - 16);
    return { height: texts.length * HEADING.lineHeight + 12, texts };
  };
  const heading = (block: Block) => {
    if (draw) {
      ctx.fillStyle = COLORS.brand;
      ctx.fillRect(PAD, y + 4, 6, 26);
    }
    put(block.texts, 0, y);
    y += block.height;
  };

  if (c.figures.length) {
    const gap = 16;
    const cardWidth = (inner - gap) / 2;
    const title = headingBlock('关键数字');
    for (let i = 0; i < c.figures.length && !leftOut; i += 2) {
      const cards = c.figures.slice(i, i + 2).map((f) => figureCard(ctx, f, cardWidth));
      const rowHeight = Math.max(...cards.map((card) => card.height));
      if (!fits(rowHeight + gap + (i === 0 ? title.height : 0))) break;
      if (i === 0) heading(title);
      cards.forEach((card, j) => {
        const x = PAD + j * (cardWidth + gap);
        if (draw) {
          ctx.fillStyle = COLORS.tint;
          ctx.fillRect(x, y, cardWidth, rowHeight);
          ctx.fillStyle = COLORS.brand;
          ctx.fillRect(x, y, cardWidth, 5);
        }
        put(card.texts, x, y);
      });
      y += rowHeight + gap;
    }
    y += 16;
  }

  for (const chart of c.charts) {
    const title = headingBlock(chart.title);
    // Its size is known without the picture: read from the cache only when drawing, not when measuring.
    const size = staticSize(chart.spec);
    const height = (size.height * inner) / size.width;
    const summary = placeLines(ctx, chart.summary, { font: font(17), lineHeight: 26, color: COLORS.muted, maxLines: 8 }, PAD, height + 12, inner);
    const blockHeight = height + 12 + summary.length * 26 + 28;
    if (!fits(title.height + blockHeight)) break;
    heading(title);
    if (draw) {
      const image = new Image();
      image.src = renderChartImages(chart.spec, cacheDir).png;
      ctx.drawImage(image, PAD, y, inner, height);
    }
    put(summary, 0, y);
    y += blockHeight;
  }

  if (c.plan.length && !leftOut) {
    const title = headingBlock('下一阶段工作计划');
    c.plan.forEach((item, i) => {
      if (leftOut) return;
      const texts = placeLines(ctx, item.title, { font: font(20, true), lineHeight: 28, color: COLORS.ink, maxLines: 3 }, PAD + 24, 0, inner - 24);
      let below = texts.length * 28 + 4;
      for (const target of item.targets) {
        const lines = placeLines(ctx, `目标：${target}`, { font: font(17), lineHeight: 26, color: COLORS.brand, maxLines: 3 }, PAD + 24, below, inner - 24);
        texts.push(...lines);
        below += lines.length * 26;
      }
      if (!fits(below + 14 + (i === 0 ? title.height : 0))) return;
      if (i === 0) heading(title);
      if (draw) {
        ctx.fillStyle = COLORS.accent;
        ctx.beginPath();
        ctx.arc(PAD + 7, y + 13, 6, 0, Math.PI * 2);
        ctx.fill();
      }
      put(texts, 0, y);
      y += below + 14;
    });
    y += 16;
  }

  if (leftOut) {
    const note = placeLines(ctx, LEFT_OUT, NOTE, PAD, 0, inner);
    put(note, 0, y);
    y += note.length * NOTE.lineHeight + 28;
  }
  if (draw) {
    ctx.fillStyle = COLORS.line;
    ctx.fillRect(PAD, y, inner, 1);
  }
  put(source, 0, y);
  y += 16 + source.length * SOURCE.lineHeight + PAD;
  return y;
}
