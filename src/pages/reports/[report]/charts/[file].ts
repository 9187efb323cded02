/**
 * The static pictures of every chart: /reports/<report>/charts/<chart>.svg and .png, drawn at build
 * time (src/charts/render.ts) for readers without JavaScript, print, sharing and portal embeds.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { ChartSpec } from '../../../../charts/spec.ts';
import { IMAGE_TYPES, imageResponse, type ImageType } from '../../../../charts/render.ts';
import { site } from '../../../_site.ts';

export const getStaticPaths = (() => {
  // In `npm run build` the pictures are linked in from the picture cache (src/charts/pictures.ts).
  const here = site();
  if (here.picturesLinked) return [];
  return here.content.reports.flatMap((report) =>
    here.view(report).charts.flatMap(({ spec }) =>
      (Object.keys(IMAGE_TYPES) as ImageType[]).map((ext) => ({ params: { report: report.id, file: `${spec.id}.${ext}` }, props: { spec, ext } })),
    ),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { spec, ext } = props as { spec: ChartSpec; ext: ImageType };
  return imageResponse(spec, ext);
};
