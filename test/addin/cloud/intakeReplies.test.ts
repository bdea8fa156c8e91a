// Issue 14, the employee's side after filing, against the real local functions host on Azurite: the
// receipt link follows the appeal (its status encrypted by the pane to the phone's reply key), the
// finished appeal is rated 不满意 from the phone and comes back into the workbook as a 满意度调查表
// row that reopens it, and a meeting's QR sign-in arrives in 会议签到表. The cloud holds only ciphertext.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCloud } from '../../../addin/cloud/operations';
import { generateWorkbook } from '../../../addin/demo/generate';
import { coreInput } from '../../../addin/excel/check';
import { writeExternalRecords } from '../../../addin/excel/external';
import { writeIntakeKeys } from '../../../addin/excel/intakeKeys';
import { readRegisters } from '../../../addin/excel/read';
import { setUpWorkbook } from '../../../addin/excel/setup';
import { decryptStatus, encryptToUnion, newReplyKey } from '../../../addin/intake/envelope';
import { createUnitKey, unlockUnitKeys } from '../../../addin/intake/keys';
import { createSimulatedWorkbook } from '../../../addin/simulator';
import { createIntakeApi } from '../../../addin/sync';
import { memoryStore } from '../../../addin/sync/kv';
import { cachedToken, localDevToken } from '../../../addin/sync/token';
import {
  appealRegister,
  checkWorkbook,
  chinaDay,
  deriveState,
  INPUT_REGISTERS,
  intakePublicResponseSchema,
  intakeReceiptSchema,
  QR_CHANNEL,
  receiptViewSchema,
  type IntakeReceipt,
} from '../../../shared';
import { startLocalFunctions, type LocalFunctions } from '../../../scripts/serve-functions';
import { loadRegisters, runOf } from '../excel/helpers';

let local: LocalFunctions;
beforeAll(async () => {
  local = await startLocalFunctions({ port: 0, tablePrefix: 'intakereply' });
});
afterAll(() => local.stop());

const PASSPHRASE = '工会办公室的口令 2026';
const post = (path: string, body: unknown, address = '10.1.0.1') =>
  fetch(`${local.url}/api/public/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify(body),
  });

describe('after filing: the receipt link, the rating and the sign-in', () => {
  it('follows an appeal to the end, takes a 不满意 that reopens it, and signs a meeting in', async () => {
    const unitId = 'iq2';
    // The day in China: the cloud and the pane judge days by it (16:30 UTC is already tomorrow there).
    const today = chinaDay(new Date());
    const g = generateWorkbook({ appeals: 4, seed: 12 });
    const wb = createSimulatedWorkbook();
    const run = runOf(wb);
    await setUpWorkbook(run);
    await loadRegisters(wb, g.input);
    const token = cachedToken(localDevToken(local.url, unitId, 'clerk'));
    const made = await createUnitKey(PASSPHRASE);
    const { keyring } = await unlockUnitKeys(made.stored, PASSPHRASE);
    let unlocked: typeof keyring | null = null;
    const cloud = await openCloud({
      run,
      baseUrl: local.url,
      unitId,
      token,
      store: memoryStore(),
      intakeKeyring: () => unlocked,
    });
    await writeIntakeKeys(run, made.stored);
    const form = await cloud.intake.publishKey();
    const view = intakePublicResponseSchema.parse(
      await (await fetch(`${local.url}/api/public/units/${unitId}/intake`)).json(),
    );
    // The phone page heads its form with the union's own name from 设置 (the cloud's tree has none yet).
    const named = checkWorkbook(coreInput(await run((c) => readRegisters(c, INPUT_REGISTERS))), { today });
    expect(named.settings.unitName).not.toBe('');
    expect(view.unitName).toBe(named.settings.unitName);

    // The phone files with a reply key of its own; the receipt link keeps it after '#'.
    const replyKey = newReplyKey();
    const jwe = await encryptToUnion(
      'appeal',
      {
        content: '三号线工位通风差，夏天闷热',
        workshop: form.workshops[0] as string,
        category: '安全卫生类',
        anonymous: false,
        name: '扫码职工乙',
        phone: '13811112222',
        submittedAt: new Date().toISOString(),
        replyKey,
      },
      view.key.publicJwk,
      made.kid,
    );
    const filed = await post(`units/${unitId}/intake/submissions`, { kid: made.kid, jwe, website: '' });
    expect(filed.status).toBe(201);
    const receipt: IntakeReceipt = intakeReceiptSchema.parse(await filed.json());
    const lookUp = async () => {
      const res = await post(`units/${unitId}/intake/receipts/${receipt.receiptId}`, {
        receiptSecret: receipt.receiptSecret,
      });
      expect(res.status).toBe(200);
      return receiptViewSchema.parse(await res.json());
    };
    expect(await lookUp()).toMatchObject({ taken: false, rateable: false, ratingPending: false });

    const first = await cloud.intake.pull(keyring, today);
    expect(first.written).toHaveLength(1);
    expect(first.statuses).toEqual({ sent: 1, gone: 0 });
    const appealId = first.written[0] as string;
    const registered = await lookUp();
    expect(registered.taken).toBe(true);
    const shown = await decryptStatus(registered.status as string, replyKey);
    expect(shown).toMatchObject({ appealId, stage: '已登记', finished: false, rateable: false });
    expect(shown.result).toBeUndefined();
    // Nothing changed: nothing is sent again.
    expect(await cloud.intake.publishStatuses(today)).toEqual({ sent: 0, gone: 0 });

    // A rating before the appellant is told is refused.
    const rate = async (rating: '满意' | '不满意', reason?: string) =>
      post(`units/${unitId}/intake/receipts/${receipt.receiptId}/rating`, {
        receiptSecret: receipt.receiptSecret,
        kid: made.kid,
        jwe: await encryptToUnion(
          'rating',
          {
            kind: 'rating',
            receiptId: receipt.receiptId,
            rating,
            ...(reason ? { reason } : {}),
            ratedAt: new Date().toISOString(),
          },
          view.key.publicJwk,
          made.kid,
        ),
        website: '',
      });
    expect((await rate('满意')).status).toBe(409);

    // The union handles it to the end: finished, reported and told today.
    const lists = checkWorkbook(coreInput(await run((c) => readRegisters(c, INPUT_REGISTERS))), {
      today,
    }).lists;
    const handled = await writeExternalRecords(
      run,
      appealRegister,
      [
        {
          id: appealId,
          department: lists.department[0],
          deptOpinion: '加装两台工业风扇，已完成',
          finishedOn: today,
          reportedOn: today,
          toldOn: today,
          toldHow: lists.toldHow[0],
        },
      ],
      lists,
    );
    expect(handled.rejected).toEqual([]);
    expect(await cloud.intake.publishStatuses(today)).toEqual({ sent: 1, gone: 0 });
    const told = await decryptStatus((await lookUp()).status as string, replyKey);
    expect(told).toMatchObject({
      // The key the phone must encrypt its rating to, beyond the server's reach.
      kid: made.kid,
      stage: '已告知诉求人',
      finished: true,
      rateable: true,
      result: '已办结：加装两台工业风扇，已完成',
    });
    expect((await lookUp()).rateable).toBe(true);

    // 不满意 from the phone: a survey row for the appellant, and the appeal is back in 整改.
    expect((await rate('不满意', '风扇噪音太大，仍然闷热')).status).toBe(201);
    expect((await lookUp()).ratingPending).toBe(true);
    const second = await cloud.intake.pull(keyring, today);
    expect(second).toMatchObject({ written: [], rated: [appealId], left: [], statuses: { sent: 1 } });
    const check = checkWorkbook(coreInput(await run((c) => readRegisters(c, INPUT_REGISTERS))), { today });
    const survey = check.read.surveys?.rows.map((r) => r.values).filter((v) => v.appealId === appealId);
    expect(survey).toHaveLength(1);
    expect(survey?.[0]).toEqual(
      expect.objectContaining({
        appealId,
        respondent: '诉求人',
        method: '网络或问卷调查',
        rating: '不满意',
        surveyedOn: today,
        reason: '风扇噪音太大，仍然闷热',
      }),
    );
    const c = check.cases.find((x) => x.appeal.id === appealId);
    expect(c && deriveState(c, today).stage).toBe('remediating');
    const reopened = await decryptStatus((await lookUp()).status as string, replyKey);
    expect(reopened).toMatchObject({ stage: '不满意整改中', rateable: false });
    expect((await lookUp()).ratingPending).toBe(false);
    // The check asks the clerk for the remedy the phone could not give (dept, measures, deadline).
    const surveyRow = check.read.surveys?.rows.find((r) => r.values.appealId === appealId)?.row;
    expect(
      check.problems
        .filter((p) => p.sheet === '满意度调查表' && p.row === surveyRow && p.severity === 'error')
        .map((p) => p.column)
        .sort(),
    ).toEqual(['remedy', 'remedyDepartment', 'remedyDueOn']);

    // A meeting today opens for QR sign-in; an attendee signs in from the phone.
    const meetingId = check.meetings[0]?.id ?? 'HY-1';
    const meetingKey = 'MeetingKeyForTodayAAAA';
    const intakeApi = createIntakeApi({ baseUrl: local.url, getToken: token });
    await intakeApi.openMeeting(unitId, meetingKey, { meetingId, title: '季度沟通协商会议', day: today });
    const signInJwe = await encryptToUnion(
      'signIn',
      {
        kind: 'signIn',
        meetingId,
        group: '职工代表',
        position: '三车间',
        name: '签到职工丙',
        contact: '13700001111',
        signedAt: new Date().toISOString(),
      },
      view.key.publicJwk,
      made.kid,
    );
    const signed = await post(`units/${unitId}/intake/meetings/signins`, {
      meetingKey,
      kid: made.kid,
      jwe: signInJwe,
      website: '',
    });
    expect(signed.status).toBe(201);
    const third = await cloud.intake.pull(keyring, today);
    expect(third).toMatchObject({ signedIn: 1, left: [] });
    const after = checkWorkbook(coreInput(await run((x) => readRegisters(x, INPUT_REGISTERS))), { today });
    const signIn = after.read.signIn?.rows.map((r) => r.values).find((v) => v.name === '签到职工丙');
    expect(signIn).toMatchObject({
      meetingId,
      group: '职工代表',
      position: '三车间',
      contact: '13700001111',
    });
    expect(String(signIn?.signature)).toMatch(/^扫码签到 \d\d:\d\d$/);
    expect(check.lists.channel).toContain(QR_CHANNEL);

    // A sync takes phones' submissions in too, while the keys are unlocked in the pane.
    const again = await encryptToUnion(
      'appeal',
      {
        content: '食堂窗口太少，排队太久',
        workshop: form.workshops[0] as string,
        anonymous: true,
        submittedAt: new Date().toISOString(),
      },
      view.key.publicJwk,
      made.kid,
    );
    expect(
      (
        await post(
          `units/${unitId}/intake/submissions`,
          { kid: made.kid, jwe: again, website: '' },
          '10.1.0.2',
        )
      ).status,
    ).toBe(201);
    const locked = await cloud.syncNow(today);
    expect(locked.intake?.pulled).toBeUndefined();
    unlocked = keyring;
    const synced = await cloud.syncNow(today);
    expect(synced.intake?.pulled?.written).toHaveLength(1);
    expect(synced.intake?.error).toBeUndefined();
  });
});
