import {
  checkWorkbook,
  isBlank,
  mapHeaders,
  say,
  type CellProblem,
  type WorkbookCheck,
  type WorkbookInput,
} from '../../shared';
import { columnLetter, qualified } from './columns';
import { noProgress, type ExcelRun, type Progress } from './context';
import { applyMarks } from './marks';
import { readRegisters, type RegistersOnSheets } from './read';

/** A problem with the cell it belongs to, so the pane can select it. */
export interface AddressedProblem extends CellProblem {
  /** Sheet-qualified A1 address, e.g. '职工诉求记录表'!D5. */
  readonly address: string;
}

/** What a check of the workbook found. */
export interface ExcelCheckReport {
  readonly problems: readonly AddressedProblem[];
  readonly errors: number;
  readonly warnings: number;
  readonly marked: number;
  readonly cleared: number;
  /** The core's reading of the workbook, for the pane (states, deadlines, figures). */
  readonly result: WorkbookCheck;
}

/** Turns the registers read from Excel into the core's input. */
export const coreInput = (read: RegistersOnSheets): WorkbookInput =>
  Object.fromEntries(Object.entries(read).map(([k, r]) => [k, r.raw])) as WorkbookInput;

/** Gives each problem the address of its cell on the sheet where the register really is. */
export function addressProblems(
  problems: readonly CellProblem[],
  read: RegistersOnSheets,
): AddressedProblem[] {
  const bySheet = new Map(Object.values(read).map((r) => [r.register.sheet, r]));
  const columns = new Map(
    Object.values(read).map((r) => [r.register.key, mapHeaders(r.register, r.raw.header).columnOf]),
  );
  return problems.map((p) => {
    const on = bySheet.get(p.sheet);
    if (!on) return { ...p, address: p.sheet };
    const index = columns.get(on.register.key)?.get(p.column);
    const column = columnLetter(on.firstColumn + (index ?? 0));
    const row = p.row > 0 ? p.row : on.headerRow + 1;
    return { ...p, sheet: on.sheet, address: qualified(on.sheet, `${column}${row}`) };
  });
}

/**
 * Dates kept as text (pasted from elsewhere) read fine in the core, but Excel's own formulas
 * cannot count them: warn so the clerk converts them and the live summary stays right.
 */
export function textDateWarnings(read: RegistersOnSheets): CellProblem[] {
  const out: CellProblem[] = [];
  for (const r of Object.values(read)) {
    const map = mapHeaders(r.register, r.raw.header);
    for (const f of r.register.fields) {
      const index = map.columnOf.get(f.key);
      if (f.type !== 'date' || index === undefined) continue;
      r.raw.rows.forEach((cells, i) => {
        const raw = cells[index];
        if (typeof raw === 'string' && !isBlank(raw)) {
          out.push({
            sheet: r.register.sheet,
            row: r.raw.firstRow + i,
            column: f.key,
            header: map.headerOf.get(f.key) ?? f.header,
            raw,
            severity: 'warning',
            code: 'date-as-text',
            message: say(
              `“${f.header}”是文本形式的日期，汇总公式无法统计，请重新输入为日期`,
              `${f.key} holds a date as text, which the summary formulas cannot count; retype it as a date`,
            ),
          });
        }
      });
    }
  }
  return out;
}

/**
 * Checks the whole workbook with the core's rules and marks the cells with errors (clearing marks
 * that are fixed). Never changes a value. Excel's own validation does not fire on paste: this is
 * the real gate.
 */
export async function checkWorkbookInExcel(
  run: ExcelRun,
  options: { today: string; progress?: Progress },
): Promise<ExcelCheckReport> {
  const progress = options.progress ?? noProgress;
  return run(async (context) => {
    progress(0, 3, '读取登记表');
    const read = await readRegisters(context);
    progress(1, 3, '核对数据');
    const result = checkWorkbook(coreInput(read), { today: options.today });
    const problems = addressProblems([...result.problems, ...textDateWarnings(read)], read);
    progress(2, 3, '标记问题单元格');
    const errorCells = [
      ...new Set(problems.filter((p) => p.severity === 'error' && p.row > 0).map((p) => p.address)),
    ];
    const { marked, cleared } = await applyMarks(context, errorCells);
    progress(3, 3, '完成');
    const errors = problems.filter((p) => p.severity === 'error').length;
    return { problems, errors, warnings: problems.length - errors, marked, cleared, result };
  });
}
