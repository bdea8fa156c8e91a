// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPane, simulatedWorkbook } from './helpers';

const field = (label: RegExp) => screen.getByLabelText(label);

describe('the appeal form', () => {
  it('validates as you type: a bad date, its fix, and an anonymous appeal with a phone', async () => {
    const { operations } = await simulatedWorkbook();
    await renderPane(operations, { initialStep: 'collect' });
    const user = userEvent.setup();
    const date = field(/^受理时间/);
    await user.clear(date);
    await user.type(date, '2025-02-30');
    expect(await screen.findByText(/“2025-02-30”不是真实存在的日期/)).toBeTruthy();
    await user.clear(date);
    await user.type(date, '2025-03-05');
    await waitFor(() => expect(screen.queryByText(/不是真实存在的日期/)).toBeNull());
    await user.type(field(/^诉求人/), '匿名');
    await user.type(field(/^电话/), '13812345678');
    expect(await screen.findByText('“诉求人”为“匿名”时，“电话”应为空')).toBeTruthy();
  });
});

describe('registering and editing appeals in the workbook', () => {
  it('appends a valid appeal as one row, then edits only the cell the clerk changed', async () => {
    const { wb, operations } = await simulatedWorkbook();
    await renderPane(operations, { initialStep: 'collect' });
    const user = userEvent.setup();
    const date = field(/^受理时间/);
    await user.clear(date);
    await user.type(date, '2025年3月5日');
    await user.selectOptions(field(/^受理方式/), '电话');
    await user.selectOptions(field(/^受理类别/), '工资福利类');
    await user.type(field(/^诉求人/), '王小明');
    await user.type(field(/^电话/), '13812345678');
    await user.type(field(/^诉求内容/), '夜班补贴发放不及时');
    await user.click(screen.getByRole('button', { name: '登记' }));
    expect(await screen.findByText('已写入“职工诉求记录表”第 2 行')).toBeTruthy();
    const row = wb.getValues('职工诉求记录表', 'A2:J2')[0] ?? [];
    expect(row).toEqual([
      '2025-001',
      '电话',
      '',
      45721,
      '工资福利类',
      '',
      '王小明',
      '',
      '13812345678',
      '夜班补贴发放不及时',
    ]);
    // The next 编号 is offered once the workbook is read again.
    await waitFor(() => expect((field(/^编号/) as HTMLInputElement).value).toBe('2025-002'));

    const before = wb.getValues('职工诉求记录表', 'A2:AB2');
    await operations.selectCell("'职工诉求记录表'!C2");
    await user.click(screen.getByRole('button', { name: '读取选中行' }));
    await user.click(await screen.findByRole('tab', { name: '修改选中诉求' }));
    const panel = screen.getByRole('tabpanel');
    const content = within(panel).getByLabelText(/^诉求内容/);
    await waitFor(() => expect((content as HTMLTextAreaElement).value).toBe('夜班补贴发放不及时'));
    await user.type(content, '，已两个月');
    await user.click(within(panel).getByRole('button', { name: '保存修改' }));
    expect(await screen.findByText('已修改 1 个单元格')).toBeTruthy();
    const after = wb.getValues('职工诉求记录表', 'A2:AB2');
    expect(after[0]?.[9]).toBe('夜班补贴发放不及时，已两个月');
    expect(after[0]?.filter((_, i) => i !== 9)).toEqual(before[0]?.filter((_, i) => i !== 9));
  });
});
