// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { generateWorkbook } from '../../../addin/demo/generate';
import { gatedOperations, renderPane, simulatedWorkbook } from './helpers';

const g = generateWorkbook({ appeals: 24, seed: 5 });

describe('checking the workbook and building the ledgers from the pane', () => {
  it('lists the problems found; choosing one selects its cell', async () => {
    const { wb, operations } = await simulatedWorkbook({ input: g.input });
    wb.setValues('职工诉求记录表', 'B3', [['面谈室']]);
    await renderPane(operations, { initialStep: 'check', today: g.today });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '检查工作簿' }));
    const list = await screen.findByRole('list', { name: '检查工作簿' });
    const problem = within(list).getByRole('button', { name: /职工诉求记录表 B3 受理方式/ });
    expect(within(list).getByText(/“面谈室”不在“受理方式”的可选值中/)).toBeTruthy();
    expect(wb.selection()).toEqual({ sheet: 'Sheet1', address: 'A1' });
    await user.click(problem);
    await expect.poll(() => wb.selection()).toEqual({ sheet: '职工诉求记录表', address: 'B3' });
  });

  it('shows the build’s progress, then the sheets it made', async () => {
    const { wb } = await simulatedWorkbook({ input: g.input });
    const gated = gatedOperations(wb);
    await renderPane(gated.operations, { initialStep: 'ledger', today: g.today });
    const user = userEvent.setup();
    const year = screen.getByLabelText(/^年度/);
    await user.clear(year);
    await user.type(year, '2025');
    gated.hold();
    await user.click(screen.getByRole('button', { name: '生成台账与汇总' }));
    expect(await screen.findByRole('progressbar')).toBeTruthy();
    expect(screen.getByText('读取登记表')).toBeTruthy();
    gated.release();
    expect(await screen.findByText('已生成 8 张工作表')).toBeTruthy();
    const list = screen.getByRole('list', { name: '已生成 8 张工作表' });
    expect(within(list).getByText(/^台账2025Q1：\d+ 行$/)).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(wb.sheetNames()).toContain('台账2025Q4');
  });
});
