import { columnLetter } from '../../../addin/excel/columns';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkWorkbookInExcel } from '../../../addin/excel/check';
import { MARK_FILL } from '../../../addin/excel/marks';
import { setUpWorkbook } from '../../../addin/excel/setup';
import { createSimulatedWorkbook, type SimulatedWorkbook } from '../../../addin/simulator';
import { appealRegister, fieldsAtVersion, SCHEMA_VERSION } from '../../../shared';
import { generateWorkbook } from '../../../addin/demo/generate';
import { loadRegisters, runOf } from './helpers';

const g = generateWorkbook({ appeals: 120, seed: 3 });
const headers = fieldsAtVersion(appealRegister, SCHEMA_VERSION).map((f) => f.header);
const colOf = (header: string): string => columnLetter(headers.indexOf(header));

async function filledWorkbook(): Promise<SimulatedWorkbook> {
  const wb = createSimulatedWorkbook();
  await setUpWorkbook(runOf(wb));
  await loadRegisters(wb, g.input);
  return wb;
}

describe('checking the workbook in Excel', () => {
  let wb: SimulatedWorkbook;
  beforeAll(async () => {
    wb = await filledWorkbook();
  });

  it('finds no error in a clean workbook, in a fixed number of syncs', async () => {
    wb.resetStats();
    const report = await checkWorkbookInExcel(runOf(wb), { today: g.today });
    expect(report.errors).toBe(0);
    expect(report.result.cases).toHaveLength(120);
    expect(wb.stats.syncs).toBeLessThanOrEqual(6);
  });

  it('catches real broken rows with their cell addresses, marks them, and clears the marks once fixed', async () => {
    const before = wb.getValues('职工诉求记录表', `A2:${colOf('上级单位')}121`);
    // A pasted wrong value, a duplicate 编号, a tracking row for a missing 编号, a finish date in 2027.
    wb.setValues('职工诉求记录表', `${colOf('受理方式')}3`, [['面谈室']]);
    wb.setValues('职工诉求记录表', `${colOf('编号')}5`, [[g.appeals[0]?.id]]);
    wb.setValues('进展情况跟踪表', 'A2', [['2025-999']]);
    wb.setValues('职工诉求记录表', `${colOf('受理时间')}4`, [['2025年2月30日']]);
    const report = await checkWorkbookInExcel(runOf(wb), { today: '2027-06-30' });
    const find = (code: string) => report.problems.find((p) => p.code === code);
    expect(find('not-in-list')).toMatchObject({
      address: `'职工诉求记录表'!${colOf('受理方式')}3`,
      raw: '面谈室',
      severity: 'error',
    });
    expect(find('duplicate')).toMatchObject({ address: `'职工诉求记录表'!${colOf('编号')}5` });
    expect(find('dangling-ref')).toMatchObject({ address: `'进展情况跟踪表'!A2`, raw: '2025-999' });
    expect(find('bad-date')).toMatchObject({ address: `'职工诉求记录表'!${colOf('受理时间')}4` });
    expect(find('not-in-list')?.message.en).toContain('intakeMethod');
    expect(wb.fill('职工诉求记录表', `${colOf('受理方式')}3`)).toEqual([[MARK_FILL]]);
    expect(wb.fill('进展情况跟踪表', 'A2')).toEqual([[MARK_FILL]]);
    // Nothing the clerk typed was changed.
    expect(wb.getValues('职工诉求记录表', `${colOf('受理方式')}3`)).toEqual([['面谈室']]);

    wb.setValues('职工诉求记录表', `${colOf('受理方式')}3`, [[before[1]?.[headers.indexOf('受理方式')]]]);
    const fixed = await checkWorkbookInExcel(runOf(wb), { today: '2027-06-30' });
    expect(fixed.problems.find((p) => p.code === 'not-in-list')).toBeUndefined();
    expect(fixed.cleared).toBeGreaterThanOrEqual(1);
    expect(wb.fill('职工诉求记录表', `${colOf('受理方式')}3`)).toEqual([[null]]);
    expect(wb.fill('进展情况跟踪表', 'A2')).toEqual([[MARK_FILL]]);
  });

  it('warns when a deadline falls in a year with no holiday schedule', async () => {
    const fresh = await filledWorkbook();
    const row = g.appeals.findIndex((a) => a.finishedOn && !a.reportedOn) + 2;
    fresh.setValues('职工诉求记录表', `${colOf('办结日期')}${row}`, [['2027-01-04']]);
    const report = await checkWorkbookInExcel(runOf(fresh), { today: '2027-01-05' });
    const warn = report.problems.find((p) => p.code === 'no-schedule');
    expect(warn?.address).toBe(`'职工诉求记录表'!${colOf('部门反馈日期')}${row}`);
    expect(warn?.message.zh).toContain('2027');
  });

  it('warns about dates kept as text (an apostrophe, a text column), which the live formulas cannot count', async () => {
    const wb = createSimulatedWorkbook();
    await setUpWorkbook(runOf(wb));
    const text = {
      ...g.input,
      appeals: {
        ...g.input.appeals!,
        rows: g.input
          .appeals!.rows.slice(0, 3)
          .map((r, i) =>
            r.map((v, j) =>
              j === headers.indexOf('受理时间') ? ["'2025/3/5", "'2025年3月6日", 45721][i] : v,
            ),
          ),
      },
    };
    await loadRegisters(wb, text, { keepTextDates: true });
    const report = await checkWorkbookInExcel(runOf(wb), { today: g.today });
    const warned = report.problems.filter((p) => p.code === 'date-as-text' && p.column === 'receivedOn');
    expect(warned.map((p) => p.address)).toEqual([
      `'职工诉求记录表'!${colOf('受理时间')}2`,
      `'职工诉求记录表'!${colOf('受理时间')}3`,
    ]);
    expect(warned.every((p) => p.severity === 'warning')).toBe(true);
  });
});
