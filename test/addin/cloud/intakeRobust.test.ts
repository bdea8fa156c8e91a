// Issue 14: phone intake that survives real offices — a phone's retry after a lost answer, two pulls
// started at once, and an Excel that cannot be told to save — against the real local functions host.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCloud } from '../../../addin/cloud/operations';
import { generateWorkbook } from '../../../addin/demo/generate';
import { readAppealIndex } from '../../../addin/excel/escalation';
import { writeIntakeKeys } from '../../../addin/excel/intakeKeys';
import { setUpWorkbook } from '../../../addin/excel/setup';
import { encryptToUnion, newReplyKey } from '../../../addin/intake/envelope';
import { createUnitKey, unlockUnitKeys } from '../../../addin/intake/keys';
import { createSimulatedWorkbook } from '../../../addin/simulator';
import { memoryStore } from '../../../addin/sync/kv';
import { cachedToken, localDevToken } from '../../../addin/sync/token';
import { chinaDay, intakePublicResponseSchema, type SubmissionPayload } from '../../../shared';
import { startLocalFunctions, type LocalFunctions } from '../../../scripts/serve-functions';
import { loadRegisters, runOf } from '../excel/helpers';

let local: LocalFunctions;
// The cloud's clock moves a few minutes per unit: every phone here shares 127.0.0.1, and an address
// may file 5 a minute.
let clock = Date.now();
beforeAll(async () => {
  local = await startLocalFunctions({ port: 0, tablePrefix: 'intakerobust', now: () => new Date(clock) });
});
afterAll(() => local.stop());

const PASSPHRASE = '工会办公室的口令 2026';

async function unit(unitId: string, excelApi?: number) {
  clock += 5 * 60_000;
  const wb = createSimulatedWorkbook(excelApi ? { excelApi } : {});
  const run = runOf(wb);
  await setUpWorkbook(run);
  await loadRegisters(wb, generateWorkbook({ appeals: 3, seed: 5 }).input);
  const made = await createUnitKey(PASSPHRASE);
  const { keyring } = await unlockUnitKeys(made.stored, PASSPHRASE);
  await writeIntakeKeys(run, made.stored);
  const cloud = await openCloud({
    run,
    baseUrl: local.url,
    unitId,
    token: cachedToken(localDevToken(local.url, unitId, 'clerk')),
    store: memoryStore(),
    isSetSupported: wb.isSetSupported,
  });
  const form = await cloud.intake.publishKey();
  const view = intakePublicResponseSchema.parse(
    await (await fetch(`${local.url}/api/public/units/${unitId}/intake`)).json(),
  );
  let n = 0;
  const submit = async (p: Omit<SubmissionPayload, 'workshop' | 'submittedAt'>) => {
    const jwe = await encryptToUnion(
      'appeal',
      { ...p, workshop: form.workshops[0] as string, submittedAt: new Date().toISOString() },
      view.key.publicJwk,
      made.kid,
    );
    const res = await fetch(`${local.url}/api/public/units/${unitId}/intake/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kid: made.kid, jwe, website: '' }),
    });
    expect(res.status, `submission ${++n}`).toBe(201);
  };
  return { wb, run, cloud, keyring, submit };
}

const today = chinaDay(new Date());

describe('phone intake in a real office', () => {
  it('takes a retry of the same filing (same reply key, answer lost) as one appeal under one 编号', async () => {
    const u = await unit('rb1');
    const filing = { content: '三号门夜间无照明', anonymous: true, replyKey: newReplyKey() };
    await u.submit(filing);
    await u.submit(filing); // the phone's second tap after its first answer was lost
    const r = await u.cloud.intake.pull(u.keyring, today);
    expect(r.written).toHaveLength(1);
    expect(r.confirmed).toBe(1);
    const contents = [...(await readAppealIndex(u.run)).contents.values()].filter(
      (c) => c === filing.content,
    );
    expect(contents).toHaveLength(1);
    // Both receipts follow the appeal: the phone may hold either link.
    expect(r.statuses.sent).toBe(2);
    expect((await u.cloud.intake.pull(u.keyring, today)).written).toEqual([]);
  });

  it('two pulls started at once write each appeal once', async () => {
    const u = await unit('rb2');
    for (const content of ['食堂菜价偏高', '宿舍空调漏水', '班车不准时'])
      await u.submit({ content, anonymous: true });
    const [a, b] = await Promise.all([
      u.cloud.intake.pull(u.keyring, today),
      u.cloud.intake.pull(u.keyring, today),
    ]);
    expect(a.written.length + b.written.length).toBe(3);
    const values = [...(await readAppealIndex(u.run)).contents.values()];
    for (const content of ['食堂菜价偏高', '宿舍空调漏水', '班车不准时'])
      expect(values.filter((c) => c === content)).toHaveLength(1);
  });

  it('on Office 2019 (no Workbook.save) says the clerk must save, and saves nothing itself', async () => {
    const u = await unit('rb3', 8);
    await u.submit({ content: '更衣柜锁坏了', anonymous: true });
    const r = await u.cloud.intake.pull(u.keyring, today);
    expect(r.written).toHaveLength(1);
    expect(r.unsaved).toBe(true);
    expect(u.wb.saves()).toBe(0);
  });
});
