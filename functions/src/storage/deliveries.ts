import { odata } from '@azure/data-tables';
import { keyPart, prefixEnd, readText, storedText } from './keys';
import { collect, submitInBatches, type Action, type Tables } from './tables';

/** One reminder item sent (or being sent) to one channel on one day. */
export interface DeliveryRecord {
  readonly unit: string;
  readonly date: string;
  readonly channelId: string;
  readonly channelKind: string;
  /** The core's Reminder.key: the same item is never sent twice to a channel on one day. */
  readonly reminderKey: string;
  readonly appealId: string;
  readonly status: 'sending' | 'sent' | 'failed';
  readonly attempts: number;
  readonly lastError: string;
  readonly sentAt: string;
}

// Two free-text parts share one row key: each gets half the room.
const prefix = (date: string, channelId: string) => `${date}|${keyPart(channelId, 200)}|`;
const rowKey = (d: DeliveryRecord) => `${prefix(d.date, d.channelId)}${keyPart(d.reminderKey, 200)}`;

/** What has been recorded for a unit's channel on a day, by reminder key. */
export async function listDeliveries(
  t: Tables,
  unit: string,
  date: string,
  channelId: string,
): Promise<Map<string, DeliveryRecord>> {
  const p = prefix(date, channelId);
  const rows = await collect(
    t.deliveries.listEntities<DeliveryRecord>({
      queryOptions: {
        filter: odata`PartitionKey eq ${unit} and RowKey ge ${p} and RowKey lt ${prefixEnd(p)}`,
      },
    }),
  );
  return new Map(
    rows.map((r) => {
      const d = { ...r, unit, reminderKey: readText(r.reminderKey), appealId: readText(r.appealId) };
      return [d.reminderKey, { ...d, lastError: readText(r.lastError), channelId: readText(r.channelId) }];
    }),
  );
}

/** Records deliveries (insert or replace), in transactions within the unit's partition. */
export async function saveDeliveries(t: Tables, records: readonly DeliveryRecord[]): Promise<void> {
  const actions: Action[] = records.map((d) => [
    'upsert',
    {
      partitionKey: d.unit,
      rowKey: rowKey(d),
      date: d.date,
      channelId: storedText(d.channelId),
      channelKind: d.channelKind,
      reminderKey: storedText(d.reminderKey),
      appealId: storedText(d.appealId),
      status: d.status,
      attempts: d.attempts,
      lastError: storedText(d.lastError.slice(0, 1000)),
      sentAt: d.sentAt,
    },
    'Replace',
  ]);
  await submitInBatches(t.deliveries, actions, 'deliveries');
}

/** Deletes delivery records dated before `date` across all units; returns how many. */
export async function purgeDeliveries(t: Tables, before: string): Promise<number> {
  const old = await collect(
    t.deliveries.listEntities<{ partitionKey: string; rowKey: string }>({
      queryOptions: { filter: odata`date lt ${before}`, select: ['PartitionKey', 'RowKey'] },
    }),
  );
  await submitInBatches(
    t.deliveries,
    old.map((e): Action => ['delete', { partitionKey: e.partitionKey, rowKey: e.rowKey }]),
  );
  return old.length;
}
