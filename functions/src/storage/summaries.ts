import { odata } from '@azure/data-tables';
import type { Tally } from '../../../shared';
import { checkEntity, under } from './limits';
import { collect, statusOf, type Tables } from './tables';

/** A unit's tally for a period, as the nightly job (or a summary request) computed it. */
export interface StoredSummary {
  readonly tally: Tally;
  readonly asOf: string;
  /** The unit's head sequence number when computed: a different head means records changed since. */
  readonly headSeq: number;
  /**
   * The first China date on which the tally may change with no record changing (a date in the
   * records or a deadline's next day); absent on rows an older build wrote: then the day after asOf.
   */
  readonly validUntil?: string;
}

/** What the aggregate timer last computed for a unit: skipped while the head is the same and today is before validUntil. */
export interface AggregateState {
  readonly headSeq: number;
  /** The earliest validUntil of the periods computed. */
  readonly validUntil: string;
  /** The period keys computed, e.g. ['2026Q1', '2025Q4', '2026Y', '2025Y']. */
  readonly periods: readonly string[];
}

// The state row shares the unit's partition; period keys start with a digit, so it never collides.
const STATE = 'aggregate-state';

/** The aggregate timer's record of a unit, or null before its first run. */
export async function getAggregateState(t: Tables, unit: string): Promise<AggregateState | null> {
  try {
    const e = await t.summaries.getEntity<{ headSeq: number; validUntil: string; periods: string }>(
      unit,
      STATE,
    );
    const periods: unknown = JSON.parse(e.periods);
    return {
      headSeq: Number(e.headSeq),
      validUntil: String(e.validUntil),
      periods: Array.isArray(periods) ? periods.map(String) : [],
    };
  } catch (e) {
    if (statusOf(e) === 404 || e instanceof SyntaxError) return null;
    throw e;
  }
}

/** Notes what the aggregate timer computed for a unit (after its period rows are stored). */
export async function putAggregateState(t: Tables, unit: string, s: AggregateState): Promise<void> {
  const e = {
    partitionKey: unit,
    rowKey: STATE,
    headSeq: s.headSeq,
    validUntil: s.validUntil,
    periods: JSON.stringify(s.periods),
  };
  checkEntity(e, under('summary', { rowKey: 'period', partitionKey: 'unitId' }));
  await t.summaries.upsertEntity(e, 'Replace');
}

/** The stored tally of a unit for a period key such as '2025Q3' or '2025Y'. */
export async function getSummary(t: Tables, unit: string, periodKey: string): Promise<StoredSummary | null> {
  try {
    const e = await t.summaries.getEntity<{
      tally: string;
      asOf: string;
      headSeq: number;
      validUntil?: string;
    }>(unit, periodKey);
    return {
      tally: JSON.parse(e.tally) as Tally,
      asOf: e.asOf,
      headSeq: Number(e.headSeq),
      ...(e.validUntil ? { validUntil: e.validUntil } : {}),
    };
  } catch (e) {
    if (statusOf(e) === 404) return null;
    throw e;
  }
}

/**
 * Every unit's stored tally of one period, in one query (a group summary reads a few hundred rows
 * this way instead of one request per unit); rows that cannot be read are left out (recounted).
 */
export async function listPeriodSummaries(t: Tables, periodKey: string): Promise<Map<string, StoredSummary>> {
  const rows = await collect(
    t.summaries.listEntities<{
      partitionKey: string;
      tally: string;
      asOf: string;
      headSeq: number;
      validUntil?: string;
    }>({
      queryOptions: { filter: odata`RowKey eq ${periodKey}` },
    }),
  );
  const out = new Map<string, StoredSummary>();
  for (const e of rows) {
    try {
      out.set(String(e.partitionKey), {
        tally: JSON.parse(e.tally) as Tally,
        asOf: e.asOf,
        headSeq: Number(e.headSeq),
        ...(e.validUntil ? { validUntil: e.validUntil } : {}),
      });
    } catch {
      // A damaged row is recounted by whoever asks for it.
    }
  }
  return out;
}

/** Stores a unit's tally for a period. */
export async function putSummary(
  t: Tables,
  unit: string,
  periodKey: string,
  s: StoredSummary,
): Promise<void> {
  const e = {
    partitionKey: unit,
    rowKey: periodKey,
    tally: JSON.stringify(s.tally),
    asOf: s.asOf,
    headSeq: s.headSeq,
    ...(s.validUntil ? { validUntil: s.validUntil } : {}),
  };
  checkEntity(e, under('summary', { rowKey: 'period', partitionKey: 'unitId' }));
  await t.summaries.upsertEntity(e, 'Replace');
}
