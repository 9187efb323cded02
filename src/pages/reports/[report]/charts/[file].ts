/**
 * The static pictures of every chart: /reports/<report>/charts/<chart>.svg and .png, drawn at build
 * time (src/charts/render.ts) for readers without JavaScript, print, sharing and portal embeds.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { buildChart } from '../../../../charts/spec.ts';
import { renderChartImages } from '../../../../charts/render.ts';
import { getContent } from '../../../../model/site.ts';

const TYPES = { svg: 'image/svg+xml', png: 'image/png' } as const;

export const getStaticPaths = (() => {
  const { reports } = getContent();
  return reports.flatMap((report) =>
    report.charts.flatMap((chart) =>
      (Object.keys(TYPES) as (keyof typeof TYPES)[]).map((ext) => ({
        params: { report: report.id, file: `${chart.id}.${ext}` },
        props: { spec: buildChart(report, chart, reports), ext },
      })),
    ),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { spec, ext } = props as { spec: ReturnType<typeof buildChart>; ext: keyof typeof TYPES };
  const images = renderChartImages(spec);
  return new Response(new Uint8Array(images[ext]), { headers: { 'content-type': TYPES[ext] } });
};
