// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { generateWorkbook } from '../../../addin/demo/generate';
import { renderPane, simulatedWorkbook } from './helpers';

const g = generateWorkbook({ appeals: 24, seed: 5 });

async function build(options: { monthly: boolean }) {
  const user = userEvent.setup();
  const year = screen.getByLabelText(/^年度/);
  await user.clear(year);
  await user.type(year, '2025');
  if (options.monthly) await user.click(screen.getByRole('checkbox', { name: /另按月整理工作台账/ }));
  await user.click(screen.getByRole('button', { name: '生成台账与汇总' }));
}

describe('step 八: the work ledger by quarter, or by month too', () => {
  it('builds a ledger per month as well when the clerk asks for it (the handbook: 也可根据情况每月整理一次)', async () => {
    const { wb, operations } = await simulatedWorkbook({ input: g.input });
    await renderPane(operations, { initialStep: 'ledger', today: g.today });
    await build({ monthly: true });
    // Eight sheets as before, and the twelve months of 2025 (the report date is in 2026).
    expect(await screen.findByText('已生成 20 张工作表')).toBeTruthy();
    const list = screen.getByRole('list', { name: '已生成 20 张工作表' });
    expect(within(list).getByText(/^台账2025-03：\d+ 行$/)).toBeTruthy();
    expect(wb.sheetNames()).toEqual(expect.arrayContaining(['台账2025Q1', '台账2025-01', '台账2025-12']));
    expect(wb.pageLayout('台账2025-03')).toMatchObject({ paperSize: 'A4', orientation: 'Landscape' });
    expect(screen.queryByText(/未设置打印格式/)).toBeNull();
  });

  it('on an Excel without ExcelApi 1.9 writes the ledgers and says the page is not set up', async () => {
    const { wb, operations } = await simulatedWorkbook({ input: g.input, excelApi: 8 });
    await renderPane(operations, { initialStep: 'ledger', today: g.today });
    await build({ monthly: false });
    expect(await screen.findByText('已生成 8 张工作表')).toBeTruthy();
    expect(screen.getByText(/^未设置打印格式：此版本的 Excel 不支持由加载项设置打印格式/)).toBeTruthy();
    expect(wb.sheetNames().some((s) => /^台账2025-\d\d$/.test(s))).toBe(false);
  });
});
