// Attack class "sign-in and the local host" (issue 10): a token without `exp` is refused (401); a
// development token is refused when running on Azure (WEBSITE_INSTANCE_ID set); the local host
// answers only loopback Host headers and allowed Origins on every route — /dev/token,
// /admin/functions/*, /api/* — so neither DNS rebinding nor a simple cross-site POST can drive it.
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_AUDIENCE, DEV_ISSUER } from '../../../functions/src/auth/devKey';
import {
  appeal,
  body,
  rawRequest,
  SECRET_KEY,
  startHost,
  type ErrorBody,
  type SecurityHost,
} from './harness';

const UNIT = 'sign-u';
const TASK_PANE = 'https://localhost:3000';

describe('tokens', () => {
  let host: SecurityHost;
  beforeAll(async () => {
    host = await startHost();
  });
  afterAll(() => host?.stop());

  const token = (exp: boolean) => {
    const t = new SignJWT({ roles: ['clerk'], xieshang_units: [UNIT] })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('no-exp')
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setIssuedAt();
    return (exp ? t.setExpirationTime('1h') : t).sign(SECRET_KEY);
  };

  it('a correctly signed token without exp → 401 unauthenticated', async () => {
    const r = await host.sync<ErrorBody>(UNIT, await token(false), body([appeal('T-1')]));
    expect(r.status, r.text.slice(0, 300)).toBe(401);
    expect(r.body.error.code).toBe('unauthenticated');
    expect(r.headers.get('www-authenticate')).toContain('Bearer');
  });

  it('the same token with exp is accepted (the refusal is about exp)', async () => {
    expect((await host.sync(UNIT, await token(true), body([]))).status).toBe(200);
  });

  it('alg none and a token signed with another key → 401', async () => {
    const [h, p] = (await token(true)).split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${p}.`;
    expect((await host.sync(UNIT, none, body([]))).status).toBe(401);
    expect((await host.sync(UNIT, `${h}.${p}.AAAA`, body([]))).status).toBe(401);
  });
});

describe('a development token on Azure', () => {
  let host: SecurityHost | null = null;
  let startError: unknown = null;
  beforeAll(async () => {
    try {
      host = await startHost({ env: { WEBSITE_INSTANCE_ID: 'abc123-azure-instance' } });
    } catch (e) {
      startError = e;
    }
  });
  afterAll(() => host?.stop());

  it('is refused with 401 (or the host refuses to start with development auth at all)', async () => {
    if (!host) {
      expect(String(startError)).toMatch(/WEBSITE_INSTANCE_ID|Azure|development/i);
      return;
    }
    const t = await host.token('admin', [UNIT]);
    const r = await host.sync<ErrorBody>(UNIT, t, body([appeal('AZ-1')]));
    expect(r.status, r.text.slice(0, 300)).toBe(401);
    expect(['unauthenticated', 'auth-not-configured']).toContain(r.body.error.code);
    // And the host hands out no development token either.
    const d = await host.fetch(`/dev/token?unit=${UNIT}&role=admin`);
    expect(d.status).not.toBe(200);
    expect(d.text).not.toMatch(/"token"/);
  });
});

describe('the local host answers only loopback hosts and allowed origins', () => {
  let host: SecurityHost;
  let port = 0;
  let clerk = '';
  beforeAll(async () => {
    host = await startHost();
    port = host.local.port;
    clerk = await host.token('clerk', [UNIT]);
  });
  afterAll(() => host?.stop());

  const routes = (): {
    name: string;
    method: string;
    path: string;
    headers?: Record<string, string>;
    body?: string;
  }[] => [
    { name: '/dev/token', method: 'GET', path: `/dev/token?unit=${UNIT}&role=admin` },
    { name: '/admin/functions/retention', method: 'POST', path: '/admin/functions/retention', body: '' },
    { name: '/admin/functions/aggregate', method: 'POST', path: '/admin/functions/aggregate', body: '' },
    {
      name: '/api/units/{unit}/sync',
      method: 'POST',
      path: `/api/units/${UNIT}/sync`,
      headers: { authorization: `Bearer ${clerk}`, 'content-type': 'application/json' },
      body: JSON.stringify(body([appeal('O-1')])),
    },
    {
      name: '/api/units/{unit}/reminders',
      method: 'GET',
      path: `/api/units/${UNIT}/reminders`,
      headers: { authorization: `Bearer ${clerk}` },
    },
  ];

  const forbidden = (r: { status: number; text: string; body: ErrorBody | null }) => {
    expect(r.status, r.text.slice(0, 300)).toBe(403);
    expect(r.body?.error.code).toBe('forbidden-origin');
  };

  for (const foreign of [
    'evil.example',
    'evil.example:PORT',
    'rebind.attacker.test:PORT',
    '127.0.0.1.nip.io:PORT',
  ]) {
    it(`Host: ${foreign} (DNS rebinding) → 403 forbidden-origin on every route`, async () => {
      for (const r of routes()) {
        const res = await rawRequest(host.url, {
          ...r,
          headers: { ...r.headers, host: foreign.replace('PORT', String(port)) },
        });
        forbidden(res);
      }
    });
  }

  for (const origin of [
    'https://evil.example',
    'null',
    'http://localhost:3000.evil.example',
    'https://localhost:3001',
  ]) {
    it(`Origin: ${origin} → 403 forbidden-origin on every route`, async () => {
      for (const r of routes()) {
        const res = await rawRequest(host.url, {
          ...r,
          headers: { ...r.headers, host: `127.0.0.1:${port}`, origin },
        });
        forbidden(res);
      }
    });
  }

  it('a simple text/plain cross-site POST (no preflight) → 403 forbidden-origin, and nothing runs', async () => {
    for (const path of [
      '/admin/functions/retention',
      `/api/units/${UNIT}/sync`,
      '/dev/token?unit=x&role=admin',
    ]) {
      const res = await rawRequest(host.url, {
        method: 'POST',
        path,
        headers: { host: `127.0.0.1:${port}`, origin: 'https://evil.example', 'content-type': 'text/plain' },
        body: JSON.stringify(body([appeal('X-1')])),
      });
      forbidden(res);
    }
  });

  it('loopback hosts and the task pane origin are served (the refusals above are about the origin)', async () => {
    for (const h of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      const d = await rawRequest(host.url, {
        path: `/dev/token?unit=${UNIT}&role=clerk`,
        headers: { host: h },
      });
      expect(d.status, `${h}: ${d.text.slice(0, 200)}`).toBe(200);
    }
    const withPane = await rawRequest(host.url, {
      method: 'POST',
      path: `/api/units/${UNIT}/sync`,
      headers: {
        host: `localhost:${port}`,
        origin: TASK_PANE,
        authorization: `Bearer ${clerk}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body([])),
    });
    expect(withPane.status, withPane.text.slice(0, 300)).toBe(200);
    const admin = await rawRequest(host.url, {
      method: 'POST',
      path: '/admin/functions/aggregate',
      headers: { host: `127.0.0.1:${port}` },
      body: '',
    });
    expect(admin.status).toBe(202);
  });
});
