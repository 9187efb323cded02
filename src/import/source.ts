/**
 * Reads what editors receive — the text of a portal page copied as plain text, a Word document saved
 * as text, or the portal page saved as HTML — into its parts: the disclosure block (索引号, 组配分类,
 * 发布机构, 成文日期, 发布日期, 公开方式), the title, the breadcrumb, the body paragraphs and the
 * interpretation link (图片解读…) that closes the page. Page chrome (浏览次数, 字体, 打印) is dropped;
 * body text is kept character for character.
 */
import { parse, type HTMLElement, NodeType, type Node } from 'node-html-parser';
import { CJK, cleanLine, readDateTime, squash, type DateTime } from './text.ts';

export interface Disclosure {
  indexNumber?: string;
  /** 发文日期: the day the page says the document was issued (成文日期 is writtenOn). */
  issuedOn?: string;
  /** 组配分类, else 主题分类. */
  category?: string;
  issuer?: string;
  writtenOn?: string;
  published?: DateTime;
  disclosure?: string;
  /** 文号: '' when the page has the row but leaves it empty (the report then records 原文未提供). */
  docNumber?: string;
  /** 公开时限, e.g. 长期公开. */
  openPeriod?: string;
  /** 主题词, as the page lists them. */
  subjectWords?: string[];
}

export interface SourceDocument {
  format: 'text' | 'html';
  title?: string;
  disclosure: Disclosure;
  breadcrumb?: string[];
  sourceUrl?: string;
  /** The portal's name, e.g. 乐清市人民政府门户网站: tells which county 全市 means. */
  siteName?: string;
  keywords?: string[];
  /** The body, one paragraph per entry, exactly as written (indentation removed). */
  body: string[];
  interpretation?: string;
  /** The issuer and date written under the text (南塘镇人民政府 / 2022年7月4日), if any. */
  signature?: { issuer?: string; date?: string };
}

type Field = keyof Disclosure | 'topic' | 'source' | 'issued' | 'noise';
/** Rows whose presence says something even when empty: a page with an empty 文号 row has no 文号. */
const KEPT_EMPTY = new Set<Field>(['docNumber']);

const LABELS: [string, Field][] = [
  ['索引号', 'indexNumber'],
  ['组配分类', 'category'],
  ['主题分类', 'topic'],
  ['体裁分类', 'noise'],
  ['服务对象分类', 'noise'],
  ['发布机构', 'issuer'],
  ['发文机关', 'issuer'],
  ['发文单位', 'issuer'],
  ['信息来源', 'source'],
  ['来源', 'source'],
  ['成文日期', 'writtenOn'],
  ['生成日期', 'writtenOn'],
  ['发文日期', 'issued'],
  ['发布日期', 'published'],
  ['发布时间', 'published'],
  ['公开方式', 'disclosure'],
  ['公开形式', 'disclosure'],
  ['公开范围', 'noise'],
  ['公开时限', 'openPeriod'],
  ['有效性', 'noise'],
  ['文号', 'docNumber'],
  ['发文字号', 'docNumber'],
  ['主题词', 'subjectWords'],
  ['关键词', 'noise'],
  ['浏览次数', 'noise'],
  ['访问次数', 'noise'],
  ['点击数', 'noise'],
  ['阅读数', 'noise'],
  ['字体', 'noise'],
  ['字号', 'noise'],
  ['分享到', 'noise'],
  ['文件编号', 'docNumber'],
  ['标题', 'noise'],
];
/** A label as portals print it, also spaced out in a table (索 引 号:). */
const spaced = (label: string) => [...label].join('[ \\t\\u3000]*');
const LABEL_ALT = LABELS.map(([l]) => spaced(l)).join('|');
const LABEL_RE = new RegExp(`(${LABEL_ALT})\\s*[:：]`, 'gu');
const LABEL_ONLY_RE = new RegExp(`^(${LABEL_ALT})\\s*[:：]?$`, 'u');
const fieldByLabel = new Map(LABELS);
const fieldOf = { get: (written: string): Field | undefined => fieldByLabel.get(written.replace(/[ \t\u3000]/gu, '')) };

const TITLE_RE = /(总结|报告|思路|计划|要点|汇报|情况|打算)/u;
const BREADCRUMB_RE = /(您现在的位置|您当前的位置|当前位置|所在位置)\s*[:：]?/u;
/** A breadcrumb line without a label: 首页> …, or three short parts joined by > (政务公开 > 某镇 > 其他). */
const CRUMB_SEP = '[>›»＞]';
const BREADCRUMB_LINE = new RegExp(`^(?:(?:网站)?首页\\s*${CRUMB_SEP}|[^。，,；;>›»＞]{1,20}(?:\\s*${CRUMB_SEP}\\s*[^。，,；;>›»＞]{1,20}){2,}\\s*$)`, 'u');
/** A line that is only a date and time, as portals print the publication time under a title. */
const DATE_LINE = /^\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?(?:\s+\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?)?$/u;
/** Lines a document or repost site stamps on the page (站名--口号), not part of any report. */
const WATERMARK = /^[A-Za-z0-9]{0,8}[\u4e00-\u9fa5A-Za-z0-9]{1,12}(?:网|百科|文库|范文|文档|资料库?|公文|在线)\s*(?:-{2,}|—{1,2}|——|[|｜])\s*[^。，,；;]{0,30}$/u;
const NOISE_RE = /^(?:浏览次数|字体|【?打印|【?关闭|分享到|扫一扫|上一篇|下一篇|返回顶部|\[\s*\]|大\s*中\s*小)/u;
const TRAILER_RE = /^(?:图片解读|图文解读|政策解读|一图读懂|图解|相关解读|附件[:：]|【打印】|【关闭】|打印本页|关闭窗口|分享到|扫一扫|上一篇|下一篇|相关链接|相关文章|主办单位|版权所有)/u;
const INTERPRETATION_RE = /^(?:图片解读|图文解读|政策解读|一图读懂|图解|相关解读)/u;
const URL_RE = /https?:\/\/[^\s"'<>)）]+/u;
const SITE_RE = /([\u4e00-\u9fa5]{2,12}(?:人民政府门户网站|人民政府网站|人民政府|政府门户网站))/u;
const COUNTY_SITE_RE = /[市县区](?:人民政府|政府门户)/u;
const SIGNATURE_DATE_RE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/u;
const SIGNATURE_ISSUER_RE = /^[\u4e00-\u9fa5]{2,20}(?:人民政府|镇|乡|街道|街道办事处|办事处|委员会|党委|办公室)$/u;

/** Reads plain text or HTML, chosen by the file name or by the text itself. */
export function readSource(text: string, fileName = ''): SourceDocument {
  const html = /\.(?:s?html?|xhtml)$/iu.test(fileName) || /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype|html|head|body|meta)\b/iu.test(text);
  return html ? readHtml(text) : readText(text);
}

/** The charset a saved page declares in its meta tag, so GBK pages are decoded right. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.slice(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/iu.exec(head)?.[1];
}

// ---------------------------------------------------------------------------------------------
// Plain text

export function readText(text: string): SourceDocument {
  const lines = dropWatermarks(text.split(/\r?\n/u).map(cleanLine).map(untable));
  const isBlank = (i: number) => (lines[i] ?? '') === '';

  // The title stands above the text: never after its first sentence or its first numbered heading.
  const firstText = lines.findIndex((l, i) => !isMetaLine(l, lines[i - 1]) && (/[。！？]/u.test(l) || ORDINAL_START.test(l)));
  const before = firstText < 0 ? lines.length : firstText;
  const candidate = (test: (l: string) => boolean) => lines.slice(0, before).findIndex((l, i) => test(l) && !isMetaLine(l, lines[i - 1]));
  let titleAt = candidate(isTitle);
  if (titleAt < 0) titleAt = candidate(isPlainTitle);
  if (titleAt < 0 && firstText >= 0 && splitGluedTitle(lines, firstText)) titleAt = firstText;
  let title = titleAt >= 0 ? lines[titleAt] : undefined;
  // A title printed over two lines: 某某镇人民政府 / 2023年政府工作报告.
  if (title !== undefined && titleAt > 0 && TITLE_HEAD.test(lines[titleAt - 1]!) && !TITLE_END.test(lines[titleAt - 1]!)) {
    title = `${lines[titleAt - 1]}${title}`;
  } else if (title !== undefined && !TITLE_END.test(title) && TITLE_TAIL.test(lines[titleAt + 1] ?? '')) {
    title = `${title}${lines[titleAt + 1]}`;
    titleAt++;
  }

  let start = titleAt + 1;
  const repeatsTitle = (l: string) => title !== undefined && squash(l).length >= 4 && squash(title).includes(squash(l));
  while (start < lines.length && (isBlank(start) || isMetaLine(lines[start]!, lines[start - 1]) || repeatsTitle(lines[start]!))) start++;
  if (titleAt < 0) {
    // No title: the page chrome above the text is still chrome.
    start = 0;
    while (start < lines.length && (isBlank(start) || isMetaLine(lines[start]!, lines[start - 1]))) start++;
  }

  const header = lines.slice(0, start);
  const { body, interpretation, signature } = splitTrailer(joinWrapped(lines.slice(start)));
  return {
    format: 'text',
    ...(title ? { title } : {}),
    ...readHeader(header),
    body,
    ...(interpretation ? { interpretation } : {}),
    ...(signature ? { signature } : {}),
  };
}

const ORDINAL_START = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/u;
const TITLE_END = /(?:报告|总结|汇报|要点|计划|思路|打算|安排)$/u;
const TITLE_HEAD = /^[\u4e00-\u9fa5]{2,20}(?:镇|乡|街道|人民政府|办事处)$/u;
const TITLE_TAIL = /^(?:关于)?[\u4e00-\u9fa5\d\s]{2,30}(?:报告|总结|汇报|要点|计划|思路|打算)$/u;

function isTitle(line: string): boolean {
  return line.length >= 6 && line.length <= 80 && CJK.test(line) && TITLE_RE.test(line) && !/[。；;]/u.test(line) && /年|季度/u.test(line);
}

/** A title without a year: 某某街道办事处工作报告 — a town's name, a report word, no punctuation. */
function isPlainTitle(line: string): boolean {
  return line.length >= 6 && line.length <= 40 && TITLE_END.test(line) && /镇|乡|街道|办事处|人民政府/u.test(line) && !/[，,。；;：:]/u.test(line);
}

/**
 * A title run into the text on one line (乡镇2018年一季度工作情况汇报一季度,全镇…): split after the
 * last report word before the first comma. Returns whether the line was split.
 */
function splitGluedTitle(lines: string[], at: number): boolean {
  const line = lines[at]!;
  const comma = line.search(/[，,。：:；;]/u);
  if (comma < 0) return false;
  const head = line.slice(0, comma);
  const words = [...head.matchAll(/报告|总结|汇报|要点|计划|思路|打算/gu)];
  const last = words.at(-1);
  if (!last) return false;
  const end = last.index + last[0].length;
  const title = head.slice(0, end);
  if (title.length < 6 || title.length > 40 || !/年|季度/u.test(title) || head.length - end > 10 || ORDINAL_START.test(title)) return false;
  lines.splice(at, 1, title, line.slice(end));
  return true;
}

/** A row of a table copied as text (| 索 引 号: | … |): the cells, spaced; a row of only bars is empty. */
function untable(line: string): string {
  if ((line.match(/[|｜]/gu) ?? []).length < 2) return line;
  return line.replace(/\s*[|｜]+\s*/gu, ' ').replace(/^[\s:-]+$/u, '').trim();
}

/**
 * Stamps of repost sites: lines in the 站名--口号 form, and short lines without punctuation repeated
 * three times or more. Removed wherever they stand, also inside a line.
 */
function dropWatermarks(lines: string[]): string[] {
  const counts = new Map<string, number>();
  for (const l of lines) if (l !== '') counts.set(l, (counts.get(l) ?? 0) + 1);
  const marks = new Set<string>();
  for (const [l, n] of counts) {
    if (WATERMARK.test(l) || (n >= 3 && l.length <= 30 && !/[，,。；;：:！？]/u.test(l) && !ORDINAL_START.test(l) && !LABEL_ONLY_RE.test(l))) marks.add(l);
  }
  if (marks.size === 0) return lines;
  return lines.map((l) => {
    let out = l;
    for (const m of marks) out = out.split(m).join('');
    return out.trim();
  });
}

/** Width as printed: a Chinese character takes two columns. */
function columns(s: string): number {
  let w = 0;
  for (const c of s) w += /[\u2e80-\uffff]/u.test(c) ? 2 : 1;
  return w;
}

/**
 * Text copied out of a PDF keeps the page's line breaks in the middle of sentences. When most lines
 * are about as wide as the widest (a page width), a full line that does not end a sentence continues
 * on the next. A meeting line cut in two (——2021年2月27日在某镇第十六届人民代表大会 / 第六次会议上) is
 * joined too. No character is added or removed: the lines are only put together.
 */
function joinWrapped(lines: string[]): string[] {
  const text = lines.filter((l) => l.length >= 8);
  const widths = text.map(columns).sort((a, b) => a - b);
  const page = widths[Math.floor(widths.length * 0.9)] ?? 0;
  const full = (l: string) => columns(l) >= page * 0.85;
  const open = (l: string) => !/[。！？!?：:；;]$/u.test(l);
  const wrapped = text.length >= 4 && text.filter((l) => full(l) && open(l)).length >= Math.max(3, text.length * 0.3);
  const out: string[] = [];
  let joining = false;
  for (const line of lines) {
    const previous = out.at(-1);
    const meetingCut = previous !== undefined && /^[(（—-]/u.test(previous) && /在/u.test(previous) && !/[)）上]$/u.test(previous) && /会议上?[)）]?$/u.test(line);
    if (previous !== undefined && line !== '' && (meetingCut || (joining && !ORDINAL_START.test(line)))) out[out.length - 1] = `${previous}${line}`;
    else out.push(line);
    joining = wrapped && line !== '' && full(line) && open(line);
  }
  return out;
}

/** A line of page chrome: disclosure labels and values, breadcrumb, links, counters, English notes. */
function isMetaLine(line: string, previous = ''): boolean {
  if (line === '') return true;
  if (LABEL_ONLY_RE.test(line) || new RegExp(LABEL_RE.source, 'u').test(line.slice(0, 12))) return true;
  if (LABEL_ONLY_RE.test(previous) && line.length <= 40) return true;
  if (BREADCRUMB_RE.test(line) || BREADCRUMB_LINE.test(line) || /^[>›»＞]/u.test(line) || NOISE_RE.test(line) || /^-{3,}$/u.test(line)) return true;
  if (URL_RE.test(line) && line.length < 200) return true;
  if (!CJK.test(line)) return true;
  // An English note with a few Chinese words in it, as the repository's copy carries.
  const latin = (line.match(/[A-Za-z]/gu) ?? []).length;
  const chinese = (line.match(/[\u3400-\u9fff]/gu) ?? []).length;
  return latin > chinese * 2;
}

/** Disclosure fields, breadcrumb, source address and portal name from the lines above the body. */
function readHeader(header: string[]): Pick<SourceDocument, 'disclosure' | 'breadcrumb' | 'sourceUrl' | 'siteName'> {
  const values = readLabels(header);
  const disclosure = toDisclosure(values);
  // A date and time alone on a line under the title is when the page was published.
  const dateLine = header.find((l) => DATE_LINE.test(l));
  const printed = dateLine ? readDateTime(dateLine) : undefined;
  if (!disclosure.published && printed) disclosure.published = printed;
  let breadcrumb: string[] | undefined;
  let crumbAt = header.findIndex((l) => BREADCRUMB_RE.test(l));
  if (crumbAt < 0) crumbAt = header.findIndex((l) => BREADCRUMB_LINE.test(l));
  if (crumbAt >= 0) {
    let text = header[crumbAt]!.replace(new RegExp(`^.*?${BREADCRUMB_RE.source}`, 'u'), '');
    for (let i = crumbAt + 1; i < header.length && /^[>›»＞]/u.test(header[i]!); i++) text += header[i];
    breadcrumb = splitBreadcrumb(text);
  }
  const sourceLine = header.find((l) => URL_RE.test(l) && /来源|source|原文|网址|链接|url/iu.test(l)) ?? header.find((l) => URL_RE.test(l));
  const sourceUrl = sourceLine ? URL_RE.exec(sourceLine)?.[0] : undefined;
  const sites = header.map((l) => SITE_RE.exec(l)?.[1]).filter((s): s is string => s !== undefined);
  // The portal is a county's or a city's; a town's own 人民政府 in 发布机构 is not the site.
  const siteName = sites.find((s) => COUNTY_SITE_RE.test(s)) ?? sites[0];
  return {
    disclosure,
    ...(breadcrumb && breadcrumb.length > 0 ? { breadcrumb } : {}),
    ...(sourceUrl ? { sourceUrl } : {}),
    ...(siteName ? { siteName } : {}),
  };
}

function splitBreadcrumb(text: string): string[] {
  return text
    .split(/[>›»＞]|\s\/\s/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Label → value, with the value on the same line (发布机构：南塘镇), on the next line (a list or table
 * where label and value are separate items), or between two labels of one line (发布日期: … 浏览次数:).
 */
export function readLabels(lines: string[]): Map<Field, string> {
  const values = new Map<Field, string>();
  const set = (field: Field, value: string) => {
    const v = value.replace(/\[\s*\]$/u, '').trim();
    if (field === 'noise' || (v === '' && !KEPT_EMPTY.has(field))) return;
    // A page may give the publication date twice, once with its time (发布日期 / 发布时间).
    const timeAdded = field === 'published' && !/[:：]/u.test(values.get(field) ?? ':') && /\d\s*[:：]\s*\d/u.test(v);
    if (!values.has(field) || values.get(field) === '' || timeAdded) values.set(field, v);
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const only = LABEL_ONLY_RE.exec(line);
    if (only) {
      const next = lines.slice(i + 1).find((l) => l !== '');
      if (next !== undefined && !LABEL_ONLY_RE.test(next) && !new RegExp(LABEL_RE.source, 'u').test(next)) set(fieldOf.get(only[1]!)!, next);
      continue;
    }
    const matches = [...line.matchAll(LABEL_RE)];
    matches.forEach((m, k) => {
      const end = k + 1 < matches.length ? matches[k + 1]!.index : line.length;
      set(fieldOf.get(m[1]!)!, line.slice(m.index + m[0].length, end));
    });
  }
  return values;
}

function toDisclosure(values: Map<Field, string>): Disclosure {
  const written = values.get('writtenOn') && readDateTime(values.get('writtenOn')!);
  const issued = values.get('issued') && readDateTime(values.get('issued')!);
  const published = values.get('published') && readDateTime(values.get('published')!);
  const category = values.get('category') ?? values.get('topic');
  const issuer = values.get('issuer') ?? values.get('source');
  const out: Disclosure = {};
  if (values.get('indexNumber')) out.indexNumber = squash(values.get('indexNumber')!);
  if (category) out.category = category;
  if (issuer) out.issuer = issuer;
  if (written) out.writtenOn = written.date;
  if (issued) out.issuedOn = issued.date;
  if (published) out.published = published;
  if (values.get('disclosure')) out.disclosure = values.get('disclosure')!;
  if (values.has('docNumber')) out.docNumber = values.get('docNumber')!;
  if (values.get('openPeriod')) out.openPeriod = values.get('openPeriod')!;
  const subjectWords = values.get('subjectWords')?.split(/[\s,，;；、]+/u).filter((w) => w !== '');
  if (subjectWords?.length) out.subjectWords = subjectWords;
  return out;
}

/** Splits off what follows the body (图片解读…, 打印, 关闭) and the signature under the text. */
function splitTrailer(lines: string[]): Pick<SourceDocument, 'body' | 'interpretation' | 'signature'> {
  const end = lines.findIndex((l) => TRAILER_RE.test(l));
  const interpretation = lines.slice(Math.max(end, 0)).find((l) => INTERPRETATION_RE.test(l));
  const body = (end >= 0 ? lines.slice(0, end) : lines).filter((l) => l !== '');
  const signature: { issuer?: string; date?: string } = {};
  if (body.length > 1 && SIGNATURE_DATE_RE.test(body.at(-1)!)) {
    const date = readDateTime(body.pop()!);
    if (date) signature.date = date.date;
  }
  if (body.length > 1 && SIGNATURE_ISSUER_RE.test(body.at(-1)!)) signature.issuer = body.pop()!;
  return {
    body,
    ...(interpretation ? { interpretation } : {}),
    ...(signature.date || signature.issuer ? { signature } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// HTML

const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'tr', 'td', 'th', 'table', 'tbody', 'thead', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'section', 'article', 'header', 'footer', 'nav', 'aside', 'main', 'dd', 'dt', 'dl', 'blockquote', 'pre', 'form', 'center', 'hr',
]);
const DROP = 'script, style, noscript, template, svg, iframe, object, select, button, input, textarea';

/** Text of an element as lines: each block element and each table cell starts a new line. */
function linesOf(node: Node): string[] {
  const out: string[] = [''];
  const walk = (n: Node) => {
    if (n.nodeType === NodeType.TEXT_NODE) {
      out[out.length - 1] += n.text.replace(/[\r\n\t]+/gu, ' ');
      return;
    }
    if (n.nodeType !== NodeType.ELEMENT_NODE) return;
    const tag = (n as HTMLElement).rawTagName?.toLowerCase() ?? '';
    const block = BLOCK.has(tag);
    if (block) out.push('');
    n.childNodes.forEach(walk);
    if (block) out.push('');
  };
  walk(node);
  return out.map(cleanLine).filter((l) => l !== '');
}

/** The element holding the main text: the one with the most paragraph text directly beneath it. */
function mainTextElement(root: HTMLElement): HTMLElement | undefined {
  const score = new Map<HTMLElement, number>();
  const chinese = (s: string) => (s.match(/[\u3400-\u9fff]/gu) ?? []).length;
  const add = (el: HTMLElement | null, n: number) => {
    if (el) score.set(el, (score.get(el) ?? 0) + n);
  };
  for (const p of root.querySelectorAll('p')) add(p.parentNode, chinese(p.text));
  for (const el of root.querySelectorAll('div, td, article, section')) {
    const own = el.childNodes.filter((c) => c.nodeType === NodeType.TEXT_NODE).map((c) => c.text).join('');
    add(el, chinese(own));
  }
  let best: HTMLElement | undefined;
  let bestScore = 0;
  for (const [el, s] of score) {
    if (s > bestScore) {
      best = el;
      bestScore = s;
    }
  }
  return best;
}

export function readHtml(html: string): SourceDocument {
  const savedFrom = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/iu.exec(html)?.[1];
  const root = parse(html, { comment: false, blockTextElements: { script: false, style: false, pre: true } });
  root.querySelectorAll(DROP).forEach((el) => el.remove());
  const meta = new Map<string, string>();
  for (const m of root.querySelectorAll('meta')) {
    const key = (m.getAttribute('name') ?? m.getAttribute('property') ?? '').toLowerCase();
    const content = m.getAttribute('content')?.trim();
    if (key && content) meta.set(key, content);
  }
  const canonical = root.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const pageTitle = root.querySelector('title')?.text.trim();

  const container = mainTextElement(root);
  let bodyLines = container ? linesOf(container) : [];
  container?.remove();
  const page = root.querySelector('body') ?? root;
  const rest = linesOf(page);
  const link = page.querySelectorAll('a').map((a) => cleanLine(a.text)).find((t) => INTERPRETATION_RE.test(t) || /一图读懂/u.test(t));

  // The page title is “article title - site name”; the article title also stands above the text.
  const pageTitleHead = pageTitle?.split(/\s*[-_|｜]\s*/u)[0];
  const candidates = rest.filter(isTitle);
  const title = meta.get('articletitle') ?? candidates.find((t) => t === pageTitleHead) ?? candidates[0] ?? pageTitleHead;
  // The content area often repeats the title, the date line and the disclosure labels at its top.
  let skip = 0;
  while (skip < bodyLines.length && (bodyLines[skip] === title || isMetaLine(bodyLines[skip]!, bodyLines[skip - 1]))) skip++;
  const contentHeader = bodyLines.slice(0, skip);
  bodyLines = bodyLines.slice(skip);

  const header = readHeader([...rest, ...contentHeader]);
  const { body, interpretation: inBody, signature } = splitTrailer(bodyLines);
  const interpretation = inBody ?? link ?? rest.find((l) => INTERPRETATION_RE.test(l));
  const disclosure = header.disclosure;
  const pubDate = meta.get('pubdate') ?? meta.get('firstpublishedtime');
  const metaDate = pubDate ? readDateTime(pubDate) : undefined;
  const sameDay = !disclosure.published || disclosure.published.date === metaDate?.date;
  if (metaDate && sameDay && !disclosure.published?.time) disclosure.published = metaDate;
  if (!disclosure.issuer && meta.get('contentsource')) disclosure.issuer = meta.get('contentsource')!;
  const sourceUrl = meta.get('url') ?? canonical ?? meta.get('og:url') ?? savedFrom ?? header.sourceUrl;
  const titleSite = pageTitle ? SITE_RE.exec(pageTitle.split(/[-_|｜]/u).at(-1) ?? '')?.[1] : undefined;
  const siteName = meta.get('sitename') ?? (titleSite && COUNTY_SITE_RE.test(titleSite) ? titleSite : undefined) ?? header.siteName;
  const keywords = meta.get('keywords')?.split(/[,，;；\s]+/u).filter((k) => k !== '');
  const breadcrumb = header.breadcrumb;
  if (!disclosure.category && meta.get('columnname')) disclosure.category = meta.get('columnname')!;
  return {
    format: 'html',
    ...(title ? { title: cleanLine(title) } : {}),
    disclosure,
    ...(breadcrumb ? { breadcrumb } : {}),
    ...(sourceUrl && /^https?:\/\//u.test(sourceUrl) ? { sourceUrl } : {}),
    ...(siteName ? { siteName } : {}),
    ...(keywords && keywords.length > 0 ? { keywords } : {}),
    body,
    ...(interpretation ? { interpretation } : {}),
    ...(signature ? { signature } : {}),
  };
}
