// Where the union's wrapped intake keys live: the workbook's own settings (Excel.SettingCollection,
// ExcelApi 1.4, https://learn.microsoft.com/en-us/javascript/api/excel/excel.settingcollection), saved
// inside the .xlsx with the registers. Never in the cloud, and never in the management copy (a new
// workbook built from the registers' values alone).
import { currentPublicKey, parseUnitKeys, unitKeysSchema, type UnitKeys } from '../intake/keys';
import type { ExcelRun } from './context';

/** The workbook setting holding the wrapped intake keys, as JSON text. */
export const INTAKE_KEYS_SETTING = 'xieshang.intakeKeys';

/** The workbook's stored intake keys, or null before any key was made; a damaged store is an IntakeError. */
export async function readIntakeKeys(run: ExcelRun): Promise<UnitKeys | null> {
  return run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(INTAKE_KEYS_SETTING).load('value');
    await context.sync();
    if (item.isNullObject) return null;
    let value: unknown;
    try {
      value = JSON.parse(String(item.value));
    } catch {
      value = undefined;
    }
    return parseUnitKeys(value);
  });
}

/** The workbook's current intake key (its kid and public JWK), or null before any key was made. */
export async function currentIntakeKey(run: ExcelRun): Promise<ReturnType<typeof currentPublicKey> | null> {
  const stored = await readIntakeKeys(run);
  return stored ? currentPublicKey(stored) : null;
}

/** Writes the intake keys back (only a store that passes the schema: no private key in the clear). */
export async function writeIntakeKeys(run: ExcelRun, stored: UnitKeys): Promise<void> {
  const text = JSON.stringify(unitKeysSchema.parse(stored));
  await run(async (context) => {
    context.workbook.settings.add(INTAKE_KEYS_SETTING, text);
    await context.sync();
  });
}
