/**
 * site.yaml's own checks: a government site's footer carries its identification items (网站标识码,
 * ICP备案号, 公安机关备案号) and a way to report an error (纠错). The footer shows each only once it is
 * filled; until then each is a located warning, so a site never goes live without an editor seeing the gap.
 */
import type { Site } from '../schemas/site.ts';
import type { Problem } from './problem.ts';
import type { YamlFile } from './yaml.ts';

/** The footer's identification items, each with the name the footer gives it. */
const IDENTIFICATION = [
  ['siteCode', '网站标识码'],
  ['icp', 'ICP备案号'],
  ['publicSecurity', '公安机关备案号'],
] as const satisfies readonly (readonly [keyof Site, string])[];

export function checkSite(file: string, site: YamlFile<Site>): Problem[] {
  const data = site.data;
  if (!data) return [];
  const warn = (field: string, message: string): Problem => ({ severity: 'warning', file, ...site.locate([field]), field, message });
  return [
    ...IDENTIFICATION.filter(([field]) => data[field] === undefined).map(([field, label]) =>
      warn(field, `${label}（${field}）未填写：页脚暂不显示这一项。网站正式上线前请照备案信息填写`),
    ),
    ...(data.correctionUrl === undefined && data.contact.email === undefined
      ? [warn('correctionUrl', '纠错链接无处可去：页脚暂不显示“纠错”。请填写纠错页面地址 correctionUrl，或联系方式中的 contact.email')]
      : []),
  ];
}
