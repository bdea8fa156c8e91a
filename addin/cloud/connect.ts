import type { ExcelRun } from '../excel/context';
import type { KeyValueStore, TokenProvider } from '../sync';
import type { PaneOperations } from '../taskpane/operations';
import { openCloud, type CloudOperations } from './operations';

/**
 * Connects the pane to the functions as the workbook's unit (its 单位代码 on the 设置 sheet); no
 * unit code, no connection — the pane then says what to fill in.
 */
export async function connectCloud(o: {
  readonly run: ExcelRun;
  readonly operations: PaneOperations;
  readonly api: string;
  readonly token: (unitId: string) => TokenProvider;
  readonly store: KeyValueStore;
  /** Whether `store` outlives the pane (false: memory only, storage blocked). */
  readonly persistent?: boolean;
}): Promise<CloudOperations | undefined> {
  const unitId = (await o.operations.readSettings()).items['单位代码']?.trim();
  if (!unitId) return undefined;
  return openCloud({
    run: o.run,
    baseUrl: o.api,
    unitId,
    token: o.token(unitId),
    store: o.store,
    ...(o.persistent === undefined ? {} : { persistent: o.persistent }),
  });
}
