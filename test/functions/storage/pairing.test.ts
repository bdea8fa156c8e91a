// The pairing table under a race and at rest (issue 11): two redemptions that both read the code
// before either writes end in one credential, the code's ETag deciding; and nothing stored is a
// code or a secret, only their hashes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretHash } from '../../../functions/src/auth/pairing';
import { redeemCode } from '../../../functions/src/storage/pairing';
import { collect, openTables, type Tables } from '../../../functions/src/storage/tables';
import { startEnv, type TestEnv } from '../support';

let env: TestEnv;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(() => env.stop());

/** The tables, with the pairing table's reads held until `n` callers have read (both see the unused code). */
function readingTogether(t: Tables, n: number): Tables {
  let waiting: (() => void)[] = [];
  const pairing = new Proxy(t.pairing, {
    get(target, prop, receiver) {
      if (prop !== 'getEntity') return Reflect.get(target, prop, receiver) as unknown;
      return async (...args: Parameters<typeof target.getEntity>) => {
        const read = await target.getEntity(...args);
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          if (waiting.length === n) {
            for (const go of waiting) go();
            waiting = [];
          }
        });
        return read;
      };
    },
  });
  return { ...t, pairing };
}

/** Stores a code (its hash) for `unit`, as an administrator's request would. */
const makeCode = (unit: string, code: string, role: 'clerk' | 'chair', expiresAt: string) =>
  env.services.store.pairing.createCode(
    unit,
    { codeHash: secretHash(code), role, expiresAt: new Date(expiresAt), createdBy: 'admin' },
    { actor: { id: 'admin', roles: ['admin'] }, action: 'pairing.code', detail: {} },
  );

describe('the pairing table', () => {
  it('lets one of two redemptions that read the same unused code through (ETag), the other told "used"', async () => {
    const { store } = env.services;
    await makeCode('race', 'CODE00000001', 'clerk', '2026-04-01T00:00:00Z');
    const t = readingTogether(openTables(env.azurite.connectionString, 't'), 2);
    const at = new Date('2026-03-31T02:00:00Z');
    const outcomes = await Promise.all(
      ['c1'.padEnd(22, 'x'), 'c2'.padEnd(22, 'x')].map((credentialId) =>
        redeemCode(
          t,
          'race',
          secretHash('CODE00000001'),
          { credentialId, secretHash: secretHash(credentialId), device: '' },
          at,
        ),
      ),
    );
    expect(outcomes).toEqual(
      expect.arrayContaining([
        { ok: true, role: 'clerk' },
        { ok: false, reason: 'used' },
      ]),
    );
    expect((await store.pairing.list('race')).credentials).toHaveLength(1);
  });

  it('refuses an expired code and keeps only hashes at rest', async () => {
    const { store } = env.services;
    await makeCode('rest', 'CODE00000002', 'chair', '2026-03-31T01:05:00Z');
    env.setNow('2026-03-31T01:06:00Z');
    try {
      expect(
        await store.pairing.redeem('rest', secretHash('CODE00000002'), {
          credentialId: 'late'.padEnd(22, 'x'),
          secretHash: secretHash('s'),
          device: '',
        }),
      ).toEqual({ ok: false, reason: 'expired' });
    } finally {
      env.setNow('2026-03-31T01:00:00Z');
    }
    const rows = await collect(openTables(env.azurite.connectionString, 't').pairing.listEntities());
    const text = JSON.stringify(rows);
    expect(text).not.toContain('CODE00000002');
    expect(text).not.toContain('CODE00000001');
    expect(text).toContain(secretHash('CODE00000002'));
  });
});
