import { odata } from '@azure/data-tables';
import type { Channel } from '../delivery/channels';
import { auditRow, type AuditInput } from './audit';
import { jsonText, readText, storedList, storedText } from './keys';
import { checkEntity, type PathOf } from './limits';
import { collect, statusOf, type Action, type Tables } from './tables';

/** A unit of the organisation: its place in the tree, its reminder channels, what its workbook has built. */
export interface UnitProfile {
  readonly unitId: string;
  readonly name: string;
  /** The unit above it ('' at the top of the tree). */
  readonly parentId: string;
  readonly channels: readonly Channel[];
  readonly ledgersBuilt: readonly string[];
  readonly lastSyncAt: string;
  readonly updatedAt: string;
  /** Stored fields that could not be read (read as empty), for the timers to log: never a reason to stop. */
  readonly unreadable: readonly ('channels' | 'ledgersBuilt')[];
}

/** What an administrator may set on a unit. */
export interface UnitPatch {
  readonly name?: string;
  readonly parentId?: string;
  readonly channels?: readonly Channel[];
}

const ROW = 'profile';

interface UnitEntity {
  name?: string;
  parentId?: string;
  channels?: string;
  ledgersBuilt?: string;
  lastSyncAt?: string;
  updatedAt?: string;
}

function toProfile(unitId: string, e: UnitEntity): UnitProfile {
  // One unit's unreadable row must not stop the list, and with it every timer, for the others.
  const channels = storedList<Channel>(e.channels);
  const ledgersBuilt = storedList<string>(e.ledgersBuilt);
  return {
    unitId,
    name: readText(e.name),
    parentId: e.parentId ?? '',
    channels: channels ?? [],
    ledgersBuilt: ledgersBuilt ?? [],
    lastSyncAt: e.lastSyncAt ?? '',
    updatedAt: e.updatedAt ?? '',
    unreadable: [
      ...(channels ? [] : ['channels' as const]),
      ...(ledgersBuilt ? [] : ['ledgersBuilt' as const]),
    ],
  };
}

/** A unit's profile, or null when the cloud has never heard of it. */
export async function getUnit(t: Tables, unitId: string): Promise<UnitProfile | null> {
  try {
    return toProfile(unitId, await t.units.getEntity<UnitEntity>(unitId, ROW));
  } catch (e) {
    if (statusOf(e) === 404) return null;
    throw e;
  }
}

/** Every unit (a whole-table read: the organisation has hundreds of units, not millions). */
export async function listUnits(t: Tables): Promise<UnitProfile[]> {
  // Each unit's partition also holds its configuration audit entries: only profiles are units.
  const all = await collect(
    t.units.listEntities<UnitEntity & { partitionKey?: string }>({
      queryOptions: { filter: odata`RowKey eq ${ROW}` },
    }),
  );
  return all.map((e) => toProfile(String(e.partitionKey), e));
}

/** Notes a sync: the unit exists from now on, with the ledgers its workbook has built. */
export async function touchUnit(
  t: Tables,
  unitId: string,
  at: string,
  ledgersBuilt: readonly string[] | undefined,
): Promise<void> {
  const e = {
    partitionKey: unitId,
    rowKey: ROW,
    lastSyncAt: at,
    ...(ledgersBuilt ? { ledgersBuilt: JSON.stringify([...ledgersBuilt].sort()) } : {}),
  };
  checkEntity(e, profilePath);
  await t.units.upsertEntity(e, 'Merge');
}

const profilePath: PathOf = (p) => (p === 'partitionKey' || p === 'rowKey' ? 'unitId' : p || '$');

/**
 * Sets a unit's name, parent or channels, keeping what the patch leaves out. With an audit entry,
 * the profile and the entry commit in one transaction of the unit's partition: both or neither.
 */
export async function configureUnit(
  t: Tables,
  unitId: string,
  patch: UnitPatch,
  at: Date,
  audit?: AuditInput,
): Promise<UnitProfile> {
  const profile = {
    partitionKey: unitId,
    rowKey: ROW,
    updatedAt: at.toISOString(),
    ...(patch.name !== undefined ? { name: storedText(patch.name) } : {}),
    ...(patch.parentId !== undefined ? { parentId: patch.parentId } : {}),
    ...(patch.channels !== undefined ? { channels: jsonText(patch.channels) } : {}),
  };
  checkEntity(profile, profilePath);
  if (audit) {
    const entry = auditRow(unitId, audit, at);
    const actions: Action[] = [
      ['upsert', profile, 'Merge'],
      ['create', entry],
    ];
    await t.units.submitTransaction(actions);
  } else await t.units.upsertEntity(profile, 'Merge');
  return (await getUnit(t, unitId)) as UnitProfile;
}
