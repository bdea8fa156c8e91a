import { describe, expect, it } from 'vitest';
import { checkWorkbookInExcel } from '../../../addin/excel/check';
import { setUpWorkbook } from '../../../addin/excel/setup';
import { demoWorkbook } from '../../../addin/preview/demo';
import { plainDemoWorkbook } from '../../../addin/preview/plain';
import { INPUT_REGISTERS, registerByKey } from '../../../shared';
import { runOf } from '../excel/helpers';

const TODAY = '2026-11-20';

// The workbook the real-Excel checklist opens (npm run demo:xlsx): set-up must adopt it whole.
describe('the demo registers as plain sheets (docs/excel-acceptance.md)', () => {
  it('are adopted sheet by sheet, headers kept as typed, rows kept, and the check runs', async () => {
    const wb = await plainDemoWorkbook(TODAY);
    // Each column formatted by its field's type, down to the last row, before set-up adopts it.
    const appeals = registerByKey('appeals');
    const header = wb.getValues('职工诉求记录表', 'A1:Z1')[0]?.map((h) => String(h).trim()) ?? [];
    const expected = header
      .filter((h) => h !== '')
      .map((h) => {
        const type = appeals.fields.find((f) => f.header === h)?.type;
        return type === 'date' ? 'yyyy-mm-dd' : type === 'number' ? 'General' : '@';
      });
    const last = demoWorkbook(TODAY).appeals.length + 1;
    for (const r of [2, last])
      expect(wb.getNumberFormats('职工诉求记录表', `A${r}:Z${r}`)[0]?.slice(0, expected.length)).toEqual(
        expected,
      );
    expect(expected).toContain('yyyy-mm-dd');
    const report = await setUpWorkbook(runOf(wb));
    const demo = demoWorkbook(TODAY);
    for (const register of INPUT_REGISTERS) {
      const entry = report.registers.find((r) => r.table === register.table);
      const laidOut = demo.input[register.key] !== undefined;
      expect(entry?.action, register.sheet).toBe(laidOut ? 'adoptRange' : 'create');
      expect(entry?.sheet).toBe(register.sheet);
    }
    expect(wb.table('Appeals')?.headers[0]).toBe(' 编号 ');
    expect(wb.getValues('职工诉求记录表', 'A2')).toEqual([[demo.appeals[0]?.id]]);
    const check = await checkWorkbookInExcel(runOf(wb), { today: TODAY });
    expect(check.result.cases.length).toBe(demo.appeals.length);
    expect((await setUpWorkbook(runOf(wb))).changed).toBe(false);
  });
});
