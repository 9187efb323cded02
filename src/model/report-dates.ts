/**
 * The dates of a report, each what it is: the period it reviews (report.yaml period), its own date
 * (成文日期, or the meeting where it was given), and its publication (发布日期, with or without the time
 * of day). Any of the last two may be 原文未提供; ordering by date then falls back as documented below.
 */
import { NOT_GIVEN, type ReportMeta, type ReportPeriod } from '../schemas/report.ts';

/** The value, or undefined when the source does not give it (原文未提供). */
export function given<T>(value: T | typeof NOT_GIVEN | undefined): T | undefined {
  return value === NOT_GIVEN ? undefined : value;
}

export interface Publication {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, when the published page gives the time of day. */
  time?: string;
  /** As content writes it: `2022-07-29 17:02` or `2022-07-29`. */
  local: string;
}

/** The publication date and time as the published page gives them; undefined when it gives none. */
export function publication(meta: Pick<ReportMeta, 'publishedAt'>): Publication | undefined {
  const local = given(meta.publishedAt);
  if (!local) return undefined;
  const time = local.slice(11);
  return { date: local.slice(0, 10), ...(time ? { time } : {}), local };
}

/** The report's own date: 成文日期, else the date of the meeting it was given at. */
export function ownDate(meta: Pick<ReportMeta, 'writtenOn' | 'meeting'>): { date: string; kind: 'written' | 'meeting' } | undefined {
  const written = given(meta.writtenOn);
  if (written) return { date: written, kind: 'written' };
  return meta.meeting?.date ? { date: meta.meeting.date, kind: 'meeting' } : undefined;
}

/** The last day of the period reviewed, YYYY-MM-DD. */
export function periodEnd(period: ReportPeriod): string {
  const month = period.kind === 'year' ? 12 : period.kind === 'half' ? (period.number ?? 1) * 6 : (period.number ?? 1) * 3;
  const day = new Date(Date.UTC(period.year, month, 0)).getUTCDate();
  return `${period.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The local time (YYYY-MM-DD HH:MM) a report is ordered by, newest first on the home page and in feeds:
 * its publication; a date without a time of day counts as that day's 00:00; without a publication date,
 * the report's own date (成文日期, else the meeting's); without either, the last day of the period it
 * reviews. So a report is never left out of the order, and never placed by a date it does not give
 * unless nothing else is known.
 */
export function dateOrder(meta: Pick<ReportMeta, 'publishedAt' | 'writtenOn' | 'meeting' | 'period'>): string {
  const published = publication(meta);
  if (published) return `${published.date} ${published.time ?? '00:00'}`;
  return `${ownDate(meta)?.date ?? periodEnd(meta.period)} 00:00`;
}
