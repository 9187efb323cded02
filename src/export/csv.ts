/**
 * A table as CSV the way Excel and WPS open Chinese text correctly: UTF-8 with a byte-order mark,
 * RFC 4180 (comma separated, CRLF line ends, fields with a comma, quote or line break in double quotes,
 * quotes doubled). Numbers are written as JavaScript writes them: 4.91, 12339, -3.2.
 */
import type { Cell, Table } from './tables.ts';

export const UTF8_BOM = '\uFEFF';

export function csvField(cell: Cell): string {
  if (cell === undefined) return '';
  const text = typeof cell === 'number' ? String(cell) : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsvText(table: Pick<Table, 'columns' | 'rows'>): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvField).join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

export function toCsv(table: Pick<Table, 'columns' | 'rows'>): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(toCsvText(table));
}
