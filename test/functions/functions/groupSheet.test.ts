// Issue 13, "Group figures", end to end without a browser: four units' workbooks (simulated Excel)
// sync to the real local functions on Azurite through the add-in's own cloud client; the group's clerk
// builds 集团汇总2026Q1 from GET /api/orgs/{orgId}/summary, and each unit's row equals the figures the
// core counts from that unit's own workbook (what its own 分类汇总表 states); a unit that has not
// synced since the quarter ended is marked and left out of the subtotals, never counted as zero.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCloud, type CloudOperations } from '../../../addin/cloud/operations';
import { generateWorkbook } from '../../../addin/demo/generate';
import { buildLedgers } from '../../../addin/excel/build';
import { coreInput } from '../../../addin/excel/check';
import { readRegisters } from '../../../addin/excel/read';
import { createSimulatedWorkbook, type SimulatedWorkbook } from '../../../addin/simulator';
import { setUpWorkbook } from '../../../addin/excel/setup';
import { memoryStore } from '../../../addin/sync/kv';
import { signDevToken } from '../../../functions/src/auth/devKey';
import type { Role } from '../../../functions/src/auth/caller';
import { startLocalFunctions, type LocalFunctions } from '../../../scripts/serve-functions';
import {
  checkWorkbook,
  computeFigures,
  DEFAULT_SETTINGS,
  RATE_KEYS,
  settingLabel,
  type Figures,
  type Period,
  type WorkbookInput,
} from '../../../shared';
import { loadRegisters, runOf } from '../../addin/excel/helpers';

const SECRET = 'group-sheet-test-secret-0123456789abcdef';
const PERIOD: Period = { year: 2026, quarter: 1 };
/** The day the cloud counts on (China date of the clock below) and the clerk builds the sheet. */
const ASOF = '2026-04-10';
const UNITS = [
  { unitId: 'grp', name: '集团工会', parentId: '', seed: 5, syncedOn: ASOF },
  { unitId: 'co-a', name: '甲公司', parentId: 'grp', seed: 6, syncedOn: ASOF },
  // With its own working-day limits: its 按时反馈率 and 按时告知率 count by them, in the cloud too.
  { unitId: 'co-b', name: '乙公司', parentId: 'grp', seed: 7, syncedOn: ASOF, limits: '1' },
  // Last synced before the quarter ended: what the cloud holds of it is not the quarter's.
  { unitId: 'ws-a1', name: '甲公司一车间', parentId: 'co-a', seed: 8, syncedOn: '2026-03-20' },
] as const;
type UnitId = (typeof UNITS)[number]['unitId'];

/** The workbook with its 设置 saying report and tell within `days` working days. */
function withLimits(input: WorkbookInput, days: string): WorkbookInput {
  const labels = [settingLabel('reportWithinDays'), settingLabel('tellWithinDays')];
  const settings = input.settings as NonNullable<WorkbookInput['settings']>;
  const width = settings.header.length;
  const row = (label: string) => [label, days, ...new Array<string>(Math.max(0, width - 2)).fill('')];
  const rows = [...settings.rows.filter((r) => !labels.includes(String(r[0]))), ...labels.map(row)];
  return { ...input, settings: { ...settings, rows } };
}

let now = new Date('2026-03-20T02:00:00Z');
let local: LocalFunctions;
const books = new Map<UnitId, { wb: SimulatedWorkbook; cloud: CloudOperations }>();
const token = (roles: Role[], units: string[]) =>
  signDevToken({ sub: 'group-sheet', roles, units }, new TextEncoder().encode(SECRET));

beforeAll(async () => {
  local = await startLocalFunctions({ port: 0, env: { XIESHANG_DEV_SECRET: SECRET }, now: () => now });
  const admin = await token(['admin'], ['*']);
  for (const u of UNITS) {
    const r = await fetch(`${local.url}/api/units/${u.unitId}/config`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: u.name, ...(u.parentId ? { parentId: u.parentId } : {}) }),
    });
    expect(r.status, await r.text()).toBe(200);
  }
  // The stale unit first, while the quarter is still running; then the others after it ended.
  for (const u of [...UNITS].sort((a, b) => a.syncedOn.localeCompare(b.syncedOn))) {
    now = new Date(`${u.syncedOn}T02:00:00Z`);
    const g = generateWorkbook({ appeals: 36, seed: u.seed, year: 2026, quarters: [1], today: u.syncedOn });
    const wb = createSimulatedWorkbook();
    await setUpWorkbook(runOf(wb));
    await loadRegisters(wb, 'limits' in u ? withLimits(g.input, u.limits) : g.input);
    const clerk = await token(['clerk'], [u.unitId]);
    const cloud = await openCloud({
      run: runOf(wb),
      baseUrl: local.url,
      unitId: u.unitId,
      token: () => Promise.resolve(clerk),
      store: memoryStore(),
      isSetSupported: wb.isSetSupported,
    });
    const report = await cloud.syncNow(u.syncedOn);
    expect(report.ok, JSON.stringify(report.error)).toBe(true);
    expect(report.pushed).toBeGreaterThan(0);
    books.set(u.unitId, { wb, cloud });
  }
  now = new Date(`${ASOF}T02:00:00Z`);
}, 120_000);
afterAll(() => local?.stop());

/** What a unit's own 分类汇总表 states for the quarter: the core's count over its own workbook. */
async function ownFigures(wb: SimulatedWorkbook, defaults = false): Promise<Figures> {
  const check = await runOf(wb)(async (context) =>
    checkWorkbook(coreInput(await readRegisters(context)), { today: ASOF }),
  );
  const rules = defaults ? DEFAULT_SETTINGS : check.settings;
  return computeFigures(check.cases, PERIOD, { asOf: ASOF, calendar: check.calendar, rules });
}
const cellsOf = (f: Figures): unknown[] => [
  f.received,
  ...RATE_KEYS.flatMap((k) => [f.rates[k].numerator, f.rates[k].denominator, f.rates[k].value ?? '—']),
];
const sumOf = (fs: readonly Figures[]): unknown[] => {
  const n = (k: (typeof RATE_KEYS)[number], i: 0 | 1) =>
    fs.reduce((s, f) => s + (i ? f.rates[k].denominator : f.rates[k].numerator), 0);
  return [
    fs.reduce((s, f) => s + f.received, 0),
    ...RATE_KEYS.flatMap((k) => [n(k, 0), n(k, 1), n(k, 1) === 0 ? '—' : n(k, 0) / n(k, 1)]),
  ];
};

describe('集团汇总 built by the group clerk from the real functions', () => {
  it("gives each synced unit's row its own 分类汇总表 figures, marks the stale unit, and subtotals only synced units", async () => {
    const group = books.get('grp');
    if (!group) throw new Error('group workbook missing');
    const report = await group.cloud.buildGroupSummary(2026, 1, ASOF);
    expect(report).toMatchObject({ sheet: '集团汇总2026Q1', units: 4, unsynced: 1 });
    const width = 3 + RATE_KEYS.length * 3;
    const rows = group.wb.getValues('集团汇总2026Q1', `A5:${String.fromCharCode(64 + width)}10`);
    const byLabel = new Map(rows.map((r) => [String(r[0]).trim(), r]));
    expect([...byLabel.keys()]).toEqual([
      '集团工会',
      '甲公司',
      '甲公司一车间',
      '甲公司 小计',
      '乙公司',
      '合计（集团工会）',
    ]);
    expect(group.wb.getText('集团汇总2026Q1', 'D2')[0]?.[0]).toBe(ASOF);
    const own = new Map<UnitId, Figures>();
    for (const u of UNITS) own.set(u.unitId, await ownFigures(books.get(u.unitId)?.wb as SimulatedWorkbook));
    for (const u of UNITS.filter((x) => x.syncedOn === ASOF)) {
      const row = byLabel.get(u.name) ?? [];
      expect(row[1], u.unitId).toBe(`已同步（${ASOF}）`);
      expect(row.slice(2), u.unitId).toEqual(cellsOf(own.get(u.unitId) as Figures));
      expect((own.get(u.unitId) as Figures).received, u.unitId).toBeGreaterThan(0);
    }
    // 乙公司's own limits change its figures, and the sheet has them as its own ledger counts them.
    const coB = books.get('co-b')?.wb as SimulatedWorkbook;
    expect(cellsOf(await ownFigures(coB))).not.toEqual(cellsOf(await ownFigures(coB, true)));
    // The stale unit: marked with its last sync, no figures — though the cloud holds some of its appeals.
    const stale = byLabel.get('甲公司一车间') ?? [];
    expect(stale[1]).toBe('未同步（最后同步 2026-03-20）');
    expect(stale.slice(2).every((v) => v === '')).toBe(true);
    expect((own.get('ws-a1') as Figures).received).toBeGreaterThan(0);
    // Left out of the subtotals, not added as zero or as what the cloud last heard.
    expect(byLabel.get('甲公司 小计')?.slice(2)).toEqual(sumOf([own.get('co-a') as Figures]));
    expect(byLabel.get('甲公司 小计')?.[1]).toBe('计入 1 个单位，未计入 1 个未同步单位');
    expect(byLabel.get('合计（集团工会）')?.slice(2)).toEqual(
      sumOf((['grp', 'co-a', 'co-b'] as const).map((id) => own.get(id) as Figures)),
    );
  });

  it("agrees with the cells of the unit's own 分类汇总表 where the ledger writes values", async () => {
    const co = books.get('co-b');
    const group = books.get('grp');
    if (!co || !group) throw new Error('workbooks missing');
    await buildLedgers(runOf(co.wb), { year: 2026, asOf: ASOF });
    const sheet = co.wb.getValues('分类汇总表', 'A1:H200');
    const q1 = new Map(sheet.filter((r) => r[0] === '一季度' && r[1] !== '受理数').map((r) => [r[1], r]));
    const mine = (group.wb
      .getValues('集团汇总2026Q1', 'A5:U10')
      .find((r) => String(r[0]).trim() === '乙公司') ?? []) as unknown[];
    // 满意率 and 不满意整改率 are written as the core's numbers (the others are live formulas).
    for (const key of ['satisfactionRate', 'remedyRate'] as const) {
      const i = RATE_KEYS.indexOf(key);
      const name = (await ownFigures(co.wb)).rates[key].name.zh;
      const ledger = q1.get(name) ?? [];
      expect([mine[3 + i * 3], mine[4 + i * 3]], key).toEqual([ledger[2], ledger[3]]);
    }
  });
});
