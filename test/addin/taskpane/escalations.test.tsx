// @vitest-environment happy-dom
// The pane's escalation flow (issue 13; the handbook's 逐级报送): step 六 hands the selected appeal up
// after showing what goes (no name, no phone; a note with a phone number refused, the field named),
// the parent's cloud section lists what arrived with its age and status and replies or accepts it,
// and an administrator reads the unit tree — against the real local functions host.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCloud } from '../../../addin/cloud/operations';
import { openSignIn } from '../../../addin/cloud/signIn';
import { generateWorkbook } from '../../../addin/demo/generate';
import { memoryStore } from '../../../addin/sync/kv';
import { cachedToken, localDevToken } from '../../../addin/sync/token';
import { attachUnit } from '../../functions/support';
import { startLocalFunctions, type LocalFunctions } from '../../../scripts/serve-functions';
import { TRACKING_DONE } from '../../../shared';
import { runOf } from '../excel/helpers';
import { renderPane, simulatedWorkbook } from './helpers';

const SECRET = 'escalation-pane-ui-secret-0123456789';
let local: LocalFunctions;
// Node's fetch: the pane's requests go to the local host as Excel's webview sends them (CORS aside).
const nodeFetch = globalThis.fetch;

beforeAll(async () => {
  local = await startLocalFunctions({ port: 0, env: { XIESHANG_DEV_SECRET: SECRET } });
});
afterAll(() => local.stop());

const attach = (child: string, parent: string): Promise<void> =>
  attachUnit({ url: local.url, devSecret: SECRET }, child, parent);

const g = generateWorkbook({ appeals: 8, seed: 21 });
const index = g.appeals.findIndex((a) => !a.escalatedOn);
const appealId = String(g.appeals[index]?.id);

async function unitPane(unitId: string, role = 'clerk') {
  const { wb, operations } = await simulatedWorkbook({ input: g.input });
  const token = cachedToken(localDevToken(local.url, unitId, role, nodeFetch));
  const store = memoryStore();
  const signIn = await openSignIn({
    baseUrl: local.url,
    unitId,
    store,
    fallback: { method: 'dev', token },
    fetch: nodeFetch,
  });
  const cloud = await openCloud({ run: runOf(wb), baseUrl: local.url, unitId, token, store, signIn });
  return { wb, operations: { ...operations, cloud }, cloud };
}

describe('handing the selected appeal up from step 六', () => {
  it('refuses a note with a phone number, previews what goes, and fills 上报日期 and 上级单位', async () => {
    await attach('ui-w1', 'ui-c1');
    const { wb, operations } = await unitPane('ui-w1');
    await operations.selectCell(`'职工诉求记录表'!C${index + 2}`);
    await renderPane(operations, { initialStep: 'supervise', today: g.today });
    const user = userEvent.setup();
    const panel = await screen.findByRole('region', { name: '上报上级单位（逐级报送）' });
    await waitFor(() => expect(within(panel).getByText(`要上报的诉求：${appealId}`)).toBeTruthy());
    const send = within(panel).getByRole('button', { name: '确认上报' });
    expect(send.hasAttribute('disabled')).toBe(true);

    await user.type(within(panel).getByLabelText(/^上报说明/), '请联系 13812345678');
    await user.click(within(panel).getByRole('button', { name: '预览上报内容' }));
    expect(await within(panel).findByText(/“上报说明”含有手机号码/)).toBeTruthy();
    expect(send.hasAttribute('disabled')).toBe(true);

    await user.clear(within(panel).getByLabelText(/^上报说明/));
    await user.type(within(panel).getByLabelText(/^上报说明/), '车间无法解决');
    await user.click(within(panel).getByRole('button', { name: '预览上报内容' }));
    const preview = await within(panel).findByRole('region', { name: /^将上报的内容/ });
    expect(within(preview).getByText(`编号：${appealId}`)).toBeTruthy();
    expect(within(preview).getByText('上报说明：车间无法解决')).toBeTruthy();
    expect(within(preview).queryByText(/^电话：/)).toBeNull();
    expect(preview.textContent).not.toContain(String(g.appeals[index]?.phone ?? '-'));

    await user.click(send);
    expect(
      await within(panel).findByText('已上报至 ui-c1，本行已填写 2 项（上报日期、上级单位）。'),
    ).toBeTruthy();
    const row = wb.getValues('职工诉求记录表', `A${index + 2}:AZ${index + 2}`)[0] ?? [];
    expect(row).toContain('ui-c1');
  });
});

describe("the parent's inbox in the cloud section", () => {
  it('shows what arrived with its unit, age and status; replies and accepts it into the register', async () => {
    await attach('ui-w2', 'ui-c2');
    const child = await unitPane('ui-w2');
    await child.cloud.escalations.handUp(appealId, '请公司协调', g.today);
    const parent = await unitPane('ui-c2');
    await renderPane(parent.operations, { initialStep: 'check', today: g.today });
    const user = userEvent.setup();
    const inbox = screen.getByRole('region', { name: '下级上报的诉求' });
    expect(within(inbox).getByText('暂无下级单位上报的诉求。')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '立即同步' }));
    const item = await within(inbox).findByRole('region', { name: `ui-w2 · 编号 ${appealId}` });
    expect(within(item).getByText(/^状态：等待答复 · 已等待 \d+ 个工作日$/)).toBeTruthy();
    expect(within(item).getByText('上报说明：请公司协调')).toBeTruthy();
    expect(
      within(item).getByText(new RegExp(`受理类别：${String(g.appeals[index]?.category)}`)),
    ).toBeTruthy();

    await user.click(within(item).getByRole('button', { name: '答复' }));
    await user.selectOptions(within(item).getByLabelText(/^办理状态/), TRACKING_DONE);
    await user.type(within(item).getByLabelText(/^答复内容/), '已协调解决');
    await user.click(within(item).getByRole('button', { name: '发送答复' }));
    expect(await within(item).findByText(/^答复已发送/)).toBeTruthy();
    expect(within(item).getByText(/^状态：已答复/)).toBeTruthy();

    await user.click(within(item).getByRole('button', { name: '受理到本单位登记表' }));
    const accepted = await within(item).findByText(/^已受理为本单位诉求 (\d{4}-\d{3})/);
    const id = /诉求 (\d{4}-\d{3})/.exec(accepted.textContent ?? '')?.[1];
    expect(JSON.stringify(parent.wb.getValues('职工诉求记录表', 'A1:A40'))).toContain(String(id));
    expect(within(item).getByText(/^状态：已受理/)).toBeTruthy();

    // The reply reaches the child's tracking sheet at its next sync.
    const synced = await child.cloud.syncNow(g.today);
    expect(synced.replies?.written).toBe(1);
    expect(JSON.stringify(child.wb.getValues('进展情况跟踪表', 'A1:F80'))).toContain('ui-c2：已协调解决');
  });
});

describe('the unit tree for an administrator', () => {
  it('lists the units below and explains a parent out of scope in Chinese', async () => {
    await attach('ui-w3', 'ui-c3');
    const admin = await unitPane('ui-c3', 'admin');
    await admin.cloud.syncNow(g.today);
    await renderPane(admin.operations, { initialStep: 'check', today: g.today });
    const user = userEvent.setup();
    const tree = await screen.findByRole('region', { name: '单位树' });
    await user.click(within(tree).getByRole('button', { name: '读取单位树' }));
    expect(await within(tree).findByText(/^ui-w3（ui-w3） · 上级：ui-c3/)).toBeTruthy();
    await user.clear(within(tree).getByLabelText(/^单位代码/));
    await user.type(within(tree).getByLabelText(/^单位代码/), 'ui-c3');
    await user.type(within(tree).getByLabelText(/^上级单位代码/), 'ui-elsewhere');
    await user.click(within(tree).getByRole('button', { name: '设置上级单位' }));
    expect(await within(tree).findByText(/需要同时是这两个单位的管理员/)).toBeTruthy();
  });
});
