import { setUpWorkbook } from '../excel/setup';
import { previousQuarter, quarterOf } from '../../shared';
import { generateWorkbook, type GeneratedWorkbook } from '../demo/generate';
import { asExcelStores } from '../demo/raw';
import type { ObservedWorkbook } from './observed';
import { pasteRegisters } from './paste';

/** The demo company's workbook as of `today`: three workshops, 56 appeals of last quarter, four in each state. */
export function demoWorkbook(today: string): GeneratedWorkbook {
  const quarter = previousQuarter(quarterOf(today));
  return generateWorkbook({
    appeals: 56,
    seed: 2026,
    year: quarter.year,
    quarters: [quarter.quarter as 1],
    workshops: 3,
    today,
    spreadDays: 40,
  });
}

/**
 * Seeds the preview with the demo company: last quarter's appeals in every state of their life,
 * with meetings, agenda, tracking and surveys, as of `today`.
 */
export async function seedDemo(book: ObservedWorkbook, today: string): Promise<void> {
  await setUpWorkbook(book.run);
  await pasteRegisters(book.sim, asExcelStores(demoWorkbook(today).input));
  // Open where a clerk works most: the first appeal of the register.
  await book.run(async (context) => {
    const appeals = context.workbook.worksheets.getItem('职工诉求记录表');
    appeals.activate();
    appeals.getRange('A2').select();
    await context.sync();
  });
}
