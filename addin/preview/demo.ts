import { setUpWorkbook } from '../excel/setup';
import { previousQuarter, quarterOf } from '../../shared';
import { generateWorkbook } from '../../test/fixtures/generate';
import { asExcelStores } from '../../test/fixtures/raw';
import type { ObservedWorkbook } from './observed';
import { pasteRegisters } from './paste';

/**
 * Seeds the preview with the demo company: three workshops and last quarter's appeals in every
 * state of their life, with meetings, agenda, tracking and surveys, as of `today`.
 */
export async function seedDemo(book: ObservedWorkbook, today: string): Promise<void> {
  await setUpWorkbook(book.run);
  const quarter = previousQuarter(quarterOf(today));
  const demo = generateWorkbook({
    appeals: 56,
    seed: 2026,
    year: quarter.year,
    quarters: [quarter.quarter as 1],
    workshops: 3,
    today,
    spreadDays: 40,
  });
  await pasteRegisters(book.sim, asExcelStores(demo.input));
  // Open where a clerk works most: the first appeal of the register.
  await book.run(async (context) => {
    context.workbook.worksheets.getItem('职工诉求记录表').getRange('A2').select();
    await context.sync();
  });
}
