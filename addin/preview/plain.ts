import { columnLetter } from '../excel/columns';
import { asExcelStores } from '../demo/raw';
import { createSimulatedWorkbook, type SimulatedWorkbook } from '../simulator';
import { INPUT_REGISTERS } from '../../shared';
import { demoWorkbook } from './demo';

/** Headers written with stray spaces around them, as headers pasted from elsewhere often are. */
const PADDED = new Set(['编号', '受理时间']);

/**
 * The demo company's registers as a union's own workbook before Xieshang: each register on its own
 * sheet as a plain range (no table, no validation), dates formatted as dates, text columns as text,
 * and a few headers with stray spaces. Set-up must adopt every sheet as it is; the real-Excel
 * checklist opens the same workbook as an .xlsx (npm run demo:xlsx).
 */
export async function plainDemoWorkbook(today: string): Promise<SimulatedWorkbook> {
  const input = asExcelStores(demoWorkbook(today).input);
  const wb = createSimulatedWorkbook();
  await wb.run(async (context) => {
    const sheets = context.workbook.worksheets;
    INPUT_REGISTERS.forEach((register, i) => {
      const raw = input[register.key];
      if (!raw) return;
      const sheet = i === 0 ? sheets.getItem('Sheet1') : sheets.add(register.sheet);
      if (i === 0) sheet.name = register.sheet;
      const width = raw.header.length;
      const last = columnLetter(width - 1);
      const rows = raw.rows.map((r) => [...r, ...new Array(Math.max(0, width - r.length)).fill('')]);
      raw.header.forEach((h, c) => {
        const field = register.fields.find((f) => f.header === h);
        const format = field?.type === 'date' ? 'yyyy-mm-dd' : field?.type === 'number' ? 'General' : '@';
        const column = columnLetter(c);
        if (rows.length)
          sheet.getRange(`${column}2:${column}${rows.length + 1}`).numberFormat = rows.map(() => [format]);
      });
      sheet.getRange(`A1:${last}1`).values = [
        raw.header.map((h) => (PADDED.has(String(h)) ? ` ${String(h)} ` : h)),
      ];
      if (rows.length) sheet.getRange(`A2:${last}${rows.length + 1}`).values = rows;
    });
    await context.sync();
  });
  return wb;
}
