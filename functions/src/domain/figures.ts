import {
  chinaDay,
  addTally,
  emptyTally,
  figuresFromTally,
  dayFromIso,
  isoFromDay,
  type Period,
  periodRange,
  type SummaryResponse,
  type Tally,
  tallyPeriod,
  type TreeFigures,
  type UnitFigures,
  workingDeadline,
} from '../../../shared';
import { HttpError, MESSAGES } from '../http/errors';
import type { Store, StoredSummary, UnitProfile } from '../storage';
import { mapLimit } from '../util/mapLimit';
import { childrenOf, depthsBelow, subtreeIds } from './orgTree';
import { unitData, type UnitData } from './unitData';

/** The key a period's summary is stored under: '2025Q3', or '2025Y' for the year. */
export const periodKey = (p: Period): string => (p.quarter === 0 ? `${p.year}Y` : `${p.year}Q${p.quarter}`);

/** A unit's tally of a period as of `today`, with the core's counting. */
export const tallyOf = (d: UnitData, period: Period, today: string): Tally =>
  tallyPeriod(d.cases, period, { asOf: today, calendar: d.calendar, rules: d.settings });

const DATE = /\d{4}-\d{2}-\d{2}/g;
const NEVER = '9999-12-31';
const dayAfter = (iso: string): string => isoFromDay((dayFromIso(iso) as number) + 1);

/**
 * The first date after `today` on which a period's tally could change with no record changing.
 * The core counts a date once `asOf` reaches it (a receipt, a closing, a telling, a survey, a
 * tracking entry: every date of the case, conservatively) and a feedback or telling deadline
 * once `asOf` passes it (its next day); nothing else in the count depends on the day.
 */
export function tallyHorizon(d: UnitData, period: Period, today: string): string {
  let h = NEVER;
  const later = (x: string) => {
    if (x > today && x < h && dayFromIso(x) !== null) h = x;
  };
  const { from, to } = periodRange(period);
  for (const c of d.cases) {
    const r = c.appeal.receivedOn;
    if (r === undefined || r < from || r > to) continue;
    for (const m of JSON.stringify(c).matchAll(DATE)) later(m[0]);
    const a = c.appeal;
    if (a.finishedOn && dayFromIso(a.finishedOn) !== null)
      later(dayAfter(workingDeadline(a.finishedOn, d.settings.reportWithinDays, d.calendar).date));
    if (a.reportedOn && dayFromIso(a.reportedOn) !== null)
      later(dayAfter(workingDeadline(a.reportedOn, d.settings.tellWithinDays, d.calendar).date));
  }
  return h;
}

/** Whether a stored tally still stands today: no record changed since, and no date it depends on came. */
const stillValid = (s: StoredSummary, head: number, today: string): boolean =>
  s.headSeq === head && s.asOf <= today && today < (s.validUntil ?? dayAfter(s.asOf));

/** Counts a unit's periods now and stores each tally with how long it stands. */
async function recount(
  store: Store,
  unitId: string,
  periods: readonly Period[],
  today: string,
  head: number,
): Promise<{ tallies: Tally[]; validUntil: string }> {
  const data = unitData(await store.records.load(unitId));
  let validUntil = NEVER;
  const tallies: Tally[] = [];
  for (const p of periods) {
    const tally = tallyOf(data, p, today);
    const until = tallyHorizon(data, p, today);
    if (until < validUntil) validUntil = until;
    await store.summaries.put(unitId, periodKey(p), { tally, asOf: today, headSeq: head, validUntil: until });
    tallies.push(tally);
  }
  return { tallies, validUntil };
}

/**
 * A unit's tally, from the stored one while it stands (same head sequence number, and no date it
 * depends on has come), else counted now from this unit's records alone and stored.
 */
export async function unitTally(
  store: Store,
  unitId: string,
  period: Period,
  today: string,
  stored?: StoredSummary | null,
): Promise<Tally> {
  const key = periodKey(period);
  const [head, cached] = await Promise.all([
    store.records.head(unitId),
    stored === undefined ? store.summaries.get(unitId, key) : stored,
  ]);
  if (cached && stillValid(cached, head, today)) return cached.tally;
  return (await recount(store, unitId, [period], today, head)).tallies[0] as Tally;
}

/**
 * The aggregate timer's work for one unit: nothing when its records are unchanged since the last
 * run (head sequence number) and no date its tallies depend on has come (validUntil), and the same
 * periods are asked for; else every period counted again. Returns whether it counted.
 */
export async function aggregateUnit(
  store: Store,
  unitId: string,
  periods: readonly Period[],
  today: string,
): Promise<boolean> {
  const keys = periods.map(periodKey);
  const [head, state] = await Promise.all([store.records.head(unitId), store.summaries.state(unitId)]);
  if (
    state &&
    state.headSeq === head &&
    today < state.validUntil &&
    keys.every((k) => state.periods.includes(k))
  )
    return false;
  const { validUntil } = await recount(store, unitId, periods, today, head);
  await store.summaries.putState(unitId, { headSeq: head, validUntil, periods: keys });
  return true;
}

/**
 * Whether a unit's last sync can carry a period's figures: on a China date after the period's last
 * day, or today for a period not yet over. A unit that has not is marked, never counted as zero.
 */
export function syncedFor(lastSyncAt: string, period: Period, today: string): boolean {
  if (!lastSyncAt) return false;
  const day = chinaDay(lastSyncAt);
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
  // One query for the stored tallies, one point read per unit for its head: no record is read
  // unless a unit changed since its tally was stored.
  const stored = await store.summaries.listPeriod(periodKey(period));
  const tallies = new Map(
    await mapLimit(
      ids,
      16,
      async (id) => [id, await unitTally(store, id, period, today, stored.get(id) ?? null)] as const,
    ),
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
