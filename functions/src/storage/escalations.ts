import { odata } from '@azure/data-tables';
import {
  ESCALATION_STATUSES,
  forwardedAppealId,
  type EscalationReply,
  type EscalationView,
  type WireValue,
} from '../../../shared';
import { mapLimit } from '../util/mapLimit';
import { type Actor, auditRow, type AuditInput } from './audit';
import { BusyError } from './commit';
import { jsonText, keyPart, prefixEnd, readText, storedList, storedText } from './keys';
import { checkEntity, type PathOf } from './limits';
import { collect, statusOf, submitInBatches, type Action, type Tables } from './tables';

/** An appeal being handed up. */
export interface EscalationInput {
  readonly fromUnit: string;
  readonly toUnit: string;
  readonly appealId: string;
  readonly snapshot: Readonly<Record<string, WireValue>>;
  readonly note: string;
  readonly at: string;
  /** When passed further up: where it started, the units it passed (origin first, toUnit last). */
  readonly origin?: { readonly unitId: string; readonly appealId: string };
  readonly chain?: readonly string[];
  /** When passed further up: the escalation one level down, handed up to fromUnit by this unit. */
  readonly below?: { readonly fromUnit: string; readonly appealId: string };
}

/** Where an escalation now stands, as one level decides it; the levels below follow. */
export type EscalationAct =
  | { readonly kind: 'reply'; readonly reply: EscalationReply }
  | {
      readonly kind: 'accept';
      readonly acceptedAs: string;
      readonly at: string;
      readonly reply?: EscalationReply;
    }
  | { readonly kind: 'forward'; readonly forwardedTo: string; readonly at: string };

/** Why an act on an escalation was refused. */
export class EscalationStateError extends Error {
  constructor(readonly status: string) {
    super(`the escalation is ${status}`);
  }
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
  /** JSON {fromUnit, appealId}: the escalation one level down that this one passes on. */
  below?: string;
}

interface ReplyEntity {
  at: string;
  by: string;
  text: string;
  /** The unit above that wrote it, on a copy relayed down. */
  unit?: string;
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
  return [
    ...legacy,
    ...rows.map((r) => ({
      at: r.at,
      by: readText(r.by),
      text: readText(r.text),
      ...(r.unit ? { unit: r.unit } : {}),
    })),
  ];
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
  chain: (e.chain && storedList<string>(e.chain)) || [e.fromUnit, e.toUnit],
  ...(e.acceptedAs === undefined ? {} : { acceptedAs: readText(e.acceptedAs) }),
  ...(e.acceptedBy ? { acceptedBy: e.acceptedBy } : {}),
  ...(e.forwardedTo ? { forwardedTo: e.forwardedTo } : {}),
});

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
    ...(x.origin ? { originUnit: x.origin.unitId, originAppealId: storedText(x.origin.appealId) } : {}),
    ...(x.chain ? { chain: JSON.stringify(x.chain) } : {}),
    ...(x.below ? { below: jsonText(x.below) } : {}),
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
      ['create', auditRow(x.fromUnit, audit, new Date(x.at))],
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

const belowOf = (e: EscalationEntity): { fromUnit: string; appealId: string } | null => {
  if (!e.below) return null;
  try {
    const b = JSON.parse(e.below) as { fromUnit?: unknown; appealId?: unknown };
    return typeof b.fromUnit === 'string' && typeof b.appealId === 'string'
      ? { fromUnit: b.fromUnit, appealId: b.appealId }
      : null;
  } catch {
    return null;
  }
};

/** The properties an act sets on an escalation (both sides), given where it stands. */
function patchOf(
  act: EscalationAct,
  current: EscalationEntity,
  actingUnit: string,
): Record<string, unknown> & { updatedAt: string } {
  switch (act.kind) {
    case 'reply':
      // A reply after an acceptance is news on an accepted appeal: it stays accepted.
      return { status: current.status === 'accepted' ? 'accepted' : 'replied', updatedAt: act.reply.at };
    case 'accept':
      return {
        status: 'accepted',
        acceptedAs: storedText(act.acceptedAs),
        acceptedBy: actingUnit,
        updatedAt: act.at,
      };
    case 'forward':
      return { status: 'forwarded', forwardedTo: act.forwardedTo, updatedAt: act.at };
  }
}

const replyOf = (act: EscalationAct): EscalationReply | undefined =>
  act.kind === 'forward' ? undefined : act.reply;

/**
 * Applies an act to the escalation `fromUnit` handed up to `toUnit` as `appealId`; null when there
 * is none. The escalation's new state, its reply entity (if any) and the audit entry commit in one
 * transaction against its ETag (two acts at once both land, in turn); the sender's side follows.
 * `check` may refuse the act given the current state.
 */
async function actAtLevel(
  t: Tables,
  toUnit: string,
  fromUnit: string,
  appealId: string,
  act: EscalationAct,
  actingUnit: string,
  audit?: AuditInput,
  check?: (current: EscalationEntity) => void,
): Promise<EscalationEntity | null> {
  for (let attempt = 0; ; attempt++) {
    let current: EscalationEntity & { etag: string };
    try {
      current = await t.escalations.getEntity<EscalationEntity>(toUnit, inKey(fromUnit, appealId));
    } catch (e) {
      if (statusOf(e) === 404) return null;
      throw e;
    }
    check?.(current);
    const reply = replyOf(act);
    const n = Number(current.replyCount ?? 0) + (reply ? 1 : 0);
    const patch = { ...patchOf(act, current, actingUnit), ...(reply ? { replyCount: n } : {}) };
    const actions: Action[] = [
      [
        'update',
        { partitionKey: toUnit, rowKey: inKey(fromUnit, appealId), ...patch },
        'Merge',
        { etag: current.etag },
      ],
    ];
    if (reply) {
      const entity = {
        partitionKey: toUnit,
        rowKey: replyKey(fromUnit, appealId, n),
        at: reply.at,
        by: storedText(reply.by),
        text: storedText(reply.text),
        ...(reply.unit ? { unit: reply.unit } : {}),
      };
      checkEntity(entity, replyPath);
      actions.push(['create', entity]);
    }
    if (audit) actions.push(['create', auditRow(toUnit, audit, new Date(patch.updatedAt))]);
    try {
      await t.escalations.submitTransaction(actions);
    } catch (e) {
      const status = statusOf(e);
      if (status !== 412 && status !== 409) throw e;
      // Acts kept racing for the escalation: busy (503, retry), as a contended sync is.
      if (attempt + 1 >= MAX_ATTEMPTS)
        throw new BusyError(`escalation ${fromUnit} → ${toUnit} is busy`, { cause: e });
      await new Promise((r) => setTimeout(r, Math.random() * 10 * (attempt + 1)));
      continue;
    }
    await t.escalations.upsertEntity(
      { partitionKey: fromUnit, rowKey: outKey(toUnit, appealId), ...patch },
      'Merge',
    );
    return { ...current, ...patch } as EscalationEntity;
  }
}

/**
 * Carries a reply or an acceptance from above down every level an escalation was passed through:
 * each level below gets the same state and a copy of the reply naming the unit that wrote it, with
 * an audit entry in its own partition (a transaction holds one partition only).
 */
async function relayDown(
  t: Tables,
  top: EscalationEntity,
  act: EscalationAct,
  actingUnit: string,
  actor?: Actor,
): Promise<void> {
  const reply = replyOf(act);
  const relayed: EscalationAct =
    act.kind === 'reply'
      ? { kind: 'reply', reply: { ...act.reply, unit: act.reply.unit ?? actingUnit } }
      : act.kind === 'accept' && reply
        ? { ...act, reply: { ...reply, unit: reply.unit ?? actingUnit } }
        : act;
  const seen = new Set<string>();
  for (let level = top, below = belowOf(top); below; below = belowOf(level)) {
    const id = `${level.fromUnit}|${below.fromUnit}|${below.appealId}`;
    if (seen.has(id)) return; // a cycle in stored data must not loop
    seen.add(id);
    const audit: AuditInput | undefined = actor && {
      actor,
      action: `escalation.relay.${act.kind}`,
      detail: { fromUnit: below.fromUnit, appealId: below.appealId, by: actingUnit },
    };
    const next = await actAtLevel(
      t,
      level.fromUnit,
      below.fromUnit,
      below.appealId,
      relayed,
      actingUnit,
      audit,
    );
    if (!next) return;
    level = next;
  }
}

/**
 * Adds the parent's reply to an escalation; null when no such escalation exists. The reply is an
 * entity of its own, committed with the escalation's new count (against its ETag, so two replies
 * at once both land) and the audit entry in one transaction; the child's side then learns of it,
 * and so does every level below when the escalation was passed up to this unit.
 */
export async function addReply(
  t: Tables,
  toUnit: string,
  fromUnit: string,
  appealId: string,
  reply: EscalationReply,
  audit?: AuditInput,
): Promise<EscalationView | null> {
  const act: EscalationAct = { kind: 'reply', reply };
  const view = await actAtLevel(t, toUnit, fromUnit, appealId, act, toUnit, audit);
  if (!view) return null;
  await relayDown(t, view, act, toUnit, audit?.actor);
  return toView(view, await repliesOf(t, view));
}

/**
 * The unit `toUnit` takes an escalation into its own register as `acceptedAs`; null when there is
 * none. Refused (EscalationStateError) once it was passed further up: the unit above decides then.
 */
export async function acceptEscalation(
  t: Tables,
  toUnit: string,
  fromUnit: string,
  appealId: string,
  accept: { readonly acceptedAs: string; readonly at: string; readonly reply?: EscalationReply },
  audit?: AuditInput,
): Promise<EscalationView | null> {
  const act: EscalationAct = { kind: 'accept', ...accept };
  const view = await actAtLevel(t, toUnit, fromUnit, appealId, act, toUnit, audit, (c) => {
    if (c.status === 'forwarded') throw new EscalationStateError(c.status);
    if (c.status === 'accepted' && readText(c.acceptedAs) !== accept.acceptedAs)
      throw new EscalationStateError(c.status);
  });
  if (!view) return null;
  await relayDown(t, view, act, toUnit, audit?.actor);
  return toView(view, await repliesOf(t, view));
}

/**
 * Passes the escalation `fromUnit` handed up to `toUnit` on to `parentId` (toUnit's own parent): a
 * new escalation from toUnit, keyed by its origin (forwardedAppealId), linked to the one below, its
 * audit entry committed with toUnit's side of it; the one below is then marked forwarded. Null when
 * there is none; refused (EscalationStateError) once accepted. A retry converges (upserts).
 */
export async function forwardEscalation(
  t: Tables,
  toUnit: string,
  fromUnit: string,
  appealId: string,
  forward: { readonly parentId: string; readonly note: string; readonly at: string },
  audit?: AuditInput,
): Promise<{ readonly below: EscalationView; readonly above: EscalationView } | null> {
  let current: EscalationEntity;
  try {
    current = await t.escalations.getEntity<EscalationEntity>(toUnit, inKey(fromUnit, appealId));
  } catch (e) {
    if (statusOf(e) === 404) return null;
    throw e;
  }
  if (current.status === 'accepted') throw new EscalationStateError(current.status);
  const here = toView(current, []);
  const origin = here.origin;
  if (here.chain.includes(forward.parentId)) throw new EscalationStateError('cycle');
  const above = await putEscalation(
    t,
    {
      fromUnit: toUnit,
      toUnit: forward.parentId,
      appealId: forwardedAppealId(origin),
      snapshot: here.snapshot,
      note: forward.note,
      at: forward.at,
      origin,
      chain: [...here.chain, forward.parentId],
      below: { fromUnit, appealId },
    },
    audit,
  );
  const act: EscalationAct = { kind: 'forward', forwardedTo: forward.parentId, at: forward.at };
  const below = await actAtLevel(t, toUnit, fromUnit, appealId, act, toUnit);
  if (!below) return null;
  return { below: toView(below, await repliesOf(t, below)), above };
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

/**
 * Removes both sides of an escalation and its replies (the retention job, once the appeal is
 * purged), and every escalation it was passed on as, level by level up: none outlives its appeal.
 */
export async function deleteEscalation(
  t: Tables,
  fromUnit: string,
  toUnit: string,
  appealId: string,
): Promise<void> {
  const seen = new Set<string>();
  let next: readonly [string, string, string] | null = [fromUnit, toUnit, appealId];
  while (next) {
    const [from, to, id]: readonly [string, string, string] = next;
    next = null;
    if (seen.has(to)) return; // a cycle in stored data must not loop
    seen.add(to);
    const above = await forwardedFrom(t, from, to, id);
    await deleteLevel(t, from, to, id);
    next = above;
  }
}

/** The escalation one level up that this one was passed on as, if it was. */
async function forwardedFrom(
  t: Tables,
  fromUnit: string,
  toUnit: string,
  appealId: string,
): Promise<readonly [string, string, string] | null> {
  try {
    const e = await t.escalations.getEntity<EscalationEntity>(toUnit, inKey(fromUnit, appealId));
    return e.forwardedTo ? [toUnit, e.forwardedTo, forwardedAppealId(toView(e, []).origin)] : null;
  } catch (e) {
    if (statusOf(e) === 404) return null;
    throw e;
  }
}

async function deleteLevel(t: Tables, fromUnit: string, toUnit: string, appealId: string): Promise<void> {
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
