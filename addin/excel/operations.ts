import {
  calendarRegister,
  categoryDepartmentRegister,
  departmentHeadRegister,
  checkWorkbook,
  mapHeaders,
  registerByKey,
  SETTING_ITEMS,
  settingsRegister,
  valueListRegister,
  type WorkbookCheck,
} from '../../shared';
import { buildDocument, buildPoster, DOCUMENTS, type DocumentKind, type DocumentResult } from '../documents';
import { createIntakeOperations } from '../intake/operations';
import type {
  DocumentOperations,
  DocumentOutcome,
  PaneOperations,
  ProgressReport,
  SettingsData,
} from '../taskpane/operations';
import { buildLedgers } from './build';
import { declaredExcelApiOnly, type IsSetSupported } from './capabilities';
import { checkWorkbookInExcel, coreInput } from './check';
import type { ExcelRun } from './context';
import type { CreateWorkbook } from './managementCopy';
import { printDocument } from './print';
import { readRegisters, type RegisterOnSheet } from './read';
import {
  appendRecords,
  locateTables,
  queueAppend,
  replaceRecords,
  textOfCell,
  writeValueLists,
  updateRecord,
  type FormRecord,
  type LocatedTable,
} from './records';
import { readSelectedRecord, selectAddress } from './selection';
import { setUpWorkbook } from './setup';
import { turnTopicsIntoAppeals } from './topicAppeals';
import { importTopicBook } from './topicBookImport';

/** How the operations reach what lies beyond one workbook. */
export interface ExcelOperationsOptions {
  /** Opens an .xlsx as a new workbook (Excel.createWorkbook in Excel); without it there is no management copy. */
  readonly createWorkbook?: CreateWorkbook;
  /**
   * Which requirement sets the Excel behind `run` has beyond the manifest's (Office's
   * isSetSupported in Excel, the simulator's in the preview); without it, only the declared set.
   */
  readonly isSetSupported?: IsSetSupported;
}

/** The task pane's operations over a workbook reached through `run` (Excel.run, or the simulator's). */
export function createExcelOperations(run: ExcelRun, options: ExcelOperationsOptions = {}): PaneOperations {
  const { createWorkbook, isSetSupported = declaredExcelApiOnly } = options;
  return {
    setUpWorkbook: (progress) => setUpWorkbook(run, progress),
    readWorkbook: (today) =>
      run(async (context) => {
        const sheets = context.workbook.worksheets.load('items/name');
        const read = await readRegisters(context);
        return { check: checkWorkbook(coreInput(read), { today }), sheets: sheets.items.map((s) => s.name) };
      }),
    readSettings: () =>
      run(async (context) =>
        settingsFrom(
          await readRegisters(context, [
            settingsRegister,
            valueListRegister,
            categoryDepartmentRegister,
            departmentHeadRegister,
            calendarRegister,
          ]),
        ),
      ),
    saveSettingItems: (values) => writeSettingItems(run, values),
    saveValueLists: async (lists) => void (await writeValueLists(run, lists)),
    saveCategoryDepartments: (rows) => replaceRecords(run, categoryDepartmentRegister, rows),
    saveDepartmentHeads: (rows) => replaceRecords(run, departmentHeadRegister, rows),
    saveCalendarDays: (rows) => replaceRecords(run, calendarRegister, rows),
    appendRecords: (batches) =>
      appendRecords(
        run,
        batches.map((b) => ({ register: registerByKey(b.register), records: b.records })),
      ),
    updateRecord: (register, row, changes, expected) =>
      updateRecord(run, registerByKey(register), row, changes, expected),
    readSelection: () => readSelectedRecord(run),
    watchSelection: (onChange) => watchSelection(run, onChange),
    checkWorkbook: (today, progress) => checkWorkbookInExcel(run, { today, progress }),
    selectCell: (address) => selectAddress(run, address),
    buildLedgers: (period, progress) => buildLedgers(run, { ...period, progress, isSetSupported }),
    documents: documentOperations(run, isSetSupported),
    topicsToAppeals: (topics, category, receivedOn) =>
      turnTopicsIntoAppeals(run, { topics, category, receivedOn }),
    // The topic book's module carries exceljs: loaded only when a clerk exports or imports a book.
    importTopicBook: async (bytes, fileName, today) => {
      const { readTopicBookXlsx } = await import('./topicBookFile');
      return importTopicBook(run, await readTopicBookXlsx(bytes, fileName), { today });
    },
    ...(createWorkbook && {
      exportTopicBook: async (workshop, issuedOn, progress) => {
        const { exportTopicBook } = await import('./topicBookFile');
        return exportTopicBook(run, { workshop, issuedOn, createWorkbook, progress });
      },
      makeManagementCopy: async (period, progress) => {
        // exceljs is large: its chunk loads only when a clerk makes a copy.
        const { makeManagementCopy } = await import('./managementCopy');
        const report = await makeManagementCopy(run, { ...period, createWorkbook, progress });
        return { sheets: report.sheets.map((s) => s.name), opened: true };
      },
    }),
    intake: createIntakeOperations(run),
  };
}

/** The printable documents: built from the core's reading of the workbook, printed to their own sheet. */
function documentOperations(run: ExcelRun, isSetSupported: IsSetSupported): DocumentOperations {
  const print = async (
    issuedOn: string,
    build: (check: WorkbookCheck) => DocumentResult,
    progress: ProgressReport,
  ): Promise<DocumentOutcome> => {
    progress(0, 3, '读取登记表');
    const check = await run(async (context) =>
      checkWorkbook(coreInput(await readRegisters(context)), { today: issuedOn }),
    );
    progress(1, 3, '生成文书');
    const result = build(check);
    if (result.status === 'questions') return { status: 'questions', questions: result.questions };
    if (result.status === 'blocked') return { status: 'blocked', reason: result.reason };
    progress(2, 3, '写入工作表并设置打印格式');
    const report = await printDocument(run, result.document, isSetSupported);
    progress(3, 3, '完成');
    return {
      status: 'printed',
      sheet: report.sheet,
      missing: report.missing.map((m) => ({ what: m.what, where: m.where })),
    };
  };
  return {
    kinds: Object.keys(DOCUMENTS) as DocumentKind[],
    poster: (request, answers, progress) =>
      print(request.issuedOn, (check) => buildPoster(check, request, answers), progress),
    generate: (request, answers, progress) =>
      print(request.issuedOn, (check) => buildDocument(check, request, answers), progress),
  };
}

/** A register's rows as form records, cells shown as a form shows them. */
function recordsOf(on: RegisterOnSheet | undefined): FormRecord[] {
  if (!on) return [];
  const map = mapHeaders(on.register, on.raw.header);
  return on.raw.rows
    .map((row) =>
      Object.fromEntries(
        on.register.fields.map((f) => [f.key, textOfCell(f, row[map.columnOf.get(f.key) ?? -1])]),
      ),
    )
    .filter((r) => Object.values(r).some((v) => v.trim() !== ''));
}

function settingsFrom(read: Awaited<ReturnType<typeof readRegisters>>): SettingsData {
  const items = Object.fromEntries(recordsOf(read.settings).map((r) => [r.item ?? '', r.value ?? '']));
  const lists = recordsOf(read.valueLists);
  const valueLists = Object.fromEntries(
    valueListRegister.fields.map((f) => [f.key, lists.map((r) => r[f.key] ?? '').filter((v) => v.trim())]),
  );
  return {
    items,
    valueLists,
    categoryDepartments: recordsOf(read.categoryDepartments),
    departmentHeads: recordsOf(read.departmentHeads),
    calendarDays: recordsOf(read.calendarDays),
  };
}

/** Writes the 值 cells of the given 设置项 and appends the items the sheet lacks, in one request. */
async function writeSettingItems(run: ExcelRun, values: Readonly<Record<string, string>>): Promise<void> {
  await run(async (context) => {
    const [located] = await locateTables(context, [settingsRegister], true);
    const at = located as LocatedTable;
    const itemAt = at.columnOf.get('item') ?? 0;
    const valueAt = at.columnOf.get('value') ?? 1;
    const missing: FormRecord[] = [];
    for (const [label, value] of Object.entries(values)) {
      const index = at.body.findIndex((row) => String(row[itemAt] ?? '').trim() === label);
      if (index >= 0)
        at.sheet.getRangeByIndexes(at.headerRow + 1 + index, at.firstColumn + valueAt, 1, 1).values = [
          [value],
        ];
      else
        missing.push({ item: label, value, note: SETTING_ITEMS.find((s) => s.label === label)?.note ?? '' });
    }
    if (missing.length) queueAppend(at, missing);
    await context.sync();
  });
}

/**
 * Watches the selection through Excel's event (ExcelApi 1.2). The simulator has no events: there
 * the pane reads the selection when asked.
 */
async function watchSelection(run: ExcelRun, onChange: () => void): Promise<() => Promise<void>> {
  return run(async (context) => {
    const events = (context.workbook as Partial<Excel.Workbook>).onSelectionChanged;
    if (!events) return async () => undefined;
    const handler = events.add(async () => onChange());
    await context.sync();
    return async () => {
      await Excel.run(handler.context, async (ctx) => {
        handler.remove();
        await ctx.sync();
      });
    };
  });
}
