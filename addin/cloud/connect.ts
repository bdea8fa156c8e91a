import { settingLabel } from '../../shared';
import type { IsSetSupported } from '../excel/capabilities';
import type { ExcelRun } from '../excel/context';
import type { KeyValueStore, TokenProvider } from '../sync';
import type { PaneOperations } from '../taskpane/operations';
import { openCloud, type CloudOperations } from './operations';
import { phoneSiteOf } from './phone';
import { openSignIn, type SignInOptions } from './signIn';

/**
 * Connects the pane to the functions as the workbook's unit (its 单位代码 on the 设置 sheet); no
 * unit code, no connection — the pane then says what to fill in. The token is this computer's
 * pairing credential when it has one, else `token` (Microsoft 365 or the development token, as
 * `method` says), else none until the clerk pairs.
 */
export async function connectCloud(o: {
  readonly run: ExcelRun;
  readonly operations: PaneOperations;
  readonly api: string;
  readonly token?: (unitId: string) => TokenProvider;
  /** What `token` is (default Microsoft 365 sign-in). */
  readonly method?: 'entra' | 'dev';
  readonly fetch?: SignInOptions['fetch'];
  readonly store: KeyValueStore;
  /** Whether `store` outlives the pane (false: memory only, storage blocked). */
  readonly persistent?: boolean;
  /** Which ExcelApi sets the workbook's Excel has, for sheets the cloud's answers are written to. */
  readonly isSetSupported?: IsSetSupported;
  /** The phone page beside the pane's own (phonePageUrl(location.href)): QR codes link to it. */
  readonly phonePage?: string;
}): Promise<CloudOperations | undefined> {
  const unitId = (await o.operations.readSettings()).items[settingLabel('unitId')]?.trim();
  if (!unitId) return undefined;
  const signIn = await openSignIn({
    baseUrl: o.api,
    unitId,
    store: o.store,
    ...(o.token ? { fallback: { method: o.method ?? 'entra', token: o.token(unitId) } } : {}),
    ...(o.fetch ? { fetch: o.fetch } : {}),
  });
  return openCloud({
    run: o.run,
    baseUrl: o.api,
    unitId,
    token: signIn.token,
    signIn,
    store: o.store,
    ...(o.persistent === undefined ? {} : { persistent: o.persistent }),
    ...(o.isSetSupported ? { isSetSupported: o.isSetSupported } : {}),
    ...(o.operations.intake ? { intakeKeyring: o.operations.intake.keyring } : {}),
    ...(o.phonePage ? { phoneSite: phoneSiteOf(o.phonePage, o.api) } : {}),
  });
}
