import * as ExcelJsModule from 'exceljs';
import { checkWorkbook, say } from '../../shared';
import { buildManagementCopy, type ManagementCopy } from '../documents';
import { BuildRefused } from './build';
import { coreInput } from './check';
import { noProgress, type ExcelRun, type Progress } from './context';
import { readRegisters } from './read';

/** Opens an .xlsx given as base64 as a new workbook, with Excel.createWorkbook's shape; `fileName` names a download. */
export type CreateWorkbook = (base64: string, fileName?: string) => Promise<void>;

/** The real Excel.createWorkbook (ExcelApi 1.8), for the add-in running inside Excel. */
export const officeCreateWorkbook: CreateWorkbook = (base64) => Excel.createWorkbook(base64);

// Node hands a CommonJS package over as a default export; webpack's browser bundle as the namespace.
const ExcelJs: typeof ExcelJsModule =
  (ExcelJsModule as unknown as { default?: typeof ExcelJsModule }).default ?? ExcelJsModule;

const HEADER_FILL = 'FFDDEBF7';

/** The management copy as an .xlsx: one sheet per ledger or summary, header rows styled, the top frozen. */
export async function managementCopyXlsx(copy: ManagementCopy): Promise<Uint8Array> {
  const book = new ExcelJs.Workbook();
  book.creator = '协商 Xieshang';
  book.created = new Date(`${copy.asOf}T00:00:00Z`);
  for (const s of copy.sheets) {
    const sheet = book.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: s.freezeRows }] });
    sheet.columns = s.widths.map((width) => ({ width }));
    for (const row of s.rows) sheet.addRow([...row]);
    const title = sheet.getCell('A1');
    title.font = { bold: true, size: 14 };
    for (const index of s.headerRows) {
      const header = sheet.getRow(index + 1);
      header.font = { bold: true };
      header.alignment = { wrapText: true, vertical: 'middle' };
      header.eachCell((cell) => {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
      });
    }
  }
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as ArrayBuffer);
}

/** Base64 of bytes, in chunks (String.fromCharCode takes only so many arguments), browser and Node alike. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** What making the management copy produced. */
export interface ManagementCopyReport {
  readonly sheets: readonly { readonly name: string; readonly rows: number }[];
  readonly bytes: number;
}

/**
 * Makes the copy for management: reads the registers, builds the year's ledgers and summaries with
 * no appellant identity (names （已隐去）, phones removed, 匿名 kept, names and phones quoted in
 * text scrubbed), writes them as an .xlsx and opens it as a new workbook with `createWorkbook`.
 * The clerk's workbook is only read.
 */
export async function makeManagementCopy(
  run: ExcelRun,
  options: { year: number; asOf: string; createWorkbook: CreateWorkbook; progress?: Progress },
): Promise<ManagementCopyReport> {
  const progress = options.progress ?? noProgress;
  progress(0, 3, '读取登记表');
  const read = await run((context) => readRegisters(context));
  if (!read.appeals) {
    throw new BuildRefused(
      say(
        '工作簿中没有职工诉求记录表，请先“建立工作簿”',
        'the workbook has no appeal register; set the workbook up first',
      ),
    );
  }
  progress(1, 3, '生成隐去身份信息的台账');
  const check = checkWorkbook(coreInput(read), { today: options.asOf });
  const copy = buildManagementCopy(check, { year: options.year, asOf: options.asOf });
  const bytes = await managementCopyXlsx(copy);
  progress(2, 3, '打开管理层副本');
  await options.createWorkbook(toBase64(bytes));
  progress(3, 3, '完成');
  return { sheets: copy.sheets.map((s) => ({ name: s.name, rows: s.rows.length })), bytes: bytes.length };
}
