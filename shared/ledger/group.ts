import { chinaDay } from '../calendar/dates';
import { say, type Bilingual } from '../text';
import { addTally, emptyTally, figuresFromTally, RATE_KEYS, type Figures, type Tally } from './figures';
import type { Period } from './period';

/**
 * One unit of a group summary as the cloud reports it (the wire's UnitFigures): its own records'
 * figures, where it hangs in the tree, and whether it synced after the period ended.
 */
export interface GroupUnit {
  readonly unitId: string;
  readonly name: string;
  /** '' at the top of the tree. */
  readonly parentId: string;
  /** ISO time of its last sync, '' if it never synced. */
  readonly lastSyncAt: string;
  /** Synced after the period ended (or today, for a period not yet over): only then are its figures the period's. */
  readonly synced: boolean;
  readonly figures: Figures;
}

/** What a group summary is built from: the org unit asked for, the period, the report date, its units. */
export interface GroupSummaryInput {
  readonly orgId: string;
  readonly period: Period;
  readonly asOf: string;
  readonly units: readonly GroupUnit[];
}

/** A unit's own row: its figures, or none when it has not synced since the period ended. */
export type GroupUnitRow =
  | {
      readonly kind: 'unit';
      readonly unitId: string;
      readonly name: string;
      /** Depth below the org unit (0 for the org itself), for indentation. */
      readonly level: number;
      readonly synced: true;
      readonly lastSyncAt: string;
      readonly figures: Figures;
    }
  | {
      readonly kind: 'unit';
      readonly unitId: string;
      readonly name: string;
      readonly level: number;
      readonly synced: false;
      readonly lastSyncAt: string;
      readonly figures: null;
    };

/** The subtotal of a unit with units below it: the synced units of its subtree, itself included. */
export interface GroupSubtotalRow {
  readonly kind: 'subtotal';
  readonly unitId: string;
  readonly name: string;
  readonly level: number;
  /** Units whose figures are added in. */
  readonly counted: number;
  /** Units of the subtree left out because they have not synced since the period ended. */
  readonly excluded: number;
  readonly figures: Figures;
}

/** A row of the group summary, in tree order. */
export type GroupRow = GroupUnitRow | GroupSubtotalRow;

/** The group summary as rows: each unit, then after each subtree with units below it, its subtotal. */
export interface GroupSummary {
  readonly orgId: string;
  readonly orgName: string;
  readonly period: Period;
  readonly asOf: string;
  readonly rows: readonly GroupRow[];
  /** Units left out of every subtotal (not synced since the period ended). */
  readonly unsynced: number;
}

/** The tally a unit's figures were made from: received, and each rate's numerator and denominator. */
export function tallyOfFigures(f: Figures): Tally {
  const t = emptyTally();
  t.received = f.received;
  for (const key of RATE_KEYS) t[key] = [f.rates[key].numerator, f.rates[key].denominator];
  return t;
}

/**
 * The rows of a group summary, pure so it is tested without Excel: every unit under the org in
 * tree order (a unit, then its children's subtrees, in the order the cloud lists them), and after a
 * unit with units below it the subtotal of its subtree. A unit that has not synced since the period
 * ended gets no figures and is left out of every subtotal (never counted as zero), and each
 * subtotal says how many it left out. A unit whose parent is missing from the list hangs under the
 * org, so no unit is dropped.
 */
export function groupSummaryRows(input: GroupSummaryInput): GroupSummary {
  const { period, asOf } = input;
  const byId = new Map(input.units.map((u) => [u.unitId, u]));
  const root = byId.get(input.orgId);
  const children = new Map<string, GroupUnit[]>();
  for (const u of input.units) {
    if (u.unitId === input.orgId) continue;
    const parent = byId.has(u.parentId) && u.parentId !== u.unitId ? u.parentId : input.orgId;
    const list = children.get(parent) ?? [];
    if (!list.length) children.set(parent, list);
    list.push(u);
  }
  const rows: GroupRow[] = [];
  const seen = new Set<string>();
  let unsynced = 0;
  const visit = (u: GroupUnit, level: number): { tally: Tally; counted: number; excluded: number } => {
    seen.add(u.unitId);
    const tally = emptyTally();
    let counted = 0;
    let excluded = 0;
    if (u.synced) {
      rows.push({
        kind: 'unit',
        unitId: u.unitId,
        name: u.name,
        level,
        synced: true,
        lastSyncAt: u.lastSyncAt,
        figures: u.figures,
      });
      addTally(tally, tallyOfFigures(u.figures));
      counted++;
    } else {
      rows.push({
        kind: 'unit',
        unitId: u.unitId,
        name: u.name,
        level,
        synced: false,
        lastSyncAt: u.lastSyncAt,
        figures: null,
      });
      excluded++;
      unsynced++;
    }
    const kids = (children.get(u.unitId) ?? []).filter((k) => !seen.has(k.unitId));
    for (const k of kids) {
      const sub = visit(k, level + 1);
      addTally(tally, sub.tally);
      counted += sub.counted;
      excluded += sub.excluded;
    }
    if (kids.length)
      rows.push({
        kind: 'subtotal',
        unitId: u.unitId,
        name: u.name,
        level,
        counted,
        excluded,
        figures: figuresFromTally(tally, period, asOf),
      });
    return { tally, counted, excluded };
  };
  // The org itself is always listed (the cloud lists it first); absent, its children stand alone.
  const top: GroupUnit = root ?? {
    unitId: input.orgId,
    name: input.orgId,
    parentId: '',
    lastSyncAt: '',
    synced: false,
    figures: figuresFromTally(emptyTally(), period, asOf),
  };
  visit(top, 0);
  return {
    orgId: input.orgId,
    orgName: top.name,
    period,
    asOf,
    rows,
    unsynced,
  };
}

/** What the sync column says of a unit: 已同步, or 未同步 with the China date it last synced. */
export function syncStatusText(row: GroupUnitRow): Bilingual {
  const day = chinaDay(row.lastSyncAt);
  if (row.synced) return say(`已同步（${day}）`, `synced (${day})`);
  return row.lastSyncAt
    ? say(`未同步（最后同步 ${day}）`, `not synced (last synced ${day})`)
    : say('未同步（从未同步）', 'not synced (never synced)');
}

/** What a subtotal says of the units it counts and leaves out. */
export function subtotalText(row: GroupSubtotalRow): Bilingual {
  return row.excluded
    ? say(
        `计入 ${row.counted} 个单位，未计入 ${row.excluded} 个未同步单位`,
        `${row.counted} units counted, ${row.excluded} not synced left out`,
      )
    : say(`计入 ${row.counted} 个单位`, `${row.counted} units counted`);
}

/** The sheet a group summary is built on: 集团汇总2026Q1 (10 characters, within Excel's 31). */
export const groupSheetName = (p: Period): string =>
  p.quarter === 0 ? `集团汇总${p.year}` : `集团汇总${p.year}Q${p.quarter}`;
