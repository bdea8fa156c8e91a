import { TableClient, type TransactionAction } from '@azure/data-tables';
import { isInsecureEndpoint } from './connection';
import { batchBytes, checkEntity, MAX_BATCH_BYTES, MAX_BATCH_ENTITIES, under } from './limits';

/** The tables the cloud keeps; every one is partitioned by unit id. */
export const TABLE_NAMES = [
  'records',
  'audit',
  'deliveries',
  'escalations',
  'units',
  'summaries',
  'pairing',
  'intake',
  'ratelimits',
] as const;

/** One of the cloud's tables. */
export type TableName = (typeof TABLE_NAMES)[number];

/** A client per table. */
export type Tables = Readonly<Record<TableName, TableClient>>;

/** Re-exported so the rest of the storage module names transaction actions without the SDK. */
export type Action = TransactionAction;

/** Opens a client per table; `prefix` keeps several deployments (or test runs) apart in one account. */
export function openTables(connectionString: string, prefix: string): Tables {
  const options = isInsecureEndpoint(connectionString) ? { allowInsecureConnection: true } : {};
  const open = (name: TableName): TableClient =>
    TableClient.fromConnectionString(connectionString, `${prefix}${name}`, options);
  return Object.fromEntries(TABLE_NAMES.map((n) => [n, open(n)])) as unknown as Tables;
}

/** Creates any missing table (creating an existing one is not an error). */
export async function ensureTables(tables: Tables): Promise<void> {
  await Promise.all(
    Object.values(tables).map(async (t) => {
      try {
        await t.createTable();
      } catch (e) {
        if (statusOf(e) !== 409) throw e;
      }
    }),
  );
}

/** The HTTP status of a storage error, if it has one. */
export const statusOf = (e: unknown): number | undefined =>
  typeof e === 'object' && e !== null && 'statusCode' in e && typeof e.statusCode === 'number'
    ? e.statusCode
    : undefined;

/**
 * Submits actions in transactions of at most 100 entities and 4 MiB (the service's limits), grouped
 * by partition, each entity checked against the table limits first (`path[i]` names the i-th action).
 */
export async function submitInBatches(
  table: TableClient,
  actions: readonly Action[],
  path = 'entities',
): Promise<void> {
  const byPartition = new Map<string, Action[]>();
  actions.forEach((a, i) => {
    checkEntity(a[1], under(`${path}[${i}]`));
    const pk = a[1].partitionKey;
    const list = byPartition.get(pk) ?? [];
    list.push(a);
    byPartition.set(pk, list);
  });
  for (const list of byPartition.values()) {
    let batch: Action[] = [];
    let bytes = 0;
    for (const a of list) {
      const size = batchBytes([a[1]]);
      if (batch.length >= MAX_BATCH_ENTITIES || (batch.length > 0 && bytes + size > MAX_BATCH_BYTES)) {
        await table.submitTransaction(batch);
        batch = [];
        bytes = 0;
      }
      batch.push(a);
      bytes += size;
    }
    if (batch.length > 0) await table.submitTransaction(batch);
  }
}

/** Collects every entity of a query into an array. */
export async function collect<T>(iter: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iter) out.push(x);
  return out;
}

/**
 * Deletes the rows a purge found, in transactions of up to 100 rows of one partition. A row already
 * gone (another purge, a confirmation in between) fails its transaction, whose rows are then deleted
 * one by one, a 404 not being an error. Answers how many were found.
 */
export async function deleteFound(
  table: TableClient,
  rows: readonly { readonly partitionKey?: string; readonly rowKey?: string }[],
): Promise<number> {
  const byPartition = new Map<string, string[]>();
  for (const e of rows) {
    const pk = e.partitionKey as string;
    const keys = byPartition.get(pk) ?? [];
    if (!keys.length) byPartition.set(pk, keys);
    keys.push(e.rowKey as string);
  }
  for (const [partitionKey, keys] of byPartition)
    for (let i = 0; i < keys.length; i += MAX_BATCH_ENTITIES) {
      const chunk = keys.slice(i, i + MAX_BATCH_ENTITIES);
      try {
        await table.submitTransaction(chunk.map((rowKey) => ['delete', { partitionKey, rowKey }] as const));
      } catch {
        // Which row failed the transaction is not worth parsing: each is tried alone, and a real
        // failure (not a row already gone) is thrown by its own delete.
        for (const rowKey of chunk) {
          try {
            await table.deleteEntity(partitionKey, rowKey);
          } catch (err) {
            if (statusOf(err) !== 404) throw err;
          }
        }
      }
    }
  return rows.length;
}
