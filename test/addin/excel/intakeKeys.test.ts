// Issue 14: the wrapped intake keys live in the union's workbook settings (Excel.SettingCollection,
// ExcelApi 1.4, https://learn.microsoft.com/en-us/javascript/api/excel/excel.settingcollection) and
// nowhere else: not in the management copy.
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { INTAKE_KEYS_SETTING, readIntakeKeys, writeIntakeKeys } from '../../../addin/excel/intakeKeys';
import { makeManagementCopy } from '../../../addin/excel/managementCopy';
import { setUpWorkbook } from '../../../addin/excel/setup';
import { decryptSubmission, encryptSubmission, IntakeError } from '../../../addin/intake/envelope';
import { createUnitKey, unlockUnitKeys } from '../../../addin/intake/keys';
import { createSimulatedWorkbook } from '../../../addin/simulator';
import { generateWorkbook } from '../../../addin/demo/generate';
import { rawWorkbook } from '../../../addin/demo/raw';
import { seeded } from '../../../addin/demo/random';
import { loadRegisters, runOf } from './helpers';

const PASS = '职工之家的口令2026';

/** Every part of an .xlsx (a zip) as text, read through its central directory (APPNOTE.TXT 4.3.12). */
function xlsxParts(bytes: Buffer): Map<string, string> {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const parts = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    parts.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + skip;
  }
  return parts;
}

describe('intake keys in the workbook settings', () => {
  it('round-trips through workbook.settings and still decrypts after unlocking', async () => {
    const wb = createSimulatedWorkbook();
    const run = runOf(wb);
    expect(await readIntakeKeys(run)).toBeNull();
    const made = await createUnitKey(PASS);
    await writeIntakeKeys(run, made.stored);
    expect(Object.keys(wb.settings())).toContain(INTAKE_KEYS_SETTING);
    const read = await readIntakeKeys(run);
    expect(read).toEqual(made.stored);
    const jwe = await encryptSubmission(
      { content: '宿舍热水不够', workshop: '一车间', anonymous: true, submittedAt: '2026-12-01T10:00:00Z' },
      made.publicJwk,
      made.kid,
    );
    const { keyring } = await unlockUnitKeys(read, PASS);
    expect((await decryptSubmission(jwe, keyring)).content).toBe('宿舍热水不够');
  });

  it('a damaged setting is a bilingual refusal', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      context.workbook.settings.add(INTAKE_KEYS_SETTING, '{"version":1');
      await context.sync();
    });
    const e: unknown = await readIntakeKeys(runOf(wb)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(IntakeError);
    expect((e as IntakeError).reason.zh).toBe('工作簿中保存的收件密钥已损坏');
  });

  it('refuses to write a store carrying a private key in the clear', async () => {
    const made = await createUnitKey(PASS);
    const leaky = { ...made.stored, keys: [{ ...made.stored.keys[0], d: 'secret' }] };
    await expect(writeIntakeKeys(runOf(createSimulatedWorkbook()), leaky as never)).rejects.toThrow();
  });

  it('the management copy carries none of the intake keys', async () => {
    const g = generateWorkbook({ appeals: 20, seed: 5 });
    const wb = createSimulatedWorkbook();
    const run = runOf(wb);
    await setUpWorkbook(run);
    await loadRegisters(wb, rawWorkbook(g, seeded(6)));
    const made = await createUnitKey(PASS);
    await writeIntakeKeys(run, made.stored);
    let base64 = '';
    await makeManagementCopy(run, {
      year: 2025,
      asOf: g.today,
      createWorkbook: async (b64) => {
        base64 = b64;
      },
    });
    const parts = xlsxParts(Buffer.from(base64, 'base64'));
    const text = [...parts.values()].join('\n');
    // The copy's sheets are read back, so the reader is reading the parts: a failed read cannot pass.
    expect(text).toContain('台账2025Q1');
    for (const k of made.stored.keys) {
      expect(text).not.toContain(k.kid);
      expect(text).not.toContain(k.wrapped);
      expect(text).not.toContain(k.publicJwk.x);
    }
    expect(text).not.toContain(made.stored.kdf.salt);
    expect(text).not.toContain(INTAKE_KEYS_SETTING);
  });
});
