// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appealDeadlines, checkWorkbook, deriveState, stageText } from '../../../shared';
import { generateWorkbook } from '../../../addin/demo/generate';
import { renderPane, simulatedWorkbook } from './helpers';

const g = generateWorkbook({ appeals: 56, seed: 7 });
const core = checkWorkbook(g.input, { today: g.today });

async function paneOnAppeal(step: 'supervise' | 'survey', stage: string) {
  const index = g.appeals.findIndex((a) => g.fates.get(a.id ?? '')?.stage === stage);
  const { wb, operations } = await simulatedWorkbook({ input: g.input });
  await operations.selectCell(`'职工诉求记录表'!C${index + 2}`);
  await renderPane(operations, { initialStep: step, today: g.today });
  return { wb, operations, appeal: g.appeals[index], c: core.cases[index] };
}

describe('following one appeal through steps 6 and 7', () => {
  it('shows the selected appeal’s state, next step and working-day deadlines', async () => {
    const { appeal, c } = await paneOnAppeal('supervise', 'reported');
    const state = deriveState(c as NonNullable<typeof c>, g.today);
    const status = await screen.findByRole('region', { name: '诉求状态' });
    await waitFor(() =>
      expect(within(status).getByText(stageText(state.stage, core.settings).name.zh)).toBeTruthy(),
    );
    expect(within(status).getByText(`下一步：${stageText(state.stage, core.settings).next.zh}`)).toBeTruthy();
    for (const d of appealDeadlines(c as NonNullable<typeof c>, core.settings, core.calendar, g.today)) {
      expect(within(status).getByText(new RegExp(`期限 ${d.due}`))).toBeTruthy();
    }
    expect((screen.getByLabelText(/^诉求编号/) as HTMLInputElement).value).toBe(appeal?.id);
  });

  it('asks a 不满意 rating for its reason, department and remedy, then records the survey', async () => {
    const { wb, appeal } = await paneOnAppeal('survey', 'told');
    const user = userEvent.setup();
    expect(screen.queryByLabelText(/^不满意原因/)).toBeNull();
    await user.selectOptions(screen.getByLabelText(/^调查方式/), '电话回访');
    await user.selectOptions(screen.getByLabelText(/^诉求满意度/), '不满意');
    expect(screen.getByLabelText(/^不满意原因/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '登记' }));
    expect(await screen.findByText('“诉求满意度”为“不满意”时，“不满意原因”必须填写')).toBeTruthy();
    await user.type(screen.getByLabelText(/^不满意原因/), '补贴仍未到账');
    await user.selectOptions(screen.getByLabelText(/^责任部门/), '财务部');
    await user.type(screen.getByLabelText(/^解决措施/), '本月内补发');
    await user.type(screen.getByLabelText(/^整改时限/), '2026-04-30');
    await user.click(screen.getByRole('button', { name: '登记' }));
    const done = await screen.findByText(/^已写入“满意度调查表”第 \d+ 行$/);
    const row = Number(/第 (\d+) 行/.exec(done.textContent ?? '')?.[1]);
    const cells = wb.getValues('满意度调查表', `A${row}:J${row}`)[0];
    expect(cells?.slice(0, 4)).toEqual([appeal?.id, '诉求人', '电话回访', '不满意']);
    expect(cells?.slice(7, 10)).toEqual(['补贴仍未到账', '财务部', '本月内补发']);
  });
});

describe('planning a meeting (step 4)', () => {
  it('suggests participants from the chosen topics’ categories and registers the meeting with its agenda', async () => {
    const { wb, operations } = await simulatedWorkbook({ input: g.input });
    await renderPane(operations, { initialStep: 'people', today: g.today });
    const user = userEvent.setup();
    const topics = screen.getByRole('group', { name: '选择议题（待协商的诉求）' });
    const wage = within(topics).getAllByRole('checkbox', { name: /工资福利类/ })[0] as HTMLElement;
    const life = within(topics).getAllByRole('checkbox', { name: /生活保障类/ })[0] as HTMLElement;
    await user.click(wage);
    await user.click(life);
    const suggested = screen.getByRole('toolbar', { name: '建议参会部门' });
    expect([...suggested.children].map((o) => o.textContent).filter(Boolean)).toEqual([
      '行政办公室',
      '财务部',
      '人力资源部',
      '后勤部',
    ]);
    expect((screen.getByLabelText(/^参会人员/) as HTMLTextAreaElement).value).toBe(
      '行政办公室、财务部、人力资源部、后勤部',
    );
    await user.type(screen.getByLabelText(/^会议日期/), '2026-04-10');
    await user.click(screen.getByRole('button', { name: '登记会议及议题' }));
    expect(await screen.findByText('已登记会议“2026-H1”及 2 项议题')).toBeTruthy();
    const meetings = wb.getValues('协商会议', 'A2:H20').filter((r) => r[0] === '2026-H1');
    expect(meetings[0]?.[7]).toBe('行政办公室、财务部、人力资源部、后勤部');
    const agenda = wb.getValues('会议议题及决议', 'A2:D80').filter((r) => r[0] === '2026-H1');
    expect(agenda.map((r) => r[1])).toEqual([1, 2]);
  });
});
