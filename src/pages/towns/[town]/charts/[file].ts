/** Build-time pictures of the series charts: /towns/<town>/charts/<indicator>.svg and .png. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allSeries } from '../../../../charts/series.ts';
import { renderChartImages } from '../../../../charts/render.ts';
import type { ChartSpec } from '../../../../charts/spec.ts';

const TYPES = { svg: 'image/svg+xml', png: 'image/png' } as const;

export const getStaticPaths = (() =>
  allSeries().flatMap(({ series, spec }) =>
    (Object.keys(TYPES) as (keyof typeof TYPES)[]).map((ext) => ({ params: { town: series.town.id, file: `${series.id}.${ext}` }, props: { spec, ext } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { spec, ext } = props as { spec: ChartSpec; ext: keyof typeof TYPES };
  return new Response(new Uint8Array(renderChartImages(spec)[ext]), { headers: { 'content-type': TYPES[ext] } });
};
