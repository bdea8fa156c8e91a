import { describe, expect, it } from 'vitest';
import { appendRecords, replaceRecords, updateRecord } from '../../../addin/excel/records';
import { readSelectedRecord, selectAddress } from '../../../addin/excel/selection';
import { setUpWorkbook } from '../../../addin/excel/setup';
import { createSimulatedWorkbook } from '../../../addin/simulator';
import { appealRegister, calendarRegister, trackingRegister } from '../../../shared';
import { runOf } from '../excel/helpers';

const appeal = (id: string) => ({
  id,
  intakeMethod: '谈话',
  receivedOn: '2025-03-05',
  category: '其他类',
  appellant: '匿名',
  content: `诉求 ${id}`,
});

async function setUp() {
  const wb = createSimulatedWorkbook();
  await setUpWorkbook(runOf(wb));
  return wb;
}

describe('the pane’s writes to the registers', () => {
  it('appends records to several registers in one request, each register in one bulk write', async () => {
    const wb = await setUp();
    wb.resetStats();
    const [appeals, tracking] = await appendRecords(runOf(wb), [
      { register: appealRegister, records: ['2025-001', '2025-002', '2025-003'].map(appeal) },
      {
        register: trackingRegister,
        records: [{ appealId: '2025-001', trackedOn: '2025/3/6', status: '正在进行中' }],
      },
    ]);
    expect(wb.stats.syncs).toBe(3);
    expect(appeals).toMatchObject({ sheet: '职工诉求记录表', firstRow: 2, count: 3 });
    expect(tracking?.firstRow).toBe(2);
    expect(wb.getValues('职工诉求记录表', 'A2:A5').flat()).toEqual(['2025-001', '2025-002', '2025-003', '']);
    expect(wb.getValues('进展情况跟踪表', 'A2:C2')).toEqual([['2025-001', 45722, '正在进行中']]);
    expect(wb.table('Appeals')?.address).toMatch(/A1:[A-Z]+4$/);
  });

  it('reads the selected row, writes only changed cells, and refuses a row that changed since it was read', async () => {
    const wb = await setUp();
    await appendRecords(runOf(wb), [
      { register: appealRegister, records: ['2025-001', '2025-002'].map(appeal) },
    ]);
    await selectAddress(runOf(wb), "'职工诉求记录表'!D3");
    const selected = await readSelectedRecord(runOf(wb));
    expect(selected).toMatchObject({
      register: 'appeals',
      row: 3,
      values: { id: '2025-002', receivedOn: '2025-03-05' },
    });
    const values = selected?.values ?? {};
    const change = { content: { before: '诉求 2025-002', after: '补充说明' } };
    expect(await updateRecord(runOf(wb), appealRegister, 3, change, values)).toBe(1);
    expect(wb.getValues('职工诉求记录表', 'J3')).toEqual([['补充说明']]);
    wb.setValues('职工诉求记录表', 'A3', [['2025-009']]);
    await expect(
      updateRecord(runOf(wb), appealRegister, 3, { unit: { before: '', after: '一车间' } }, values),
    ).rejects.toMatchObject({ reason: { zh: expect.stringContaining('编号') } });
    expect(wb.getValues('职工诉求记录表', 'H3')).toEqual([['']]);
  });

  it('replaces a small register’s rows, keeping the clerk’s own columns', async () => {
    const wb = await setUp();
    await replaceRecords(runOf(wb), calendarRegister, [
      { date: '2027-01-01', type: '法定节假日', note: '元旦' },
      { date: '2027-02-06', type: '调休上班', note: '' },
    ]);
    // The clerk added a column of their own and wrote in it.
    await runOf(wb)(async (context) => {
      context.workbook.tables.getItem('CalendarDays').columns.add(undefined, undefined, '经办人');
      await context.sync();
    });
    wb.setValues('日历调整', 'D2', [['李娟']]);
    await replaceRecords(runOf(wb), calendarRegister, [
      { date: '2027-01-01', type: '法定节假日', note: '元旦' },
    ]);
    expect(wb.getValues('日历调整', 'A2:D3')).toEqual([
      [46388, '法定节假日', '元旦', '李娟'],
      ['', '', '', ''],
    ]);
    await replaceRecords(runOf(wb), calendarRegister, []);
    expect(wb.getValues('日历调整', 'A2:D2')).toEqual([['', '', '', '']]);
  });
});
