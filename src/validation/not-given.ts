/**
 * Fields an editor may record as 原文未提供 because the source does not give them (a PDF has no 索引号, a
 * work report rarely names its province): each is a located warning, never an error and never silent, so
 * every gap a page shows is one an editor has seen. report.yaml (cross.ts) and the town files use it.
 */
import { NOT_GIVEN } from '../schemas/report.ts';
import type { Town } from '../schemas/town.ts';
import type { Problem } from './problem.ts';
import type { YamlFile } from './yaml.ts';

/** One warning per listed field whose value is 原文未提供, at that field's line. */
export function notGivenWarnings<T extends object>(
  file: string,
  yaml: YamlFile<T>,
  fields: readonly (readonly [keyof T & string, string])[],
  message: (label: string) => string,
): Problem[] {
  const data = yaml.data;
  if (!data) return [];
  return fields
    .filter(([field]) => data[field] === NOT_GIVEN)
    .map(([field, label]) => ({ severity: 'warning', file, ...yaml.locate([field]), field, message: message(label) }));
}

/** Town file fields the source may not give. */
const TOWN_NOT_GIVEN = [
  ['county', '所属县（市、区）'],
  ['prefecture', '所属地级市'],
  ['province', '所属省份'],
] as const satisfies readonly (readonly [keyof Town, string])[];

/** A town file's own checks: what it records as 原文未提供. */
export function checkTown(file: string, town: YamlFile<Town>): Problem[] {
  return notGivenWarnings(file, town, TOWN_NOT_GIVEN, (label) => `${label}记为“${NOT_GIVEN}”：网站上不写它（乡镇页面只写已知的地名，首页把所属县（市、区）未注明的乡镇列在一起）。知道的请照实填写`);
}
