// The HTTP contract between the add-in's sync client and the functions, in one place: both ends
// import these types from here, so a change to the wire is a change to both.
import type { Figures } from '../ledger/figures';
import type { Period } from '../ledger/period';
import type { Reminder } from '../reminders';
import type { Bilingual } from '../text';

/** A register value as it travels: numbers for number fields, text (dates as YYYY-MM-DD) otherwise. */
export type WireValue = string | number;

/** One changed record pushed by the add-in (never carrying appellant identity). */
export interface PushRecord {
  readonly register: string;
  readonly key: string;
  /** Client-generated id of this change; a retried push with the same id changes nothing twice. */
  readonly changeId: string;
  /** The revision the clerk edited from; null for a record the cloud has never seen. */
  readonly baseRevision: string | null;
  readonly values?: Readonly<Record<string, WireValue>>;
  readonly deleted?: boolean;
  /** Field keys the clerk changed, when the client knows them (kept in the audit log). */
  readonly changed?: readonly string[];
}

/** The body of POST /api/units/{unitId}/sync. */
export interface SyncRequest {
  readonly schemaVersion: number;
  /** Opaque cursor from the previous response; absent on the first sync. */
  readonly cursor?: string;
  readonly records?: readonly PushRecord[];
  /** Quarters whose work ledger the workbook has built, as '2025Q3'. */
  readonly ledgersBuilt?: readonly string[];
  /** ISO time of the newest escalation already seen. */
  readonly escalationsSince?: string;
}

/** A version of a record as the cloud holds it. */
export interface StoredVersion {
  readonly revision: string;
  readonly values: Readonly<Record<string, WireValue>>;
  readonly deleted: boolean;
  /** Removed by the retention job; values are gone. */
  readonly purged: boolean;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

/** A record changed since the client's cursor. */
export interface PulledRecord extends StoredVersion {
  readonly register: string;
  readonly key: string;
}

/** What happened to one pushed record that was not a conflict. */
export interface PushResult {
  readonly register: string;
  readonly key: string;
  readonly changeId: string;
  /** applied: written now; duplicate: this change id was applied before; unchanged: the cloud already had these values. */
  readonly status: 'applied' | 'duplicate' | 'unchanged';
  readonly revision: string;
}

/** A stale edit: nothing was overwritten; both versions come back for the clerk to choose. */
export interface SyncConflict {
  readonly register: string;
  readonly key: string;
  readonly changeId: string;
  readonly yours: {
    readonly baseRevision: string | null;
    readonly values: Readonly<Record<string, WireValue>>;
    readonly deleted: boolean;
  };
  /** The cloud's current version, or null when the cloud no longer has the record. */
  readonly theirs: StoredVersion | null;
}

/** An appeal handed up to the parent unit, without appellant identity. */
export interface EscalationView {
  /** in: handed up to this unit; out: this unit handed it up. */
  readonly direction: 'in' | 'out';
  readonly fromUnit: string;
  readonly toUnit: string;
  readonly appealId: string;
  readonly snapshot: Readonly<Record<string, WireValue>>;
  readonly note: string;
  readonly escalatedAt: string;
  readonly status: 'open' | 'replied';
  readonly replies: readonly EscalationReply[];
  readonly updatedAt: string;
}

/** The parent unit's answer to an escalated appeal. */
export interface EscalationReply {
  readonly at: string;
  readonly by: string;
  readonly text: string;
}

/** The response of POST /api/units/{unitId}/sync. */
export interface SyncResponse {
  readonly results: readonly PushResult[];
  readonly conflicts: readonly SyncConflict[];
  readonly changes: readonly PulledRecord[];
  readonly cursor: string;
  /** More changes wait beyond `cursor`; sync again. */
  readonly more: boolean;
  readonly escalations: readonly EscalationView[];
  readonly serverTime: string;
}

/** The body of POST /api/units/{unitId}/escalations: hand an appeal up, or answer one handed up. */
export type EscalationRequest =
  | { readonly appealId: string; readonly note?: string }
  | { readonly reply: { readonly fromUnit: string; readonly appealId: string; readonly text: string } };

/** A reminder as the API returns it; `fromUnit` marks an appeal escalated from a child unit. */
export type ReminderView = Reminder & { readonly fromUnit?: string };

/** The response of GET /api/units/{unitId}/reminders. */
export interface RemindersResponse {
  readonly unitId: string;
  readonly today: string;
  readonly reminders: readonly ReminderView[];
}

/** One unit's figures in a summary. */
export interface UnitFigures {
  readonly unitId: string;
  readonly name: string;
  readonly parentId: string;
  readonly figures: Figures;
}

/** A node of the unit tree with the figures of its whole subtree. */
export interface TreeFigures {
  readonly unitId: string;
  readonly name: string;
  readonly figures: Figures;
  readonly children: readonly TreeFigures[];
}

/** The response of GET /api/orgs/{orgId}/summary. */
export interface SummaryResponse {
  readonly orgId: string;
  readonly period: Period;
  readonly asOf: string;
  readonly units: readonly UnitFigures[];
  readonly tree: TreeFigures;
}

/** A problem with one field of a request. */
export interface FieldProblem {
  readonly path: string;
  readonly message: Bilingual;
}

/** Every error response's body. */
export interface ApiError {
  readonly error: {
    readonly code: string;
    readonly message: Bilingual;
    readonly path?: string;
    readonly limit?: number;
    readonly problems?: readonly FieldProblem[];
    /** With `record-purged`: every record of the request the retention job has purged. */
    readonly purged?: readonly { readonly register: string; readonly key: string }[];
  };
}
