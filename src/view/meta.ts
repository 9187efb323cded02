/**
 * The report's metadata as readers see it, made once (src/view/report.ts keeps it in the report view):
 * the disclosure block's rows, each field the source does not give shown as 原文未提供; the meta tags of
 * its pages, a field not given left out rather than filled; the three dates kept apart (the period
 * reviewed, the report's own date, its publication); the excerpt notice.
 */
import { t } from '../i18n/zh.ts';
import { formatDate, formatDateTime, formatReportPeriod, labelled, machineDate } from '../model/format.ts';
import { given, ownDate, publication } from '../model/report-dates.ts';
import { NOT_GIVEN, type ReportMeta } from '../schemas/report.ts';

export interface MetaRow {
  term: string;
  value: string;
  /** The source does not give it: the value is 原文未提供. */
  notGiven: boolean;
  /** The value is this link (原文链接). */
  href?: string;
  /** The value is a date: its `<time datetime>` (2022-07-29T17:02). */
  datetime?: string;
  /** Said after the date, outside `<time>`: （原文未提供具体时间）. */
  after?: string;
}

/** A named part of a line: 发布日期：2022年7月29日 17:02, the date in `<time datetime>`. */
export interface MetaPart {
  term?: string;
  value: string;
  datetime?: string;
  /** Said after the date, outside `<time>`. */
  after?: string;
}

export interface MetaView {
  /** The period reviewed: 2022年上半年, 2023年, 2016—2020年. */
  period: string;
  /** The report's own date in words (2024年1月15日), with its name: 成文日期 or 会议日期. */
  ownDate?: { term: string; text: string; datetime: string };
  /** Publication as shown: 2022年7月29日 17:02, 2024年1月20日（原文未提供具体时间）, 原文未提供. */
  published: string;
  /** Publication for lines that name the day only (2022年7月29日), when given. */
  publishedDay?: string;
  /** The disclosure block, in the order government pages give it. */
  rows: MetaRow[];
  /** Meta tags of the report's pages: a field not given has no tag. */
  tags: { columnName?: string; pubDate?: string; contentSource: string; keywords: readonly string[] };
  /** One line for lists of reports, each date with its name: 报告所述时期：2022年上半年 · …. */
  listing: string;
  /** The same line in parts, for markup that puts each date in `<time>`. */
  listingParts: MetaPart[];
  /** Under the full text's title: the issuer, the report's own date, its publication. */
  docLine: MetaPart[];
  sourceUrl?: string;
  /** 原文节选, said on every page of the report and on its 一图读懂. */
  excerpt?: string;
}

export function metaView(meta: ReportMeta): MetaView {
  const period = formatReportPeriod(meta.period);
  const own = ownDate(meta);
  const published = publication(meta);
  const publishedPart: MetaPart = published
    ? { term: t.meta.publishedAt, value: formatDateTime(published.local), datetime: machineDate(published.local), ...(published.time ? {} : { after: t.meta.noTime }) }
    : { term: t.meta.publishedAt, value: NOT_GIVEN };
  const publishedText = publishedPart.value + (publishedPart.after ?? '');
  const writtenOn = given(meta.writtenOn);
  const sourceUrl = given(meta.sourceUrl);
  const row = (term: string, value: string, datetime?: string): MetaRow => ({ term, value, notGiven: value === NOT_GIVEN, ...(datetime ? { datetime } : {}) });
  const rows: MetaRow[] = [
    row(t.meta.indexNumber, meta.indexNumber),
    row(t.meta.category, meta.category),
    row(t.meta.issuer, meta.issuer),
    ...(meta.docNumber ? [row(t.meta.docNumber, meta.docNumber)] : []),
    writtenOn ? row(t.meta.writtenOn, formatDate(writtenOn), machineDate(writtenOn)) : row(t.meta.writtenOn, NOT_GIVEN),
    { ...row(t.meta.publishedAt, publishedPart.value, publishedPart.datetime), ...(publishedPart.after ? { after: publishedPart.after } : {}) },
    row(t.meta.disclosure, meta.disclosure),
    ...(meta.openPeriod ? [row(t.meta.openPeriod, meta.openPeriod)] : []),
    ...(meta.subjectWords?.length ? [row(t.meta.subjectWords, meta.subjectWords.join(' '))] : []),
    ...(meta.reportType ? [row(t.meta.reportType, meta.reportType)] : []),
    ...(meta.meeting ? [row(t.meta.meeting, meta.meeting.name + (meta.meeting.date ? `（${formatDate(meta.meeting.date)}）` : ''))] : []),
    ...(meta.speaker ? [row(t.meta.speaker, meta.speaker)] : []),
    row(t.meta.period, period),
    sourceUrl ? { term: t.meta.source, value: t.sourceLink, notGiven: false, href: sourceUrl } : row(t.meta.source, NOT_GIVEN),
  ];
  const ownDateView = own ? { term: own.kind === 'written' ? t.meta.writtenOn : t.meta.meetingDate, text: formatDate(own.date), datetime: machineDate(own.date) } : undefined;
  const listingParts: MetaPart[] = [
    { term: t.meta.period, value: period },
    { term: t.meta.issuer, value: meta.issuer },
    ...(meta.reportType ? [{ value: meta.reportType }] : []),
    ...(ownDateView ? [{ term: ownDateView.term, value: ownDateView.text, datetime: ownDateView.datetime }] : []),
    publishedPart,
    ...(meta.excerpt ? [{ value: t.excerpt.label }] : []),
  ];
  return {
    period,
    ...(ownDateView ? { ownDate: ownDateView } : {}),
    published: publishedText,
    ...(published ? { publishedDay: formatDate(published.date) } : {}),
    rows,
    tags: {
      ...(given(meta.category) ? { columnName: meta.category } : {}),
      ...(published ? { pubDate: published.local } : {}),
      contentSource: meta.issuer,
      keywords: meta.keywords,
    },
    listing: listingParts.map((p) => (p.term ? labelled(p.term, p.value) : p.value) + (p.after ?? '')).join(' · '),
    listingParts,
    docLine: [
      { value: meta.issuer },
      ownDateView ? { term: ownDateView.term, value: ownDateView.text, datetime: ownDateView.datetime } : { term: t.meta.writtenOn, value: t.meta.notGiven },
      publishedPart,
    ],
    ...(sourceUrl ? { sourceUrl } : {}),
    ...(meta.excerpt ? { excerpt: t.excerpt.notice } : {}),
  };
}
