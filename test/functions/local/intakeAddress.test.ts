// The phone intake's per-address rate limit counts the address the connection came from: on Azure
// the last X-Forwarded-For hop (appended by the App Service front end, src/http/clientAddress.ts
// cites why), on the local host the socket's address, appended the same way. A client that writes
// its own X-Forwarded-For must not get a fresh bucket per request.
import { HttpRequest } from '@azure/functions';
import { CompactEncrypt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTAKE_RATE_LIMITS } from '../../../shared';
import { signDevToken } from '../../../functions/src/auth/devKey';
import { clientAddress } from '../../../functions/src/http/clientAddress';
import { startLocalFunctions, type LocalFunctions } from '../../../scripts/serve-functions';
import { unionKey } from '../fixtures';

const SECRET = 'intake-address-test-secret-0123456789abcdef';
let local: LocalFunctions;

beforeAll(async () => {
  local = await startLocalFunctions({ port: 0, env: { XIESHANG_DEV_SECRET: SECRET } });
});
afterAll(() => local.stop());

const at = (xff?: string) =>
  clientAddress(
    new HttpRequest({ method: 'GET', url: 'http://x/', headers: xff ? { 'x-forwarded-for': xff } : {} }),
  );

describe('clientAddress', () => {
  it('takes the last hop without its port, never the client-set first hop', () => {
    expect(at('203.0.113.7:51234')).toBe('203.0.113.7');
    expect(at('1.1.1.1, 2.2.2.2, 198.51.100.9:443')).toBe('198.51.100.9');
    expect(at('[2001:DB8::1]:8080')).toBe('2001:db8::1');
    expect(at('2001:db8::2')).toBe('2001:db8::2');
    expect(at()).toBe('');
  });
});

describe('the local host', () => {
  it('rate-limits by socket address whatever X-Forwarded-For a client sends', async () => {
    const token = await signDevToken(
      { sub: 'clerk', roles: ['clerk'], units: ['u-addr'] },
      new TextEncoder().encode(SECRET),
    );
    const { publicJwk, kid, publicKey } = await unionKey();
    const put = await fetch(`${local.url}/api/units/u-addr/intake/key`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ publicJwk, kid, form: { workshops: ['一车间'], categories: [] } }),
    });
    expect(put.status, await put.text()).toBe(200);
    const jwe = await new CompactEncrypt(new TextEncoder().encode('{"content":"x"}'))
      .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A256GCM', kid })
      .encrypt(publicKey);
    const statuses: number[] = [];
    for (let i = 0; i < 2 * INTAKE_RATE_LIMITS.addressPerMinute + 1; i++) {
      const r = await fetch(`${local.url}/api/public/units/u-addr/intake/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.1.${i}.1` },
        body: JSON.stringify({ kid, jwe, website: '' }),
      });
      statuses.push(r.status);
    }
    // Five a minute: even a run straddling a minute boundary (two windows) sees at most ten 201s.
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
  });
});
