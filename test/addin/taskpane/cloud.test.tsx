// @vitest-environment happy-dom
// The cloud panel tells the clerk what the sync did to the rows (issue 10): text sent with identity
// numbers hidden (the cells untouched), a record too large set aside, and records the cloud purged by
// retention no longer synced, said once.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { openCloud } from '../../../addin/cloud/operations';
import { generateWorkbook } from '../../../addin/demo/generate';
import { memoryStore } from '../../../addin/sync/kv';
import { MAX_RECORD_CHARS } from '../../../shared';
import { runOf } from '../excel/helpers';
import { fakeCloud } from '../sync/fakeCloud';
import { renderPane, simulatedWorkbook } from './helpers';

const PURGED_ZH = '1 条记录已按保留期限从云端清除，不再同步；工作簿中的行保持不变。';

describe('the cloud panel after a sync', () => {
  it('lists text sent with identity numbers hidden, a record set aside, and the purged ones once', async () => {
    const g = generateWorkbook({ appeals: 6, seed: 11 });
    const sheet = g.input.appeals as NonNullable<typeof g.input.appeals>;
    const rows = sheet.rows as unknown[][];
    const content = sheet.header.indexOf('诉求内容');
    (rows[0] as unknown[])[content] = '电话138 0000 1111';
    (rows[1] as unknown[])[content] = '长'.repeat(MAX_RECORD_CHARS + 10);
    const [first, second, third] = rows.map((r) => String(r[0]));
    const { wb, operations } = await simulatedWorkbook({ input: g.input });
    const cloudSide = fakeCloud();
    cloudSide.purged.add(`appeals|${third}`);
    const cloud = await openCloud({
      run: runOf(wb),
      baseUrl: 'http://127.0.0.1:1',
      unitId: 'u-pane',
      token: () => Promise.resolve('unused'),
      store: memoryStore(),
      api: cloudSide.api,
    });
    await renderPane({ ...operations, cloud }, { initialStep: 'check', today: g.today });
    const user = userEvent.setup();
    // Before the sync: what it will send, nothing sent yet.
    await user.click(screen.getByRole('button', { name: '查看将上传的内容' }));
    const toSend = await screen.findByRole('list', { name: '将隐去身份号码后上传的文字' });
    expect(within(toSend).getByText(`职工诉求记录表 ${first} · 诉求内容：电话（已隐去）`)).toBeTruthy();
    expect(screen.getByText(/^待上传 \d+ 条；下列文字中的号码将隐去后上传/)).toBeTruthy();
    expect(cloudSide.requests).toEqual([]);

    await user.click(screen.getByRole('button', { name: '立即同步' }));

    expect(await screen.findByText(PURGED_ZH)).toBeTruthy();
    const scrubbed = screen.getByRole('list', { name: /已隐去后发送/ });
    expect(within(scrubbed).getByText(`职工诉求记录表 ${first} · 诉求内容：电话（已隐去）`)).toBeTruthy();
    const refused = screen.getByRole('list', { name: /云端未接收的记录（1）/ });
    expect(within(refused).getByText(new RegExp(`^职工诉求记录表 ${second}：`))).toBeTruthy();
    // What reached the cloud, and what stayed in the workbook.
    expect(cloudSide.records.get(`appeals|${first}`)?.content).toBe('电话（已隐去）');
    expect(cloudSide.records.has(`appeals|${second}`)).toBe(false);
    expect(cloudSide.records.has(`appeals|${third}`)).toBe(false);
    expect(JSON.stringify(wb.getValues('职工诉求记录表', 'A1:Z4'))).toContain('电话138 0000 1111');

    // The next sync says nothing more about the purged record, and sends nothing new.
    await user.click(screen.getByRole('button', { name: '立即同步' }));
    expect(await screen.findByText(/已同步：上传 0 条/)).toBeTruthy();
    expect(screen.queryByText(PURGED_ZH)).toBeNull();
  });
});
