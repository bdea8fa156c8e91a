import type { ExcelRun } from './context';
import { settingMap } from './settingMap';

/**
 * Which phone submissions this workbook already holds, by receipt id → 编号, in the workbook's
 * settings: a pull that wrote the row but lost the cloud's confirmation (Excel closed, offline)
 * confirms it next time instead of writing the appeal twice. Receipt ids name no one.
 */
export const INTAKE_TAKEN_SETTING = 'xieshang.intakeTaken';

const taken = settingMap(INTAKE_TAKEN_SETTING, (v) => (typeof v === 'string' ? v : undefined));

/** The receipts this workbook has written, receipt id → 编号. */
export const readIntakeTaken = (run: ExcelRun): Promise<Map<string, string>> => taken.read(run);

/** Notes receipts as written (merged into what the setting holds). */
export const rememberIntakeTaken = (run: ExcelRun, written: ReadonlyMap<string, string>): Promise<void> =>
  taken.merge(run, written);

/**
 * The phones' reply keys, by receipt id, and the fingerprint of the status last sent to each: the
 * key lets the pane encrypt an appeal's status for its receipt link; the fingerprint keeps a sync
 * from sending what the phone already has. In the union's workbook settings only, never in the cloud.
 */
export const INTAKE_REPLIES_SETTING = 'xieshang.intakeReplies';

/** A receipt's reply key, and what was last sent to it. */
export interface IntakeReply {
  readonly key: string;
  readonly sent?: string;
}

const replies = settingMap<IntakeReply>(INTAKE_REPLIES_SETTING, (v) => {
  const r = v as { key?: unknown; sent?: unknown } | null;
  if (typeof r?.key !== 'string') return undefined;
  return typeof r.sent === 'string' ? { key: r.key, sent: r.sent } : { key: r.key };
});

/** The reply keys this workbook holds, receipt id → key and last status sent. */
export const readIntakeReplies = (run: ExcelRun): Promise<Map<string, IntakeReply>> => replies.read(run);

/** Notes reply keys or statuses sent (merged into what the setting holds). */
export const rememberIntakeReplies = (run: ExcelRun, sent: ReadonlyMap<string, IntakeReply>): Promise<void> =>
  replies.merge(run, sent);
