import {
  type Bilingual,
  type CallerView,
  INTAKE_LIMITS,
  checkWorkbook,
  INPUT_REGISTERS,
  type PairingCode,
  type PairingList,
  type WireRole,
  type InputRegisterKey,
  registerByKey,
  SYNC_REGISTERS,
  valueListRegister,
  type ValueLists,
} from '../../shared';
import { chinaDay, groupSummaryRows, type PhoneSite } from '../../shared';
import type { IsSetSupported } from '../excel/capabilities';
import { coreInput } from '../excel/check';
import type { ExcelRun } from '../excel/context';
import { writeGroupSummary, type GroupSummaryReport } from '../excel/groupSummary';
import { writeExternalRecords } from '../excel/external';
import { readRegisters } from '../excel/read';
import {
  ApiFailure,
  createAccountApi,
  createIntakeApi,
  createEscalationApi,
  createSyncApi,
  type EscalationApi,
  fetchReminders,
  SyncClient,
  type KeyValueStore,
  type RejectedChange,
  type RemindersView,
  type ScrubbedText,
  type SyncApi,
  type SyncConflict,
  type SyncStatus,
  type TokenProvider,
  type WorkbookRecord,
} from '../sync';
import {
  escalationOperations,
  writeReplies,
  type EscalationOperations,
  type ReplyWriteReport,
} from './escalations';
import { createIntakeCloud, type IntakeCloud, type IntakePullReport, type StatusReport } from './intake';
import { IntakeError, type IntakeKeyring } from '../intake/envelope';
import { rowKey } from './keys';
import { createPhoneCloud, type PhoneCloud } from './phone';
import type { PaneSignIn } from './signIn';

/** What one sync did, for the pane. */
export interface CloudSyncReport {
  readonly ok: boolean;
  readonly staged: number;
  readonly pushed: number;
  readonly pulled: number;
  /** Cells filled in the workbook from the cloud (a clerk's own cells are never overwritten). */
  readonly written: number;
  /** Cells the cloud changed that the workbook also has: kept, shown as conflicts. */
  readonly kept: number;
  readonly conflicts: number;
  /** Records the cloud purged by retention, learnt in this sync: no longer synced, the rows kept. */
  readonly purged: number;
  /** Text with identity numbers replaced by （已隐去）: as sent when `ok`, else as still waiting to be sent. */
  readonly scrubbed: readonly ScrubbedText[];
  /** Records from the cloud the workbook refused (e.g. a value not in its 值列表): not written, kept in the cloud. */
  readonly unwritten: readonly UnwrittenRecord[];
  /** Replies from units above written as 进展情况跟踪表 entries on this unit's appeals. */
  readonly replies?: ReplyWriteReport;
  /** What phones sent, taken in (intake keys unlocked), and the receipt statuses sent to phones. */
  readonly intake?: SyncIntakeReport;
  readonly error?: Bilingual;
}

/** Phone intake's part of a sync: pulled only while the keys are unlocked; statuses always. */
export interface SyncIntakeReport {
  /** Absent when the keys are locked (nothing could be decrypted, so nothing was pulled). */
  readonly pulled?: IntakePullReport;
  readonly statuses: StatusReport;
  readonly error?: Bilingual;
}

/** A record from the cloud that could not be written into the workbook, and why. */
export interface UnwrittenRecord {
  readonly register: string;
  readonly key: string;
  readonly field: string;
  readonly message: Bilingual;
}

/** What the next sync will send, staged from the workbook without sending. */
export interface CloudStageReport {
  /** Changes waiting to be sent, these included. */
  readonly pending: number;
  /** Waiting text with identity numbers replaced by （已隐去）, as it will be sent. */
  readonly scrubbed: readonly ScrubbedText[];
}

/** The cloud as the pane uses it: sync, conflicts, reminders. */
export interface CloudOperations {
  readonly unitId: string;
  /** False when the queue lives in memory only (the browser blocks storage): lost when the pane closes. */
  readonly persistent: boolean;
  status(): SyncStatus;
  subscribe(listener: (s: SyncStatus) => void): () => void;
  syncNow(today: string): Promise<CloudSyncReport>;
  /** Stages the workbook's changes without sending, so the clerk sees what the next sync sends. */
  stageNow(today: string): Promise<CloudStageReport>;
  conflicts(): readonly SyncConflict[];
  /** Changes the cloud refused, set aside until their row changes. */
  rejected(): readonly RejectedChange[];
  resolve(register: string, key: string, choice: 'mine' | 'theirs'): Promise<void>;
  reminders(): Promise<RemindersView>;
  /**
   * Builds 集团汇总YYYYQn for this unit and every unit below it from the cloud's summary: each unit's
   * figures as its own 分类汇总表 counts them, subtotals per subtree, units not synced since the
   * quarter ended marked and left out. Needs the summary right over this unit (parent clerks, management).
   */
  buildGroupSummary(year: number, quarter: 1 | 2 | 3 | 4, today: string): Promise<GroupSummaryReport>;
  /** How the pane signs in, and pairing this computer (absent: the token comes from elsewhere alone). */
  readonly signIn?: PaneSignIn;
  /** Who the functions take this pane for (roles decide whether 配对管理 shows). */
  me(): Promise<CallerView>;
  /** The unit's pairings, for its administrators. */
  /** Phone intake: publish the unit's key and form, pull and write what employees filed. */
  readonly intake: IntakeCloud;
  readonly pairing: {
    createCode(role: WireRole, minutes?: number): Promise<PairingCode>;
    list(): Promise<PairingList>;
    revoke(credentialId: string): Promise<void>;
  };
  /** Handing appeals up, the inbox of those handed up here, and the unit tree. */
  readonly escalations: EscalationOperations;
  /** The phone links QR codes carry (appeal form, meeting sign-in), when the pane knows its phone page. */
  readonly phone?: PhoneCloud;
}

/** How the pane reaches the cloud. */
export interface CloudOptions {
  readonly run: ExcelRun;
  readonly baseUrl: string;
  readonly unitId: string;
  readonly token: TokenProvider;
  readonly store: KeyValueStore;
  /** The API to use instead of one over fetch at `baseUrl` (tests: a transport with the server's rules). */
  readonly api?: SyncApi;
  /** The escalation and unit-tree calls to use instead of ones over fetch at `baseUrl`. */
  readonly escalationApi?: EscalationApi;
  /** Whether `store` outlives the pane (false: a memory store because storage is blocked). */
  readonly persistent?: boolean;
  /** The pane's sign-in, told when the functions refuse its token for good. */
  readonly signIn?: PaneSignIn;
  /** Which ExcelApi sets the workbook's Excel has (page setup of the group summary needs 1.9). */
  readonly isSetSupported?: IsSetSupported;
  /** The union's intake keys when unlocked in this pane: a sync then also takes in what phones sent. */
  readonly intakeKeyring?: () => IntakeKeyring | null;
  /** Where the phone page is served and the API it calls, for the QR codes' links. */
  readonly phoneSite?: PhoneSite;
}

/** Reads the synced registers' rows from the workbook, keyed as the cloud knows them. */
async function workbookRows(
  run: ExcelRun,
  today: string,
): Promise<{ rows: WorkbookRecord[]; covered: string[]; lists: ValueLists }> {
  // The 值列表 too: rows are checked, and pulled records written, against the workbook's own lists.
  const read = await run((context) => readRegisters(context, [...SYNC_REGISTERS, valueListRegister]));
  const check = checkWorkbook(coreInput(read), { today });
  const rows: WorkbookRecord[] = [];
  const covered: string[] = [];
  for (const register of SYNC_REGISTERS) {
    const r = check.read[register.key as InputRegisterKey];
    if (!r) continue;
    covered.push(register.key);
    for (const row of r.rows) {
      const key = rowKey(register, row.values);
      if (key) rows.push({ register: register.key, key, values: row.values });
    }
  }
  return { rows, covered, lists: check.lists };
}

/** What writing a pull into the workbook did. */
interface PullWrite {
  readonly written: number;
  readonly kept: number;
  /** Records now in the workbook (appended, filled, or already there). */
  readonly held: { register: string; key: string }[];
  readonly unwritten: UnwrittenRecord[];
}

/**
 * Writes changes from the cloud into registers with a 编号, checked against the workbook's own
 * value lists; the rest are left for the clerk. A register that cannot be written (missing sheet)
 * does not stop the others.
 */
async function writePulled(
  run: ExcelRun,
  pulled: readonly {
    register: string;
    key: string;
    deleted?: boolean;
    values: Readonly<Record<string, unknown>>;
  }[],
  lists: ValueLists,
): Promise<PullWrite> {
  let written = 0;
  let kept = 0;
  const held: PullWrite['held'] = [];
  const unwritten: UnwrittenRecord[] = [];
  const byRegister = new Map<string, { key: string; values: Record<string, unknown> }[]>();
  for (const p of pulled) {
    // A purged or deleted record in the cloud never deletes the clerk's row.
    if (p.deleted || !registerByKey(p.register).idField) continue;
    const records = byRegister.get(p.register) ?? [];
    if (!records.length) byRegister.set(p.register, records);
    records.push({ key: p.key, values: { ...p.values } });
  }
  for (const [register, records] of byRegister) {
    try {
      const report = await writeExternalRecords(
        run,
        registerByKey(register),
        records.map((r) => r.values),
        lists,
      );
      written += report.filled + report.appended;
      kept += report.conflicts.length;
      const refused = new Set(report.rejected.map((r) => r.index));
      records.forEach((r, i) => {
        if (!refused.has(i)) held.push({ register, key: r.key });
      });
      for (const r of report.rejected) {
        const rec = records[r.index];
        if (rec)
          unwritten.push({
            register,
            key: rec.key,
            field: r.path.replace(/^\[\d+\]\./, ''),
            message: r.message,
          });
      }
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      for (const r of records)
        unwritten.push({ register, key: r.key, field: '', message: { zh: message, en: message } });
    }
  }
  return { written, kept, held, unwritten };
}

/** Opens the cloud connection for the pane: the sync client over the API, persisted in `store`. */
export async function openCloud(o: CloudOptions): Promise<CloudOperations> {
  const signedIn = {
    baseUrl: o.baseUrl,
    getToken: o.token,
    ...(o.signIn ? { onUnauthorized: o.signIn.refused } : {}),
  };
  const api = o.api ?? createSyncApi(signedIn);
  const account = createAccountApi(signedIn);
  const intakeApi = createIntakeApi(signedIn);
  const intakeToday = (): string => chinaDay(new Date());
  // The whole workbook read and checked: what the phone's form offers and what receipts show.
  const checked = async (today: string) =>
    checkWorkbook(coreInput(await o.run((context) => readRegisters(context, INPUT_REGISTERS))), { today });
  const intake = createIntakeCloud({
    run: o.run,
    unitId: o.unitId,
    api: intakeApi,
    lists: async () => (await workbookRows(o.run, intakeToday())).lists,
    ...(o.isSetSupported ? { isSetSupported: o.isSetSupported } : {}),
    workbook: checked,
    form: async () => {
      const check = await checked(intakeToday());
      // The workshops a phone may name: those the registers already use (单位 of appeals, topics' 分厂).
      const named = [
        ...(check.read.appeals?.rows ?? []).map((r) => r.values.unit),
        ...(check.read.topics?.rows ?? []).map((r) => r.values.workshop),
      ].flatMap((v) =>
        typeof v === 'string' && v.trim() ? [v.trim().slice(0, INTAKE_LIMITS.workshopChars)] : [],
      );
      const unitName = check.settings.unitName.trim();
      return {
        ...(unitName ? { unitName: unitName.slice(0, INTAKE_LIMITS.unitNameChars) } : {}),
        workshops: [...new Set(named)].slice(0, INTAKE_LIMITS.workshops),
        categories: check.lists.category.slice(0, INTAKE_LIMITS.categories),
      };
    },
  });
  const client = await SyncClient.open({ api, store: o.store, unitId: o.unitId });
  const syncIntake = async (today: string, lists: ValueLists): Promise<SyncIntakeReport | undefined> => {
    const keyring = o.intakeKeyring?.() ?? null;
    try {
      if (keyring) {
        const pulled = await intake.pull(keyring, today, lists);
        return { pulled, statuses: pulled.statuses };
      }
      const statuses = await intake.publishStatuses(today);
      return statuses.sent || statuses.gone ? { statuses } : undefined;
    } catch (e) {
      // Phone intake never fails the sync it rides on: the workbook's own records were synced.
      const why: Bilingual =
        e instanceof IntakeError
          ? e.reason
          : e instanceof ApiFailure
            ? e.text
            : {
                zh: String(e instanceof Error ? e.message : e),
                en: String(e instanceof Error ? e.message : e),
              };
      return {
        statuses: { sent: 0, gone: 0 },
        error: { zh: `扫码提交未能收取：${why.zh}`, en: `phone intake failed: ${why.en}` },
      };
    }
  };
  const syncNow = async (today: string): Promise<CloudSyncReport> => {
    const { rows, covered, lists } = await workbookRows(o.run, today);
    const staged = await client.stage(rows, covered);
    // What leaves with identity numbers scrubbed, read before the push empties the queue.
    const scrubbed = client.scrubbed();
    const outcome = await client.sync();
    const { written, kept, held, unwritten } = await writePulled(o.run, outcome.pulled, lists);
    // Only what reached the workbook may later be deleted in the cloud by its absence.
    await client.markWritten(held);
    // Replies from above become tracking entries; a workbook without the sheet still syncs.
    const replies = await writeReplies(o, client.escalations(), lists).catch(
      (e: unknown): ReplyWriteReport => {
        const message = e instanceof Error ? e.message : String(e);
        return { written: 0, kept: 0, refused: [{ appealId: '', message: { zh: message, en: message } }] };
      },
    );
    // Phones are answered whether or not the keys are unlocked: a status needs only the reply keys.
    const phones = await syncIntake(today, lists);
    return {
      ok: outcome.ok,
      staged,
      pushed: outcome.pushed,
      pulled: outcome.pulled.length,
      written,
      kept,
      conflicts: client.conflicts().length,
      purged: outcome.purged.length,
      // A failed sync may have sent none of it: then what still waits, to be sent.
      scrubbed: outcome.ok ? scrubbed : client.scrubbed(),
      unwritten,
      replies,
      ...(phones ? { intake: phones } : {}),
      ...(outcome.error ? { error: outcome.error.text } : {}),
    };
  };
  const escalations = escalationOperations({
    run: o.run,
    unitId: o.unitId,
    api,
    escalationApi: o.escalationApi ?? createEscalationApi(signedIn),
    store: o.store,
    synced: () => client.escalations(),
    async workbook(today) {
      const { rows, lists } = await workbookRows(o.run, today);
      const appeals = new Map(rows.filter((r) => r.register === 'appeals').map((r) => [r.key, r.values]));
      return { appeals, lists };
    },
    sync: async (today) => {
      const r = await syncNow(today);
      return r.ok ? undefined : (r.error ?? { zh: '同步未完成', en: 'the sync did not finish' });
    },
  });
  return {
    escalations,
    unitId: o.unitId,
    persistent: o.persistent ?? true,
    ...(o.signIn ? { signIn: o.signIn } : {}),
    intake,
    ...(o.phoneSite
      ? {
          phone: createPhoneCloud({
            run: o.run,
            unitId: o.unitId,
            site: o.phoneSite,
            api: intakeApi,
          }),
        }
      : {}),
    me: () => account.me(o.unitId),
    pairing: {
      createCode: (role, minutes) =>
        account.createPairingCode(o.unitId, { role, ...(minutes ? { minutes } : {}) }),
      list: () => account.listPairing(o.unitId),
      revoke: async (credentialId) => void (await account.revokePairing(o.unitId, credentialId)),
    },
    status: () => client.status(),
    subscribe: (listener) => client.subscribe(listener),
    conflicts: () => client.conflicts(),
    rejected: () => client.rejected(),
    reminders: () => fetchReminders(api, o.store, o.unitId),
    async buildGroupSummary(year, quarter, today) {
      const s = await api.summary(o.unitId, year, quarter);
      const summary = groupSummaryRows({ orgId: s.orgId, period: s.period, asOf: s.asOf, units: s.units });
      return writeGroupSummary(o.run, summary, {
        builtOn: today,
        ...(o.isSetSupported ? { isSetSupported: o.isSetSupported } : {}),
      });
    },
    async resolve(register, key, choice) {
      const theirs = await client.resolve(register, key, choice);
      if (choice === 'theirs' && theirs) {
        const { lists } = await workbookRows(o.run, new Date().toISOString().slice(0, 10));
        const w = await writePulled(
          o.run,
          [{ register, key, values: theirs.values, deleted: theirs.deleted }],
          lists,
        );
        await client.markWritten(w.held);
      }
    },
    async stageNow(today) {
      const { rows, covered } = await workbookRows(o.run, today);
      await client.stage(rows, covered);
      return { pending: client.status().pending, scrubbed: client.scrubbed() };
    },
    syncNow,
  };
}
