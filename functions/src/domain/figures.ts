import {
  addTally,
  emptyTally,
  figuresFromTally,
  type Period,
  periodRange,
  type SummaryResponse,
  type Tally,
  tallyPeriod,
  type TreeFigures,
  type UnitFigures,
} from '../../../shared';
import { HttpError, MESSAGES } from '../http/errors';
import { chinaToday } from './clock';
import type { Store, UnitProfile } from '../storage';
import { mapLimit } from '../util/mapLimit';
import { childrenOf, depthsBelow, subtreeIds } from './orgTree';
import { unitData, type UnitData } from './unitData';

/** The key a period's summary is stored under: '2025Q3', or '2025Y' for the year. */
export const periodKey = (p: Period): string => (p.quarter === 0 ? `${p.year}Y` : `${p.year}Q${p.quarter}`);

/** A unit's tally of a period as of `today`, with the core's counting. */
export const tallyOf = (d: UnitData, period: Period, today: string): Tally =>
  tallyPeriod(d.cases, period, { asOf: today, calendar: d.calendar, rules: d.settings });

/**
 * A unit's tally, from the nightly precomputation when it is still current (same day, no record
 * changed since: the head sequence number is unchanged), else computed now and stored.
 */
export async function unitTally(store: Store, unitId: string, period: Period, today: string): Promise<Tally> {
  const key = periodKey(period);
  const [head, cached] = await Promise.all([store.records.head(unitId), store.summaries.get(unitId, key)]);
  if (cached && cached.asOf === today && cached.headSeq === head) return cached.tally;
  const tally = tallyOf(unitData(await store.records.load(unitId)), period, today);
  await store.summaries.put(unitId, key, { tally, asOf: today, headSeq: head });
  return tally;
}

/**
 * Whether a unit's last sync can carry a period's figures: on a China date after the period's last
 * day, or today for a period not yet over. A unit that has not is marked, never counted as zero.
 */
export function syncedFor(lastSyncAt: string, period: Period, today: string): boolean {
  if (!lastSyncAt) return false;
  const day = chinaToday(new Date(lastSyncAt));
  const { to } = periodRange(period);
  return to < today ? day > to : day >= today;
}

const copy = (t: Tally): Tally => addTally(emptyTally(), t);

/** The figures of every unit under `orgId` and of each subtree, the root's being the whole tree's. */
export async function orgSummary(
  store: Store,
  orgId: string,
  period: Period,
  today: string,
): Promise<SummaryResponse> {
  const units = await store.units.list();
  const byId = new Map(units.map((u) => [u.unitId, u]));
  if (!byId.has(orgId)) throw new HttpError(404, 'unknown-unit', MESSAGES.notFound);
  const ids = subtreeIds(units, orgId);
  const tallies = new Map(
    await mapLimit(ids, 4, async (id) => [id, await unitTally(store, id, period, today)] as const),
  );
  const children = childrenOf(units);
  const inTree = new Set(ids);
  const node = (u: UnitProfile, seen: Set<string>): { tree: TreeFigures; total: Tally } => {
    seen.add(u.unitId);
    const total = copy(tallies.get(u.unitId) ?? emptyTally());
    const kids = (children.get(u.unitId) ?? [])
      .filter((c) => inTree.has(c.unitId) && !seen.has(c.unitId))
      .map((c) => node(c, seen));
    for (const k of kids) addTally(total, k.total);
    return {
      tree: {
        unitId: u.unitId,
        name: u.name,
        figures: figuresFromTally(total, period, today),
        children: kids.map((k) => k.tree),
      },
      total,
    };
  };
  const level = depthsBelow(units, orgId);
  const perUnit: UnitFigures[] = ids.map((id) => {
    const u = byId.get(id) as UnitProfile;
    return {
      unitId: id,
      name: u.name,
      parentId: u.parentId,
      level: level.get(id) ?? 0,
      lastSyncAt: u.lastSyncAt,
      synced: syncedFor(u.lastSyncAt, period, today),
      figures: figuresFromTally(tallies.get(id) ?? emptyTally(), period, today),
    };
  });
  return {
    orgId,
    period,
    asOf: today,
    units: perUnit,
    tree: node(byId.get(orgId) as UnitProfile, new Set()).tree,
  };
}
