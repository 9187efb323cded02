/**
 * Tables as an Excel workbook (.xlsx, Office Open XML SpreadsheetML), one sheet per table: a bold frozen
 * header row with a filter, numbers as numbers, text as shared strings, column widths that fit Chinese
 * text. Written by hand and zipped with fflate, so the file is byte-for-byte the same on every build:
 * the zip entries carry the report's publication time, never the time of the build.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { parseLocal } from './dates.ts';
import { escapeXml } from './xml.ts';
import type { Cell, Table } from './tables.ts';

export interface WorkbookProperties {
  title: string;
  creator: string;
  description?: string;
  keywords?: readonly string[];
  /** Local time written in content (2022-07-29 17:02): the zip entries' time. */
  modified: string;
  /** The same moment as an instant, for docProps (dcterms:created, always UTC). */
  modifiedInstant: Date;
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** Styles: 0 plain, 1 header (bold, shaded, wrapped), 2 wrapped text for long columns. */
const STYLE = { plain: 0, header: 1, wrap: 2 } as const;
/** Columns are never wider than this (characters); longer text wraps. */
const MAX_WIDTH = 60;

/** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    name = String.fromCharCode(65 + rest) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** Display width in Excel character units: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1;
  return width;
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(title: string): string {
  return title.replace(/[:\\/?*[\]]/g, '_').slice(0, 31);
}

class SharedStrings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  count = 0;
  add(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }
}

function textElement(text: string): string {
  const preserve = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `<t${preserve}>${escapeXml(text)}</t>`;
}

function sheetXml(table: Table, sheetIndex: number, strings: SharedStrings): string {
  const widths = table.columns.map((c) => displayWidth(c));
  for (const row of table.rows) {
    row.forEach((cell, i) => {
      if (cell !== undefined) widths[i] = Math.max(widths[i] ?? 0, displayWidth(String(cell)));
    });
  }
  const wrapped = widths.map((w) => w > MAX_WIDTH);
  const cols = widths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.min(Math.max(w, 6), MAX_WIDTH) + 2}" customWidth="1"/>`)
    .join('');

  const cellXml = (cell: Cell, ref: string, style: number): string => {
    const s = style ? ` s="${style}"` : '';
    if (cell === undefined || cell === '') return '';
    if (typeof cell === 'number') return Number.isFinite(cell) ? `<c r="${ref}"${s}><v>${cell}</v></c>` : '';
    return `<c r="${ref}"${s} t="s"><v>${strings.add(cell)}</v></c>`;
  };
  const rowXml = (cells: readonly Cell[], r: number, header: boolean) =>
    `<row r="${r}">${cells.map((cell, i) => cellXml(cell, `${columnName(i)}${r}`, header ? STYLE.header : wrapped[i] ? STYLE.wrap : STYLE.plain)).join('')}</row>`;

  const last = `${columnName(Math.max(table.columns.length - 1, 0))}${table.rows.length + 1}`;
  return (
    XML +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="A1:${last}"/>` +
    `<sheetViews><sheetView workbookViewId="0"${sheetIndex === 0 ? ' tabSelected="1"' : ''}>` +
    `<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    `<cols>${cols}</cols>` +
    `<sheetData>${[rowXml(table.columns, 1, true), ...table.rows.map((row, i) => rowXml(row, i + 2, false))].join('')}</sheetData>` +
    `<autoFilter ref="A1:${last}"/>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `</worksheet>`
  );
}

const STYLES =
  XML +
  `<styleSheet xmlns="${NS_MAIN}">` +
  `<fonts count="2"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>` +
  `<font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>` +
  `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
  `<fill><patternFill patternType="solid"><fgColor rgb="FFE7EEF6"/><bgColor indexed="64"/></patternFill></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="3">` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>` +
  `<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
  `</cellXfs>` +
  `<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>` +
  `</styleSheet>`;

/** The workbook's bytes. */
export function toXlsx(tables: readonly Table[], props: WorkbookProperties): Uint8Array<ArrayBuffer> {
  const strings = new SharedStrings();
  const names = tables.map((t) => sheetName(t.title));
  const sheets = tables.map((table, i) => sheetXml(table, i, strings));

  const contentTypes =
    XML +
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
    `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
    `</Types>`;

  const rootRels =
    XML +
    `<Relationships xmlns="${NS_PKG_REL}">` +
    `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
    `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
    `<Relationship Id="rId3" Type="${NS_REL}/extended-properties" Target="docProps/app.xml"/>` +
    `</Relationships>`;

  const created = props.modifiedInstant.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core =
    XML +
    `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${escapeXml(props.title)}</dc:title>` +
    `<dc:creator>${escapeXml(props.creator)}</dc:creator>` +
    (props.description ? `<dc:description>${escapeXml(props.description)}</dc:description>` : '') +
    (props.keywords?.length ? `<cp:keywords>${escapeXml(props.keywords.join(','))}</cp:keywords>` : '') +
    `<dc:language>zh-CN</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified>` +
    `</cp:coreProperties>`;

  const app =
    XML +
    `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<Application>report-microsite</Application>` +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>${names.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${names.length}" baseType="lpstr">${names.map((n) => `<vt:lpstr>${escapeXml(n)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>` +
    `</Properties>`;

  const workbook =
    XML +
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<bookViews><workbookView activeTab="0"/></bookViews>` +
    `<sheets>${names.map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>` +
    `<definedNames>${tables
      .map((t, i) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${escapeXml(names[i]!.replace(/'/g, "''"))}'!$A$1:$${columnName(Math.max(t.columns.length - 1, 0))}$${t.rows.length + 1}</definedName>`)
      .join('')}</definedNames>` +
    `</workbook>`;

  const workbookRels =
    XML +
    `<Relationships xmlns="${NS_PKG_REL}">` +
    sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
    `<Relationship Id="rId${sheets.length + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${sheets.length + 2}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>` +
    `</Relationships>`;

  const sharedStrings =
    XML +
    `<sst xmlns="${NS_MAIN}" count="${strings.count}" uniqueCount="${strings.list.length}">` +
    strings.list.map((s) => `<si>${textElement(s)}</si>`).join('') +
    `</sst>`;

  const files: Zippable = {
    '[Content_Types].xml': strToU8(contentTypes),
    '_rels/.rels': strToU8(rootRels),
    'docProps/core.xml': strToU8(core),
    'docProps/app.xml': strToU8(app),
    'xl/workbook.xml': strToU8(workbook),
    'xl/_rels/workbook.xml.rels': strToU8(workbookRels),
    'xl/styles.xml': strToU8(STYLES),
    'xl/sharedStrings.xml': strToU8(sharedStrings),
  };
  sheets.forEach((xml, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml);
  });
  return zipSync(files, { level: 9, mtime: localDate(props.modified) });
}

/** A Date whose local fields are the content's local time, so the zip's DOS time is the same in every time zone. */
function localDate(local: string): Date {
  const t = parseLocal(local);
  return new Date(t.year, t.month - 1, t.day, t.hour, t.minute);
}
