import type { ExcelRun } from './context';

/** A map kept as JSON in one workbook setting (Excel.SettingCollection): read and merged whole. */
export interface SettingMap<T> {
  /** The entries the setting holds; an unreadable value or entry is left out, never a crash. */
  read(run: ExcelRun): Promise<Map<string, T>>;
  /** Adds or replaces entries, keeping the others the setting holds. */
  merge(run: ExcelRun, entries: ReadonlyMap<string, T>): Promise<void>;
}

/** The map kept in setting `key`, each entry accepted only as `entryOf` reads it. */
export function settingMap<T>(key: string, entryOf: (value: unknown) => T | undefined): SettingMap<T> {
  const parse = (value: unknown): Record<string, T> => {
    try {
      const parsed = JSON.parse(String(value)) as unknown;
      if (typeof parsed !== 'object' || parsed === null) return {};
      const out: Record<string, T> = {};
      for (const [id, v] of Object.entries(parsed)) {
        const entry = entryOf(v);
        if (entry !== undefined) out[id] = entry;
      }
      return out;
    } catch {
      return {};
    }
  };
  const held = async (context: Excel.RequestContext): Promise<Record<string, T>> => {
    const item = context.workbook.settings.getItemOrNullObject(key).load('value');
    await context.sync();
    return item.isNullObject ? {} : parse(item.value);
  };
  return {
    read: (run) => run(async (context) => new Map(Object.entries(await held(context)))),
    merge: (run, entries) =>
      run(async (context) => {
        const before = await held(context);
        context.workbook.settings.add(key, JSON.stringify({ ...before, ...Object.fromEntries(entries) }));
        await context.sync();
      }),
  };
}
