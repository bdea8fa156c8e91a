import type { ExcelRun } from './context';

/**
 * Which phone submissions this workbook already holds, by receipt id → 编号, in the workbook's
 * settings: a pull that wrote the row but lost the cloud's confirmation (Excel closed, offline)
 * confirms it next time instead of writing the appeal twice. Receipt ids name no one.
 */
export const INTAKE_TAKEN_SETTING = 'xieshang.intakeTaken';

// What the setting holds, read leniently: an unreadable value is an empty record, never a crash.
function parseTaken(value: unknown): Record<string, string> {
  try {
    const parsed = JSON.parse(String(value)) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return {};
  }
}

/** The receipts this workbook has written, receipt id → 编号. */
export function readIntakeTaken(run: ExcelRun): Promise<Map<string, string>> {
  return run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(INTAKE_TAKEN_SETTING).load('value');
    await context.sync();
    return new Map(Object.entries(item.isNullObject ? {} : parseTaken(item.value)));
  });
}

/** Notes receipts as written (merged into what the setting holds). */
export function rememberIntakeTaken(run: ExcelRun, taken: ReadonlyMap<string, string>): Promise<void> {
  return run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(INTAKE_TAKEN_SETTING).load('value');
    await context.sync();
    const held = item.isNullObject ? {} : parseTaken(item.value);
    context.workbook.settings.add(
      INTAKE_TAKEN_SETTING,
      JSON.stringify({ ...held, ...Object.fromEntries(taken) }),
    );
    await context.sync();
  });
}

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

function parseReplies(value: unknown): Record<string, IntakeReply> {
  try {
    const parsed = JSON.parse(String(value)) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return {};
    const out: Record<string, IntakeReply> = {};
    for (const [id, v] of Object.entries(parsed)) {
      const r = v as { key?: unknown; sent?: unknown };
      if (typeof r?.key !== 'string') continue;
      out[id] = typeof r.sent === 'string' ? { key: r.key, sent: r.sent } : { key: r.key };
    }
    return out;
  } catch {
    return {};
  }
}

/** The reply keys this workbook holds, receipt id → key and last status sent. */
export function readIntakeReplies(run: ExcelRun): Promise<Map<string, IntakeReply>> {
  return run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(INTAKE_REPLIES_SETTING).load('value');
    await context.sync();
    return new Map(Object.entries(item.isNullObject ? {} : parseReplies(item.value)));
  });
}

/** Notes reply keys or statuses sent (merged into what the setting holds). */
export function rememberIntakeReplies(
  run: ExcelRun,
  replies: ReadonlyMap<string, IntakeReply>,
): Promise<void> {
  return run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(INTAKE_REPLIES_SETTING).load('value');
    await context.sync();
    const held = item.isNullObject ? {} : parseReplies(item.value);
    context.workbook.settings.add(
      INTAKE_REPLIES_SETTING,
      JSON.stringify({ ...held, ...Object.fromEntries(replies) }),
    );
    await context.sync();
  });
}
