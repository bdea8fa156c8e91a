import {
  appealRegister,
  DEFAULT_VALUE_LISTS,
  mapHeaders,
  nextId,
  trackingRegister,
  type InputRegisterKey,
  type ValueLists,
} from '../../shared';
import type { ExcelRun } from './context';
import { writeExternalRecords, type ExternalWriteReport } from './external';
import { readRegisters } from './read';

/** The fields naming a tracking entry, as the sync keys it (addin/cloud/keys.ts). */
export const TRACKING_KEY = ['appealId', 'trackedOn', 'status'] as const;

/**
 * Records on the appeal's row that it was handed up: 上报日期 and 上级单位, each only where the cell is
 * empty (a date or unit the clerk typed is kept and reported as a conflict, never overwritten).
 */
export function markEscalated(
  run: ExcelRun,
  appealId: string,
  escalatedOn: string,
  escalatedTo: string,
  lists: ValueLists = DEFAULT_VALUE_LISTS,
): Promise<ExternalWriteReport> {
  return writeExternalRecords(run, appealRegister, [{ id: appealId, escalatedOn, escalatedTo }], lists);
}

/** A tracking entry that a reply from a unit above becomes on the child's appeal. */
export interface ReplyEntry {
  readonly appealId: string;
  readonly trackedOn: string;
  readonly status: string;
  readonly feedback: string;
}

/**
 * Writes replies from above as 进展情况跟踪表 rows, as a sync writes: keyed by appeal, date and
 * status, so a reply already there is not added twice and a row the clerk filled keeps its cells.
 */
export function writeReplyEntries(
  run: ExcelRun,
  entries: readonly ReplyEntry[],
  lists: ValueLists = DEFAULT_VALUE_LISTS,
): Promise<ExternalWriteReport> {
  return writeExternalRecords(
    run,
    trackingRegister,
    entries.map((e) => ({ ...e })),
    lists,
    TRACKING_KEY,
  );
}

/** The appeals register read once: each 编号's 诉求内容, and the 编号 the next appeals get. */
export interface AppealIndex {
  /**
   * Each appeal's 诉求内容 by 编号, as the cells hold it: how a phone's pull tells whether a 编号 it
   * remembered really holds that submission (a pull cut short, or a 编号 taken by another row).
   */
  readonly contents: ReadonlyMap<string, string>;
  /** The 编号 of the next `count` appeals of `year` (2025-018, 2025-019 after 2025-017). */
  nextIds(year: string, count: number): string[];
}

/** Reads the appeals register once for its 编号 and contents. */
export async function readAppealIndex(run: ExcelRun): Promise<AppealIndex> {
  const read = await run((context) => readRegisters(context, [appealRegister]));
  const raw = read[appealRegister.key as InputRegisterKey];
  if (!raw)
    throw new Error(
      `${appealRegister.sheet} 不存在，请先建立工作簿 / the appeals register is missing; set the workbook up first`,
    );
  const { columnOf } = mapHeaders(appealRegister, raw.raw.header);
  const id = columnOf.get('id') ?? -1;
  const content = columnOf.get('content') ?? -1;
  const contents = new Map(
    raw.raw.rows.map((r) => [String(r[id] ?? '').trim(), String(r[content] ?? '')] as const),
  );
  return {
    contents,
    nextIds(year, count) {
      const taken = new Set([...contents.keys()].filter(Boolean));
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const next = nextId(taken, year);
        taken.add(next);
        ids.push(next);
      }
      return ids;
    },
  };
}

/** The 编号 the appeals register gives its next appeal of `year` (2025-018 after 2025-017). */
export async function nextAppealId(run: ExcelRun, year: string): Promise<string> {
  return (await readAppealIndex(run)).nextIds(year, 1)[0] as string;
}

/**
 * Appends an appeal taken over from a unit below to this unit's register under `values.id`. An
 * existing row with that 编号 is never changed but for its empty cells.
 */
export function appendAcceptedAppeal(
  run: ExcelRun,
  values: Readonly<Record<string, string>>,
  lists: ValueLists = DEFAULT_VALUE_LISTS,
): Promise<ExternalWriteReport> {
  return writeExternalRecords(run, appealRegister, [{ ...values }], lists);
}
