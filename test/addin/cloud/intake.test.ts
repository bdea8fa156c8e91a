// Phone intake from the pane's side (issue 14, first slice), against the real local functions host on
// Azurite: the pane publishes its public key and form; what a phone encrypted to it is pulled,
// decrypted in the pane and written to 职工诉求记录表 (受理方式 网络, 受理渠道 二维码); the cloud deletes the
// ciphertext only once told the 编号; a confirmation lost on the way never writes an appeal twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCloud } from '../../../addin/cloud/operations';
import { generateWorkbook } from '../../../addin/demo/generate';
import { coreInput } from '../../../addin/excel/check';
import { writeIntakeKeys } from '../../../addin/excel/intakeKeys';
import { readAppealIndex } from '../../../addin/excel/escalation';
import { writeExternalRecords } from '../../../addin/excel/external';
import { rememberIntakeTaken } from '../../../addin/excel/intakeTaken';
import { readRegisters } from '../../../addin/excel/read';
import { setUpWorkbook } from '../../../addin/excel/setup';
import { encryptSubmission } from '../../../addin/intake/envelope';
import { createUnitKey, unlockUnitKeys } from '../../../addin/intake/keys';
import { createSimulatedWorkbook } from '../../../addin/simulator';
import { memoryStore } from '../../../addin/sync/kv';
import { cachedToken, localDevToken } from '../../../addin/sync/token';
import {
  appealRegister,
  checkWorkbook,
  DEFAULT_VALUE_LISTS,
  INPUT_REGISTERS,
  intakePublicResponseSchema,
  intakeReceiptSchema,
  intakeSubmissionListSchema,
  QR_CHANNEL,
  readRegister,
  type InputRegisterKey,
  type SubmissionPayload,
} from '../../../shared';
import { startLocalFunctions, type LocalFunctions } from '../../../scripts/serve-functions';
import { loadRegisters, runOf } from '../excel/helpers';

let local: LocalFunctions;
// The cloud's clock: 受理时间 is the day (China time) the cloud received a submission.
let clock = new Date('2026-03-30T01:00:00Z');
beforeAll(async () => {
  local = await startLocalFunctions({ port: 0, tablePrefix: 'intakepane', now: () => clock });
});
afterAll(() => local.stop());

const PASSPHRASE = '工会办公室的口令 2026';

describe('phone submissions reaching the register', () => {
  it('publishes the key, pulls and decrypts what phones sent, writes the appeals, and never twice', async () => {
    const unitId = 'iq1';
    const g = generateWorkbook({ appeals: 6, seed: 77 });
    const wb = createSimulatedWorkbook();
    const run = runOf(wb);
    await setUpWorkbook(run);
    await loadRegisters(wb, g.input);
    const token = cachedToken(localDevToken(local.url, unitId, 'clerk'));
    const cloud = await openCloud({
      run,
      baseUrl: local.url,
      unitId,
      token,
      store: memoryStore(),
      isSetSupported: wb.isSetSupported,
    });

    const made = await createUnitKey(PASSPHRASE);
    const { keyring } = await unlockUnitKeys(made.stored, PASSPHRASE);
    await writeIntakeKeys(run, made.stored);
    const form = await cloud.intake.publishKey();
    expect(form.workshops.length).toBeGreaterThan(0);
    expect(form.categories).toContain('生活保障类');
    // What a phone reads: the same key the QR code names.
    const view = intakePublicResponseSchema.parse(
      await (await fetch(`${local.url}/api/public/units/${unitId}/intake`)).json(),
    );
    expect(view.key.kid).toBe(made.kid);

    const submit = async (p: SubmissionPayload, address: string) => {
      clock = new Date(p.submittedAt);
      const jwe = await encryptSubmission(p, view.key.publicJwk, made.kid);
      const res = await fetch(`${local.url}/api/public/units/${unitId}/intake/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify({ kid: made.kid, jwe, website: '' }),
      });
      expect(res.status).toBe(201);
      return intakeReceiptSchema.parse(await res.json());
    };
    const workshop = form.workshops[0] as string;
    await submit(
      {
        content: '夜班班车时间与下班时间不衔接',
        workshop,
        category: '生活保障类',
        anonymous: false,
        name: '扫码职工甲',
        phone: '13912345678',
        submittedAt: '2026-03-30T01:00:00Z',
      },
      '10.0.0.1',
    );
    await submit(
      {
        content: '更衣室柜子不够用',
        workshop,
        anonymous: true,
        submittedAt: '2026-03-30T17:30:00Z',
      },
      '10.0.0.2',
    );

    const pulled = await cloud.intake.pull(keyring, '2026-03-31');
    expect(pulled).toMatchObject({ confirmed: 0, left: [] });
    expect(pulled.written).toHaveLength(2);
    const read = await run((context) => readRegisters(context, [appealRegister]));
    const raw = read[appealRegister.key as InputRegisterKey];
    const lists = { ...DEFAULT_VALUE_LISTS, channel: [...DEFAULT_VALUE_LISTS.channel, QR_CHANNEL] };
    const appeals = readRegister(appealRegister, raw?.raw as NonNullable<typeof raw>['raw'], {
      lists,
      today: '2026-03-31',
    }).rows.map((r) => r.values);
    // The cloud answers in receipt order, not in the order sent: each appeal is found by its content.
    const written = appeals.filter((a) => pulled.written.includes(String(a.id)));
    const named = written.find((a) => a.content === '夜班班车时间与下班时间不衔接');
    const anonymous = written.find((a) => a.content === '更衣室柜子不够用');
    expect(named).toMatchObject({
      intakeMethod: '网络',
      channel: QR_CHANNEL,
      receivedOn: '2026-03-30',
      category: '生活保障类',
      appellant: '扫码职工甲',
      phone: '13912345678',
      unit: workshop,
      content: '夜班班车时间与下班时间不衔接',
    });
    // Sent at 01:30 on 31 March in China: received that day; anonymous, so no name and no phone.
    expect(anonymous).toMatchObject({
      appellant: '匿名',
      receivedOn: '2026-03-31',
      content: '更衣室柜子不够用',
    });
    expect(anonymous?.phone).toBeUndefined();
    // 二维码 joined the workbook's own 受理渠道 list, so the check finds nothing wrong with the new rows.
    const check = checkWorkbook(coreInput(await run((c) => readRegisters(c, INPUT_REGISTERS))), {
      today: '2026-03-31',
    });
    expect(check.lists.channel).toContain(QR_CHANNEL);
    const newRows = new Set(
      check.read.appeals?.rows.filter((r) => pulled.written.includes(String(r.values.id))).map((r) => r.row),
    );
    expect(newRows.size).toBe(2);
    // The one thing left for the clerk: the anonymous phone chose no 受理类别, which the register requires.
    const anonymousRow = check.read.appeals?.rows.find((r) => r.values.id === anonymous?.id)?.row;
    expect(
      check.problems
        .filter((p) => p.severity === 'error' && p.sheet === appealRegister.sheet && newRows.has(p.row))
        .map((p) => [p.row, p.column, p.code]),
    ).toEqual([[anonymousRow, 'category', 'required']]);
    // The cloud holds nothing more to pull.
    const pending = async () =>
      intakeSubmissionListSchema.parse(
        await (
          await fetch(`${local.url}/api/units/${unitId}/intake/submissions`, {
            headers: { authorization: `Bearer ${await token()}` },
          })
        ).json(),
      ).submissions;
    expect(await pending()).toEqual([]);
    expect((await cloud.intake.pull(keyring, '2026-03-31')).written).toEqual([]);

    // Written, but the confirmation never reached the cloud (Excel closed): the next pull finds the
    // 编号 the workbook remembers holding this very content, confirms it and writes nothing.
    const receipt = await submit(
      { content: '车间照明不足', workshop, anonymous: true, submittedAt: '2026-03-31T02:00:00Z' },
      '10.0.0.3',
    );
    const row = { intakeMethod: '网络', receivedOn: '2026-03-31', category: '其他类', appellant: '匿名' };
    await writeExternalRecords(
      run,
      appealRegister,
      [{ ...row, id: '2026-900', content: '车间照明不足' }],
      lists,
    );
    await rememberIntakeTaken(run, new Map([[receipt.receiptId, '2026-900']]));
    const again = await cloud.intake.pull(keyring, '2026-03-31');
    expect(again).toEqual({
      written: [],
      confirmed: 1,
      rated: [],
      signedIn: 0,
      left: [],
      statuses: { sent: 0, gone: 0 },
      unsaved: false,
    });
    expect(await pending()).toEqual([]);

    // Remembered, but the pull was cut short before the row was written, and meanwhile the clerk
    // typed another appeal under that 编号: never merged into it, written under a new 编号.
    const cut = await submit(
      { content: '澡堂热水不稳定', workshop, anonymous: true, submittedAt: '2026-03-31T03:00:00Z' },
      '10.0.0.4',
    );
    await writeExternalRecords(
      run,
      appealRegister,
      [{ ...row, id: '2026-901', content: '职工自己来登记的' }],
      lists,
    );
    await rememberIntakeTaken(run, new Map([[cut.receiptId, '2026-901']]));
    const redone = await cloud.intake.pull(keyring, '2026-03-31');
    expect(redone).toMatchObject({ confirmed: 0, left: [] });
    expect(redone.written).toHaveLength(1);
    expect(redone.written[0]).not.toBe('2026-901');
    const contents = (await readAppealIndex(run)).contents;
    expect(contents.get('2026-901')).toBe('职工自己来登记的');
    expect(contents.get(redone.written[0] as string)).toBe('澡堂热水不稳定');
    // The workbook was saved before the cloud was told (Excel 2021 and later: Workbook.save).
    expect(wb.saves()).toBeGreaterThan(0);
  });
});
