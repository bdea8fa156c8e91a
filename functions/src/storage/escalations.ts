import { odata } from '@azure/data-tables';
import {
  ESCALATION_STATUSES,
  type EscalationReply,
  type EscalationView,
  type WireValue,
} from '../../../shared';
import { mapLimit } from '../util/mapLimit';
import { AUDIT_PREFIX, auditEntity, type AuditInput } from './audit';
import { BusyError } from './commit';
import { jsonText, keyPart, prefixEnd, readText, storedList, storedText } from './keys';
import { checkEntity, under, type PathOf } from './limits';
import { collect, statusOf, submitInBatches, type Action, type Tables } from './tables';

/** An appeal being handed up. */
export interface EscalationInput {
  readonly fromUnit: string;
  readonly toUnit: string;
  readonly appealId: string;
  readonly snapshot: Readonly<Record<string, WireValue>>;
  readonly note: string;
  readonly at: string;
}

interface EscalationEntity {
  direction: string;
  fromUnit: string;
  toUnit: string;
  appealId: string;
  snapshot: string;
  note: string;
  escalatedAt: string;
  status: string;
  /** Replies stored before each had its own entity (kept readable; never written any more). */
  replies?: string;
  /** How many reply entities the escalation has: the next one's number is this plus one. */
  replyCount?: number;
  updatedAt: string;
  /** Where it started (absent on escalations stored before forwarding: then it is fromUnit's own). */
  originUnit?: string;
  originAppealId?: string;
  /** JSON list of the units it passed, origin first, toUnit last. */
  chain?: string;
  acceptedAs?: string;
  acceptedBy?: string;
  forwardedTo?: string;
}

interface ReplyEntity {
  at: string;
  by: string;
  text: string;
}

const inKey = (fromUnit: string, appealId: string) => `in|${keyPart(fromUnit)}|${keyPart(appealId)}`;
const outKey = (toUnit: string, appealId: string) => `out|${keyPart(toUnit)}|${keyPart(appealId)}`;

// Replies live beside the receiving side's entity (the parent's partition), one entity each, so any
// number fit; a zero-padded number orders them. Both sides read them from there.
const replyPrefix = (fromUnit: string, appealId: string) => `${inKey(fromUnit, appealId)}|r|`;
const replyKey = (fromUnit: string, appealId: string, n: number) =>
  `${replyPrefix(fromUnit, appealId)}${String(n).padStart(8, '0')}`;

const MAX_ATTEMPTS = 8;

// Entity properties are named after the request fields they come from.
const escalationPath: PathOf = (p) =>
  p === 'rowKey' ? 'appealId' : p === 'partitionKey' ? 'unitId' : p === '' ? '$' : p;
const replyPath: PathOf = (p) =>
  p === 'rowKey' ? 'reply.appealId' : p === 'partitionKey' ? 'reply.fromUnit' : `reply${p ? `.${p}` : ''}`;

/** The reply entities of an escalation (in the receiving side's partition), in no particular order. */
function replyRows<T extends object>(
  t: Tables,
  toUnit: string,
  fromUnit: string,
  appealId: string,
  select?: string[],
): Promise<(T & { partitionKey: string; rowKey: string })[]> {
  const p = replyPrefix(fromUnit, appealId);
  return collect(
    t.escalations.listEntities<T & { partitionKey: string; rowKey: string }>({
      queryOptions: {
        filter: odata`PartitionKey eq ${toUnit} and RowKey ge ${p} and RowKey lt ${prefixEnd(p)}`,
        ...(select ? { select } : {}),
      },
    }),
  );
}

async function repliesOf(t: Tables, e: EscalationEntity): Promise<EscalationReply[]> {
  // Replies an older build kept in one property; a damaged one must not fail the unit's every pull.
  const legacy = storedList<EscalationReply>(e.replies) ?? [];
  if (!e.replyCount) return legacy;
  const rows = await replyRows<ReplyEntity>(t, e.toUnit, e.fromUnit, readText(e.appealId));
  rows.sort((a, b) => String(a.rowKey).localeCompare(String(b.rowKey)));
  return [...legacy, ...rows.map((r) => ({ at: r.at, by: readText(r.by), text: readText(r.text) }))];
}

const STATUSES: readonly string[] = ESCALATION_STATUSES;

const toView = (e: EscalationEntity, replies: readonly EscalationReply[]): EscalationView => ({
  direction: e.direction === 'in' ? 'in' : 'out',
  fromUnit: e.fromUnit,
  toUnit: e.toUnit,
  appealId: readText(e.appealId),
  snapshot: JSON.parse(e.snapshot || '{}') as Record<string, WireValue>,
  note: readText(e.note),
  escalatedAt: e.escalatedAt,
  status: STATUSES.includes(e.status) ? (e.status as EscalationView['status']) : 'open',
  replies,
  updatedAt: e.updatedAt,
  origin: {
    unitId: e.originUnit ?? e.fromUnit,
    appealId: e.originAppealId === undefined ? readText(e.appealId) : readText(e.originAppealId),
  },
  chain: storedList<string>(e.chain) ?? [e.fromUnit, e.toUnit],
  ...(e.acceptedAs === undefined ? {} : { acceptedAs: readText(e.acceptedAs) }),
  ...(e.acceptedBy ? { acceptedBy: e.acceptedBy } : {}),
  ...(e.forwardedTo ? { forwardedTo: e.forwardedTo } : {}),
});

const auditOf = (unit: string, audit: AuditInput, at: string) => {
  const e = auditEntity(unit, AUDIT_PREFIX, audit.actor, audit.action, audit.detail, new Date(at));
  checkEntity(e, under('audit'));
  return e;
};

/**
 * Hands an appeal up: one entity in the parent's partition (what it receives) and one in the
 * child's (what it sent). Both are upserts, so a retried request converges on the same state. The
 * child's entity and its audit entry commit in one transaction (both or neither), before the
 * parent's entity is written: the parent never sees an escalation its sender has no audit of.
 */
export async function putEscalation(
  t: Tables,
  x: EscalationInput,
  audit?: AuditInput,
): Promise<EscalationView> {
  const common = {
    fromUnit: x.fromUnit,
    toUnit: x.toUnit,
    appealId: storedText(x.appealId),
    snapshot: jsonText(x.snapshot),
    note: storedText(x.note),
    escalatedAt: x.at,
    status: 'open',
    updatedAt: x.at,
  };
  const incoming = {
    partitionKey: x.toUnit,
    rowKey: inKey(x.fromUnit, x.appealId),
    direction: 'in',
    ...common,
  };
  const outgoing = {
    partitionKey: x.fromUnit,
    rowKey: outKey(x.toUnit, x.appealId),
    direction: 'out',
    ...common,
  };
  checkEntity(incoming, escalationPath);
  checkEntity(outgoing, escalationPath);
  // Merge keeps the replies of an earlier escalation of the same appeal.
  if (audit) {
    const actions: Action[] = [
      ['upsert', outgoing, 'Merge'],
      ['create', auditOf(x.fromUnit, audit, x.at)],
    ];
    await t.escalations.submitTransaction(actions);
  } else await t.escalations.upsertEntity(outgoing, 'Merge');
  try {
    await t.escalations.upsertEntity(incoming, 'Merge');
  } catch (e) {
    // The sender's side is written and the parent's is not: the same request again converges on
    // both (upserts), so the client is told to retry (503), not that the cloud failed for good.
    throw new BusyError(`escalation ${x.fromUnit} → ${x.toUnit} is half written`, { cause: e });
  }
  const stored = await t.escalations.getEntity<EscalationEntity>(x.toUnit, inKey(x.fromUnit, x.appealId));
  return toView(stored, await repliesOf(t, stored));
}

/**
 * Adds the parent's reply to an escalation; null when no such escalation exists. The reply is an
 * entity of its own, committed with the escalation's new count (against its ETag, so two replies
 * at once both land) and the audit entry in one transaction; the child's side then learns of it.
 */
export async function addReply(
  t: Tables,
  toUnit: string,
  fromUnit: string,
  appealId: string,
  reply: EscalationReply,
  audit?: AuditInput,
): Promise<EscalationView | null> {
  for (let attempt = 0; ; attempt++) {
    let current: EscalationEntity & { etag: string };
    try {
      current = await t.escalations.getEntity<EscalationEntity>(toUnit, inKey(fromUnit, appealId));
    } catch (e) {
      if (statusOf(e) === 404) return null;
      throw e;
    }
    const n = Number(current.replyCount ?? 0) + 1;
    const patch = { status: 'replied', updatedAt: reply.at, replyCount: n };
    const entity = {
      partitionKey: toUnit,
      rowKey: replyKey(fromUnit, appealId, n),
      at: reply.at,
      by: storedText(reply.by),
      text: storedText(reply.text),
    };
    checkEntity(entity, replyPath);
    const actions: Action[] = [
      [
        'update',
        { partitionKey: toUnit, rowKey: inKey(fromUnit, appealId), ...patch },
        'Merge',
        { etag: current.etag },
      ],
      ['create', entity],
      ...(audit ? [['create', auditOf(toUnit, audit, reply.at)] as Action] : []),
    ];
    try {
      await t.escalations.submitTransaction(actions);
    } catch (e) {
      const status = statusOf(e);
      if (status !== 412 && status !== 409) throw e;
      // Replies kept racing for the escalation: busy (503, retry), as a contended sync is.
      if (attempt + 1 >= MAX_ATTEMPTS)
        throw new BusyError(`escalation ${fromUnit} → ${toUnit} is busy`, { cause: e });
      await new Promise((r) => setTimeout(r, Math.random() * 10 * (attempt + 1)));
      continue;
    }
    await t.escalations.upsertEntity(
      { partitionKey: fromUnit, rowKey: outKey(toUnit, appealId), ...patch },
      'Merge',
    );
    const view = { ...current, ...patch };
    return toView(view, await repliesOf(t, view));
  }
}

/** A unit's escalations, both directions, changed at or after `since` when given. */
export async function listEscalations(t: Tables, unit: string, since?: string): Promise<EscalationView[]> {
  // Only the escalations themselves: reply entities and audit entries share the partition.
  const filter = since
    ? odata`PartitionKey eq ${unit} and (direction eq ${'in'} or direction eq ${'out'}) and updatedAt ge ${since}`
    : odata`PartitionKey eq ${unit} and (direction eq ${'in'} or direction eq ${'out'})`;
  const all = await collect(t.escalations.listEntities<EscalationEntity>({ queryOptions: { filter } }));
  const views = await mapLimit(all, 8, async (e) => toView(e, await repliesOf(t, e)));
  return views.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
}

/** Removes both sides of an escalation and its replies (the retention job, once the appeal is purged). */
export async function deleteEscalation(
  t: Tables,
  fromUnit: string,
  toUnit: string,
  appealId: string,
): Promise<void> {
  const replies = await replyRows(t, toUnit, fromUnit, appealId, ['PartitionKey', 'RowKey']);
  await submitInBatches(
    t.escalations,
    replies.map((e): Action => ['delete', { partitionKey: e.partitionKey, rowKey: e.rowKey }]),
  );
  for (const [pk, rk] of [
    [toUnit, inKey(fromUnit, appealId)],
    [fromUnit, outKey(toUnit, appealId)],
  ] as const) {
    try {
      await t.escalations.deleteEntity(pk, rk);
    } catch (e) {
      if (statusOf(e) !== 404) throw e;
    }
  }
}
