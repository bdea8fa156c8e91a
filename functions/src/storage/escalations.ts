import { odata } from '@azure/data-tables';
import type { EscalationReply, EscalationView, WireValue } from '../../../shared';
import { keyPart } from './keys';
import { collect, statusOf, type Tables } from './tables';

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
  replies?: string;
  updatedAt: string;
}

const inKey = (fromUnit: string, appealId: string) => `in|${keyPart(fromUnit)}|${keyPart(appealId)}`;
const outKey = (toUnit: string, appealId: string) => `out|${keyPart(toUnit)}|${keyPart(appealId)}`;

const toView = (e: EscalationEntity): EscalationView => ({
  direction: e.direction === 'in' ? 'in' : 'out',
  fromUnit: e.fromUnit,
  toUnit: e.toUnit,
  appealId: e.appealId,
  snapshot: JSON.parse(e.snapshot || '{}') as Record<string, WireValue>,
  note: e.note ?? '',
  escalatedAt: e.escalatedAt,
  status: e.status === 'replied' ? 'replied' : 'open',
  replies: JSON.parse(e.replies ?? '[]') as EscalationReply[],
  updatedAt: e.updatedAt,
});

/**
 * Hands an appeal up: one entity in the parent's partition (what it receives) and one in the
 * child's (what it sent). Both are upserts, so a retried request converges on the same state.
 */
export async function putEscalation(t: Tables, x: EscalationInput): Promise<EscalationView> {
  const common = {
    fromUnit: x.fromUnit,
    toUnit: x.toUnit,
    appealId: x.appealId,
    snapshot: JSON.stringify(x.snapshot),
    note: x.note,
    escalatedAt: x.at,
    status: 'open',
    updatedAt: x.at,
  };
  // Merge keeps the replies of an earlier escalation of the same appeal.
  await t.escalations.upsertEntity(
    { partitionKey: x.toUnit, rowKey: inKey(x.fromUnit, x.appealId), direction: 'in', ...common },
    'Merge',
  );
  await t.escalations.upsertEntity(
    { partitionKey: x.fromUnit, rowKey: outKey(x.toUnit, x.appealId), direction: 'out', ...common },
    'Merge',
  );
  return toView(await t.escalations.getEntity<EscalationEntity>(x.toUnit, inKey(x.fromUnit, x.appealId)));
}

/** Adds the parent's reply to an escalation on both sides; null when no such escalation exists. */
export async function addReply(
  t: Tables,
  toUnit: string,
  fromUnit: string,
  appealId: string,
  reply: EscalationReply,
): Promise<EscalationView | null> {
  let current: EscalationEntity & { etag: string };
  try {
    current = await t.escalations.getEntity<EscalationEntity>(toUnit, inKey(fromUnit, appealId));
  } catch (e) {
    if (statusOf(e) === 404) return null;
    throw e;
  }
  const replies = JSON.stringify([...(JSON.parse(current.replies ?? '[]') as EscalationReply[]), reply]);
  const patch = { replies, status: 'replied', updatedAt: reply.at };
  // The ETag makes two replies at once both land instead of one overwriting the other.
  await t.escalations.updateEntity(
    { partitionKey: toUnit, rowKey: inKey(fromUnit, appealId), ...patch },
    'Merge',
    { etag: current.etag },
  );
  await t.escalations.upsertEntity(
    { partitionKey: fromUnit, rowKey: outKey(toUnit, appealId), ...patch },
    'Merge',
  );
  return toView({ ...current, ...patch });
}

/** A unit's escalations, both directions, changed at or after `since` when given. */
export async function listEscalations(t: Tables, unit: string, since?: string): Promise<EscalationView[]> {
  const filter = since
    ? odata`PartitionKey eq ${unit} and updatedAt ge ${since}`
    : odata`PartitionKey eq ${unit}`;
  const all = await collect(t.escalations.listEntities<EscalationEntity>({ queryOptions: { filter } }));
  return all.map(toView).sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
}

/** Removes both sides of an escalation (the retention job, once the appeal is purged). */
export async function deleteEscalation(
  t: Tables,
  fromUnit: string,
  toUnit: string,
  appealId: string,
): Promise<void> {
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
