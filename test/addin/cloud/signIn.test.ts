// The pane's sign-in without the network (issue 11): which way in it takes, what a clerk is told
// when there is none, and that a pairing stays with its own unit and is dropped once refused. The
// pairing round trip against the functions is in test/functions/functions/pairing.test.ts and in
// Chromium (test/e2e/preview.e2e.test.ts).
import { describe, expect, it } from 'vitest';
import { SignInError, type SignInReason } from '../../../addin/cloud/entra';
import { openSignIn, pairingKey } from '../../../addin/cloud/signIn';
import { ApiFailure, webStorageStore, type KeyValueStore } from '../../../addin/sync';
import { say } from '../../../shared';

/** A Web Storage over a Map: the store the pane uses, minus the browser. */
function storage(): { store: KeyValueStore; keys: () => string[] } {
  const map = new Map<string, string>();
  const store = webStorageStore({
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  });
  return { store, keys: () => [...map.keys()] };
}

const credentialFor = (unit: string): string =>
  `xsp1.${Buffer.from(unit).toString('base64url')}.${'i'.repeat(22)}.${'s'.repeat(43)}`;

const saved = (unit: string) =>
  JSON.stringify({
    credential: credentialFor(unit),
    credentialId: 'i'.repeat(22),
    role: 'clerk',
    device: '一车间',
    pairedAt: '2026-12-01T00:00:00Z',
  });

describe('the pane’s sign-in', () => {
  it('without a pairing or another way in, refuses to make up a token and says, in Chinese, to pair', async () => {
    const { store } = storage();
    const signIn = await openSignIn({ baseUrl: 'http://127.0.0.1:1', unitId: 'u1', store });
    expect(signIn.state()).toEqual({ method: 'none' });
    const failure = await signIn.token().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiFailure);
    expect((failure as ApiFailure).status).toBe(401);
    expect((failure as ApiFailure).code).toBe('sign-in-required');
    expect((failure as ApiFailure).text.zh).toContain('配对码');
  });

  it('uses this unit’s stored pairing before Microsoft 365, and never another unit’s', async () => {
    const { store } = storage();
    await store.setItem(pairingKey('u1'), saved('u1'));
    await store.setItem(pairingKey('u2'), saved('u1')); // a workbook copied from unit u1, renamed u2
    const entra = { method: 'entra' as const, token: () => Promise.resolve('entra-token') };
    const own = await openSignIn({ baseUrl: 'http://127.0.0.1:1', unitId: 'u1', store, fallback: entra });
    expect(own.state()).toMatchObject({ method: 'pairing', role: 'clerk', device: '一车间' });
    expect(await own.token()).toBe(credentialFor('u1'));
    const copied = await openSignIn({ baseUrl: 'http://127.0.0.1:1', unitId: 'u2', store, fallback: entra });
    expect(copied.state()).toEqual({ method: 'entra' });
    expect(await copied.token()).toBe('entra-token');
  });

  it('drops a pairing the functions refuse (401), tells the pane once, and keeps it on other failures', async () => {
    const { store, keys } = storage();
    await store.setItem(pairingKey('u1'), saved('u1'));
    const signIn = await openSignIn({ baseUrl: 'http://127.0.0.1:1', unitId: 'u1', store });
    const seen: unknown[] = [];
    signIn.subscribe((s) => seen.push(s));
    const before = signIn.state();
    expect(signIn.state()).toBe(before); // one snapshot until something changes (useSyncExternalStore)
    signIn.refused(new ApiFailure(503, 'busy', say('忙', 'busy')));
    expect(signIn.state().method).toBe('pairing');
    signIn.refused(new ApiFailure(401, 'credential-revoked', say('撤销', 'revoked')));
    expect(signIn.state()).toEqual({ method: 'none', refused: true });
    expect(seen).toEqual([{ method: 'none', refused: true }]);
    await expect.poll(keys).toEqual([]);
  });

  it('turns a Microsoft 365 sign-in failure into the cloud panel’s bilingual error, retried only when offline', async () => {
    const { store } = storage();
    // Failing as the Entra chain fails: a SignInError with its reason and bilingual text.
    const failing = (text: { zh: string; en: string }, reason: SignInReason) =>
      openSignIn({
        baseUrl: 'http://127.0.0.1:1',
        unitId: 'u1',
        store,
        fallback: {
          method: 'entra',
          token: () => Promise.reject(new SignInError(reason, text)),
        },
      });
    const cancelled = (await (
      await failing(say('登录窗口已关闭，未完成登录。', 'The sign-in window was closed.'), 'cancelled')
    )
      .token()
      .catch((e: unknown) => e)) as ApiFailure;
    expect(cancelled).toBeInstanceOf(ApiFailure);
    expect(cancelled.text).toEqual({
      zh: '登录窗口已关闭，未完成登录。',
      en: 'The sign-in window was closed.',
    });
    expect([cancelled.status, cancelled.code, cancelled.retryable]).toEqual([401, 'sign-in-failed', false]);
    const offline = (await (
      await failing(say('无法连接登录服务。', 'The sign-in service cannot be reached.'), 'network')
    )
      .token()
      .catch((e: unknown) => e)) as ApiFailure;
    expect(offline.retryable).toBe(true);
  });

  it('checks a typed code’s shape before sending it', async () => {
    const { store } = storage();
    const signIn = await openSignIn({ baseUrl: 'http://127.0.0.1:1', unitId: 'u1', store });
    const failure = (await signIn.pair('1234').catch((e: unknown) => e)) as ApiFailure;
    expect(failure.code).toBe('invalid-body');
    expect(failure.path).toBe('code');
    expect(failure.text.zh).toContain('12 位字母和数字');
  });
});
