/** Build-time pictures of the series charts: /towns/<town>/charts/<indicator>.svg and .png. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allSeries } from '../../../../charts/series.ts';
import { IMAGE_TYPES, imageResponse, type ImageType } from '../../../../charts/render.ts';
import type { ChartSpec } from '../../../../charts/spec.ts';
import { site } from '../../../_site.ts';

export const getStaticPaths = (() =>
  // In `npm run build` the pictures are linked in from the picture cache (src/charts/pictures.ts).
  site().picturesLinked
    ? []
    : allSeries(site().content).flatMap(({ series, spec }) =>
    (Object.keys(IMAGE_TYPES) as ImageType[]).map((ext) => ({ params: { town: series.town.id, file: `${series.id}.${ext}` }, props: { spec, ext } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { spec, ext } = props as { spec: ChartSpec; ext: ImageType };
  return imageResponse(spec, ext);
};
