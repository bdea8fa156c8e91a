// Issue 13, "Group figures": the rows of 集团汇总YYYYQn — one per unit below the org in tree order,
// a subtotal per subtree, the seven figures with numerator and denominator from the core's own
// counting, and units that have not synced since the period ended marked and left out, never zero.
import { describe, expect, it } from 'vitest';
import {
  buildCases,
  computeFigures,
  DEFAULT_SETTINGS,
  defaultCalendar,
  emptyTally,
  figuresFromTally,
  groupSheetName,
  groupSummaryRows,
  RATE_KEYS,
  subtotalText,
  syncStatusText,
  tallyPeriod,
  type AppealCase,
  type Figures,
  type GroupUnit,
  type Period,
} from '../../shared';
import { generateWorkbook } from '../../addin/demo/generate';

const ASOF = '2026-04-10';
const PERIOD: Period = { year: 2026, quarter: 1 };
const options = { asOf: ASOF, calendar: defaultCalendar, rules: DEFAULT_SETTINGS };
const casesOf = (seed: number): AppealCase[] => {
  const g = generateWorkbook({ appeals: 40, seed, year: 2026, quarters: [1], today: ASOF });
  return buildCases(g.appeals, { surveys: g.surveys, tracking: g.tracking, agenda: g.agenda });
};
const counts = (f: Figures | null) =>
  f && {
    received: f.received,
    rates: Object.fromEntries(RATE_KEYS.map((k) => [k, [f.rates[k].numerator, f.rates[k].denominator]])),
  };

const cases = { grp: casesOf(1), 'co-a': casesOf(2), 'ws-a1': casesOf(3), 'co-b': casesOf(4) };
const unit = (unitId: keyof typeof cases, parentId: string, name: string, synced = true): GroupUnit => ({
  unitId,
  name,
  parentId,
  lastSyncAt: synced ? '2026-04-09T08:00:00.000Z' : '2026-03-20T08:00:00.000Z',
  synced,
  // As the cloud counts a unit: the core's tally of its own appeals.
  figures: figuresFromTally(tallyPeriod(cases[unitId], PERIOD, options), PERIOD, ASOF),
});
const UNITS: GroupUnit[] = [
  unit('grp', '', '集团工会'),
  unit('co-a', 'grp', '甲公司'),
  unit('co-b', 'grp', '乙公司'),
  unit('ws-a1', 'co-a', '甲公司一车间', false),
];

describe('groupSummaryRows', () => {
  const summary = groupSummaryRows({ orgId: 'grp', period: PERIOD, asOf: ASOF, units: UNITS });

  it('lists each unit in tree order with its level, and a subtotal after each subtree with units below it', () => {
    expect(summary.rows.map((r) => [r.kind, r.unitId, r.level])).toEqual([
      ['unit', 'grp', 0],
      ['unit', 'co-a', 1],
      ['unit', 'ws-a1', 2],
      ['subtotal', 'co-a', 1],
      ['unit', 'co-b', 1],
      ['subtotal', 'grp', 0],
    ]);
    expect(summary.orgName).toBe('集团工会');
  });

  it("gives a synced unit's row exactly its own ledger's figures (the core over its own appeals)", () => {
    for (const id of ['grp', 'co-a', 'co-b'] as const) {
      const row = summary.rows.find((r) => r.kind === 'unit' && r.unitId === id);
      expect(counts(row?.figures ?? null), id).toEqual(counts(computeFigures(cases[id], PERIOD, options)));
    }
  });

  it('marks a unit not synced since the period ended, gives it no figures and leaves it out of every subtotal', () => {
    const ws = summary.rows.find((r) => r.kind === 'unit' && r.unitId === 'ws-a1');
    expect(ws).toMatchObject({ synced: false, figures: null });
    expect(ws?.kind === 'unit' && syncStatusText(ws).zh).toBe('未同步（最后同步 2026-03-20）');
    expect(summary.unsynced).toBe(1);
    const coA = summary.rows.find((r) => r.kind === 'subtotal' && r.unitId === 'co-a');
    const all = summary.rows.find((r) => r.kind === 'subtotal' && r.unitId === 'grp');
    expect(coA).toMatchObject({ counted: 1, excluded: 1 });
    expect(all).toMatchObject({ counted: 3, excluded: 1 });
    // Left out, not counted as zero: the subtotals equal the core over the synced units' appeals alone.
    expect(counts(coA?.figures ?? null)).toEqual(counts(computeFigures(cases['co-a'], PERIOD, options)));
    expect(counts(all?.figures ?? null)).toEqual(
      counts(computeFigures([...cases.grp, ...cases['co-a'], ...cases['co-b']], PERIOD, options)),
    );
    expect(all?.kind === 'subtotal' && subtotalText(all).zh).toBe('计入 3 个单位，未计入 1 个未同步单位');
  });

  it('says a unit that never synced was never synced', () => {
    const never = groupSummaryRows({
      orgId: 'grp',
      period: PERIOD,
      asOf: ASOF,
      units: [UNITS[0] as GroupUnit, { ...(UNITS[1] as GroupUnit), synced: false, lastSyncAt: '' }],
    });
    const row = never.rows[1];
    expect(row?.kind === 'unit' && syncStatusText(row).zh).toBe('未同步（从未同步）');
    expect(never.rows[2]).toMatchObject({ kind: 'subtotal', counted: 1, excluded: 1 });
  });

  it('dates a last sync by the China day the cloud judges it by (UTC+8), not the UTC day', () => {
    const late = groupSummaryRows({
      orgId: 'grp',
      period: PERIOD,
      asOf: ASOF,
      units: [{ ...(UNITS[0] as GroupUnit), synced: false, lastSyncAt: '2026-03-30T20:00:00.000Z' }],
    });
    const row = late.rows[0];
    expect(row?.kind === 'unit' && syncStatusText(row).zh).toBe('未同步（最后同步 2026-03-31）');
  });

  it('hangs a unit whose parent is not listed under the org, so none is dropped', () => {
    const orphan = groupSummaryRows({
      orgId: 'grp',
      period: PERIOD,
      asOf: ASOF,
      units: [UNITS[0] as GroupUnit, { ...(UNITS[2] as GroupUnit), parentId: 'gone' }],
    });
    expect(orphan.rows.map((r) => [r.kind, r.unitId, r.level])).toEqual([
      ['unit', 'grp', 0],
      ['unit', 'co-b', 1],
      ['subtotal', 'grp', 0],
    ]);
  });

  it('names the sheet 集团汇总YYYYQn, within the 31 characters Excel allows a sheet name', () => {
    // https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9
    expect(groupSheetName(PERIOD)).toBe('集团汇总2026Q1');
    expect(groupSheetName(PERIOD).length).toBeLessThanOrEqual(31);
  });

  it('a leaf org has its own row and no subtotal', () => {
    const alone = groupSummaryRows({
      orgId: 'co-b',
      period: PERIOD,
      asOf: ASOF,
      units: [{ ...(UNITS[2] as GroupUnit), parentId: 'grp' }],
    });
    expect(alone.rows.map((r) => r.kind)).toEqual(['unit']);
    expect(counts(alone.rows[0]?.figures ?? null)).not.toEqual(
      counts(figuresFromTally(emptyTally(), PERIOD, ASOF)),
    );
  });
});
