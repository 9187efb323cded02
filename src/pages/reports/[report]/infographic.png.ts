/** /reports/<report>/infographic.png: 一图读懂 as one tall picture, drawn at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { infographicContent, renderInfographic } from '../../../charts/infographic.ts';
import type { Report } from '../../../model/load.ts';
import { site } from '../../_site.ts';

// In `npm run build` the picture is linked in from the picture cache (src/charts/pictures.ts).
export const getStaticPaths = (() => (site().picturesLinked ? [] : site().content.reports).map((report) => ({ params: { report: report.id }, props: { report } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { report } = props as { report: Report };
  const { png } = renderInfographic(infographicContent(report, site().content.reports));
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
