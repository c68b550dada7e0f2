import ExcelJS from 'exceljs';
import { toCsv, toXlsx } from './table-files';
import type { ReportTable } from './report-tables';

const table: ReportTable = {
  name: 't', title: { da: 'Tabel', en: 'Table' },
  columns: [{ key: 'name', da: 'Navn', en: 'Name' }, { key: 'n', da: 'Antal', en: 'Count' }],
  rows: [{ name: 'Æble, "rødt"', n: 3 }, { name: '=HYPERLINK("x")', n: null }],
};

describe('table files', () => {
  it('writes CSV with a BOM, quoted commas and quotes, empty nulls and defused formulas', () => {
    expect(toCsv(table)).toBe('\uFEFFname,n\r\n"Æble, ""rødt""",3\r\n"\'=HYPERLINK(""x"")",\r\n');
  });

  it('writes XLSX that reads back to the same values', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx([table])) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Table')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('Antal / Count');
    expect(sheet.getRow(2).getCell(1).value).toBe('Æble, "rødt"');
    expect(sheet.getRow(2).getCell(2).value).toBe(3);
  });
});
