// Issue 13, "Group figures": the 集团汇总YYYYQn sheet written on the simulator — its name within
// Excel's sheet-name rules (https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9),
// headers, one row per unit with numerator, denominator and rate, unsynced units marked with empty
// figures, and the ledgers' printed form through Worksheet.pageLayout
// (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout, ExcelApi 1.9).
import { describe, expect, it } from 'vitest';
import { BuildRefused, GENERATED_SETTING, LEDGER_FOOTER } from '../../../addin/excel/build';
import { MISSING_PAGE_SETUP } from '../../../addin/excel/capabilities';
import { columnLetter } from '../../../addin/excel/columns';
import { writeGroupSummary } from '../../../addin/excel/groupSummary';
import { createSimulatedWorkbook } from '../../../addin/simulator';
import {
  buildCases,
  DEFAULT_SETTINGS,
  defaultCalendar,
  figuresFromTally,
  groupSummaryRows,
  RATE_KEYS,
  tallyPeriod,
  type GroupUnit,
  type Period,
} from '../../../shared';
import { generateWorkbook } from '../../../addin/demo/generate';
import { runOf } from './helpers';

const ASOF = '2026-04-10';
const PERIOD: Period = { year: 2026, quarter: 1 };
const figuresOf = (seed: number) => {
  const g = generateWorkbook({ appeals: 30, seed, year: 2026, quarters: [1], today: ASOF });
  const cases = buildCases(g.appeals, { surveys: g.surveys, tracking: g.tracking, agenda: g.agenda });
  const tally = tallyPeriod(cases, PERIOD, {
    asOf: ASOF,
    calendar: defaultCalendar,
    rules: DEFAULT_SETTINGS,
  });
  return figuresFromTally(tally, PERIOD, ASOF);
};
const unit = (unitId: string, parentId: string, name: string, seed: number, synced = true): GroupUnit => ({
  unitId,
  name,
  parentId,
  lastSyncAt: synced ? '2026-04-09T08:00:00.000Z' : '2026-03-20T08:00:00.000Z',
  synced,
  figures: figuresOf(seed),
});
const summary = groupSummaryRows({
  orgId: 'grp',
  period: PERIOD,
  asOf: ASOF,
  units: [
    unit('grp', '', '集团工会', 1),
    unit('co-a', 'grp', '甲公司', 2),
    unit('ws-a1', 'co-a', '甲公司一车间', 3, false),
  ],
});
const LAST = columnLetter(2 + RATE_KEYS.length * 3);

describe('the 集团汇总 sheet on the simulator', () => {
  it('writes 集团汇总2026Q1: title, period, report date, headers, a row per unit and subtotals', async () => {
    const wb = createSimulatedWorkbook();
    const report = await writeGroupSummary(runOf(wb), summary, {
      builtOn: ASOF,
      isSetSupported: wb.isSetSupported,
    });
    expect(report).toMatchObject({ sheet: '集团汇总2026Q1', units: 3, unsynced: 1, missing: [] });
    expect(wb.sheetNames()).toContain('集团汇总2026Q1');
    expect(wb.activeSheet()).toBe('集团汇总2026Q1');
    const sheet = '集团汇总2026Q1';
    expect(String(wb.getValues(sheet, 'A1')[0]?.[0])).toBe(
      '集团工会职工诉求工作集团汇总表（2026年第一季度）',
    );
    expect(wb.getText(sheet, 'A2:D2')[0]).toEqual(['期间', '2026年第一季度', '报表日期', ASOF]);
    const header = wb.getValues(sheet, `A4:${LAST}4`)[0] as string[];
    expect(header.slice(0, 6)).toEqual(['单位', '同步情况', '受理数', '办结率分子', '办结率分母', '办结率']);
    expect(header).toHaveLength(3 + RATE_KEYS.length * 3);
    const rows = wb.getValues(sheet, `A5:${LAST}9`);
    expect(rows.map((r) => String(r[0]).trim())).toEqual([
      '集团工会',
      '甲公司',
      '甲公司一车间',
      '甲公司 小计',
      '合计（集团工会）',
    ]);
    // Indented by level with ideographic spaces.
    expect(String(rows[2]?.[0])).toMatch(/^\u3000{4}甲公司一车间$/);
    const own = summary.rows[0]?.figures;
    const closed = own?.rates.closedRate;
    expect(rows[0]?.slice(2, 6)).toEqual([
      own?.received,
      closed?.numerator,
      closed?.denominator,
      closed?.value,
    ]);
    expect(wb.getText(sheet, 'F5')[0]?.[0]).toBe(closed?.text);
    // Not synced since the period ended: marked, and no figure written (never a zero).
    expect(rows[2]?.[1]).toBe('未同步（最后同步 2026-03-20）');
    expect(rows[2]?.slice(2).every((v) => v === '')).toBe(true);
    expect(rows[4]?.[1]).toBe('计入 2 个单位，未计入 1 个未同步单位');
    const notes = wb.getValues(sheet, 'A10:A11').map((r) => String(r[0]));
    expect(notes[0]).toContain('有 1 个单位自本期结束后未同步');
  });

  it('prints as the ledgers do: A4 landscape, one page wide, title rows repeated, 第 N 页 共 M 页', async () => {
    const wb = createSimulatedWorkbook();
    await writeGroupSummary(runOf(wb), summary, { builtOn: ASOF, isSetSupported: wb.isSetSupported });
    const notes = 2 + RATE_KEYS.length;
    expect(wb.pageLayout('集团汇总2026Q1')).toMatchObject({
      paperSize: 'A4',
      orientation: 'Landscape',
      zoom: { horizontalFitToPages: 1 },
      printArea: `A1:${LAST}${9 + notes}`,
      printTitleRows: '1:4',
      headersFooters: { defaultForAllPages: { centerFooter: LEDGER_FOOTER } },
    });
    expect(wb.frozenRows('集团汇总2026Q1')).toBe(4);
    expect(wb.merges('集团汇总2026Q1')).toContain(`A1:${LAST}1`);
    const styles = wb.cellFormat('集团汇总2026Q1', `A4:${LAST}9`, 'border.bottom.style').flat();
    expect(new Set(styles)).toEqual(new Set(['Continuous']));
  });

  it('on Excel without ExcelApi 1.9 writes the sheet and says the page was not set up', async () => {
    const wb = createSimulatedWorkbook({ excelApi: 8 });
    const report = await writeGroupSummary(runOf(wb), summary, {
      builtOn: ASOF,
      isSetSupported: wb.isSetSupported,
    });
    expect(report.missing).toEqual([MISSING_PAGE_SETUP]);
    expect(wb.pageLayout('集团汇总2026Q1')).toEqual({});
  });

  it('replaces its own sheet on a rebuild, and refuses to overwrite a clerk’s sheet of that name', async () => {
    const wb = createSimulatedWorkbook();
    await writeGroupSummary(runOf(wb), summary, { builtOn: ASOF, isSetSupported: wb.isSetSupported });
    await writeGroupSummary(runOf(wb), summary, { builtOn: ASOF, isSetSupported: wb.isSetSupported });
    expect(wb.sheetNames().filter((n) => n.includes('集团汇总'))).toEqual(['集团汇总2026Q1']);
    expect(JSON.parse(String(wb.settings()[GENERATED_SETTING]))).toContain('集团汇总2026Q1');
    const clerk = createSimulatedWorkbook();
    await clerk.run(async (context) => {
      context.workbook.worksheets.add('集团汇总2026Q1');
      await context.sync();
    });
    await expect(writeGroupSummary(runOf(clerk), summary, { builtOn: ASOF })).rejects.toBeInstanceOf(
      BuildRefused,
    );
  });
});
