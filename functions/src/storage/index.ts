// The storage module: the only code that talks to Azure Table Storage (or Azurite, or Cosmos DB for Table).
import type { EscalationReply, EscalationView, PairingList } from '../../../shared';
import { listAudit, writeAudit, type Actor, type AuditEntry, type AuditInput } from './audit';
import { commitWrites, readRecord, type WriteOutcome } from './commit';
import { listDeliveries, purgeDeliveries, saveDeliveries, type DeliveryRecord } from './deliveries';
import {
  acceptEscalation,
  addReply,
  deleteEscalation,
  EscalationStateError,
  forwardEscalation,
  listEscalations,
  putEscalation,
  type EscalationInput,
} from './escalations';
import { headSeq, loadAppeal, loadRecords, loadRegisters, pullChanges, type PullPage } from './pull';
import type { RecordWrite, StoredRecord } from './recordEntity';
import {
  createCode,
  findCredential,
  listPairing,
  redeemCode,
  revokeCredential,
  touchCredential,
  type CodeInput,
  type RedeemOutcome,
  type StoredCredential,
} from './pairing';
import {
  type AggregateState,
  getAggregateState,
  getSummary,
  listPeriodSummaries,
  putAggregateState,
  putSummary,
  type StoredSummary,
} from './summaries';
import {
  addSubmission,
  getIntake,
  hasKey,
  listSubmissions,
  publishIntake,
  purgeSubmissions,
  takeSubmission,
  type IntakeSetup,
  type SubmissionInput,
  type TakenOutcome,
} from './intake';
import {
  addRating,
  publishStatuses,
  purgeReceipts,
  readReceipt,
  type RatingOutcome,
  type ReceiptRecord,
} from './intakeReceipts';
import { getMeeting, openMeeting, purgeMeetings } from './intakeMeetings';
import { countRequest, purgeWindows, readCount, type Counter, type CountOutcome } from './rateLimits';
import { ensureTables, openTables, type Tables } from './tables';
import { configureUnit, getUnit, listUnits, touchUnit, type UnitPatch, type UnitProfile } from './units';

export type {
  Actor,
  AuditEntry,
  AuditInput,
  DeliveryRecord,
  EscalationInput,
  PullPage,
  RecordWrite,
  StoredRecord,
};
export type { AggregateState, StoredSummary, UnitPatch, UnitProfile, WriteOutcome };
export type { CodeInput, RedeemOutcome, StoredCredential };
export type { Counter, CountOutcome, IntakeSetup, SubmissionInput, TakenOutcome };
export type { RatingOutcome, ReceiptRecord };
export { BusyError, PurgedError, type PurgedTarget } from './commit';
export { EscalationStateError };
export { azuriteConnectionString, storageConnectionString } from './connection';

/** Everything the functions store, grouped by table; every method is partitioned by unit. */
export interface Store {
  /** Creates missing tables once per process. */
  ready(): Promise<void>;
  readonly records: {
    commit(
      unit: string,
      writes: readonly RecordWrite[],
      actor: Actor,
      action: string,
    ): Promise<WriteOutcome[]>;
    pull(unit: string, cursor: number, limit: number): Promise<PullPage>;
    load(unit: string): Promise<StoredRecord[]>;
    loadRegisters(unit: string, registers: readonly string[]): Promise<StoredRecord[]>;
    loadAppeal(unit: string, appealId: string): Promise<StoredRecord[]>;
    get(unit: string, register: string, key: string): Promise<StoredRecord | null>;
    head(unit: string): Promise<number>;
  };
  readonly units: {
    get(unitId: string): Promise<UnitProfile | null>;
    list(): Promise<UnitProfile[]>;
    touch(unitId: string, ledgersBuilt?: readonly string[]): Promise<void>;
    /** With `audit`, the change and its audit entry commit together (both or neither). */
    configure(unitId: string, patch: UnitPatch, audit?: AuditInput): Promise<UnitProfile>;
  };
  readonly escalations: {
    /** With `audit`, the sender's side and its audit entry commit together (both or neither). */
    put(x: EscalationInput, audit?: AuditInput): Promise<EscalationView>;
    /** With `audit`, the reply and its audit entry commit together (both or neither). */
    reply(
      toUnit: string,
      fromUnit: string,
      appealId: string,
      reply: EscalationReply,
      audit?: AuditInput,
    ): Promise<EscalationView | null>;
    /** Takes an escalation into toUnit's register as `acceptedAs`; the levels below follow. */
    accept(
      toUnit: string,
      fromUnit: string,
      appealId: string,
      accept: { readonly acceptedAs: string; readonly at: string; readonly reply?: EscalationReply },
      audit?: AuditInput,
    ): Promise<EscalationView | null>;
    /** Passes an escalation on to toUnit's parent; the audit entry commits with toUnit's new side. */
    forward(
      toUnit: string,
      fromUnit: string,
      appealId: string,
      forward: { readonly parentId: string; readonly note: string; readonly at: string },
      audit?: AuditInput,
    ): Promise<{ readonly below: EscalationView; readonly above: EscalationView } | null>;
    list(unit: string, since?: string): Promise<EscalationView[]>;
    remove(fromUnit: string, toUnit: string, appealId: string): Promise<void>;
  };
  readonly audit: {
    write(unit: string, actor: Actor, action: string, detail: unknown): Promise<void>;
    list(unit: string, limit?: number): Promise<AuditEntry[]>;
  };
  readonly deliveries: {
    list(unit: string, date: string, channelId: string): Promise<Map<string, DeliveryRecord>>;
    save(records: readonly DeliveryRecord[]): Promise<void>;
    purgeBefore(date: string): Promise<number>;
  };
  readonly summaries: {
    get(unit: string, periodKey: string): Promise<StoredSummary | null>;
    /** Every unit's stored tally of a period, in one query. */
    listPeriod(periodKey: string): Promise<Map<string, StoredSummary>>;
    put(unit: string, periodKey: string, s: StoredSummary): Promise<void>;
    /** What the aggregate timer last computed for the unit (one point read: how it skips unchanged units). */
    state(unit: string): Promise<AggregateState | null>;
    putState(unit: string, s: AggregateState): Promise<void>;
  };
  /** Pairing codes and the credentials they become: hashes only, each change with its audit entry. */
  readonly pairing: {
    createCode(unit: string, code: CodeInput, audit: AuditInput): Promise<void>;
    /** Uses a code once; the credential (its hash) is stored in the same transaction. */
    redeem(
      unit: string,
      codeHash: string,
      credential: { readonly credentialId: string; readonly secretHash: string; readonly device: string },
    ): Promise<RedeemOutcome>;
    find(unit: string, credentialId: string): Promise<StoredCredential | null>;
    touch(unit: string, credentialId: string): Promise<void>;
    list(unit: string): Promise<PairingList>;
    revoke(
      unit: string,
      credentialId: string,
      audit: AuditInput,
    ): Promise<{ readonly credentialId: string; readonly revokedAt: string } | null>;
  };
  /** The phone intake: published keys and form, ciphertext waiting for the pane, receipt links. */
  readonly intake: {
    get(unit: string): Promise<IntakeSetup | null>;
    hasKey(unit: string, kid: string): Promise<boolean>;
    publish(
      unit: string,
      key: { readonly kid: string; readonly publicJwk: IntakeSetup['publicJwk'] },
      form: IntakeSetup['form'],
      /** Committed with the key and form. */
      audit: AuditInput,
    ): Promise<IntakeSetup>;
    /** Stores a submission; answers its submittedAt. */
    add(unit: string, s: SubmissionInput): Promise<string>;
    list(unit: string, pageSize: number, continuation?: string): ReturnType<typeof listSubmissions>;
    /** Deletes the ciphertext and keeps receipt → 编号 in one transaction; idempotent. */
    take(unit: string, receiptId: string, appealId: string, audit: AuditInput): Promise<TakenOutcome>;
    purgeBefore(before: Date): Promise<number>;
    /** A receipt as the phone's link may see it (with its secret's hash), or null. */
    receipt(unit: string, receiptId: string): Promise<ReceiptRecord | null>;
    /** Stores statuses on taken receipts' links; the others come back as unknown. */
    publishStatuses(
      unit: string,
      statuses: Parameters<typeof publishStatuses>[2],
    ): Promise<{ readonly updated: number; readonly unknown: string[] }>;
    /** Stores the one rating of a receipt when `check` passes, it is rateable and none is waiting. */
    rate(
      unit: string,
      receiptId: string,
      check: (secretHash: string) => boolean,
      item: Parameters<typeof addRating>[4],
    ): Promise<RatingOutcome>;
    /** Receipt links with no status since `before`, and repeat-answers of items taken before `tookBefore`. */
    purgeReceipts(before: Date, tookBefore: Date): Promise<{ readonly links: number; readonly took: number }>;
    /** Meetings opened for QR sign-in, by the key their QR code carries. */
    meetings: {
      open(
        unit: string,
        meetingKey: string,
        m: Parameters<typeof openMeeting>[3],
        audit: AuditInput,
      ): ReturnType<typeof openMeeting>;
      get(unit: string, meetingKey: string): ReturnType<typeof getMeeting>;
      /** Meetings held before the day (YYYY-MM-DD). */
      purgeBefore(day: string): Promise<number>;
    };
  };
  /** Rate-limit counters by window: conditional increments, expired windows purged. */
  readonly rateLimits: {
    count(counters: readonly Counter[]): Promise<CountOutcome>;
    read(c: Omit<Counter, 'limit'>): Promise<number>;
    purgeExpired(): Promise<number>;
  };
}

/** Where the store lives. */
export interface StoreOptions {
  readonly connectionString: string;
  /** Table name prefix (letters and digits), so deployments and test runs share an account safely. */
  readonly prefix?: string;
  readonly now?: () => Date;
}

/** Opens the store on a storage account (Azure, or Azurite locally). */
export function createStore(options: StoreOptions): Store {
  const t: Tables = openTables(options.connectionString, options.prefix ?? 'xs');
  const now = options.now ?? (() => new Date());
  let ready: Promise<void> | undefined;
  // A unit is marked as seen at most every ten minutes per process: one write saved per sync.
  const touched = new Map<string, number>();
  const touch = async (unitId: string, ledgersBuilt?: readonly string[]): Promise<void> => {
    const at = now();
    if (!ledgersBuilt && at.getTime() - (touched.get(unitId) ?? -Infinity) < 600_000) return;
    await touchUnit(t, unitId, at.toISOString(), ledgersBuilt);
    touched.set(unitId, at.getTime());
  };
  return {
    ready: () =>
      (ready ??= ensureTables(t).catch((e: unknown) => {
        ready = undefined;
        throw e;
      })),
    records: {
      commit: (unit, writes, actor, action) => commitWrites(t, unit, writes, actor, action, now),
      pull: (unit, cursor, limit) => pullChanges(t, unit, cursor, limit),
      load: (unit) => loadRecords(t, unit),
      loadRegisters: (unit, registers) => loadRegisters(t, unit, registers),
      loadAppeal: (unit, appealId) => loadAppeal(t, unit, appealId),
      get: (unit, register, key) => readRecord(t.records, unit, register, key),
      head: (unit) => headSeq(t, unit),
    },
    units: {
      get: (unitId) => getUnit(t, unitId),
      list: () => listUnits(t),
      touch,
      configure: (unitId, patch, audit) => configureUnit(t, unitId, patch, now(), audit),
    },
    escalations: {
      put: (x, audit) => putEscalation(t, x, audit),
      reply: (toUnit, fromUnit, appealId, reply, audit) =>
        addReply(t, toUnit, fromUnit, appealId, reply, audit),
      accept: (toUnit, fromUnit, appealId, accept, audit) =>
        acceptEscalation(t, toUnit, fromUnit, appealId, accept, audit),
      forward: (toUnit, fromUnit, appealId, forward, audit) =>
        forwardEscalation(t, toUnit, fromUnit, appealId, forward, audit),
      list: (unit, since) => listEscalations(t, unit, since),
      remove: (fromUnit, toUnit, appealId) => deleteEscalation(t, fromUnit, toUnit, appealId),
    },
    audit: {
      write: (unit, actor, action, detail) => writeAudit(t, unit, actor, action, detail, now()),
      list: (unit, limit) => listAudit(t, unit, limit),
    },
    deliveries: {
      list: (unit, date, channelId) => listDeliveries(t, unit, date, channelId),
      save: (records) => saveDeliveries(t, records),
      purgeBefore: (date) => purgeDeliveries(t, date),
    },
    summaries: {
      get: (unit, periodKey) => getSummary(t, unit, periodKey),
      listPeriod: (periodKey) => listPeriodSummaries(t, periodKey),
      put: (unit, periodKey, s) => putSummary(t, unit, periodKey, s),
      state: (unit) => getAggregateState(t, unit),
      putState: (unit, s) => putAggregateState(t, unit, s),
    },
    pairing: {
      createCode: (unit, code, audit) => createCode(t, unit, code, audit, now()),
      redeem: (unit, codeHash, credential) => redeemCode(t, unit, codeHash, credential, now()),
      find: (unit, credentialId) => findCredential(t, unit, credentialId),
      touch: (unit, credentialId) => touchCredential(t, unit, credentialId, now()),
      list: (unit) => listPairing(t, unit, now()),
      revoke: (unit, credentialId, audit) => revokeCredential(t, unit, credentialId, audit, now()),
    },
    intake: {
      get: (unit) => getIntake(t, unit),
      hasKey: (unit, kid) => hasKey(t, unit, kid),
      publish: (unit, key, form, audit) => publishIntake(t, unit, key, form, audit, now()),
      add: (unit, s) => addSubmission(t, unit, s, now()),
      list: (unit, pageSize, continuation) => listSubmissions(t, unit, pageSize, continuation),
      take: (unit, receiptId, appealId, audit) => takeSubmission(t, unit, receiptId, appealId, audit, now()),
      purgeBefore: (before) => purgeSubmissions(t, before),
      receipt: (unit, receiptId) => readReceipt(t, unit, receiptId),
      publishStatuses: (unit, statuses) => publishStatuses(t, unit, statuses, now()),
      rate: (unit, receiptId, check, item) => addRating(t, unit, receiptId, check, item, now()),
      purgeReceipts: (before, tookBefore) => purgeReceipts(t, before, tookBefore),
      meetings: {
        open: (unit, meetingKey, m, audit) => openMeeting(t, unit, meetingKey, m, audit, now()),
        get: (unit, meetingKey) => getMeeting(t, unit, meetingKey),
        purgeBefore: (day) => purgeMeetings(t, day),
      },
    },
    rateLimits: {
      count: (counters) => countRequest(t, counters, now()),
      read: (c) => readCount(t, c, now()),
      purgeExpired: () => purgeWindows(t, now()),
    },
  };
}
