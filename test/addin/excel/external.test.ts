import { describe, expect, it } from 'vitest';
import { writeExternalRecords } from '../../../addin/excel/external';
import { setUpWorkbook } from '../../../addin/excel/setup';
import { createSimulatedWorkbook } from '../../../addin/simulator';
import { appealRegister, fieldsAtVersion, SCHEMA_VERSION } from '../../../shared';
import { columnLetter } from '../../../addin/excel/columns';
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
});
