/**
 * The “no duplicate 编号” validation formula, evaluated by LibreOffice as a cell formula: an ID a
 * clerk types may contain COUNTIF's wildcards (* ? ~) or start with an operator (< > =), and must
 * still count only itself.
 * https://support.microsoft.com/office/countif-function-e0de10c6-f885-4e71-abb4-1f464816df34
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { validationFor } from '../../addin/excel/rules';
import { appealRegister } from '../../shared';
import { findSoffice, recalculate } from './soffice';

const soffice = findSoffice();
if (!soffice && process.env['CI'] === 'true')
  throw new Error('LibreOffice is required under CI: apt-get install -y libreoffice-calc');

describe.skipIf(!soffice)('the unique-ID validation formula, recomputed by LibreOffice', () => {
  it('counts an ID with wildcards or a leading operator only once, and still finds a real duplicate', async () => {
    const id = appealRegister.fields.find((f) => f.key === 'id');
    const spec = validationFor(id as NonNullable<typeof id>, { column: 'A', firstRow: 2 });
    const rule = spec?.rule.custom?.formula ?? '';
    expect(rule).toMatch(/^=/);
    const ids = ['2026-0*', '2026-01', '2026-0?', '~2026', '<2026', '=2026', '2026-01'];
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Appeals');
    sheet.getCell('A1').value = '编号';
    ids.forEach((value, i) => {
      const row = i + 2;
      sheet.getCell(`A${row}`).value = value;
      // Excel shifts the validation formula down the column; the test does the same.
      sheet.getCell(`B${row}`).value = { formula: rule.slice(1).replace(/\$A2\b/g, `$A${row}`) };
    });
    const sheets = recalculate(soffice as string, (await book.xlsx.writeBuffer()) as ArrayBuffer);
    const verdicts = (sheets.get('Appeals') ?? []).slice(1, ids.length + 1).map((r) => r[1]);
    // Only the two real 2026-01 rows are duplicates.
    expect(verdicts).toEqual(['TRUE', 'FALSE', 'TRUE', 'TRUE', 'TRUE', 'TRUE', 'FALSE']);
  }, 120_000);
});
