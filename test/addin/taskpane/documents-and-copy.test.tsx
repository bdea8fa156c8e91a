// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { generateWorkbook } from '../../../addin/demo/generate';
import { renderPane, simulatedWorkbook } from './helpers';

describe('printable documents and the management copy from the pane', () => {
  it('asks for what the workbook lacks, then prints the implementation notice on its own sheet', async () => {
    const { wb, operations } = await simulatedWorkbook();
    await renderPane(operations, { initialStep: 'publicity' });
    const user = userEvent.setup();
    const panel = screen.getByRole('region', { name: '打印文书' });
    await user.click(within(panel).getByRole('button', { name: '生成文书' }));
    expect(await within(panel).findByText('生成前还需要以下信息：')).toBeTruthy();
    const unit = within(panel).getByLabelText(/^单位名称/);
    for (const input of within(panel)
      .getAllByRole('textbox')
      .filter((i) => i.hasAttribute('required'))) {
      await user.type(input, input === unit ? '济南重工集团有限公司' : '办公楼三楼');
    }
    await user.click(within(panel).getByRole('button', { name: '生成文书' }));
    const printed = await within(panel).findByText(/^已生成工作表“(.+)”，可直接打印$/);
    const sheet = /“(.+)”/.exec(printed.textContent ?? '')?.[1] ?? '';
    expect(wb.sheetNames()).toContain(sheet);
    expect(JSON.stringify(wb.getValues(sheet, 'A1:H60'))).toContain('济南重工集团有限公司');
    expect(JSON.stringify(wb.getValues(sheet, 'A1:H60'))).not.toMatch(/XXX/);
  });

  // Office 2019 has ExcelApi 1.8; Worksheet.pageLayout is 1.9
  // (https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets).
  it('in Office 2019 (ExcelApi 1.8) writes the document and says in Chinese that the page is not set up', async () => {
    const { wb, operations } = await simulatedWorkbook({ excelApi: 8 });
    await renderPane(operations, { initialStep: 'publicity' });
    const user = userEvent.setup();
    const panel = screen.getByRole('region', { name: '打印文书' });
    await user.click(within(panel).getByRole('button', { name: '生成文书' }));
    await within(panel).findByText('生成前还需要以下信息：');
    for (const input of within(panel)
      .getAllByRole('textbox')
      .filter((i) => i.hasAttribute('required')))
      await user.type(input, '济南重工集团有限公司');
    await user.click(within(panel).getByRole('button', { name: '生成文书' }));
    const written = await within(panel).findByText(/^已生成工作表“(.+)”$/);
    const sheet = /“(.+)”/.exec(written.textContent ?? '')?.[1] ?? '';
    expect(JSON.stringify(wb.getValues(sheet, 'A1:H60'))).toContain('济南重工集团有限公司');
    expect(wb.pageLayout(sheet).printArea).toBeUndefined();
    const warning = within(panel).getByText(/^未设置打印格式：/);
    expect(warning.textContent).toMatch(/“页面布局”选项卡中手动设置/);
    expect(warning.textContent).toMatch(/Excel 2021 及以后版本.*（ExcelApi 1\.9）/);
    expect(within(panel).queryByText(/可直接打印/)).toBeNull();
  });

  it('prints the 办理结果公示 of anonymous appeals for the period typed in 起始日期 and 截止日期', async () => {
    const g = generateWorkbook({ appeals: 40, seed: 9 });
    const { wb, operations } = await simulatedWorkbook({ input: g.input });
    await renderPane(operations, { initialStep: 'supervise', today: g.today });
    const user = userEvent.setup();
    const panel = screen.getByRole('region', { name: '打印文书' });
    await user.selectOptions(within(panel).getByLabelText('文书'), '办理结果公示');
    const from = within(panel).getByLabelText('起始日期');
    await user.clear(from);
    await user.type(from, '2025-01-01');
    expect((within(panel).getByLabelText('截止日期') as HTMLInputElement).value).toBe(g.today);
    await user.click(within(panel).getByRole('button', { name: '生成文书' }));
    const printed = await within(panel).findByText(/^已生成工作表“(.+)”，可直接打印$/, undefined, {
      timeout: 15_000,
    });
    const sheet = /“(.+)”/.exec(printed.textContent ?? '')?.[1] ?? '';
    const text = JSON.stringify(wb.getValues(sheet, 'A1:E80'));
    expect(text).toContain('职工诉求办理结果公示');
    expect(text).toContain('工会（盖章）');
    for (const a of g.appeals)
      if (a.appellant && a.appellant !== '匿名') expect(text).not.toContain(a.appellant);
  });

  it('makes the management copy and opens it as a new workbook', async () => {
    const g = generateWorkbook({ appeals: 24, seed: 9 });
    const opened: string[] = [];
    const { operations } = await simulatedWorkbook({
      input: g.input,
      createWorkbook: async (base64) => void opened.push(base64),
    });
    await renderPane(operations, { initialStep: 'ledger', today: g.today });
    const user = userEvent.setup();
    const year = screen.getByLabelText(/^年度/);
    await user.clear(year);
    await user.type(year, '2025');
    await user.click(screen.getByRole('button', { name: '生成管理层副本' }));
    expect(
      await screen.findByText(/^已在新工作簿中打开副本：台账2025Q1/, undefined, { timeout: 15_000 }),
    ).toBeTruthy();
    expect(opened).toHaveLength(1);
    expect(opened[0]?.slice(0, 4)).toBe('UEsD'); // an .xlsx is a zip: "PK\x03\x04"
  });
});
