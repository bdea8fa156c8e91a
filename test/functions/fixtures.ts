// Generated workbooks turned into what the add-in pushes: identity stripped with the core's own function.
import {
  INPUT_REGISTERS,
  type PushRecord,
  type RegisterDef,
  SCHEMA_VERSION,
  stripIdentity,
  type SyncResponse,
  type WireValue,
} from '../../shared';
import { syncFunction } from '../../functions/src/functions/sync';
import type { GeneratedRecords } from '../../addin/demo/raw';
import { call } from './support';

/**
 * The dates of an appeal received, handled, reported and told in March 2025: closed long before the
 * tests' "today", so the retention job may purge it.
 */
export const CLOSED_IN_MARCH_2025 = {
  receivedOn: '2025-03-03',
  handling: '部门直接办理',
  department: '后勤部',
  dueOn: '2025-03-20',
  finishedOn: '2025-03-10',
  reportedOn: '2025-03-11',
  toldOn: '2025-03-12',
  toldHow: '电话',
} as const;

const reg = (key: string): RegisterDef => INPUT_REGISTERS.find((r) => r.key === key) as RegisterDef;

/** The records of a generated workbook as sync pushes them (appeals and meetings keyed by id, others by row). */
export function pushRecords(g: GeneratedRecords, tag = 'p'): PushRecord[] {
  const out: PushRecord[] = [];
  const add = (
    register: string,
    rows: readonly object[],
    keyOf: (r: Record<string, WireValue>, i: number) => string,
  ) =>
    rows.forEach((row, i) => {
      const values = stripIdentity(reg(register), row as Record<string, WireValue>) as Record<
        string,
        WireValue
      >;
      const key = keyOf(values, i);
      out.push({ register, key, changeId: `${tag}-${register}-${key}`, baseRevision: null, values });
    });
  add('appeals', g.appeals, (r) => String(r.id));
  add('meetings', g.meetings, (r) => String(r.id));
  add('surveys', g.surveys, (_r, i) => `s${i}`);
  add('tracking', g.tracking, (_r, i) => `t${i}`);
  add('agenda', g.agenda, (_r, i) => `a${i}`);
  add('topics', g.topics, (_r, i) => `p${i}`);
  return out;
}

/** Pushes records through the sync handler in requests of 500, failing the test on any non-200. */
export async function pushAll(
  unitId: string,
  token: string,
  records: readonly PushRecord[],
): Promise<SyncResponse[]> {
  const out: SyncResponse[] = [];
  for (let i = 0; i < records.length; i += 500) {
    const r = await call<SyncResponse>(syncFunction, {
      token,
      params: { unitId },
      body: { schemaVersion: SCHEMA_VERSION, records: records.slice(i, i + 500) },
    });
    if (r.status !== 200)
      throw new Error(`sync ${unitId} → ${r.status} ${JSON.stringify(r.body).slice(0, 400)}`);
    out.push(r.body);
  }
  return out;
}
