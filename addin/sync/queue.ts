import type { WireValue } from '../../shared';
import type { KeyValueStore } from './kv';
import { jsonBytes } from './size';

/** A change waiting to reach the cloud. */
export interface QueuedChange {
  readonly id: string;
  readonly register: string;
  readonly key: string;
  changeId: string;
  /** The revision it was edited from; null for a new record, or until the change before it lands. */
  baseRevision: string | null;
  /** Waits for the earlier queued change of the same record, whose result becomes its base. */
  afterPrevious: boolean;
  values: Record<string, WireValue>;
  deleted: boolean;
  changed: string[];
  hash: string;
  fields: string;
  /** Sent at least once: the cloud may have it, so it is resent unchanged (same change id) only. */
  attempted: boolean;
  /** Text fields whose identity numbers were replaced by （已隐去） when staged, for the clerk to see. */
  scrubbed?: string[];
}

/** A new edit for the queue. */
export type Edit = Omit<QueuedChange, 'changeId' | 'afterPrevious' | 'attempted'>;

/**
 * The offline queue, persisted after every change so it survives closing Excel. Edits to a record
 * not yet sent are merged; once a change has been sent, later edits queue behind it.
 */
export class OfflineQueue {
  private constructor(
    private readonly store: KeyValueStore,
    private readonly key: string,
    private items: QueuedChange[],
    private readonly newId: () => string,
  ) {}

  /** Opens the unit's queue as it was left. */
  static async open(store: KeyValueStore, unitId: string, newId: () => string): Promise<OfflineQueue> {
    const key = `xieshang.sync.${unitId}.queue`;
    const raw = await store.getItem(key);
    return new OfflineQueue(store, key, raw ? (JSON.parse(raw) as QueuedChange[]) : [], newId);
  }

  /** How many changes wait. */
  get size(): number {
    return this.items.length;
  }

  /** Every waiting change, oldest first. */
  entries(): readonly QueuedChange[] {
    return this.items;
  }

  /** The newest waiting change of a record. */
  latest(id: string): QueuedChange | undefined {
    for (let i = this.items.length - 1; i >= 0; i--) if (this.items[i]?.id === id) return this.items[i];
    return undefined;
  }

  /** Queues edits (persisting once), each merged into an unsent change of the same record. */
  async add(edits: readonly Edit[]): Promise<void> {
    for (const edit of edits) {
      const last = this.latest(edit.id);
      if (last && !last.attempted) {
        Object.assign(last, {
          values: edit.values,
          deleted: edit.deleted,
          hash: edit.hash,
          fields: edit.fields,
          changeId: this.newId(),
        });
        if (edit.scrubbed) last.scrubbed = edit.scrubbed;
        else delete last.scrubbed;
        last.changed = [...new Set([...last.changed, ...edit.changed])];
      } else {
        const base = last ? null : edit.baseRevision;
        this.items.push({
          ...edit,
          changeId: this.newId(),
          afterPrevious: !!last,
          baseRevision: base,
          attempted: false,
        });
      }
    }
    await this.save();
  }

  /**
   * The changes to send next: the first of each record, within a count and a size in UTF-8 bytes
   * (`measure` gives a change's bytes in the request; by default its whole queued form, an
   * overestimate). The first change always goes, so one too large for any request is refused
   * by the cloud and set aside instead of blocking the queue.
   */
  next(maxCount: number, maxBytes: number, measure: (c: QueuedChange) => number = jsonBytes): QueuedChange[] {
    const out: QueuedChange[] = [];
    const seen = new Set<string>();
    let bytes = 0;
    for (const c of this.items) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      if (out.length >= maxCount) break;
      const size = measure(c);
      if (out.length > 0 && bytes + size > maxBytes) break;
      out.push(c);
      bytes += size;
    }
    return out;
  }

  /** Marks changes as sent (before sending: a crash after it must not make them look unsent). */
  async markAttempted(changes: readonly QueuedChange[]): Promise<void> {
    for (const c of changes) c.attempted = true;
    await this.save();
  }

  /** Removes a change that reached the cloud; the record's next change takes its revision as base. */
  settle(changeId: string, revision: string): void {
    const i = this.items.findIndex((c) => c.changeId === changeId);
    if (i < 0) return;
    const [done] = this.items.splice(i, 1);
    const next = this.items.find((c) => c.id === done?.id);
    if (next?.afterPrevious) Object.assign(next, { baseRevision: revision, afterPrevious: false });
  }

  /** Removes every change of a record (a conflict or a refusal), returning them. */
  drop(id: string): QueuedChange[] {
    const gone = this.items.filter((c) => c.id === id);
    this.items = this.items.filter((c) => c.id !== id);
    return gone;
  }

  /** Persists the queue. */
  save(): Promise<void> {
    return this.store.setItem(this.key, JSON.stringify(this.items));
  }
}
