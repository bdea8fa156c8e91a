import { randomUUID } from 'node:crypto';
import { odata } from '@azure/data-tables';
import { jsonText, newestFirstKey, prefixEnd, readText, storedText } from './keys';
import { checkEntity, columnsText, textColumns, under } from './limits';
import { collect, type Tables } from './tables';

/** Who did something. */
export interface Actor {
  readonly id: string;
  readonly roles: readonly string[];
}

/** One audit entry: who, when, what, and the details of what changed. */
export interface AuditEntry {
  readonly unit: string;
  readonly at: string;
  readonly actor: string;
  readonly roles: readonly string[];
  readonly action: string;
  readonly detail: unknown;
}

/** The audit entry a change carries, committed in the same transaction as the change itself. */
export interface AuditInput {
  readonly actor: Actor;
  readonly action: string;
  readonly detail: unknown;
}

/**
 * Audit entries of record writes live in the records table's partition, under this row-key
 * prefix, so each commits in the same transaction as the records it describes; so do those of
 * escalations (escalations table) and of unit configuration (units table), in the unit's partition.
 */
export const RECORD_AUDIT_PREFIX = '~audit|';

/** The same prefix in the escalations and units tables. */
export const AUDIT_PREFIX = RECORD_AUDIT_PREFIX;

// A long detail is split over several string properties; detailParts says there is one at all.
function chunked(value: unknown): Record<string, string | number> {
  const columns = textColumns('detail', jsonText(value ?? null));
  return { detailParts: Object.keys(columns).length, ...columns };
}

function unchunked(e: Record<string, unknown>): unknown {
  return Number(e.detailParts ?? 0) ? JSON.parse(columnsText(e, 'detail')) : undefined;
}

/** The entity of an audit entry (row key newest first). */
export function auditEntity(
  unit: string,
  rowKeyPrefix: string,
  actor: Actor,
  action: string,
  detail: unknown,
  at: Date,
) {
  return {
    partitionKey: unit,
    rowKey: `${rowKeyPrefix}${newestFirstKey(at, randomUUID())}`,
    at: at.toISOString(),
    actor: storedText(actor.id),
    roles: storedText(actor.roles.join(',')),
    action,
    ...chunked(detail),
  };
}

/**
 * The audit entry of a change in `unit`'s partition (row keys under AUDIT_PREFIX), checked against
 * the table's limits: what a transaction creates beside the change it records.
 */
export function auditRow(unit: string, audit: AuditInput, at: Date): ReturnType<typeof auditEntity> {
  const e = auditEntity(unit, AUDIT_PREFIX, audit.actor, audit.action, audit.detail, at);
  checkEntity(e, under('audit'));
  return e;
}

/** Writes an entry for a change made outside the records table (escalations, configuration, jobs). */
export async function writeAudit(
  t: Tables,
  unit: string,
  actor: Actor,
  action: string,
  detail: unknown,
  at: Date,
): Promise<void> {
  const e = auditEntity(unit, '', actor, action, detail, at);
  checkEntity(e, under('audit'));
  await t.audit.createEntity(e);
}

const auditRows = (t: Tables, table: 'records' | 'escalations' | 'units', unit: string) =>
  collect(
    t[table].listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${unit} and RowKey ge ${AUDIT_PREFIX} and RowKey lt ${prefixEnd(AUDIT_PREFIX)}`,
      },
    }),
  );

/** The unit's audit entries from both places, newest first. */
export async function listAudit(t: Tables, unit: string, limit = 1000): Promise<AuditEntry[]> {
  const [records, escalations, units, others] = await Promise.all([
    auditRows(t, 'records', unit),
    auditRows(t, 'escalations', unit),
    auditRows(t, 'units', unit),
    collect(
      t.audit.listEntities<Record<string, unknown>>({
        queryOptions: { filter: odata`PartitionKey eq ${unit}` },
      }),
    ),
  ]);
  return [...records, ...escalations, ...units, ...others]
    .map((e) => ({
      unit,
      at: String(e.at),
      actor: readText(e.actor),
      roles: readText(e.roles).split(',').filter(Boolean),
      action: String(e.action),
      detail: unchunked(e),
    }))
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, limit);
}
