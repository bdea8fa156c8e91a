import { odata } from '@azure/data-tables';
import { readHead } from './commit';
import { RECORDS_UPPER_BOUND, storedText } from './keys';
import { fromEntity, type RecordEntity, type StoredRecord } from './recordEntity';
import { collect, type Tables } from './tables';

/** A page of changes after a cursor. */
export interface PullPage {
  readonly changes: StoredRecord[];
  /** The sequence number the client has now seen everything up to. */
  readonly cursor: number;
  readonly more: boolean;
}

/**
 * The records changed after `cursor`, at most `limit` sequence numbers at a time. Sequence numbers
 * are committed with the head counter, so every number up to the head is already visible.
 */
export async function pullChanges(t: Tables, unit: string, cursor: number, limit: number): Promise<PullPage> {
  const head = await readHead(t.records, unit);
  const from = Math.min(cursor, head.seq);
  const upTo = Math.min(from + limit, head.seq);
  if (upTo <= from) return { changes: [], cursor: head.seq, more: false };
  const iter = t.records.listEntities<RecordEntity>({
    queryOptions: { filter: odata`PartitionKey eq ${unit} and seq gt ${from} and seq le ${upTo}` },
  });
  const changes = (await collect(iter)).map(fromEntity).sort((a, b) => a.seq - b.seq);
  return { changes, cursor: upTo, more: upTo < head.seq };
}

/** Every live (not deleted) record of a unit. */
export async function loadRecords(t: Tables, unit: string): Promise<StoredRecord[]> {
  const iter = t.records.listEntities<RecordEntity>({
    queryOptions: {
      filter: odata`PartitionKey eq ${unit} and RowKey lt ${RECORDS_UPPER_BOUND} and deleted eq ${false}`,
    },
  });
  return (await collect(iter)).map(fromEntity);
}

/** The live records of some registers of a unit (settings, calendar days…). */
export async function loadRegisters(
  t: Tables,
  unit: string,
  registers: readonly string[],
): Promise<StoredRecord[]> {
  const lists = await Promise.all(
    registers.map((register) =>
      collect(
        t.records.listEntities<RecordEntity>({
          queryOptions: {
            filter: odata`PartitionKey eq ${unit} and register eq ${register} and deleted eq ${false}`,
          },
        }),
      ),
    ),
  );
  return lists.flat().map(fromEntity);
}

/** The live records of one appeal: its row and the rows of other registers that refer to it. */
export async function loadAppeal(t: Tables, unit: string, appealId: string): Promise<StoredRecord[]> {
  const iter = t.records.listEntities<RecordEntity>({
    queryOptions: {
      filter: odata`PartitionKey eq ${unit} and appealId eq ${storedText(appealId)} and deleted eq ${false}`,
    },
  });
  return (await collect(iter)).map(fromEntity);
}

/** The unit's head sequence number: it changes whenever any record of the unit does. */
export async function headSeq(t: Tables, unit: string): Promise<number> {
  return (await readHead(t.records, unit)).seq;
}
