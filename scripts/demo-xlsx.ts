/**
 * Writes the demo company's registers as a plain .xlsx for the real-Excel checklist
 * (docs/excel-acceptance.md): each register on its own sheet, no tables, no validation, so set-up in
 * real Excel adopts them as it would a union's existing workbook.
 * Usage: npm run demo:xlsx [-- out.xlsx [today]]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { plainDemoWorkbook } from '../addin/preview/plain';
import { simulatedWorkbookToXlsx } from '../addin/simulator/xlsx';

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'dist/demo-registers.xlsx');
  const today = process.argv[3] ?? new Date().toISOString().slice(0, 10);
  const wb = await plainDemoWorkbook(today);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, Buffer.from(await simulatedWorkbookToXlsx(wb)));
  console.log(`wrote ${out}: the demo company's registers as plain sheets, as of ${today}`);
}

void main();
