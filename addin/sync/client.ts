import {
  type Bilingual,
  type EscalationView,
  MAX_RECORDS,
  type PulledRecord,
  say,
  type SyncConflict,
} from '../../shared';
import { ApiFailure } from './api';
import { applyResponse } from './apply';
import { diffWorkbook, type WorkbookRecord } from './diff';
import { tolerantStore, type KeyValueStore } from './kv';
import { pushBytes, sendBatch, syncRequest, type PushOptions } from './push';
import { OfflineQueue } from './queue';
import { resolveConflict } from './resolve';
import { jsonBytes, REQUEST_BUDGET_BYTES } from './size';
import { loadState, markHeld, recordId, saveState, type RejectedChange, type SyncState } from './state';

/** How the client is wired: the API, where it persists, and (for tests) time and randomness. */
export interface SyncClientOptions extends PushOptions {
  readonly store: KeyValueStore;
  readonly newId?: () => string;
  readonly now?: () => Date;
}

/** Where syncing stands, for the pane's status line. */
export interface SyncStatus {
  readonly phase: 'idle' | 'syncing' | 'offline' | 'error';
  readonly pending: number;
  readonly conflicts: number;
  readonly rejected: number;
  readonly lastSyncAt?: string;
  readonly lastError?: Bilingual;
  /** The queue or state could not be saved on this machine (storage full): kept in memory until synced. */
  readonly unsaved?: true;
}

/** What a sync did. */
export interface SyncOutcome {
  readonly ok: boolean;
  readonly pushed: number;
  /** Changes made in the cloud by others: write them into the workbook, keeping the row's identity cells. */
  readonly pulled: PulledRecord[];
  readonly conflicts: SyncConflict[];
  readonly escalations: EscalationView[];
  /** Records the cloud purged by retention, learnt in this sync: no longer offered (the pane says why once). */
  readonly purged: { readonly register: string; readonly key: string }[];
  readonly error?: ApiFailure;
}

/** Text that leaves the machine with identity numbers replaced by （已隐去）, as it will be sent. */
export interface ScrubbedText {
  readonly register: string;
  readonly key: string;
  readonly field: string;
  readonly text: string;
}

const MAX_ROUNDS = 200;

/**
 * The add-in's sync client: stages the workbook's changes (identity stripped) into an offline queue
 * that survives closing Excel, pushes and pulls with retries, and keeps conflicts for the clerk.
 */
export class SyncClient {
  private phase: SyncStatus['phase'] = 'idle';
  private lastError: Bilingual | undefined;
  private running: Promise<SyncOutcome> | undefined;
  private readonly listeners = new Set<(s: SyncStatus) => void>();

  private constructor(
    private readonly o: SyncClientOptions,
    private readonly store: KeyValueStore & { unsaved(): boolean },
    private readonly state: SyncState,
    private readonly queue: OfflineQueue,
  ) {}

  /** Opens the client with whatever the unit's queue and state held when Excel was last closed. */
  static async open(o: SyncClientOptions): Promise<SyncClient> {
    const newId = o.newId ?? (() => globalThis.crypto.randomUUID());
    // A save that fails (storage full) never stops staging or syncing; the status says so.
    const made: { client?: SyncClient } = {};
    const store = tolerantStore(o.store, () => made.client?.emit());
    const [state, queue] = await Promise.all([
      loadState(store, o.unitId),
      OfflineQueue.open(store, o.unitId, newId),
    ]);
    const client = new SyncClient(o, store, state, queue);
    made.client = client;
    return client;
  }

  /** The current status. */
  status(): SyncStatus {
    return {
      phase: this.phase,
      pending: this.queue.size,
      conflicts: this.state.conflicts.length,
      rejected: this.state.rejected.length,
      ...(this.state.lastSyncAt ? { lastSyncAt: this.state.lastSyncAt } : {}),
      ...(this.lastError ? { lastError: this.lastError } : {}),
      ...(this.store.unsaved() ? { unsaved: true as const } : {}),
    };
  }

  /** Calls `fn` on every status change; returns the unsubscribe function. */
  subscribe(fn: (s: SyncStatus) => void): () => void {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  }

  /** Stale edits waiting for the clerk to choose a version. */
  conflicts(): readonly SyncConflict[] {
    return this.state.conflicts;
  }

  /** Changes the cloud refused as invalid. */
  rejected(): readonly RejectedChange[] {
    return this.state.rejected;
  }

  /** Escalations to and from this unit, with replies. */
  escalations(): readonly EscalationView[] {
    return this.state.escalations;
  }

  /** Notes which quarters' work ledgers the workbook has (the cloud's ledger reminder reads it). */
  async setLedgersBuilt(quarters: readonly string[]): Promise<void> {
    this.state.ledgersBuilt = [...quarters];
    await this.saveState();
  }

  /** The waiting changes whose text had identity numbers scrubbed, with the text as it will be sent. */
  scrubbed(): ScrubbedText[] {
    return this.queue.entries().flatMap((c) =>
      (c.deleted ? [] : (c.scrubbed ?? [])).map((field) => ({
        register: c.register,
        key: c.key,
        field,
        text: String(c.values[field] ?? ''),
      })),
    );
  }

  /**
   * Queues what changed in the workbook since the last sync; `covered` names the registers the rows
   * come from. Not staged: records in conflict, records the cloud purged by retention, and records
   * it refused whose row has not changed since.
   */
  async stage(rows: readonly WorkbookRecord[], covered: readonly string[]): Promise<number> {
    const inConflict = new Set(this.state.conflicts.map((c) => recordId(c.register, c.key)));
    const purged = new Set(this.state.purged ?? []);
    const refused = new Map(this.state.rejected.map((r) => [recordId(r.register, r.key), r.hash]));
    const read = new Set(covered);
    // Rows the workbook has now: it holds them, so their absence later is the clerk's deletion.
    markHeld(
      this.state,
      rows.filter((r) => read.has(r.register)).map((r) => recordId(r.register, r.key)),
    );
    const edits = diffWorkbook(rows, covered, this.state.known, (id) => this.queue.latest(id)).filter(
      (e) =>
        !inConflict.has(e.id) && !purged.has(e.id) && !(refused.has(e.id) && refused.get(e.id) === e.hash),
    );
    // A refusal goes from the list once its row is staged again or is gone from the workbook.
    const retried = new Set(edits.map((e) => e.id));
    const present = new Set(rows.map((r) => recordId(r.register, r.key)));
    this.state.rejected = this.state.rejected.filter((r) => {
      const id = recordId(r.register, r.key);
      return !retried.has(id) && (present.has(id) || !read.has(r.register));
    });
    if (edits.length) await this.queue.add(edits);
    await this.saveState();
    this.emit();
    return edits.length;
  }

  /** Notes records written into the workbook from a pull: the workbook now holds them (KnownRecord.held). */
  async markWritten(records: readonly { register: string; key: string }[]): Promise<void> {
    markHeld(
      this.state,
      records.map((r) => recordId(r.register, r.key)),
    );
    await this.saveState();
  }

  /** Settles a conflict by the clerk's choice (see resolveConflict); 'theirs' returns the version to write. */
  async resolve(register: string, key: string, choice: 'mine' | 'theirs'): Promise<SyncConflict['theirs']> {
    const theirs = await resolveConflict(this.state, this.queue, register, key, choice);
    await this.saveState();
    this.emit();
    return theirs;
  }

  /** Pushes the queue and pulls until up to date; one run at a time (a second call joins the first). */
  sync(): Promise<SyncOutcome> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<SyncOutcome> {
    this.set('syncing');
    const pulled: PulledRecord[] = [];
    const conflicts: SyncConflict[] = [];
    const escalations: EscalationView[] = [];
    const purgedBefore = new Set(this.state.purged ?? []);
    // Only records this workbook synced or is sending are news to the clerk; tombstones of others
    // (a first pull from the start) are remembered without a word.
    const ours = new Set([
      ...Object.entries(this.state.known)
        .filter(([, k]) => !k.deleted)
        .map(([id]) => id),
      ...this.queue.entries().map((c) => c.id),
    ]);
    const purged = () =>
      (this.state.purged ?? [])
        .filter((id) => !purgedBefore.has(id) && ours.has(id))
        .map((id) => ({ register: id.slice(0, id.indexOf('|')), key: id.slice(id.indexOf('|') + 1) }));
    let pushed = 0;
    // Halved on every request the cloud finds too large, for the rest of this sync.
    let cap = MAX_RECORDS;
    try {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const budget = REQUEST_BUDGET_BYTES - jsonBytes(syncRequest([], this.state));
        const batch = this.queue.next(cap, budget, pushBytes);
        await this.queue.markAttempted(batch);
        const sent = await sendBatch(this.o, batch, this.queue, this.state);
        if (sent.kind === 'too-large') cap = Math.max(1, Math.ceil(batch.length / 2));
        if (sent.kind !== 'response') {
          await this.persist();
          continue;
        }
        const res = sent.response;
        const a = applyResponse(res, batch, this.queue, this.state);
        pushed += a.pushed;
        pulled.push(...a.pulled);
        conflicts.push(...a.conflicts);
        escalations.push(...a.escalations);
        await this.persist();
        if (!res.more && this.queue.size === 0) break;
      }
      this.state.lastSyncAt = (this.o.now?.() ?? new Date()).toISOString();
      this.lastError = undefined;
      this.set('idle');
      return { ok: true, pushed, pulled, conflicts, escalations, purged: purged() };
    } catch (e) {
      const error = e instanceof ApiFailure ? e : new ApiFailure(0, 'client', say('同步失败', 'sync failed'));
      this.lastError = error.text;
      this.set(error.retryable ? 'offline' : 'error');
      return { ok: false, pushed, pulled, conflicts, escalations, purged: purged(), error };
    } finally {
      await this.persist();
      this.emit();
    }
  }

  private async persist(): Promise<void> {
    await Promise.all([this.queue.save(), this.saveState()]);
  }

  private saveState(): Promise<void> {
    return saveState(this.store, this.o.unitId, this.state);
  }

  private set(phase: SyncStatus['phase']): void {
    this.phase = phase;
    this.emit();
  }

  private emit(): void {
    const s = this.status();
    for (const fn of this.listeners) fn(s);
  }
}
