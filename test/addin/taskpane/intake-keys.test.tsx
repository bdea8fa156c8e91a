// @vitest-environment happy-dom
// Issue 14: the chair makes the QR intake key in step 二, unlocks it, changes the passphrase and
// rotates the key; the wrapped keys land in the workbook's settings (Excel.SettingCollection,
// https://learn.microsoft.com/en-us/javascript/api/excel/excel.settingcollection).
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { INTAKE_KEYS_SETTING } from '../../../addin/excel/intakeKeys';
import { decryptSubmission, encryptSubmission } from '../../../addin/intake/envelope';
import { renderPane, simulatedWorkbook } from './helpers';

const PASS = '工会主席口令二〇二六年';
const NEW = '新口令：职工之家二〇二七';

describe('the QR intake key in the pane', () => {
  it('creates, locks, refuses a wrong passphrase in Chinese, unlocks, rotates and changes the passphrase', async () => {
    const { wb, operations } = await simulatedWorkbook();
    await renderPane(operations, { initialStep: 'publicity' });
    const user = userEvent.setup();
    const panel = await screen.findByRole('region', { name: '二维码收件密钥' });
    expect(await within(panel).findByText('本工作簿还没有收件密钥。')).toBeTruthy();

    await user.type(within(panel).getByLabelText('口令（至少 10 个字符）'), PASS);
    await user.type(within(panel).getByLabelText('再输入一次口令'), PASS.slice(0, -1));
    await user.click(within(panel).getByRole('button', { name: '创建二维码收件密钥' }));
    expect(await within(panel).findByText('两次输入的口令不一致')).toBeTruthy();
    await user.type(within(panel).getByLabelText('再输入一次口令'), PASS.slice(-1));
    await user.click(within(panel).getByRole('button', { name: '创建二维码收件密钥' }));
    expect(await within(panel).findByText('已创建收件密钥并解锁')).toBeTruthy();
    const stored = JSON.parse(String(wb.settings()[INTAKE_KEYS_SETTING])) as { current: string };
    expect(within(panel).getByText(`密钥指纹（二维码上印的）：${stored.current}`)).toBeTruthy();
    expect(String(wb.settings()[INTAKE_KEYS_SETTING])).not.toMatch(/"d"/);

    await user.click(within(panel).getByRole('button', { name: '锁定' }));
    expect(operations.intake?.keyring()).toBeNull();
    await user.type(within(panel).getByLabelText('口令（至少 10 个字符）'), '不对的口令不对的口令');
    await user.click(within(panel).getByRole('button', { name: '解锁' }));
    expect(await within(panel).findByText('口令不对，收件密钥未解锁')).toBeTruthy();
    await user.clear(within(panel).getByLabelText('口令（至少 10 个字符）'));
    await user.type(within(panel).getByLabelText('口令（至少 10 个字符）'), PASS);
    await user.click(within(panel).getByRole('button', { name: '解锁' }));
    expect(await within(panel).findByText('已解锁')).toBeTruthy();

    const first = await operations.intake?.status();
    if (!first) throw new Error('no key');
    const oldJwe = await encryptSubmission(
      { content: '班车太少', workshop: '一车间', anonymous: true, submittedAt: '2026-12-01T10:00:00Z' },
      first.publicJwk,
      first.kid,
    );
    await user.type(within(panel).getByLabelText('口令（至少 10 个字符）'), PASS);
    await user.click(within(panel).getByRole('button', { name: '轮换密钥' }));
    expect(await within(panel).findByText(/已生成新密钥/)).toBeTruthy();
    expect(within(panel).getByText(/本工作簿保存 2 把密钥/)).toBeTruthy();

    await user.type(within(panel).getByLabelText('口令（至少 10 个字符）'), PASS);
    await user.type(within(panel).getByLabelText('新口令（至少 10 个字符）'), NEW);
    await user.click(within(panel).getByRole('button', { name: '修改口令' }));
    expect(await within(panel).findByText('口令已修改，所有密钥已用新口令重新加密')).toBeTruthy();

    // A fresh pane over the same workbook: only the new passphrase opens it, and the old submission reads.
    const again = (await import('../../../addin/intake/operations')).createIntakeOperations(
      wb.run.bind(wb) as never,
    );
    await expect(again.unlock(PASS)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await again.unlock(NEW);
    const keyring = again.keyring();
    if (!keyring) throw new Error('locked');
    expect((await decryptSubmission(oldJwe, keyring)).content).toBe('班车太少');
  });

  it('refuses to create a second store over existing keys', async () => {
    const { operations } = await simulatedWorkbook();
    await operations.intake?.create(PASS);
    await expect(operations.intake?.create(PASS)).rejects.toMatchObject({ code: 'bad-store' });
    expect((await operations.intake?.status())?.keys).toBe(1);
  });
});

describe('taking phone submissions in from the pane', () => {
  it('publishes the key, then takes a phone submission into 职工诉求记录表 with the unlocked key', async () => {
    const { startLocalFunctions } = await import('../../../scripts/serve-functions');
    const { openCloud } = await import('../../../addin/cloud/operations');
    const { memoryStore } = await import('../../../addin/sync/kv');
    const { cachedToken, localDevToken } = await import('../../../addin/sync/token');
    const { runOf } = await import('../excel/helpers');
    // Node's fetch: the pane's requests reach the local host as Excel's webview sends them (CORS aside).
    const nodeFetch = globalThis.fetch;
    const local = await startLocalFunctions({ port: 0, tablePrefix: 'intakeui' });
    try {
      const { wb, operations } = await simulatedWorkbook();
      const unitId = 'iq-ui';
      const token = cachedToken(localDevToken(local.url, unitId, 'clerk', nodeFetch));
      const cloud = await openCloud({
        run: runOf(wb),
        baseUrl: local.url,
        unitId,
        token,
        store: memoryStore(),
        isSetSupported: wb.isSetSupported,
      });
      await operations.intake?.create(PASS);
      await renderPane({ ...operations, cloud }, { initialStep: 'publicity' });
      const user = userEvent.setup();
      const inbox = await screen.findByRole('region', { name: '扫码提交' });
      await user.click(within(inbox).getByRole('button', { name: '发布公钥到云端' }));
      expect(await within(inbox).findByText(/^已发布公钥：手机表单可选 \d+ 个车间/)).toBeTruthy();

      const view = (await (await nodeFetch(`${local.url}/api/public/units/${unitId}/intake`)).json()) as {
        key: { kid: string; publicJwk: Parameters<typeof encryptSubmission>[1] };
      };
      const jwe = await encryptSubmission(
        { content: '食堂窗口太少', workshop: '一车间', anonymous: true, submittedAt: '2026-03-30T02:00:00Z' },
        view.key.publicJwk,
        view.key.kid,
      );
      const posted = await nodeFetch(`${local.url}/api/public/units/${unitId}/intake/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kid: view.key.kid, jwe, website: '' }),
      });
      expect(posted.status).toBe(201);

      // Locked: nothing is taken in, and the pane says why.
      operations.intake?.lock();
      await user.click(within(inbox).getByRole('button', { name: '收取扫码提交' }));
      expect(await within(inbox).findByText('请先用口令解锁收件密钥，再收取扫码提交')).toBeTruthy();
      await operations.intake?.unlock(PASS);
      await user.click(within(inbox).getByRole('button', { name: '收取扫码提交' }));
      expect(await within(inbox).findByText(/^已写入 1 条诉求：\d{4}-\d{3}。$/)).toBeTruthy();
      expect(JSON.stringify(wb.getValues('职工诉求记录表', 'A1:Z200'))).toContain('食堂窗口太少');
    } finally {
      await local.stop();
    }
  });
});
