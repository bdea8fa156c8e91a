import { valueListRegister, type ValueListKey, type ValueLists } from '../../shared';
import type { ExcelRun } from './context';
import { replaceRecords } from './records';

/**
 * Which phone submissions this workbook already holds, by receipt id → 编号, in the workbook's
 * settings: a pull that wrote the row but lost the cloud's confirmation (Excel closed, offline)
 * confirms it next time instead of writing the appeal twice. Receipt ids name no one.
 */
export const INTAKE_TAKEN_SETTING = 'xieshang.intakeTaken';

/** The receipts this workbook has written, receipt id → 编号. */
export function readIntakeTaken(run: ExcelRun): Promise<Map<string, string>> {
  return run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(INTAKE_TAKEN_SETTING).load('value');
    await context.sync();
    if (item.isNullObject) return new Map<string, string>();
    try {
      const parsed = JSON.parse(String(item.value)) as unknown;
      return new Map(
        Object.entries(parsed as Record<string, unknown>).filter(
          (e): e is [string, string] => typeof e[1] === 'string',
        ),
      );
    } catch {
      return new Map<string, string>();
    }
  });
}

/** Notes receipts as written (merged into what the setting holds). */
export function rememberIntakeTaken(run: ExcelRun, taken: ReadonlyMap<string, string>): Promise<void> {
  return run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(INTAKE_TAKEN_SETTING).load('value');
    await context.sync();
    let held: Record<string, string> = {};
    try {
      held = item.isNullObject ? {} : (JSON.parse(String(item.value)) as Record<string, string>);
    } catch {
      held = {};
    }
    context.workbook.settings.add(
      INTAKE_TAKEN_SETTING,
      JSON.stringify({ ...held, ...Object.fromEntries(taken) }),
    );
    await context.sync();
  });
}

/** Writes every value list back to 值列表, one column per list (the sheet's table is replaced). */
export function writeValueLists(run: ExcelRun, lists: Readonly<Partial<ValueLists>>): Promise<unknown> {
  const keys = valueListRegister.fields.map((f) => f.key as ValueListKey);
  const depth = Math.max(0, ...keys.map((k) => lists[k]?.length ?? 0));
  const records = Array.from({ length: depth }, (_, r) =>
    Object.fromEntries(keys.map((k) => [k, lists[k]?.[r] ?? ''])),
  );
  return replaceRecords(run, valueListRegister, records);
}
