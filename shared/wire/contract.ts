// The HTTP contract between the add-in's sync client and the functions, in one place: both ends
// import these types from here, so a change to the wire is a change to both. Each type is inferred
// from its schema in ./schema.ts, which the functions check requests against and the add-in checks
// responses against: the type and the check cannot drift apart.
import type { z } from 'zod';
import type {
  apiErrorSchema,
  DeepReadonly,
  escalationAcceptRequestSchema,
  escalationForwardRequestSchema,
  escalationOriginSchema,
  escalationReplySchema,
  escalationRequestSchema,
  escalationViewSchema,
  fieldProblemSchema,
  pulledRecordSchema,
  pushRecordSchema,
  pushResultSchema,
  remindersResponseSchema,
  reminderViewSchema,
  storedVersionSchema,
  summaryResponseSchema,
  syncConflictSchema,
  syncRequestSchema,
  syncResponseSchema,
  unitFiguresSchema,
  unitNodeSchema,
  unitsResponseSchema,
  wireValueSchema,
} from './schema';

/** A schema's parsed type, readonly throughout. */
type Wire<S extends z.ZodType> = DeepReadonly<z.output<S>>;

/** A register value as it travels: numbers for number fields, text (dates as YYYY-MM-DD) otherwise. */
export type WireValue = z.output<typeof wireValueSchema>;

/** One changed record pushed by the add-in (never carrying appellant identity). */
export type PushRecord = Wire<typeof pushRecordSchema>;

/** The body of POST /api/units/{unitId}/sync. */
export type SyncRequest = Wire<typeof syncRequestSchema>;

/** A version of a record as the cloud holds it. */
export type StoredVersion = Wire<typeof storedVersionSchema>;

/** A record changed since the client's cursor. */
export type PulledRecord = Wire<typeof pulledRecordSchema>;

/** What happened to one pushed record that was not a conflict. */
export type PushResult = Wire<typeof pushResultSchema>;

/** A stale edit: nothing was overwritten; both versions come back for the clerk to choose. */
export type SyncConflict = Wire<typeof syncConflictSchema>;

/** An appeal handed up to the parent unit, without appellant identity. */
export type EscalationView = Wire<typeof escalationViewSchema>;

/** The parent unit's answer to an escalated appeal. */
export type EscalationReply = Wire<typeof escalationReplySchema>;

/** The response of POST /api/units/{unitId}/sync. */
export type SyncResponse = Wire<typeof syncResponseSchema>;

/** The body of POST /api/units/{unitId}/escalations: hand an appeal up, or reply, accept or forward one handed up. */
export type EscalationRequest = Wire<typeof escalationRequestSchema>;

/** The parent takes an escalated appeal into its own register under the 编号 `acceptedAs`. */
export type EscalationAcceptRequest = Wire<typeof escalationAcceptRequestSchema>;

/** The parent passes an escalated appeal one level further up, to its own parent. */
export type EscalationForwardRequest = Wire<typeof escalationForwardRequestSchema>;

/** Where an escalation started: the unit and 编号 first handed up. */
export type EscalationOrigin = Wire<typeof escalationOriginSchema>;

/** Where an escalation stands at its level: open 等待答复, replied 已答复, accepted 已受理, forwarded 已转报. */
export type EscalationStatus = EscalationView['status'];

/** A reminder as the API returns it; `fromUnit` marks an appeal escalated from a child unit. */
export type ReminderView = Wire<typeof reminderViewSchema>;

/** The response of GET /api/units/{unitId}/reminders. */
export type RemindersResponse = Wire<typeof remindersResponseSchema>;

/** One unit's figures in a summary. */
export type UnitFigures = Wire<typeof unitFiguresSchema>;

/** A node of the unit tree with the figures of its whole subtree (recursive: written out in ./schema.ts). */
export type { TreeFigures } from './schema';

/** The response of GET /api/orgs/{orgId}/summary. */
export type SummaryResponse = Wire<typeof summaryResponseSchema>;

/** One unit of a tree as GET /api/orgs/{orgId}/units lists it. */
export type UnitNode = Wire<typeof unitNodeSchema>;

/** The response of GET /api/orgs/{orgId}/units. */
export type UnitsResponse = Wire<typeof unitsResponseSchema>;

/** A problem with one field of a request. */
export type FieldProblem = Wire<typeof fieldProblemSchema>;

/** Every error response's body. */
export type ApiError = Wire<typeof apiErrorSchema>;
