import ExcelJS from 'exceljs';
import type { ReportTable } from './report-tables';

/**
 * CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read æøå, comma-separated,
 * keys as the header) and XLSX (one sheet per table, Danish / English titles as the header) of
 * report tables. Empty figures are empty cells. A cell that starts like a formula is quoted with
 * a leading apostrophe in CSV so a spreadsheet never evaluates it.
 */
function csvCell(value: string | number | null): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(table: ReportTable): string {
  const lines = [table.columns.map((c) => c.key).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c) => csvCell(row[c.key])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function toXlsx(tables: ReportTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kontakt';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.title.en);
    sheet.columns = table.columns.map((c) => ({ header: `${c.da} / ${c.en}`, key: c.key, width: Math.max(12, c.en.length + 2) }));
    for (const row of table.rows) sheet.addRow(row);
    sheet.getRow(1).font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
