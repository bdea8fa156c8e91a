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
          `^=COUNTIFS\\(Appeals\\[\\[受理时间\\]\\],">="&DATE\\(2025,\\d+,1\\),.*Appeals\\[\\[受理类别\\]\\],"=${row.category}"\\)$`,
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
    expect(figures[0]?.slice(0, 2)).toEqual(['一季度', '受理数']);
    expect(String(figures[0]?.[2])).toMatch(
      /^=COUNTIFS\(Appeals\[\[受理时间\]\],">="&DATE\(2025,1,1\),Appeals\[\[受理时间\]\],"<="&MIN\(DATE\(2025,3,31\),\$B\$2\)\)$/,
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
    expect(String(figures[3]?.[2])).toContain('WorkDays[[日期]]');
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

  // Excel refuses a formula naming a table that does not exist when it is written, and turns
  // references to a deleted table into #REF!, so the calendar table must outlive every rebuild.
  // https://support.microsoft.com/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e
  it('rebuilding keeps the 工作日历 table the formulas read, growing and shrinking it in place', async () => {
    const before = await calendarOf(wb);
    expect(before).toMatchObject({ sheet: '工作日历', visibility: 'Hidden' });
    // A report date in the next year reaches a year further: the list grows.
    const later = '2027-01-15';
    await buildLedgers(runOf(wb), { year: 2025, asOf: later });
    const grown = await calendarOf(wb);
    const fresh = createSimulatedWorkbook();
    await setUpWorkbook(runOf(fresh));
    await loadRegisters(fresh, g.input);
    await buildLedgers(runOf(fresh), { year: 2025, asOf: later });
    expect(grown.days).toEqual((await calendarOf(fresh)).days);
    expect(grown.days.length).toBeGreaterThan(before.days.length);
    expect(grown.id).toBe(before.id);
    // Back to the first report date: the list shrinks to what it was, in the same table.
    await buildLedgers(runOf(wb), { year: 2025, asOf: g.today });
    const shrunk = await calendarOf(wb);
    expect(shrunk).toEqual(before);
    expect(wb.table('WorkDays')?.address).toBe(`A1:A${before.days.length + 1}`);
    expect(wb.getFormulas('分类汇总表', 'A1:H120').flat().join()).toContain('MATCH(');
  });

  it('refuses, in both languages, to build over a clerk’s own table named WorkDays', async () => {
    const book = createSimulatedWorkbook();
    await setUpWorkbook(runOf(book));
    paste(book, '我的日历', 1, [['日期'], [45667]]);
    await book.run(async (context) => {
      context.workbook.worksheets.getItem('我的日历').tables.add('A1:A2', true).name = 'WorkDays';
      await context.sync();
    });
    await expect(buildLedgers(runOf(book), { year: 2025, asOf: g.today })).rejects.toThrow(
      /WorkDays.*我的日历.*请先改名后重试 \/ .*rename it/,
    );
    expect(book.table('WorkDays')).toMatchObject({ sheet: '我的日历', address: 'A1:A2' });
  });

  // A formula naming a table column that does not exist is refused by Excel, like a missing table.
  it('writes the core’s figures as values where the clerk deleted a column the formulas read', async () => {
    const book = createSimulatedWorkbook();
    await setUpWorkbook(runOf(book));
    await loadRegisters(book, g.input);
    await book.run(async (context) => {
      context.workbook.tables.getItem('Appeals').columns.getItem('告知诉求人日期').delete();
      await context.sync();
    });
    await buildLedgers(runOf(book), { year: 2025, asOf: g.today });
    const figures = book.getFormulas('分类汇总表', 'A1:H120');
    const rowOf = (label: string, name: string) => figures.find((r) => r[0] === label && r[1] === name) ?? [];
    const tell = rowOf('一季度', RATE_NAMES.onTimeTellRate);
    expect(typeof tell[2]).toBe('number');
    expect(typeof tell[3]).toBe('number');
    expect(String(tell[7])).toContain('加载项计算');
    const closed = rowOf('一季度', RATE_NAMES.closedRate);
    expect(String(closed[2])).toMatch(/^=COUNTIFS\(/);
    expect(figures.flat().join()).not.toContain('告知诉求人日期');
  });
});

const RATE_NAMES = Object.fromEntries(
  RATE_KEYS.map((k) => [
    k,
    computeFigures(
      core.cases,
      { year: 2025, quarter: 1 },
      { asOf: g.today, calendar: core.calendar, rules: core.settings },
    ).rates[k].name.zh,
  ]),
) as Record<(typeof RATE_KEYS)[number], string>;

/** The working-day table as Excel would report it: identity, place and the listed days. */
async function calendarOf(wb: SimulatedWorkbook) {
  return wb.run(async (context) => {
    const table = context.workbook.tables.getItem('WorkDays').load('id');
    const sheet = table.worksheet.load('name,visibility');
    const body = table.getDataBodyRange().load('values');
    await context.sync();
    return {
      id: table.id,
      sheet: sheet.name,
      visibility: sheet.visibility,
      days: body.values.map((r) => r[0]),
    };
  });
}
