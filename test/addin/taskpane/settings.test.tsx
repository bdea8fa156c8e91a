// @vitest-environment happy-dom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../shared';
import { workbookOf } from '../../fixtures/workbook';
import { renderPane, simulatedWorkbook } from './helpers';

describe('setting the workbook up and editing its settings', () => {
  it('sets up the registers, saves settings as typed, refuses a bad number, and adds a department', async () => {
    const { wb, operations } = await simulatedWorkbook({ setUp: false });
    await renderPane(operations);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '建立 / 更新工作簿' }));
    expect(await screen.findByText(`工作簿已按第 ${SCHEMA_VERSION} 版结构建立`)).toBeTruthy();
    expect(wb.tableNames()).toContain('Appeals');

    const unit = await screen.findByLabelText(/^单位名称/);
    await user.type(unit, '济南重工集团有限公司');
    await user.type(screen.getByLabelText(/^工会办公室地址/), '办公楼三楼 305 室');
    const days = screen.getByLabelText(/^部门反馈期限/);
    await user.clear(days);
    await user.type(days, '三天');
    expect(screen.getByText('应为 1–30 的整数')).toBeTruthy();
    const [saveSettings] = screen.getAllByRole('button', { name: '保存' });
    expect((saveSettings as HTMLButtonElement).disabled).toBe(true);
    // Longer than the handbook's 3 working days: allowed, with a warning (docs/domain.md).
    await user.clear(days);
    await user.type(days, '5');
    expect(
      screen.getByText('“部门反馈期限（工作日）”为 5 个工作日，长于工作手册规定的 3 个工作日'),
    ).toBeTruthy();
    expect((saveSettings as HTMLButtonElement).disabled).toBe(false);
    await user.clear(days);
    await user.type(days, '3');
    await user.click(saveSettings as HTMLElement);
    expect(await screen.findByText('设置已保存')).toBeTruthy();
    const items = wb.getValues('设置', 'A2:B14');
    expect(items.find((r) => r[0] === '单位名称')?.[1]).toBe('济南重工集团有限公司');
    expect(items.find((r) => r[0] === '工会办公室地址')?.[1]).toBe('办公楼三楼 305 室');

    await user.click(screen.getByRole('button', { name: '部门与值列表' }));
    await user.type(await screen.findByLabelText('新增选项'), '质量部');
    await user.click(screen.getByRole('button', { name: '添加' }));
    expect(screen.getByText('质量部')).toBeTruthy();
    await user.click(screen.getAllByRole('button', { name: '保存' })[1] as HTMLElement);
    await waitFor(() => expect(wb.getValues('值列表', 'A1:Z12').flat()).toContain('质量部'));
  });
});

describe('the 部门负责人 table (docs/domain.md, "Meeting papers")', () => {
  it('adds a department head on the pane and saves it to the 部门负责人 sheet', async () => {
    const { wb, operations } = await simulatedWorkbook();
    await renderPane(operations);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '部门负责人' }));
    await user.click(await screen.findByRole('button', { name: '添加部门负责人' }));
    await user.selectOptions(screen.getByRole('combobox', { name: '部门' }), '财务部');
    await user.type(screen.getByRole('textbox', { name: '负责人' }), '冯丽华');
    await user.type(screen.getByRole('textbox', { name: '职务' }), '部长');
    const saves = screen.getAllByRole('button', { name: '保存' });
    await user.click(saves[saves.length - 1] as HTMLElement);
    await waitFor(() =>
      expect(wb.getValues('部门负责人', 'A1:D2')).toEqual([
        ['部门', '负责人', '职务', '联系方式'],
        ['财务部', '冯丽华', '部长', ''],
      ]),
    );
  });
});

describe('working-day limits on the pane come from 设置 (docs/domain.md)', () => {
  it('step 6 names the unit’s own report and telling limits, not a literal 3', async () => {
    const input = workbookOf({
      settings: [
        { item: '部门反馈期限（工作日）', value: '5' },
        { item: '告知诉求人期限（工作日）', value: '2' },
      ],
    });
    const { operations } = await simulatedWorkbook({ input });
    await renderPane(operations, { initialStep: 'supervise' });
    expect(
      await screen.findByText(
        '部门办结后 5 个工作日内反馈工会，工会 2 个工作日内告知诉求人（匿名诉求予以公示）；记录每次督导。',
      ),
    ).toBeTruthy();
  });
});
