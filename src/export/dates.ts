/**
 * Publication times as content writes them (2022-07-29 17:02, local time of the issuing body) in the forms
 * feeds and sitemaps need, always with the site's UTC offset (+08:00) and never shifted to UTC.
 */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** `2022-07-29 17:02` or `2022-07-04` (midnight). */
export function parseLocal(text: string): LocalTime {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(text);
  if (!m) throw new Error(`不是 YYYY-MM-DD HH:MM 格式的时间：${text}`);
  return { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +(m[4] ?? 0), minute: +(m[5] ?? 0) };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** RFC 3339 / W3C datetime for Atom and sitemaps: 2022-07-29T17:02:00+08:00 */
export function isoDateTime(local: string, utcOffset: string): string {
  const t = parseLocal(local);
  return `${t.year}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:00${utcOffset}`;
}

/** RFC 822 date-time for RSS 2.0: Fri, 29 Jul 2022 17:02:00 +0800 */
export function rfc822DateTime(local: string, utcOffset: string): string {
  const t = parseLocal(local);
  const weekday = DAYS[new Date(Date.UTC(t.year, t.month - 1, t.day)).getUTCDay()]!;
  return `${weekday}, ${pad(t.day)} ${MONTHS[t.month - 1]!} ${t.year} ${pad(t.hour)}:${pad(t.minute)}:00 ${utcOffset.replace(':', '')}`;
}

/** The instant, for comparisons and for formats that want UTC (the xlsx file's creation time). */
export function toInstant(local: string, utcOffset: string): Date {
  return new Date(isoDateTime(local, utcOffset));
}
