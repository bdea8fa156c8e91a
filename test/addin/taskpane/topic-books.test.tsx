// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as ExcelJsModule from 'exceljs';
import { describe, expect, it } from 'vitest';
import { topicBookXlsx } from '../../../addin/excel/topicBookFile';
import { rawTable } from '../../../addin/demo/raw';
import { seeded } from '../../../addin/demo/random';
import { topicRegister, type TopicRecord } from '../../../shared';
import { renderPane, simulatedWorkbook } from './helpers';

const ExcelJs: typeof ExcelJsModule =
  (ExcelJsModule as unknown as { default?: typeof ExcelJsModule }).default ?? ExcelJsModule;

const TOPICS: TopicRecord[] = [
  { workshop: '一车间', seq: 1, name: '张三', content: '夜班食堂供应热饭', raisedOn: '2025-06-02' },
  { workshop: '一车间', seq: 2, name: '匿名', content: '更衣柜不够用', raisedOn: '2025-06-05' },
];

async function pane(createWorkbook?: (base64: string, fileName?: string) => Promise<void>) {
  const { wb, operations } = await simulatedWorkbook({
    input: { topics: rawTable(topicRegister, TOPICS, seeded(4)) },
    ...(createWorkbook ? { createWorkbook } : {}),
  });
  await renderPane(operations, { initialStep: 'collect' });
  const user = userEvent.setup();
  await user.click(screen.getByRole('tab', { name: '征集议题' }));
  return { wb, user, panel: screen.getByRole('region', { name: '各车间议题记录本' }) };
}

describe('step 3: workshop topic books in the pane', () => {
  it('exports the chosen workshop’s book as an .xlsx under its own file name', async () => {
    const opened: { base64: string; fileName?: string }[] = [];
    const { user, panel } = await pane(async (base64, fileName) => void opened.push({ base64, fileName }));
    await user.click(within(panel).getByRole('button', { name: '导出“一车间”的记录本' }));
    expect(await within(panel).findByText('已生成 征集协商议题记录本-一车间-2025-06-16.xlsx')).toBeTruthy();
    expect(opened[0]?.base64.slice(0, 4)).toBe('UEsD');
    expect(opened[0]?.fileName).toBe('征集协商议题记录本-一车间-2025-06-16.xlsx');
  });

  it('imports a filled book and reports what was added, unchanged, in conflict and wrong, by file and row', async () => {
    const { wb, user, panel } = await pane();
    const book = new ExcelJs.Workbook();
    await book.xlsx.load(
      (await topicBookXlsx({
        unit: '',
        workshop: '一车间',
        issuedOn: '2025-06-16',
        topics: TOPICS,
        workshops: ['一车间'],
      })) as unknown as ArrayBuffer,
    );
    const sheet = book.getWorksheet('征集协商议题记录本') as ExcelJsModule.Worksheet;
    sheet.getCell('C5').value = '更衣柜不够用，请增加';
    sheet.getRow(6).values = [3, '赵六', '班组会议时间太晚', '2025-06-10'];
    sheet.getRow(7).values = [4, '钱七', '澡堂热水不足', '2025-02-30'];
    const bytes = (await book.xlsx.writeBuffer()) as unknown as ArrayBuffer;
    const file = new File([bytes], '一车间.xlsx');
    await user.upload(within(panel).getByLabelText('导入填好的记录本（.xlsx）'), file);
    expect(
      await within(panel).findByText('一车间.xlsx：新增 1 条，未变 1 条，冲突 1 条，有误未导入 1 条'),
    ).toBeTruthy();
    expect(within(panel).getByText(/^文件“一车间\.xlsx”第 5 行与工作簿第 3 行/)).toBeTruthy();
    expect(within(panel).getByText(/^文件“一车间\.xlsx”第 7 行“时间”：/)).toBeTruthy();
    const t = wb.table(topicRegister.table);
    expect(JSON.stringify(wb.getValues(t?.sheet ?? '', t?.address ?? ''))).toContain('班组会议时间太晚');
  });

  it('turns a chosen topic into an appeal once; the turned topic is shown with its 编号 and cannot be chosen again', async () => {
    const { user, panel } = await pane();
    await user.click(within(panel).getByRole('checkbox', { name: '1 夜班食堂供应热饭' }));
    await user.click(within(panel).getByRole('button', { name: '转为职工诉求' }));
    expect(await within(panel).findByText('已转为诉求：2025-001；诉求编号已写回议题记录本')).toBeTruthy();
    await waitFor(() =>
      expect(within(panel).getByText('1 夜班食堂供应热饭（已转为诉求 2025-001）')).toBeTruthy(),
    );
    expect(within(panel).queryByRole('checkbox', { name: '1 夜班食堂供应热饭' })).toBeNull();
  });
});
