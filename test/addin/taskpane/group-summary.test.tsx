// @vitest-environment happy-dom
// Issue 13, "Group figures": step 八 offers 集团汇总 only with the cloud connected; the clerk picks a
// quarter, the pane asks the summary for the workbook's unit and writes 集团汇总YYYYQn, saying how many
// units it lists and how many were left out because they have not synced since the quarter ended.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { openCloud } from '../../../addin/cloud/operations';
import { generateWorkbook } from '../../../addin/demo/generate';
import { memoryStore } from '../../../addin/sync/kv';
import {
  emptyTally,
  figuresFromTally,
  summaryResponseSchema,
  type Period,
  type SummaryResponse,
} from '../../../shared';
import { runOf } from '../excel/helpers';
import { fakeCloud } from '../sync/fakeCloud';
import { renderPane, simulatedWorkbook } from './helpers';

const g = generateWorkbook({ appeals: 6, seed: 3 });
const PERIOD: Period = { year: 2026, quarter: 1 };

/** What the functions answer for the group: itself, a synced company, and a workshop that is not. */
function answer(orgId: string, period: Period): SummaryResponse {
  const tally = emptyTally();
  tally.received = 4;
  tally.closedRate = [3, 4];
  const figures = figuresFromTally(tally, period, '2026-04-10');
  const unit = (unitId: string, parentId: string, level: number, synced: boolean) => ({
    unitId,
    name: unitId,
    parentId,
    level,
    lastSyncAt: synced ? '2026-04-09T02:00:00.000Z' : '2026-03-01T02:00:00.000Z',
    synced,
    figures,
  });
  return summaryResponseSchema.parse({
    orgId,
    period,
    asOf: '2026-04-10',
    units: [unit(orgId, '', 0, true), unit('co-a', orgId, 1, true), unit('ws-1', 'co-a', 2, false)],
    tree: { unitId: orgId, name: orgId, figures, children: [] },
  });
}

describe('step 八: 集团汇总', () => {
  it('builds 集团汇总2026Q1 for the workbook’s unit and says who was left out', async () => {
    const { wb, operations } = await simulatedWorkbook({ input: g.input });
    const asked: unknown[] = [];
    const cloud = await openCloud({
      run: runOf(wb),
      baseUrl: 'http://127.0.0.1:1',
      unitId: 'grp',
      token: () => Promise.resolve('unused'),
      store: memoryStore(),
      api: {
        ...fakeCloud().api,
        summary: (orgId, year, quarter) => {
          asked.push([orgId, year, quarter]);
          return Promise.resolve(answer(orgId, { year, quarter: (quarter ?? 0) as 1 }));
        },
      },
      isSetSupported: wb.isSetSupported,
    });
    await renderPane({ ...operations, cloud }, { initialStep: 'ledger', today: '2026-04-10' });
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('季度'), '一季度');
    await user.click(screen.getByRole('button', { name: '生成集团汇总' }));
    expect(await screen.findByText('已生成“集团汇总2026Q1”，共 3 个单位')).toBeTruthy();
    expect(screen.getByText(/^1 个单位自本季度结束后未同步/)).toBeTruthy();
    expect(asked).toEqual([['grp', PERIOD.year, PERIOD.quarter]]);
    expect(wb.sheetNames()).toContain('集团汇总2026Q1');
    expect(wb.getValues('集团汇总2026Q1', 'B7')).toEqual([['未同步（最后同步 2026-03-01）']]);
  });

  it('is not offered without the cloud', async () => {
    const { operations } = await simulatedWorkbook({ input: g.input });
    await renderPane(operations, { initialStep: 'ledger', today: '2026-04-10' });
    expect(screen.getByRole('button', { name: '生成台账与汇总' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '生成集团汇总' })).toBeNull();
  });
});
