/**
 * The static pictures of every chart: /reports/<report>/charts/<chart>.svg and .png, drawn at build
 * time (src/charts/render.ts) for readers without JavaScript, print, sharing and portal embeds.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { buildChart, type ChartSpec } from '../../../../charts/spec.ts';
import { IMAGE_TYPES, imageResponse, type ImageType } from '../../../../charts/render.ts';
import { getContent } from '../../../../model/site.ts';
import { picturesLinked } from '../../../../charts/pictures.ts';

export const getStaticPaths = (() => {
  // In `npm run build` the pictures are linked in from the picture cache (src/charts/pictures.ts).
  if (picturesLinked()) return [];
  const { reports } = getContent();
  return reports.flatMap((report) =>
    report.charts.flatMap((chart) => {
      const spec = buildChart(report, chart, reports);
      return (Object.keys(IMAGE_TYPES) as ImageType[]).map((ext) => ({ params: { report: report.id, file: `${chart.id}.${ext}` }, props: { spec, ext } }));
    }),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { spec, ext } = props as { spec: ChartSpec; ext: ImageType };
  return imageResponse(spec, ext);
};
