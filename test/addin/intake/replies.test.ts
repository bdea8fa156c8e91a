// Issue 14: ratings and sign-ins travel to the union's key like submissions; a receipt's status
// travels to the reply key only the phone's link holds (JWE dir + A256GCM, RFC 7518 §4.5, §5.3).
import { decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { type IntakePublicJwk, type ReceiptStatus } from '../../../shared';
import {
  decryptFromPhone,
  decryptStatus,
  encryptStatus,
  encryptToUnion,
  keyFingerprint,
  newReplyKey,
} from '../../../addin/intake/envelope';
import { refusal } from './helpers';

async function pair() {
  const p = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', p.publicKey);
  const publicJwk = { kty, crv, x, y } as IntakePublicJwk;
  return { publicJwk, privateKey: p.privateKey, kid: await keyFingerprint(publicJwk) };
}

const status: ReceiptStatus = {
  appealId: '2026-0007',
  stage: '办理中',
  deadline: '2026-12-04',
  deadlineLabel: '办结时限',
  finished: false,
  rateable: false,
  updatedAt: '2026-12-01T10:00:00.000+08:00',
};

const codeOf = async (p: Promise<unknown>): Promise<string> => (await refusal(p)).code;

describe('a receipt status under the reply key', () => {
  it('round-trips with the key and names no key id in its header', async () => {
    const key = newReplyKey();
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const jwe = await encryptStatus(status, key);
    expect(decodeProtectedHeader(jwe)).toEqual({ alg: 'dir', enc: 'A256GCM' });
    expect(jwe).not.toContain('2026-0007');
    expect(await decryptStatus(jwe, key)).toEqual(status);
  });

  it('is unreadable with another key and refused when altered', async () => {
    const jwe = await encryptStatus(status, newReplyKey());
    expect(await codeOf(decryptStatus(jwe, newReplyKey()))).toBe('unreadable');
    const parts = jwe.split('.');
    parts[3] = `${parts[3]?.slice(0, -2)}AA`;
    expect(await codeOf(decryptStatus(parts.join('.'), newReplyKey()))).toBe('unreadable');
  });

  it('refuses a short key and a status that fails its schema', async () => {
    expect(await codeOf(encryptStatus(status, 'AAAA'))).toBe('bad-key');
    expect(await codeOf(encryptStatus({ ...status, stage: '' }, newReplyKey()))).toBe('invalid-payload');
  });
});

describe('ratings and sign-ins under the union key', () => {
  it('a 不满意 rating needs its reason; with it, it round-trips as a rating only', async () => {
    const k = await pair();
    const rating = {
      kind: 'rating' as const,
      receiptId: 'AAAAAAAAAAAAAAAAAAAAAA',
      rating: '不满意' as const,
      ratedAt: '2026-12-02T09:00:00.000+08:00',
    };
    expect(await codeOf(encryptToUnion('rating', rating, k.publicJwk, k.kid))).toBe('invalid-payload');
    const jwe = await encryptToUnion('rating', { ...rating, reason: '还是没有热饭' }, k.publicJwk, k.kid);
    expect(await decryptFromPhone('rating', jwe, k.privateKey)).toMatchObject({ reason: '还是没有热饭' });
    // A rating opened as a sign-in (a cloud that swapped the kind) fails the sign-in schema.
    expect(await codeOf(decryptFromPhone('signIn', jwe, k.privateKey))).toBe('invalid-payload');
  });

  it('a sign-in round-trips; a group outside 签到分组 is refused before encrypting', async () => {
    const k = await pair();
    const signIn = {
      kind: 'signIn' as const,
      meetingId: 'HY-2026-04',
      group: '职工代表' as const,
      position: '二车间',
      name: '王五',
      signedAt: '2026-12-03T14:00:00.000+08:00',
    };
    const jwe = await encryptToUnion('signIn', signIn, k.publicJwk, k.kid);
    expect(await decryptFromPhone('signIn', jwe, k.privateKey)).toEqual(signIn);
    expect(
      await codeOf(encryptToUnion('signIn', { ...signIn, group: '路人' as never }, k.publicJwk, k.kid)),
    ).toBe('invalid-payload');
  });
});
