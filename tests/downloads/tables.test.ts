/**
 * The data files, made by the shared module and opened the way a reader's software opens them: CSV
 * bytes parsed as RFC 4180 after the BOM, the workbook read with read-excel-file, the JSON parsed. Every
 * value is compared with the content as loaded, value for value and as written.
 */
import path from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadContent, type Report } from '../../src/model/load.ts';
import { flattenNarrative } from '../../src/model/narrative.ts';
import { csvField, toCsvText } from '../../src/export/csv.ts';
import { reportDownloads, reportJson, formatSize } from '../../src/export/downloads.ts';
import { COLUMNS, reportTables, TABLE_TITLES, type Cell, type Table } from '../../src/export/tables.ts';
import { FIGURE_KINDS, reportFigures } from '../../src/view/report.ts';
import { columnName } from '../../src/export/xlsx.ts';
import { parseCsv } from '../support/csv.ts';

const { content } = loadContent(path.resolve('content'));
if (!content) throw new Error('content/ does not load');
const ctx = { publicUrl: content.site.publicUrl, base: '/', utcOffset: content.site.utcOffset };

const asText = (cell: Cell) => (cell === undefined ? '' : String(cell));
const column = (table: Table, header: string) => {
  const i = table.columns.indexOf(header);
  if (i < 0) throw new Error(`no column ${header} in ${table.id}`);
  return (row: Cell[]) => row[i];
};

describe.each(content.reports.map((r) => [r.id, r] as [string, Report]))('data files of %s', (_, report) => {
  const tables = reportTables(report, ctx);
  const byId = Object.fromEntries(tables.map((t) => [t.id, t])) as Record<Table['id'], Table>;
  const downloads = reportDownloads(report, ctx);
  const file = (name: string) => {
    const d = downloads.find((x) => x.file === name);
    if (!d) throw new Error(`no download ${name}`);
    return d;
  };

  it('offers JSON, one workbook and a CSV per table, named after the report', () => {
    expect(downloads.map((d) => d.file)).toEqual([
      `${report.id}.json`,
      `${report.id}.xlsx`,
      ...tables.map((t) => `${report.id}-${t.id}.csv`),
    ]);
    expect(tables.map((t) => t.title)).toEqual(Object.values(TABLE_TITLES));
  });

  it('has a row for every figure, values as written in separate columns', () => {
    const table = byId.indicators;
    const figures = reportFigures(report);
    expect(table.rows).toHaveLength(figures.length);
    expect(figures.length).toBe(report.indicators.length + report.figures.length + report.projects.reduce((n, p) => n + p.figures.length, 0));
    const get = (h: string) => column(table, h);
    figures.forEach(({ kind, figure: f }, i) => {
      const row = table.rows[i]!;
      expect(get(COLUMNS.kind)(row)).toBe(FIGURE_KINDS[kind]);
      expect(get(COLUMNS.id)(row)).toBe(f.id);
      expect(get(COLUMNS.name)(row)).toBe(f.name);
      expect(get(COLUMNS.period)(row)).toBe(f.period);
      expect(get(COLUMNS.value)(row)).toBe(f.value);
      expect(get(COLUMNS.unit)(row)).toBe(f.unit);
      expect(get(COLUMNS.bound)(row)).toBe(f.bound);
      expect(get(COLUMNS.impliedUnit)(row)).toBe(f.impliedUnit);
      expect(get(COLUMNS.growthValue)(row)).toBe(f.growth?.value);
      expect(get(COLUMNS.growthUnit)(row)).toBe(f.growth?.unit);
      expect(get(COLUMNS.growthKind)(row)).toBe(f.growth?.kind);
      expect(get(COLUMNS.rankPosition)(row)).toBe(f.rank?.position);
      expect(get(COLUMNS.rankScope)(row)).toBe(f.rank?.scope);
      expect(get(COLUMNS.rankOf)(row)).toBe(f.rank?.of);
      expect(get(COLUMNS.rankWritten)(row)).toBe(f.rank?.written);
      expect(get(COLUMNS.quote)(row)).toBe(f.quote);
      expect(get(COLUMNS.point)(row)).toBe(f.point);
    });
  });

  it('keeps the cases that are easy to get wrong as the report wrote them', () => {
    const get = (id: string, h: string) => column(byId.indicators, h)(byId.indicators.rows.find((r) => r[1] === id)!);
    // 2.48亿 with 元 left out: unit as written, the implied unit beside it.
    const implied = report.indicators.find((f) => f.impliedUnit);
    if (implied) {
      expect(get(implied.id, COLUMNS.unit)).toBe(implied.unit);
      expect(get(implied.id, COLUMNS.impliedUnit)).toBe(implied.impliedUnit);
    }
    // A rate and a rank but no value.
    const noValue = report.indicators.find((f) => f.value === undefined);
    if (noValue) expect(get(noValue.id, COLUMNS.value)).toBeUndefined();
    // 500余人次: a lower bound, the marker in its own column and the number still a number.
    const bounded = [...report.figures, ...report.projects.flatMap((p) => p.figures)].find((f) => f.bound);
    if (bounded) {
      expect(get(bounded.id, COLUMNS.bound)).toBe(bounded.bound);
      expect(typeof get(bounded.id, COLUMNS.value)).toBe('number');
    }
    // 全市 is 乐清市: the scope as written and what it means.
    const ranked = report.indicators.find((f) => f.rank);
    if (ranked) expect(get(ranked.id, COLUMNS.rankScopeMeans)).toBe(report.town.scopes[ranked.rank!.scope]);
  });

  it('locates every row in the text: section number, heading, and a link to the page', () => {
    const nodes = new Map(flattenNarrative(report.narrative).map((n) => [n.id, n]));
    for (const table of tables) {
      const point = column(table, COLUMNS.point);
      const heading = column(table, COLUMNS.heading);
      const link = column(table, COLUMNS.link);
      for (const row of table.rows) {
        const node = nodes.get(point(row) as string);
        expect(node, `${table.id}: ${String(point(row))}`).toBeDefined();
        expect(String(heading(row))).toMatch(new RegExp(`${node!.heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
        expect(String(link(row))).toMatch(new RegExp(`^${content.site.publicUrl}reports/${report.id}/part-\\d+/#${node!.id}$`));
      }
    }
  });

  it('has projects with their progress, milestones and plan items with targets', () => {
    const projects = byId.projects;
    expect(projects.rows.map((r) => r[0])).toEqual(report.projects.map((p) => p.id));
    report.projects.forEach((p, i) => {
      const row = projects.rows[i]!;
      expect(column(projects, COLUMNS.doneValue)(row)).toBe(p.progress?.done?.value);
      expect(column(projects, COLUMNS.totalValue)(row)).toBe(p.progress?.total?.value);
      // The stated rate, never one computed from done/total (817/872 is not 97.19%).
      expect(column(projects, COLUMNS.rate)(row)).toBe(p.progress?.rate);
      expect(column(projects, COLUMNS.quote)(row)).toBe(p.quote);
    });
    expect(byId.milestones.rows.map((r) => [r[0], r[2]])).toEqual(report.projects.flatMap((p) => p.milestones.map((m) => [p.id, m.text])));
    const plan = byId.plan;
    expect(plan.rows.map((r) => r[0])).toEqual(report.plan.map((p) => p.id));
    report.plan.forEach((item, i) => {
      const row = plan.rows[i]!;
      expect(column(plan, COLUMNS.text)(row)).toBe(item.text);
      if (item.targets.length === 1) {
        expect(column(plan, COLUMNS.target)(row)).toBe(item.targets[0]!.text);
        expect(column(plan, COLUMNS.targetValue)(row)).toBe(item.targets[0]!.value);
        expect(column(plan, COLUMNS.targetUnit)(row)).toBe(item.targets[0]!.unit);
      }
      if (item.targets.length === 0) expect(column(plan, COLUMNS.target)(row)).toBeUndefined();
    });
  });

  it('writes each CSV as UTF-8 with a BOM, RFC 4180, the same rows as the table', () => {
    for (const table of tables) {
      const bytes = file(`${report.id}-${table.id}.csv`).bytes;
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);
      const rows = parseCsv(text.slice(1));
      expect(rows[0]).toEqual([...table.columns]);
      expect(rows.slice(1)).toEqual(table.rows.map((r) => table.columns.map((_, i) => asText(r[i]))));
    }
  });

  it('writes a workbook with one sheet per table that a spreadsheet reader opens with the same cells', async () => {
    const bytes = file(`${report.id}.xlsx`).bytes;
    const sheets = await readXlsxFile(Buffer.from(bytes));
    expect(sheets.map((s) => s.sheet)).toEqual(tables.map((t) => t.title));
    sheets.forEach((sheet, i) => {
      const table = tables[i]!;
      const width = table.columns.length;
      const pad = (row: readonly unknown[]) => Array.from({ length: width }, (_, j) => row[j] ?? null);
      expect(sheet.data.map(pad)).toEqual([[...table.columns], ...table.rows.map((r) => pad(r.map((c) => (c === '' ? undefined : c))))]);
    });
    // Numbers stay numbers: 4.91 is a number cell, not the text "4.91".
    const firstValue = tables[0]!.rows.find((r) => typeof r[5] === 'number');
    if (firstValue) expect(sheets[0]!.data.some((r) => r[5] === firstValue[5])).toBe(true);
  });

  it('writes the workbook the same, byte for byte, on every build, dated by the report', () => {
    const again = reportDownloads(structuredClone(report), ctx).find((d) => d.format === 'XLSX')!.bytes;
    expect(Buffer.from(again).equals(Buffer.from(file(`${report.id}.xlsx`).bytes))).toBe(true);
    const files = unzipSync(again);
    expect(Object.keys(files)[0]).toBe('[Content_Types].xml');
    const core = strFromU8(files['docProps/core.xml']!);
    expect(core).toContain(`<dc:title>${report.meta.title}</dc:title>`);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('state="frozen"');
    expect(sheet).toContain(`<autoFilter ref="A1:${columnName(tables[0]!.columns.length - 1)}${tables[0]!.rows.length + 1}"/>`);
  });

  it('writes the whole report as loaded in the JSON file', () => {
    const json = JSON.parse(new TextDecoder().decode(file(`${report.id}.json`).bytes));
    expect(json).toEqual(JSON.parse(JSON.stringify(reportJson(report, ctx))));
    for (const key of ['meta', 'town', 'narrative', 'indicators', 'figures', 'projects', 'plan', 'charts'] as const) expect(json).toHaveProperty(key);
    for (const [key, value] of Object.entries(report)) expect(json[key], key).toEqual(JSON.parse(JSON.stringify(value)));
    expect(json.url).toBe(`${content.site.publicUrl}reports/${report.id}/`);
  });
});

describe('CSV fields', () => {
  it('quotes commas, quotes and line breaks, doubles quotes, leaves the rest bare', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField('一\r\n二')).toBe('"一\r\n二"');
    expect(csvField('规上工业产值')).toBe('规上工业产值');
    expect(csvField(-3.2)).toBe('-3.2');
    expect(csvField(undefined)).toBe('');
    const text = toCsvText({ columns: ['名称', '说明'], rows: [['甲,乙', '他说"好"\n换行'], [1, undefined]] });
    expect(parseCsv(text.slice(1))).toEqual([['名称', '说明'], ['甲,乙', '他说"好"\n换行'], ['1', '']]);
  });

  it('neutralises text that a spreadsheet would run as a formula, and leaves numbers alone (OWASP CSV injection)', () => {
    for (const hostile of ['=HYPERLINK("http://evil.example/","点我")', '+1+2', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(parseCsv(`${csvField(hostile)}\r\n`)).toEqual([[`'${hostile}`]]);
    }
    expect(csvField('-3.2')).toBe(`"'-3.2"`);
    expect(csvField(-3.2)).toBe('-3.2');
    expect(csvField('规上工业产值增长-3.2%')).toBe('规上工业产值增长-3.2%');
  });

  it('writes a hostile name into every download as text, never as a formula', () => {
    const report = structuredClone(content.reports[0]!);
    const figure = report.indicators[0]!;
    figure.name = '=HYPERLINK("http://evil.example/","点我")';
    figure.growth = { value: -3.2, unit: '%' };
    const downloads = reportDownloads(report, { ...ctx, base: '/hostile/' });
    const csv = downloads.find((d) => d.file.endsWith('-indicators.csv'))!;
    const rows = parseCsv(new TextDecoder().decode(csv.bytes).slice(1));
    const row = rows.find((r) => r[1] === figure.id)!;
    expect(row[2]).toBe(`'${figure.name}`);
    const growthColumn = rows[0]!.indexOf('增速数值');
    expect(row[growthColumn]).toBe('-3.2');
    // The workbook stores text as shared strings: a cell is a formula only with <f>, which it never writes.
    const files = unzipSync(downloads.find((d) => d.format === 'XLSX')!.bytes);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).not.toContain('<f>');
    expect(strFromU8(files['xl/sharedStrings.xml']!)).toContain('<t>=HYPERLINK(&quot;http://evil.example/&quot;,&quot;点我&quot;)</t>');
    expect(sheet).toMatch(new RegExp(`<c r="${String.fromCharCode(65 + growthColumn)}2"[^>]*><v>-3.2</v></c>`));
  });

  it('sizes read as file managers show them', () => {
    expect(formatSize(812)).toBe('812字节');
    expect(formatSize(9933)).toBe('9.7 KB');
    expect(formatSize(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
