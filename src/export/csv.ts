/**
 * A table as CSV the way Excel and WPS open Chinese text correctly: UTF-8 with a byte-order mark,
 * RFC 4180 (comma separated, CRLF line ends, fields with a comma, quote or line break in double quotes,
 * quotes doubled). Numbers are written as JavaScript writes them: 4.91, 12339, -3.2.
 *
 * A text cell that begins with = + - @, a tab or a carriage return would be read by Excel and WPS as
 * a formula (=HYPERLINK(…) becomes a live link, =cmd|… runs a program). As OWASP recommends, such a
 * cell gets a single quote in front, inside double quotes, so it opens as the text it is. Number cells
 * are never touched: -3.2 written from a number stays -3.2.
 */
import type { Cell, Table } from './tables.ts';

export const UTF8_BOM = '\uFEFF';

/** The first characters that make a spreadsheet read a text cell as a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(cell: Cell): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  if (FORMULA_START.test(cell)) return `"'${cell.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function toCsvText(table: Pick<Table, 'columns' | 'rows'>): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvField).join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

export function toCsv(table: Pick<Table, 'columns' | 'rows'>): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(toCsvText(table));
}
