// Issue 14: the union's private intake keys live only wrapped under a passphrase (PBKDF2-SHA-256 at
// OWASP's 600,000 iterations, https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#pbkdf2,
// then AES-GCM-256); old submissions stay readable across passphrase changes and key rotations.
import { describe, expect, it } from 'vitest';
import { type SubmissionPayload } from '../../../shared';
import { decryptSubmission, encryptSubmission } from '../../../addin/intake/envelope';
import {
  changePassphrase,
  createUnitKey,
  currentPublicKey,
  PBKDF2_ITERATIONS,
  rotateUnitKey,
  unitKeysSchema,
  unlockUnitKeys,
} from '../../../addin/intake/keys';
import { refusal } from './helpers';

const PASS = '工会主席的口令2026';
const payload: SubmissionPayload = {
  content: '更衣室的柜子不够用',
  workshop: '三车间',
  anonymous: true,
  submittedAt: '2026-12-01T10:00:00Z',
};

describe('the union’s intake keys', () => {
  it('creates a key whose stored form holds no private material in the clear, and unlocks to decrypt', async () => {
    const made = await createUnitKey(PASS);
    const json = JSON.stringify(made.stored);
    expect(json).not.toMatch(/"d"/);
    expect(unitKeysSchema.parse(JSON.parse(json))).toEqual(made.stored);
    expect(made.stored.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS });
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(currentPublicKey(made.stored)).toEqual({ kid: made.kid, publicJwk: made.publicJwk });

    const jwe = await encryptSubmission(payload, made.publicJwk, made.kid);
    const unlocked = await unlockUnitKeys(JSON.parse(json), PASS);
    expect(unlocked.current).toBe(made.kid);
    expect([...unlocked.keyring.keys()]).toEqual([made.kid]);
    // In memory only, and not extractable: a script in the pane cannot export the private key.
    expect(unlocked.keyring.get(made.kid)?.extractable).toBe(false);
    expect(await decryptSubmission(jwe, unlocked.keyring)).toEqual(payload);
  });

  it('a wrong passphrase is a bilingual refusal, not a crash', async () => {
    const made = await createUnitKey(PASS);
    const e = await refusal(unlockUnitKeys(made.stored, '工会主席的口令2025'));
    expect(e.code).toBe('wrong-passphrase');
    expect(e.reason).toEqual({
      zh: '口令不对，收件密钥未解锁',
      en: 'wrong passphrase: the intake keys stay locked',
    });
  });

  it('refuses a passphrase shorter than 10 characters (counted as characters, not bytes)', async () => {
    const e = await refusal(createUnitKey('工会主席口令123'.slice(0, 9)));
    expect(e.code).toBe('short-passphrase');
    expect(e.reason.zh).toBe('口令至少 10 个字符');
    await expect(createUnitKey('一二三四五六七八九十')).resolves.toBeDefined();
  });

  it('refuses a damaged store and a store with fewer iterations', async () => {
    const made = await createUnitKey(PASS);
    expect((await refusal(unlockUnitKeys({ ...made.stored, version: 2 }, PASS))).code).toBe('bad-store');
    const weak = { ...made.stored, kdf: { ...made.stored.kdf, iterations: 1000 } };
    expect((await refusal(unlockUnitKeys(weak, PASS))).code).toBe('bad-store');
  });

  it('changing the passphrase re-wraps every key: the old one no longer opens, the new one opens all', async () => {
    const first = await createUnitKey(PASS);
    const rotated = await rotateUnitKey(first.stored, PASS);
    const changed = await changePassphrase(rotated.stored, PASS, '新的口令：职工之家2027');
    expect(changed.kdf.salt).not.toBe(rotated.stored.kdf.salt);
    expect(changed.keys.map((k) => k.kid)).toEqual([first.kid, rotated.kid]);
    expect((await refusal(unlockUnitKeys(changed, PASS))).code).toBe('wrong-passphrase');
    const unlocked = await unlockUnitKeys(changed, '新的口令：职工之家2027');
    for (const k of [first, rotated])
      expect(
        await decryptSubmission(await encryptSubmission(payload, k.publicJwk, k.kid), unlocked.keyring),
      ).toEqual(payload);
    expect(
      (await refusal(changePassphrase(rotated.stored, '不对的口令不对的口令', 'x'.repeat(12)))).code,
    ).toBe('wrong-passphrase');
    expect((await refusal(changePassphrase(rotated.stored, PASS, 'short'))).code).toBe('short-passphrase');
  });

  it('rotating adds a new current key and keeps old submissions readable', async () => {
    const first = await createUnitKey(PASS);
    const oldJwe = await encryptSubmission(payload, first.publicJwk, first.kid);
    const rotated = await rotateUnitKey(first.stored, PASS);
    expect(rotated.kid).not.toBe(first.kid);
    expect(rotated.stored.current).toBe(rotated.kid);
    expect(currentPublicKey(rotated.stored).kid).toBe(rotated.kid);
    const unlocked = await unlockUnitKeys(rotated.stored, PASS);
    expect(await decryptSubmission(oldJwe, unlocked.keyring)).toEqual(payload);
    const newJwe = await encryptSubmission(payload, rotated.publicJwk, rotated.kid);
    expect(await decryptSubmission(newJwe, unlocked.keyring)).toEqual(payload);
    expect((await refusal(rotateUnitKey(first.stored, '不对的口令不对的口令'))).code).toBe(
      'wrong-passphrase',
    );
  });

  it('creating and rotating hand back the keys unlocked: the same ones the passphrase opens', async () => {
    const first = await createUnitKey(PASS);
    expect([...first.keyring.keys()]).toEqual([first.kid]);
    const oldJwe = await encryptSubmission(payload, first.publicJwk, first.kid);
    expect(await decryptSubmission(oldJwe, first.keyring)).toEqual(payload);
    const rotated = await rotateUnitKey(first.stored, PASS);
    expect([...rotated.keyring.keys()].sort()).toEqual(
      [...(await unlockUnitKeys(rotated.stored, PASS)).keyring.keys()].sort(),
    );
    expect(await decryptSubmission(oldJwe, rotated.keyring)).toEqual(payload);
    const newJwe = await encryptSubmission(payload, rotated.publicJwk, rotated.kid);
    expect(await decryptSubmission(newJwe, rotated.keyring)).toEqual(payload);
  });

  it('a wrapped key moved under another key’s kid does not open (the kid is bound as AES-GCM data)', async () => {
    const first = await createUnitKey(PASS);
    const rotated = (await rotateUnitKey(first.stored, PASS)).stored;
    const [a, b] = rotated.keys as [(typeof rotated.keys)[0], (typeof rotated.keys)[0]];
    const swapped = { ...rotated, keys: [{ ...a, iv: b.iv, wrapped: b.wrapped }, b] };
    expect((await refusal(unlockUnitKeys(swapped, PASS))).code).toBe('wrong-passphrase');
  });
});
