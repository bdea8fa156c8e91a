import type { Tally } from '../../../shared';
import { checkEntity, under } from './limits';
import { statusOf, type Tables } from './tables';

/** A unit's tally for a period, as the nightly job (or a summary request) computed it. */
export interface StoredSummary {
  readonly tally: Tally;
  readonly asOf: string;
  /** The unit's head sequence number when computed: a different head means records changed since. */
  readonly headSeq: number;
}

/** The stored tally of a unit for a period key such as '2025Q3' or '2025Y'. */
export async function getSummary(t: Tables, unit: string, periodKey: string): Promise<StoredSummary | null> {
  try {
    const e = await t.summaries.getEntity<{ tally: string; asOf: string; headSeq: number }>(unit, periodKey);
    return { tally: JSON.parse(e.tally) as Tally, asOf: e.asOf, headSeq: Number(e.headSeq) };
  } catch (e) {
    if (statusOf(e) === 404) return null;
    throw e;
  }
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
  };
  checkEntity(e, under('summary', { rowKey: 'period', partitionKey: 'unitId' }));
  await t.summaries.upsertEntity(e, 'Replace');
}
