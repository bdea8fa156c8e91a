import { headerKey, SCHEMA_VERSION, settingsRegister } from '../../shared';
import { deleteNames, formatTable, listSources, markVersion, placeTable } from './apply';
import { noProgress, type ExcelRun, type Progress } from './context';
import { missingSettingRows } from './defaults';
import { isUpToDate, legacyListNames, planSetup, type RegisterPlan } from './plan';
import { readWorkbookState } from './state';

/** What set-up did, register by register, for the pane to report. */
export interface SetupReport {
  readonly changed: boolean;
  readonly schemaVersion: number;
  readonly previousVersion: number | null;
  readonly registers: readonly {
    readonly sheet: string;
    readonly table: string;
    readonly action: RegisterPlan['kind'];
    readonly addedColumns: readonly string[];
  }[];
}

/**
 * Sets the workbook up as the handbook's registers: creates what is missing, adopts sheets already
 * laid out like a form (their data and extra columns kept), upgrades an older schema or layout
 * version in place, and applies formats and validation. Running it again changes nothing.
 *
 * Commands are queued so that whatever a command refers to exists when Excel runs it: every table
 * and column is placed first, then formats and validation (whose list sources read the 值列表
 * table), then the list names of layout version 1 are deleted once no validation uses them, and the
 * version markers come last. Three syncs (two reads, the write), plus one to read the 设置 items
 * when an existing 设置 table may lack some.
 */
export async function setUpWorkbook(run: ExcelRun, progress: Progress = noProgress): Promise<SetupReport> {
  return run(async (context) => {
    progress(0, 3, '读取工作簿结构');
    const state = await readWorkbookState(context);
    const plans = planSetup(state);
    const registers = plans.map((p) => ({
      sheet: p.kind === 'create' ? p.sheet : p.kind === 'adoptRange' ? p.sheet : p.table.sheet,
      table: p.register.table,
      action: p.kind,
      addedColumns: p.kind === 'create' ? [] : p.missing.map((f) => f.header),
    }));
    if (isUpToDate(state, plans)) {
      progress(3, 3, '工作簿已是最新结构，无需改动');
      return {
        changed: false,
        schemaVersion: SCHEMA_VERSION,
        previousVersion: state.schemaVersion,
        registers,
      };
    }
    progress(2, 3, '建立登记表、格式与数据验证');
    const placed = plans.map((p) => placeTable(context, p));
    const settings = placed.find((p) => p.register.key === 'settings');
    const settingsPlan = plans.find((p) => p.register.key === 'settings');
    if (settings && settingsPlan && settingsPlan.kind !== 'create') {
      // An older 设置 table lacks newer items: read its items, then append the missing rows. An
      // adopted table may have its columns in any order, so the 设置项 column is found by header.
      const itemHeader = settings.headers.find(
        (h) => headerKey(h) === headerKey(settingsRegister.fields[0]?.header),
      );
      const items = settings.table.columns
        .getItem(itemHeader ?? '设置项')
        .getDataBodyRange()
        .load('values');
      await context.sync();
      const rows = missingSettingRows(
        items.values.map((r) => r[0]),
        settings.register,
        settings.headers,
      );
      if (rows.length) settings.table.rows.add(undefined, rows as (string | number | boolean)[][]);
    }
    const lists = placed.find((p) => p.register.key === 'valueLists');
    if (!lists) throw new Error('set-up plans every register, 值列表 included');
    const listSource = listSources(lists);
    for (const p of placed) formatTable(p, listSource);
    deleteNames(context, legacyListNames(state));
    markVersion(context);
    await context.sync();
    progress(3, 3, '完成');
    return { changed: true, schemaVersion: SCHEMA_VERSION, previousVersion: state.schemaVersion, registers };
  });
}
