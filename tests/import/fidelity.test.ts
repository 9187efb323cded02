/**
 * What a draft must never do, for 南塘 and every fixture: lose text (the narrative, without its #
 * marks and whitespace, is the source body), invent a number (every number in the YAML is in the
 * source), invent a date, an address or an index number (the import day, example.invalid, 待补充-…),
 * or fail `npm run check` for anything but the fields the text does not give: those are `待填写`
 * (the content model has no “not given” value yet), and with them filled the draft passes.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { statesNumber } from '../../src/model/format.ts';
import { loadContent } from '../../src/model/load.ts';
import { readSourceFile } from '../../src/import/write.ts';
import { removeCopy, standInCopy } from '../../src/import/standins.ts';
import { TO_FILL } from '../../src/validation/yaml.ts';
import { NOT_GIVEN } from '../../src/schemas/report.ts';
import { CASES, contentDir, importInto, NANTANG_SOURCE } from './support.ts';

const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/gu, '');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The visible text of a source: tags removed and the entities the fixtures use decoded. */
function sourceText(file: string): string {
  const text = readSourceFile(file);
  if (!/\.html?$/u.test(file)) return text;
  return text
    .replace(/<(script|style)[\s\S]*?<\/\1>/giu, '')
    .replace(/<[^>]+>/gu, '')
    .replace(/&ldquo;/gu, '“')
    .replace(/&rdquo;/gu, '”')
    .replace(/&nbsp;/gu, ' ')
    .replace(/&gt;/gu, '>')
    .replace(/&raquo;/gu, '»')
    .replace(/&amp;/gu, '&');
}

const INPUTS = [
  { name: 'nantang-2022-h1', source: NANTANG_SOURCE, id: 'nantang-2022-h1', town: 'nantang' as string | undefined, towns: ['nantang'], body: { first: '一、2022年上半年工作总结', last: '始终把纪律规矩挺在前头。' } },
  ...CASES.map((c) => ({ name: c.name, source: c.source, id: c.expected.id, town: undefined, towns: [] as string[], body: c.expected.body })),
];

describe.each(INPUTS)('draft of $name', ({ source, id, town, towns, body }) => {
  const dir = contentDir(towns);
  dirs.push(dir);
  const { reportDir } = importInto(dir, source, id, town);
  const text = sourceText(source);

  it('keeps every character of the body in narrative.md', () => {
    const squashed = squash(text);
    const from = squashed.indexOf(squash(body.first));
    const to = squashed.indexOf(squash(body.last), from) + squash(body.last).length;
    expect(from).toBeGreaterThanOrEqual(0);
    const narrative = readFileSync(path.join(reportDir, 'narrative.md'), 'utf8').replace(/^#{1,6} /gmu, '');
    expect(squash(narrative)).toBe(squashed.slice(from, to));
  });

  it('takes every number of its YAML from the source (in digits, or in words as in 排名第四, 两个村)', () => {
    const written = squash(text);
    const walk = (value: unknown, where: string): string[] => {
      if (typeof value === 'number') return statesNumber(written, Math.abs(value)) ? [] : [`${where}: ${value}`];
      if (Array.isArray(value)) return value.flatMap((v, i) => walk(v, `${where}.${i}`));
      if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => walk(v, `${where}.${k}`));
      return [];
    };
    const invented = readdirSync(reportDir)
      .filter((f) => f.endsWith('.yaml') && f !== 'report.yaml')
      .flatMap((f) => walk(parse(readFileSync(path.join(reportDir, f), 'utf8')), f));
    expect(invented).toEqual([]);
  });

  it('passes npm run check but for 待填写 fields (what the text does not give), and fully once they are filled', () => {
    const errors = loadContent(dir).problems.filter((p) => p.severity === 'error');
    expect(errors.filter((p) => !p.message.includes(TO_FILL))).toEqual([]);
    // 南塘's page gives every field and its town file exists: nothing is left to fill.
    if (town) expect(errors).toEqual([]);
    const copy = standInCopy(dir, id);
    try {
      expect(loadContent(copy).problems.filter((p) => p.severity === 'error')).toEqual([]);
    } finally {
      removeCopy(copy);
    }
  });

  it('writes no date, address or index number the source does not give', () => {
    const written = squash(text);
    const report = parse(readFileSync(path.join(reportDir, 'report.yaml'), 'utf8')) as Record<string, unknown>;
    for (const key of ['writtenOn', 'indexNumber']) {
      const value = String(report[key]);
      if (value !== NOT_GIVEN) expect(written, key).toContain(squash(value.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/u, '$1')));
    }
    expect(String(report['publishedAt'])).not.toMatch(/00:00$/u);
    const url = String(report['sourceUrl']);
    expect(url === NOT_GIVEN || readSourceFile(source).includes(url), url).toBe(true);
    expect(readFileSync(path.join(reportDir, 'report.yaml'), 'utf8')).not.toMatch(/待补充|example\.invalid|2024-06-30/u);
  });
});
