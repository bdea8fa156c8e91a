// Generated workbooks turned into what the add-in pushes: identity stripped with the core's own function.
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import {
  INPUT_REGISTERS,
  type IntakePublicJwk,
  type PushRecord,
  type RegisterDef,
  SCHEMA_VERSION,
  stripIdentity,
  type SyncResponse,
  type WireValue,
} from '../../shared';
import { syncFunction } from '../../functions/src/functions/sync';
import type { GeneratedRecords } from '../../addin/demo/raw';
import type { RecordWrite } from '../../functions/src/storage';
import { call, tokenFor, type TestEnv } from './support';

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

/** A new appeal record as the add-in pushes it (no identity fields); `values` add to or replace the defaults. */
export function appealRecord(
  id: string,
  values: Record<string, WireValue> = {},
  extra: Partial<PushRecord> = {},
): PushRecord {
  return {
    register: 'appeals',
    key: id,
    changeId: `c-${id}`.replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 100),
    baseRevision: null,
    values: {
      id,
      intakeMethod: '电话',
      category: '生活保障类',
      content: '宿舍热水不足',
      receivedOn: '2026-03-02',
      ...values,
    },
    ...extra,
  };
}

/** An appeal as the storage tests hand it to the store, below the sync handler. */
export const appealWrite = (
  id: string,
  content = `诉求 ${id}`,
  extra: Partial<RecordWrite> = {},
): RecordWrite => ({
  register: 'appeals',
  key: id,
  // Short whatever the key: the limits tests use keys at and past Table Storage's bounds.
  changeId: `c-${id.length}-${content.length}`,
  baseRevision: null,
  values: { id, content, receivedOn: '2025-03-05', category: '生活保障类', intakeMethod: '电话' },
  deleted: false,
  ...extra,
});

/** The 设置 row that keeps appeals six months, so the retention job purges what closed before that. */
export const KEEP_APPEALS_SIX_MONTHS: PushRecord = {
  register: 'settings',
  key: '诉求保存期限（月）',
  changeId: 'st',
  baseRevision: null,
  values: { item: '诉求保存期限（月）', value: '6' },
};

/** A satisfied phone survey of an appeal (by default two days after CLOSED_IN_MARCH_2025's telling). */
export const surveyRecord = (key: string, appealId: string, surveyedOn = '2025-03-14'): PushRecord => ({
  register: 'surveys',
  key,
  changeId: key,
  baseRevision: null,
  values: { appealId, respondent: '诉求人', method: '电话回访', rating: '满意', surveyedOn },
});

/** A group union `grp` with company `co-1` under it; a clerk of the company and the group's chair. */
export async function groupAndCompany(env: TestEnv): Promise<{ clerk: string; chair: string }> {
  const { store } = env.services;
  await store.units.configure('grp', { name: '集团工会' });
  await store.units.configure('co-1', { name: '甲公司', parentId: 'grp' });
  return { clerk: await tokenFor('clerk', ['co-1']), chair: await tokenFor('chair', ['grp']) };
}

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

/** A union's intake key as a test publishes it: the public JWK, its fingerprint (kid), and the key. */
export interface UnionKey {
  readonly publicJwk: IntakePublicJwk;
  readonly kid: string;
  readonly publicKey: CryptoKey;
}

/** A fresh P-256 key pair's public half, as the pane publishes it for the phones. */
export async function unionKey(): Promise<UnionKey> {
  const { publicKey } = await generateKeyPair('ECDH-ES', { crv: 'P-256', extractable: true });
  const jwk = await exportJWK(publicKey);
  const publicJwk = { kty: 'EC', crv: 'P-256', x: jwk.x as string, y: jwk.y as string } as const;
  return { publicJwk, kid: await calculateJwkThumbprint(publicJwk, 'sha256'), publicKey };
}
