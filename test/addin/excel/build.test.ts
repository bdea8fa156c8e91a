import { beforeAll, describe, expect, it } from 'vitest';
import { buildLedgers } from '../../../addin/excel/build';
import { setUpWorkbook } from '../../../addin/excel/setup';
import { createSimulatedWorkbook, type SimulatedWorkbook } from '../../../addin/simulator';
import {
  buildAnnualSummary,
  buildWorkLedger,
  checkWorkbook,
  computeFigures,
  DEFAULT_VALUE_LISTS,
  INPUT_REGISTERS,
  RATE_KEYS,
  workLedgerSheet,
} from '../../../shared';
import { generateWorkbook } from '../../../addin/demo/generate';
import { loadRegisters, paste, runOf } from './helpers';

const g = generateWorkbook({ appeals: 160, seed: 11 });
const core = checkWorkbook(g.input, { today: g.today });

describe('building the generated sheets', () => {
  let wb: SimulatedWorkbook;
  beforeAll(async () => {
    wb = createSimulatedWorkbook();
    await setUpWorkbook(runOf(wb));
    await loadRegisters(wb, g.input);
  });

  it('writes a work ledger per quarter equal to the core, and never touches a register', async () => {
    const registersBefore = INPUT_REGISTERS.map((r) => JSON.stringify(wb.getValues(r.sheet, 'A1:AB200')));
    const report = await buildLedgers(runOf(wb), { year: 2025, asOf: g.today });
    expect(report.sheets.map((s) => s.name)).toEqual([
      '台账2025Q1',
      '台账2025Q2',
      '台账2025Q3',
      '台账2025Q4',
      '满意度整理台账',
      '议题梳理汇总分类表',
      '分类汇总表',
      '工作日历',
    ]);
    for (const quarter of [1, 2, 3, 4] as const) {
      const expected = buildWorkLedger(core.cases, { year: 2025, quarter }, g.today);
      const sheet = `台账2025Q${quarter}`;
      expect(wb.getValues(sheet, 'A3:L3')[0]).toEqual(workLedgerSheet.fields.map((f) => f.header));
      const rows = wb.getValues(sheet, `A4:L${3 + expected.length}`);
      expect(rows.map((r) => r[0])).toEqual(expected.map((e) => e.id));
      expect(rows.map((r) => r[7])).toEqual(expected.map((e) => e.progress));
      expect(wb.getValues(sheet, `A${4 + expected.length}:A${4 + expected.length}`)).toEqual([['']]);
    }
    expect(INPUT_REGISTERS.map((r) => JSON.stringify(wb.getValues(r.sheet, 'A1:AB200')))).toEqual(
      registersBefore,
    );
  });

  it('the annual summary counts by live COUNTIFS formulas and states each figure with its denominator', () => {
    const summary = buildAnnualSummary(core.cases, 2025, DEFAULT_VALUE_LISTS);
    const cells = wb.getFormulas('分类汇总表', `A5:D${4 + summary.length}`);
    summary.forEach((row, i) => {
      expect(cells[i]?.[0]).toBe(row.quarter);
      expect(cells[i]?.[1]).toBe(row.category);
      expect(String(cells[i]?.[2])).toMatch(
        new RegExp(
          `^=COUNTIFS\\(Appeals\\[受理时间\\],">="&DATE\\(2025,\\d+,1\\),.*Appeals\\[受理类别\\],"${row.category}"\\)$`,
        ),
      );
    });
    const start = 4 + summary.length + 3;
    const figures = wb.getFormulas('分类汇总表', `A${start}:H${start + 34}`);
    const q1 = computeFigures(
      core.cases,
      { year: 2025, quarter: 1 },
      { asOf: g.today, calendar: core.calendar, rules: core.settings },
    );
    expect(figures[0]?.slice(0, 2)).toEqual(['1季度', '受理数']);
    expect(String(figures[0]?.[2])).toMatch(
      /^=COUNTIFS\(Appeals\[受理时间\],">="&DATE\(2025,1,1\),Appeals\[受理时间\],"<="&MIN\(DATE\(2025,3,31\),\$B\$2\)\)$/,
    );
    RATE_KEYS.forEach((key, i) => {
      const row = figures[1 + i] ?? [];
      expect(row[1]).toBe(q1.rates[key].name.zh);
      expect(row[5]).toBe(q1.rates[key].numeratorText.zh);
      expect(row[6]).toBe(q1.rates[key].denominatorText.zh);
      expect(String(row[4])).toMatch(/^=IF\(D\d+=0,"—",C\d+\/D\d+\)$/);
      if (key === 'satisfactionRate' || key === 'remedyRate') {
        expect([row[2], row[3]]).toEqual([q1.rates[key].numerator, q1.rates[key].denominator]);
        expect(row[7]).toContain('加载项计算');
      } else {
        expect(String(row[2])).toMatch(/^=(COUNTIFS|SUMPRODUCT)\(/);
        expect(String(row[3])).toMatch(/^=(COUNTIFS|SUMPRODUCT)\(/);
      }
    });
    expect(String(figures[3]?.[2])).toContain('MATCH(');
    expect(String(figures[3]?.[2])).toContain('WorkDays[日期]');
  });

  it('rebuilding replaces only its own sheets, and refuses to overwrite a sheet it did not make', async () => {
    const again = await buildLedgers(runOf(wb), { year: 2025, asOf: g.today });
    expect(again.sheets).toHaveLength(8);
    expect(wb.sheetNames().filter((s) => s.startsWith('台账2025'))).toHaveLength(4);
    const other = createSimulatedWorkbook();
    await setUpWorkbook(runOf(other));
    paste(other, '台账2025Q1', 1, [['我自己的台账']]);
    await expect(buildLedgers(runOf(other), { year: 2025, asOf: g.today })).rejects.toThrow(
      /台账2025Q1.*不是本工具生成的/,
    );
    expect(other.getValues('台账2025Q1', 'A1')).toEqual([['我自己的台账']]);
  });
});
