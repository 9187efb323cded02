/**
 * The data files of a report: everything as JSON, each table as CSV, all tables as one Excel workbook.
 * Their bytes are made here and only here: the endpoint serves them and the overview page shows their
 * sizes from the same bytes, so the size a reader sees is the size of the file they get.
 */
import { t } from '../i18n/zh.ts';
import { dateOrder } from '../model/report-dates.ts';
import type { Report } from '../model/load.ts';
import { toCsv } from './csv.ts';
import { toInstant } from './dates.ts';
import { reportTables } from './tables.ts';
import { absoluteUrl, sitePaths, type UrlContext } from '../routes.ts';
import { toXlsx } from './xlsx.ts';

export interface Download {
  /** File name, also the last URL segment: nantang-2022-h1-indicators.csv */
  file: string;
  format: 'JSON' | 'XLSX' | 'CSV';
  /** Media type to serve it with. */
  type: string;
  label: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export interface DownloadContext extends UrlContext {
  /** content/site.yaml utcOffset. */
  utcOffset: string;
}

/** The report as loaded (every field, also ones added later), with its public address: what the JSON file holds. */
export function reportJson(report: Report, ctx: UrlContext) {
  const { id, ...loaded } = report;
  return { id, url: absoluteUrl(ctx, sitePaths.report(id)), ...loaded };
}

const cache = new WeakMap<Report, Map<string, Download[]>>();

export function reportDownloads(report: Report, ctx: DownloadContext): Download[] {
  const key = JSON.stringify([ctx.publicUrl, ctx.base, ctx.utcOffset]);
  const cached = cache.get(report)?.get(key);
  if (cached) return cached;

  const tables = reportTables(report, ctx);
  const encoder = new TextEncoder();
  const downloads: Download[] = [
    {
      file: `${report.id}.json`,
      format: 'JSON',
      type: 'application/json; charset=utf-8',
      label: t.downloads.json,
      bytes: encoder.encode(`${JSON.stringify(reportJson(report, ctx), null, 2)}\n`),
    },
    {
      file: `${report.id}.xlsx`,
      format: 'XLSX',
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      label: t.downloads.xlsx(tables.map((table) => table.title)),
      bytes: toXlsx(tables, {
        title: report.meta.title,
        creator: report.meta.issuer,
        description: report.meta.description,
        keywords: report.meta.keywords,
        // The publication, or the date standing in for one the source does not give (report-dates.ts).
        modified: dateOrder(report.meta),
        modifiedInstant: toInstant(dateOrder(report.meta), ctx.utcOffset),
      }),
    },
    ...tables.map((table): Download => ({
      file: `${report.id}-${table.id}.csv`,
      format: 'CSV',
      type: 'text/csv; charset=utf-8',
      label: t.downloads.csv(table.title),
      bytes: toCsv(table),
    })),
  ];
  cache.set(report, (cache.get(report) ?? new Map()).set(key, downloads));
  return downloads;
}

/** 812字节, 3.4 KB, 1.2 MB — sizes in 1024s, as file managers show them. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes}字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
