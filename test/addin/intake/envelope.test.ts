// Issue 14: the phone encrypts to the union's key (JWE, RFC 7516 compact form; ECDH-ES, RFC 7518 §4.6)
// and names the key by its RFC 7638 thumbprint; only the union's workbook can open it.
import { calculateJwkThumbprint, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { type IntakePublicJwk, type SubmissionPayload } from '../../../shared';
import { decryptSubmission, encryptSubmission, keyFingerprint } from '../../../addin/intake/envelope';
import { refusal } from './helpers';

const payload: SubmissionPayload = {
  content: '夜班食堂没有热饭，希望延长供餐时间',
  workshop: '二车间',
  anonymous: false,
  name: '李四',
  phone: '13900139000',
  submittedAt: '2026-12-01T09:30:00.000+08:00',
};

async function pair() {
  const p = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', p.publicKey);
  const publicJwk = { kty, crv, x, y } as IntakePublicJwk;
  return { publicJwk, privateKey: p.privateKey, kid: await keyFingerprint(publicJwk) };
}

describe('the intake envelope', () => {
  it('round-trips a submission; the protected header carries kid, alg and enc and nothing readable', async () => {
    const k = await pair();
    const jwe = await encryptSubmission(payload, k.publicJwk, k.kid);
    expect(decodeProtectedHeader(jwe)).toMatchObject({ alg: 'ECDH-ES', enc: 'A256GCM', kid: k.kid });
    for (const secret of ['李四', '13900139000', '夜班', '二车间'])
      expect(Buffer.from(jwe.split('.').join(''), 'base64url').toString('utf8')).not.toContain(secret);
    expect(await decryptSubmission(jwe, k.privateKey)).toEqual(payload);
    expect(await decryptSubmission(jwe, new Map([[k.kid, k.privateKey]]))).toEqual(payload);
  });

  it('fingerprints a key with its RFC 7638 thumbprint, different for another key', async () => {
    const a = await pair();
    const b = await pair();
    expect(a.kid).toBe(await calculateJwkThumbprint(a.publicJwk, 'sha256'));
    expect(a.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(b.kid).not.toBe(a.kid);
    // A private key offered as the public one is refused, not fingerprinted.
    const withD = { ...a.publicJwk, d: 'A'.repeat(43) } as IntakePublicJwk;
    expect((await refusal(keyFingerprint(withD))).code).toBe('bad-key');
  });

  it('refuses to encrypt to a key that does not match the QR code’s fingerprint', async () => {
    const a = await pair();
    const swapped = await pair();
    const e = await refusal(encryptSubmission(payload, swapped.publicJwk, a.kid));
    expect(e.code).toBe('wrong-kid');
    expect(e.reason.zh).toContain('二维码');
  });

  it('refuses a tampered envelope (any part altered) as unreadable', async () => {
    const k = await pair();
    const parts = (await encryptSubmission(payload, k.publicJwk, k.kid)).split('.');
    for (const i of [2, 3, 4]) {
      const altered = [...parts];
      const s = altered[i] as string;
      altered[i] = (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
      expect((await refusal(decryptSubmission(altered.join('.'), k.privateKey))).code).toBe('unreadable');
    }
  });

  it('refuses an envelope whose kid the keyring lacks, and one opened with another key', async () => {
    const a = await pair();
    const b = await pair();
    const jwe = await encryptSubmission(payload, a.publicJwk, a.kid);
    const e = await refusal(decryptSubmission(jwe, new Map([[b.kid, b.privateKey]])));
    expect(e.code).toBe('unknown-kid');
    expect(e.reason.en).toContain(a.kid);
    expect((await refusal(decryptSubmission(jwe, b.privateKey))).code).toBe('unreadable');
  });

  it('refuses a payload that fails the schema, on both sides, naming the field', async () => {
    const k = await pair();
    const bad = { ...payload, anonymous: true } as SubmissionPayload;
    const e = await refusal(encryptSubmission(bad, k.publicJwk, k.kid));
    expect(e.code).toBe('invalid-payload');
    expect(e.reason.zh).toContain('name：匿名反映时不填写姓名和电话');
    // A sender that skips the check: the pane still refuses what it decrypts.
    const { CompactEncrypt, importJWK } = await import('jose');
    const raw = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(bad)))
      .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A256GCM', kid: k.kid })
      .encrypt(await importJWK(k.publicJwk, 'ECDH-ES'));
    const d = await refusal(decryptSubmission(raw, k.privateKey));
    expect(d.code).toBe('invalid-payload');
    expect(d.reason.en).toContain('phone: an anonymous submission carries no name or phone');
  });
});
