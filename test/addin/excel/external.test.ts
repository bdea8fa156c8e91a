import { describe, expect, it } from 'vitest';
import { writeExternalRecords } from '../../../addin/excel/external';
import { setUpWorkbook } from '../../../addin/excel/setup';
import { createSimulatedWorkbook } from '../../../addin/simulator';
import { appealRegister, fieldsAtVersion, SCHEMA_VERSION } from '../../../shared';
import { columnLetter } from '../../../addin/excel/columns';
import { PAYLOAD_LIMIT_BYTES } from '../../../addin/excel/payload';
import { runOf } from './helpers';

const headers = fieldsAtVersion(appealRegister, SCHEMA_VERSION).map((f) => f.header);
const col = (h: string): string => columnLetter(headers.indexOf(h));
const base = { intakeMethod: '网络', receivedOn: '2025-03-03', category: '生活保障类', appellant: '匿名' };

describe('writing records from outside', () => {
  it('appends new ones, fills empty cells, reports conflicts, and lands formula-like text as text', async () => {
    const wb = createSimulatedWorkbook();
    await setUpWorkbook(runOf(wb));
    const first = await writeExternalRecords(runOf(wb), appealRegister, [
      { ...base, id: '2025-001', content: '食堂排队时间长' },
      { ...base, id: '2025-002', content: '=HYPERLINK("http://example.invalid","点我")' },
      { ...base, id: '2025-003', content: '@SUM(1,2)', department: '后勤部' },
    ]);
    expect(first).toMatchObject({ appended: 3, filled: 0, conflicts: [], rejected: [] });
    expect(first.formulaLike.map((f) => f.path)).toEqual(['[1].content', '[2].content']);
    expect(wb.getValues('职工诉求记录表', `${col('编号')}2:${col('编号')}4`)).toEqual([
      ['2025-001'],
      ['2025-002'],
      ['2025-003'],
    ]);
    // Stored as text: the value is the text itself, not a formula's result.
    expect(wb.getValues('职工诉求记录表', `${col('诉求内容')}3`)).toEqual([
      ['=HYPERLINK("http://example.invalid","点我")'],
    ]);
    expect(wb.getValues('职工诉求记录表', `${col('诉求内容')}4`)).toEqual([['@SUM(1,2)']]);
    expect(wb.getValues('职工诉求记录表', `${col('受理时间')}2`)).toEqual([[45719]]);

    wb.setValues('职工诉求记录表', `${col('承办部门')}2`, [['财务部']]);
    const second = await writeExternalRecords(runOf(wb), appealRegister, [
      { id: '2025-001', department: '后勤部', owner: '王立新' },
      { id: '2025-003', department: '后勤部' },
      {
        id: '2025-004',
        intakeMethod: '网络',
        receivedOn: '2025-13-01',
        category: '生活保障类',
        appellant: '匿名',
        content: 'x',
      },
    ]);
    expect(second.appended).toBe(0);
    expect(second.filled).toBe(1);
    expect(second.conflicts).toEqual([
      {
        id: '2025-001',
        field: 'department',
        header: '承办部门',
        address: `'职工诉求记录表'!${col('承办部门')}2`,
        mine: '财务部',
        theirs: '后勤部',
      },
    ]);
    expect(second.rejected).toEqual([expect.objectContaining({ index: 2, path: '[2].receivedOn' })]);
    expect(wb.getValues('职工诉求记录表', `${col('承办部门')}2:${col('责任人')}2`)).toEqual([
      ['财务部', '王立新'],
    ]);
  });

  it('with onlyNew refuses a record whose 编号 the register holds, and fills none of that row', async () => {
    const wb = createSimulatedWorkbook();
    await setUpWorkbook(runOf(wb));
    await writeExternalRecords(runOf(wb), appealRegister, [{ ...base, id: '2025-001', content: '原有诉求' }]);
    const r = await writeExternalRecords(
      runOf(wb),
      appealRegister,
      [
        { ...base, id: '2025-001', content: '扫码诉求', appellant: '扫码职工', phone: '13900001111' },
        { ...base, id: '2025-002', content: '另一条' },
      ],
      undefined,
      undefined,
      { onlyNew: true },
    );
    expect(r).toMatchObject({ appended: 1, filled: 0, conflicts: [] });
    expect(r.rejected).toEqual([expect.objectContaining({ index: 0, path: '[0].id' })]);
    expect(r.rejected[0]?.message.zh).toContain('已有 2025-001');
    expect(wb.getValues('职工诉求记录表', `${col('诉求人')}2`)).toEqual([['匿名']]);
    expect(wb.getValues('职工诉求记录表', `${col('电话')}2`)).toEqual([['']]);
  });

  // Excel on the web refuses a request over 5 MB
  // (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins);
  // a cell holds up to 32,767 characters (https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
  it('writes pulled records with long Chinese text in requests under 5 MB on Excel on the web', async () => {
    const wb = createSimulatedWorkbook({ platform: 'web' });
    await setUpWorkbook(runOf(wb));
    // Up to 30,000 Chinese characters (3 bytes each in UTF-8), tagged with the record's 编号.
    const long = (id: string, text: string): string => id + text.repeat(Math.floor(30_000 / text.length));
    const ids = Array.from({ length: 60 }, (_, i) => `2025-${String(i + 1).padStart(3, '0')}`);
    // 60 new records of ~90 KB each: over 5 MB of appended rows.
    wb.resetStats();
    const first = await writeExternalRecords(
      runOf(wb),
      appealRegister,
      ids.map((id) => ({ ...base, id, content: long(id, '食堂排队时间长，') })),
    );
    expect(first).toMatchObject({ appended: 60, filled: 0, conflicts: [], rejected: [] });
    expect(wb.stats.totalRequestBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(wb.stats.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(wb.getValues('职工诉求记录表', `${col('编号')}61`)).toEqual([['2025-060']]);
    expect(wb.getValues('职工诉求记录表', `${col('诉求内容')}61`)).toEqual([
      [long('2025-060', '食堂排队时间长，')],
    ]);
    // The clerk typed one opinion meanwhile: it is kept, and every empty opinion cell is filled.
    wb.setValues('职工诉求记录表', `${col('工会初步意见')}2`, [['已转后勤部']]);
    wb.resetStats();
    const second = await writeExternalRecords(
      runOf(wb),
      appealRegister,
      ids.map((id) => ({ id, unionOpinion: long(id, '建议增设窗口。') })),
    );
    expect(second.appended).toBe(0);
    expect(second.filled).toBe(59);
    expect(second.conflicts).toEqual([
      expect.objectContaining({ id: '2025-001', field: 'unionOpinion', mine: '已转后勤部' }),
    ]);
    expect(wb.stats.totalRequestBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(wb.stats.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(wb.getValues('职工诉求记录表', `${col('工会初步意见')}2:${col('工会初步意见')}3`)).toEqual([
      ['已转后勤部'],
      [long('2025-002', '建议增设窗口。')],
    ]);
    expect(wb.getValues('职工诉求记录表', `${col('编号')}62`)).toEqual([['']]);
  }, 60_000);
});
