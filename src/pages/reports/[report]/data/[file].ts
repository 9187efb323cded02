/** The data files of every report (JSON, CSV, XLSX), written at build time from src/export/downloads.ts. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { reportDownloads, type Download } from '../../../../export/downloads.ts';
import { site } from '../../../_site.ts';

export const getStaticPaths = (() =>
  site().content.reports.flatMap((report) =>
    reportDownloads(report, site().exportContext).map((download) => ({ params: { report: report.id, file: download.file }, props: { download } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { download } = props as { download: Download };
  return new Response(download.bytes, { headers: { 'Content-Type': download.type } });
};
