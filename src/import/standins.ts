/**
 * The fields a draft leaves as `待填写` are what the text does not give and the content model requires
 * (索引号, 原文网址, 日期…). `npm run check` reports each as an error, and while report.yaml holds one the
 * report's other checks (quotes, numbers, charts) cannot run. To tell the editor whether anything else
 * is wrong, the draft is checked once more in a throw-away copy with stand-in values in those fields.
 * The stand-ins never reach the content folder.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isPair, isScalar, parseDocument, visit } from 'yaml';
import { TO_FILL } from '../validation/yaml.ts';

const STAND_INS: Record<string, string | number> = {
  writtenOn: '1949-01-01',
  publishedAt: '2100-12-31 23:59',
  sourceUrl: 'https://example.invalid/',
  year: 2000,
};

/** The YAML text with every `待填写` scalar replaced by a value of the right form. */
export function withStandIns(yamlText: string): string {
  const doc = parseDocument(yamlText);
  visit(doc, {
    Scalar(key, node, ancestors) {
      if (key === 'key' || typeof node.value !== 'string' || !node.value.includes(TO_FILL)) return;
      const pair = [...ancestors].reverse().find((a) => isPair(a));
      const name = pair && isPair(pair) && isScalar(pair.key) ? String(pair.key.value) : '';
      node.value = STAND_INS[name] ?? '待核对项';
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/**
 * A copy of what a check of the draft needs — site.yaml, the town files and the one report folder — with
 * stand-ins for `待填写`. Returns the copy's folder; the caller removes it.
 */
export function standInCopy(contentDir: string, reportId: string): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'import-check-'));
  const site = path.join(contentDir, 'site.yaml');
  if (existsSync(site)) cpSync(site, path.join(copy, 'site.yaml'));
  mkdirSync(path.join(copy, 'towns'));
  const towns = path.join(contentDir, 'towns');
  for (const name of existsSync(towns) ? readdirSync(towns).filter((n) => n.endsWith('.yaml')) : []) {
    writeFileSync(path.join(copy, 'towns', name), withStandIns(readFileSync(path.join(towns, name), 'utf8')));
  }
  const report = path.join(copy, 'reports', reportId);
  cpSync(path.join(contentDir, 'reports', reportId), report, { recursive: true });
  for (const name of readdirSync(report).filter((n) => n.endsWith('.yaml'))) {
    writeFileSync(path.join(report, name), withStandIns(readFileSync(path.join(report, name), 'utf8')));
  }
  return copy;
}

export function removeCopy(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
