// Pairing end to end over HTTP against the local functions host on Azurite (issue 11): the deployer's
// bootstrap code, an administrator's codes, one redemption per code, credentials that sync, list
// and revocation, and what each refusal tells the clerk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiErrorSchema,
  callerViewSchema,
  pairingCodeResponseSchema,
  pairingListResponseSchema,
  pairingRedeemResponseSchema,
  SCHEMA_VERSION,
  type ApiError,
  type PairingCode,
  type PairingCredential,
} from '../../../shared';
import { signDevToken } from '../../../functions/src/auth/devKey';
import { firstAdminCode, main as firstAdminCommand } from '../../../scripts/pairing-first-admin';
import { startLocalFunctions, type LocalFunctions } from '../../../scripts/serve-functions';

const DEV_SECRET = 'pairing-test-dev-secret-0123456789abcdef';
const BOOTSTRAP = 'bootstrap-secret-for-the-test-0123456789';
let local: LocalFunctions;

beforeAll(async () => {
  local = await startLocalFunctions({
    port: 0,
    tablePrefix: 'pair',
    env: { XIESHANG_DEV_SECRET: DEV_SECRET, XIESHANG_PAIRING_BOOTSTRAP_SECRET: BOOTSTRAP },
  });
});
afterAll(() => local.stop());

async function api<T>(
  method: string,
  path: string,
  o: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${local.url}/api/${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
      ...o.headers,
    },
    ...(o.body === undefined ? {} : { body: JSON.stringify(o.body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
}

const bootstrap = (unit: string, secret = BOOTSTRAP) =>
  api<PairingCode & ApiError>('POST', `units/${unit}/pairing/bootstrap`, {
    headers: { 'x-xieshang-bootstrap': secret },
  });
const redeem = (unit: string, code: string, device = '工会办公室电脑') =>
  api<PairingCredential & ApiError>('POST', `units/${unit}/pairing/redeem`, { body: { code, device } });
const makeCode = (unit: string, token: string, role: string, minutes?: number) =>
  api<PairingCode & ApiError>('POST', `units/${unit}/pairing/codes`, {
    token,
    body: { role, ...(minutes ? { minutes } : {}) },
  });
const sync = (unit: string, token: string, key: string) =>
  api<ApiError>('POST', `units/${unit}/sync`, {
    token,
    body: {
      schemaVersion: SCHEMA_VERSION,
      records: [
        {
          register: 'appeals',
          key,
          changeId: key,
          baseRevision: null,
          values: { id: key, content: '食堂排队' },
        },
      ],
    },
  });

/** The first administrator of `unit`, paired through the deployer's bootstrap code. */
async function firstAdmin(unit: string): Promise<string> {
  const made = await bootstrap(unit);
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const paired = await redeem(unit, made.body.code, '主席电脑');
  expect(paired.status, JSON.stringify(paired.body)).toBe(201);
  return paired.body.credential;
}

describe('pairing against the local host on Azurite', () => {
  it('bootstraps the first administrator, who makes a clerk code; the clerk redeems it once and syncs', async () => {
    const admin = await firstAdmin('pair-a');
    const code = await makeCode('pair-a', admin, 'clerk');
    expect(code.status).toBe(201);
    expect(pairingCodeResponseSchema.parse(code.body).code).toMatch(
      /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}$/,
    );
    expect(Date.parse(code.body.expiresAt) - Date.now()).toBeGreaterThan(29 * 60_000);
    // Typed by hand: lower case, spaces, O for 0 and l for 1 still redeem.
    const typed = code.body.code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'O').replace(/1/g, 'l');
    const first = await redeem('pair-a', typed);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const clerk = pairingRedeemResponseSchema.parse(first.body);
    expect(clerk).toMatchObject({ role: 'clerk', unitId: 'pair-a' });
    const second = await redeem('pair-a', code.body.code);
    expect(second.status).toBe(409);
    expect(apiErrorSchema.parse(second.body).error).toMatchObject({
      code: 'pairing-code-used',
      path: 'code',
    });
    expect(second.body.error.message.zh).toContain('只能用一次');

    expect((await sync('pair-a', clerk.credential, 'PA-1')).status).toBe(200);
    const me = await api('GET', 'units/pair-a/me', { token: clerk.credential });
    expect(callerViewSchema.parse(me.body)).toEqual({
      via: 'pairing',
      id: `pairing:${clerk.credentialId}`,
      roles: ['clerk'],
      units: ['pair-a'],
    });
  });

  it('answers a credential only for its own unit and role', async () => {
    const admin = await firstAdmin('pair-b');
    const clerk = (await redeem('pair-b', (await makeCode('pair-b', admin, 'clerk')).body.code)).body
      .credential;
    // Another unit's data: 403, whatever the route says.
    expect((await sync('pair-c', clerk, 'PC-1')).status).toBe(403);
    // A clerk makes no codes and lists no credentials.
    expect((await makeCode('pair-b', clerk, 'admin')).status).toBe(403);
    expect((await api('GET', 'units/pair-b/pairing/credentials', { token: clerk })).status).toBe(403);
    // An administrator of one unit makes no codes for another.
    expect((await makeCode('pair-c', admin, 'clerk')).status).toBe(403);
    // A management code syncs nothing (aggregates only).
    const management = (await redeem('pair-b', (await makeCode('pair-b', admin, 'management')).body.code))
      .body;
    expect(management.role).toBe('management');
    expect((await sync('pair-b', management.credential, 'PB-9')).status).toBe(403);
  });

  it('lists paired computers and codes outstanding without secrets, and a revoked credential stops at once', async () => {
    const admin = await firstAdmin('pair-d');
    const clerk = (await redeem('pair-d', (await makeCode('pair-d', admin, 'clerk')).body.code, '二车间电脑'))
      .body;
    const waiting = await makeCode('pair-d', admin, 'chair', 60);
    expect((await sync('pair-d', clerk.credential, 'PD-1')).status).toBe(200);
    const listed = await api('GET', 'units/pair-d/pairing/credentials', { token: admin });
    expect(listed.status).toBe(200);
    const list = pairingListResponseSchema.parse(listed.body);
    expect(list.credentials.map((c) => [c.device, c.role, !!c.revokedAt])).toEqual(
      expect.arrayContaining([
        ['二车间电脑', 'clerk', false],
        ['主席电脑', 'admin', false],
      ]),
    );
    expect(list.codes).toEqual([
      expect.objectContaining({ role: 'chair', expiresAt: waiting.body.expiresAt }),
    ]);
    // The sync above was the clerk credential's first use: the administrator sees when it was last used.
    const used = list.credentials.find((c) => c.credentialId === clerk.credentialId);
    expect(Date.now() - Date.parse(used?.lastUsedAt ?? '')).toBeLessThan(60_000);
    const text = JSON.stringify(listed.body);
    for (const secret of [clerk.credential.split('.').at(-1) as string, waiting.body.code.replace(/-/g, '')])
      expect(text).not.toContain(secret);

    const revoked = await api<{ credentialId: string; revokedAt: string }>(
      'DELETE',
      `units/pair-d/pairing/credentials/${clerk.credentialId}`,
      { token: admin },
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body.credentialId).toBe(clerk.credentialId);
    const after = await sync('pair-d', clerk.credential, 'PD-2');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('credential-revoked');
    expect(after.body.error.message.zh).toContain('新的配对码');
    const again = await api('GET', 'units/pair-d/pairing/credentials', { token: admin });
    const row = pairingListResponseSchema
      .parse(again.body)
      .credentials.find((c) => c.credentialId === clerk.credentialId);
    expect(row?.revokedAt).toBe(revoked.body.revokedAt);
    // Revoking what another unit holds, or nothing at all, changes nothing.
    expect(
      (await api('DELETE', `units/pair-d/pairing/credentials/${'A'.repeat(22)}`, { token: admin })).status,
    ).toBe(404);
  });

  it('refuses forged, tampered and malformed credentials and codes with 4xx, never 5xx', async () => {
    const admin = await firstAdmin('pair-e');
    const clerk = (await redeem('pair-e', (await makeCode('pair-e', admin, 'clerk')).body.code)).body
      .credential;
    const parts = clerk.split('.');
    const secret = parts.at(-1) as string;
    const tampered = [...parts.slice(0, -1), `${secret[0] === 'A' ? 'B' : 'A'}${secret.slice(1)}`].join('.');
    const otherUnit = ['xsp1', Buffer.from('pair-f').toString('base64url'), ...parts.slice(2)].join('.');
    for (const token of [
      tampered,
      otherUnit,
      'xsp1.',
      'xsp1.a.b.c',
      `${clerk}x`,
      `xsp1.${'A'.repeat(400)}`,
    ]) {
      const r = await sync('pair-e', token, 'PE-1');
      expect(r.status, token).toBe(401);
      expect(r.body.error.code).toBe('unauthenticated');
    }
    const bad = await redeem('pair-e', 'not a code!');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid-body', path: 'code' });
    const unknown = await redeem('pair-e', 'ZZZZ-ZZZZ-ZZZZ');
    expect(unknown.status).toBe(403);
    expect(unknown.body.error.code).toBe('pairing-code-unknown');
    // A code of one unit does not redeem in another.
    const code = (await makeCode('pair-e', admin, 'clerk')).body.code;
    expect((await redeem('pair-g', code)).body.error.code).toBe('pairing-code-unknown');
    // Identity in the device name is refused like any free text.
    const named = await redeem('pair-e', code, '张三 13812345678');
    expect(named.status).toBe(400);
    expect(named.body.error.path).toBe('device');
    for (const body of [
      { role: 'root' },
      { role: 'clerk', minutes: 2 },
      { role: 'clerk', minutes: 100000 },
    ]) {
      const r = await api<ApiError>('POST', 'units/pair-e/pairing/codes', { token: admin, body });
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('answers guessing with 429 once an address has tried 10 codes for a unit in a minute', async () => {
    const tries = [];
    for (let i = 0; i < 11; i++)
      tries.push(await redeem('pair-k', `ZZZZ-ZZZZ-ZZ${String(i).padStart(2, '0')}`));
    expect(tries.slice(0, 10).map((r) => r.status)).toEqual(new Array(10).fill(403));
    expect(tries[10]?.status).toBe(429);
    expect(tries[10]?.body.error.code).toBe('rate-limited');
    expect(tries[10]?.body.error.message.zh).toContain('尝试次数过多');
    // Another unit's codes are counted apart.
    expect((await redeem('pair-l', 'ZZZZ-ZZZZ-ZZZZ')).status).toBe(403);
  });

  it('lets exactly one of two racing redemptions of a code through', async () => {
    const admin = await firstAdmin('pair-h');
    const code = (await makeCode('pair-h', admin, 'clerk')).body.code;
    const both = await Promise.all([redeem('pair-h', code, 'A'), redeem('pair-h', code, 'B')]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const list = pairingListResponseSchema.parse(
      (await api('GET', 'units/pair-h/pairing/credentials', { token: admin })).body,
    );
    expect(list.credentials.filter((c) => c.role === 'clerk')).toHaveLength(1);
  });

  it('gives the deployer the first code through npm run pairing:first-admin, the secret from the environment only', async () => {
    const text = await firstAdminCommand(['--api', local.url, '--unit', 'pair-j'], {
      XIESHANG_PAIRING_BOOTSTRAP_SECRET: BOOTSTRAP,
    });
    const code = /: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})$/m.exec(text)?.[1] ?? '';
    expect((await redeem('pair-j', code)).body.role).toBe('admin');
    await expect(firstAdminCommand(['--api', local.url, '--unit', 'pair-j'], {})).rejects.toThrow(
      /XIESHANG_PAIRING_BOOTSTRAP_SECRET is not set/,
    );
    await expect(firstAdminCode({ api: local.url, unit: 'pair-j', secret: 'nope' })).rejects.toThrow(
      /403 bootstrap-refused: 部署密钥不正确/,
    );
    await expect(
      firstAdminCode({ api: 'http://xieshang-fn.example.cn', unit: 'pair-j', secret: BOOTSTRAP }),
    ).rejects.toThrow(/https only/);
    await expect(
      firstAdminCommand(['--api', local.url, '--unit', 'pair-j', '--secret', 'x'], {}),
    ).rejects.toThrow(/Unknown option '--secret'/);
  });

  it('refuses the bootstrap without the secret, with a wrong one, and when the setting is absent', async () => {
    expect((await bootstrap('pair-i', 'wrong')).body.error.code).toBe('bootstrap-refused');
    const none = await api<ApiError>('POST', 'units/pair-i/pairing/bootstrap');
    expect(none.status).toBe(403);
    expect(none.body.error.code).toBe('bootstrap-refused');
    // A development token of an administrator elsewhere is no bootstrap secret either.
    const token = await signDevToken(
      { sub: 'x', roles: ['admin'], units: ['other'] },
      new TextEncoder().encode(DEV_SECRET),
    );
    expect((await makeCode('pair-i', token, 'admin')).status).toBe(403);
    const off = await startLocalFunctions({
      port: 0,
      tablePrefix: 'pairoff',
      env: { XIESHANG_DEV_SECRET: DEV_SECRET },
    });
    try {
      const r = await fetch(`${off.url}/api/units/pair-i/pairing/bootstrap`, {
        method: 'POST',
        headers: { 'x-xieshang-bootstrap': '' },
      });
      expect(r.status).toBe(403);
      const body = apiErrorSchema.parse(await r.json());
      expect(body.error.code).toBe('bootstrap-disabled');
      expect(body.error.message.zh).toContain('XIESHANG_PAIRING_BOOTSTRAP_SECRET');
    } finally {
      await off.stop();
    }
  });

  // Last: each extra host installs its own services and removes them when it stops (one per process).
  it('signs a unit in by pairing alone where no token issuer is configured (no Entra ID, no development tokens)', async () => {
    const bare = await startLocalFunctions({
      port: 0,
      tablePrefix: 'pairbare',
      env: { XIESHANG_DEV_AUTH: '0', XIESHANG_PAIRING_BOOTSTRAP_SECRET: BOOTSTRAP },
    });
    try {
      const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
        const r = await fetch(`${bare.url}/api/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(body),
        });
        return { status: r.status, body: (await r.json()) as PairingCode & PairingCredential & ApiError };
      };
      const code = await post('units/bare/pairing/bootstrap', {}, { 'x-xieshang-bootstrap': BOOTSTRAP });
      const admin = (await post('units/bare/pairing/redeem', { code: code.body.code })).body.credential;
      const clerkCode = await post(
        'units/bare/pairing/codes',
        { role: 'clerk' },
        { authorization: `Bearer ${admin}` },
      );
      expect(clerkCode.status).toBe(201);
      // A JWT is refused there: nothing issues or checks one.
      const token = await signDevToken(
        { sub: 'x', roles: ['admin'], units: ['bare'] },
        new TextEncoder().encode(DEV_SECRET),
      );
      const jwt = await post(
        'units/bare/pairing/codes',
        { role: 'clerk' },
        { authorization: `Bearer ${token}` },
      );
      expect(jwt.status).toBe(401);
      expect(jwt.body.error.code).toBe('auth-not-configured');
    } finally {
      await bare.stop();
    }
  });
});
