import { columnLetter } from '../excel/columns';
import { asExcelStores } from '../demo/raw';
import { createSimulatedWorkbook, type SimulatedWorkbook } from '../simulator';
import { appealRegister, INPUT_REGISTERS } from '../../shared';
import { demoWorkbook } from './demo';

/** Headers written with stray spaces around them, as headers pasted from elsewhere often are. */
const PADDED = new Set<string>(
  appealRegister.fields.filter((f) => f.key === 'id' || f.key === 'receivedOn').map((f) => f.header),
);

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
      const formats = raw.header.map((h) => {
        const type = register.fields.find((f) => f.header === h)?.type;
        return type === 'date' ? 'yyyy-mm-dd' : type === 'number' ? 'General' : '@';
      });
      sheet.getRange(`A1:${last}1`).values = [
        raw.header.map((h) => (PADDED.has(String(h)) ? ` ${String(h)} ` : h)),
      ];
      if (rows.length) {
        // Formats first, so text typed into a text column stays text; one range for the whole body.
        const body = sheet.getRange(`A2:${last}${rows.length + 1}`);
        body.numberFormat = rows.map(() => formats);
        body.values = rows;
      }
    });
    await context.sync();
  });
  return wb;
}
