import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequest } from '../../../functions/src/local/cors';
import { startLocalFunctions, type LocalFunctions } from '../../../scripts/serve-functions';

// Issue 10: "The local host serves /dev/token (any role) and /admin/functions/* to any Host and
// Origin, so a web page can drive it by DNS rebinding or a simple cross-site POST". A form or
// text/plain POST uses only CORS-safelisted headers, so the browser sends it without a preflight
// (https://fetch.spec.whatwg.org/#cors-safelisted-request-header); a rebound name keeps its own
// Host header (https://checkyourvibe.dev/blog/vulnerabilities/dns-rebinding); a cross-site <img>
// GET carries no Origin but does carry Sec-Fetch-Site (https://www.w3.org/TR/fetch-metadata/).
// Raw node:http requests, because fetch may not set Host.

let local: LocalFunctions;
let own: string;

beforeAll(async () => {
  local = await startLocalFunctions({
    port: 0,
    env: {
      XIESHANG_DEV_SECRET: 'cors-test-secret-0123456789abcdef0123',
      XIESHANG_CORS_ORIGINS: 'https://localhost:3000',
    },
  });
  own = `http://127.0.0.1:${local.port}`;
});
afterAll(() => local.stop());

interface Raw {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

const raw = (method: string, path: string, headers: Record<string, string>, body?: string): Promise<Raw> =>
  new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: local.port, method, path, headers, setHost: !('host' in headers) },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });

const codeOf = (r: Raw): string | undefined => {
  try {
    return (JSON.parse(r.body) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
};

const expectForbidden = (r: Raw) => {
  expect(r.status).toBe(403);
  expect(codeOf(r)).toBe('forbidden-origin');
  const message = (JSON.parse(r.body) as { error: { message: { zh: string; en: string } } }).error.message;
  expect(message.zh).toMatch(/本机/);
  expect(message.en).toMatch(/loopback/);
  expect(r.headers['access-control-allow-origin']).toBeUndefined();
};

describe('the local host refuses a Host that is not loopback (DNS rebinding)', () => {
  it('on /dev/token, /admin/functions/* and the API alike', async () => {
    for (const host of ['evil.example', `rebind.attacker.example:${local.port}`, '127.0.0.1.nip.io', '']) {
      expectForbidden(await raw('GET', '/dev/token?unit=u1&role=admin', { host }));
      expectForbidden(await raw('POST', '/admin/functions/aggregate', { host }, ''));
      expectForbidden(await raw('GET', '/api/units/u1/reminders', { host }));
    }
  });

  it('answers 127.0.0.1, localhost and [::1], with or without the port', async () => {
    for (const host of [
      `127.0.0.1:${local.port}`,
      `localhost:${local.port}`,
      `[::1]:${local.port}`,
      'localhost',
    ]) {
      const r = await raw('GET', '/dev/token?unit=u1&role=clerk', { host });
      expect(r.status, host).toBe(200);
      expect(JSON.parse(r.body)).toHaveProperty('token');
    }
  });
});

describe('the local host refuses an Origin that is not allowed, on every route', () => {
  it('a cross-site page cannot take a token or run a timer', async () => {
    for (const origin of ['https://evil.example', 'null', 'http://localhost:3000']) {
      expectForbidden(await raw('GET', '/dev/token?unit=u1&role=admin', { origin }));
      expectForbidden(
        await raw('POST', '/admin/functions/retention', { origin, 'content-type': 'text/plain' }, 'x=1'),
      );
    }
  });

  it('refuses a simple cross-site POST (form, text/plain) to the API, which skips the preflight', async () => {
    const form = await raw(
      'POST',
      '/api/units/u1/sync',
      { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      'a=1',
    );
    expectForbidden(form);
    const text = await raw(
      'POST',
      '/api/units/u1/escalations',
      { origin: 'https://evil.example', 'content-type': 'text/plain' },
      '{}',
    );
    expectForbidden(text);
    expectForbidden(
      await raw('OPTIONS', '/api/units/u1/sync', {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
      }),
    );
  });

  it('refuses a cross-site browser request without an Origin (an <img> GET) on the token route', async () => {
    expectForbidden(await raw('GET', '/dev/token?unit=u1&role=admin', { 'sec-fetch-site': 'cross-site' }));
    expectForbidden(await raw('POST', '/admin/functions/aggregate', { 'sec-fetch-site': 'same-site' }, ''));
    // Typed into the address bar, or from a tool: no Origin, Sec-Fetch-Site none or absent.
    expect((await raw('GET', '/dev/token?unit=u1&role=clerk', { 'sec-fetch-site': 'none' })).status).toBe(
      200,
    );
  });

  it('serves the allowed origins (XIESHANG_CORS_ORIGINS) and its own origin', async () => {
    const pane = await raw('GET', '/dev/token?unit=u1&role=clerk', {
      origin: 'https://localhost:3000',
      'sec-fetch-site': 'cross-site',
    });
    expect(pane.status).toBe(200);
    expect(pane.headers['access-control-allow-origin']).toBe('https://localhost:3000');
    expect((await raw('GET', '/dev/token?unit=u1&role=clerk', { origin: own })).status).toBe(200);
    expect((await raw('POST', '/admin/functions/aggregate', { origin: own }, '')).status).toBe(202);
    // No Origin at all (curl, Node): the API answers as before.
    expect((await raw('GET', '/api/units/u1/reminders', {})).status).toBe(401);
  });
});

describe('foreignRequest', () => {
  const allowed = ['https://pane.example'];
  it('names what is wrong, and passes loopback requests from allowed origins', () => {
    expect(foreignRequest({ url: '/api/x', headers: { host: 'localhost:7071' } }, allowed)).toBeNull();
    expect(
      foreignRequest(
        { url: '/dev/token', headers: { host: '127.0.0.1', origin: 'https://pane.example' } },
        allowed,
      ),
    ).toBeNull();
    expect(foreignRequest({ url: '/api/x', headers: { host: 'LOCALHOST:1' } }, allowed)).toBeNull();
    expect(foreignRequest({ url: '/api/x', headers: { host: 'localhost.evil.example' } }, allowed)).toMatch(
      /loopback/,
    );
    expect(foreignRequest({ url: '/api/x', headers: { host: '127.0.0.2' } }, allowed)).toMatch(/loopback/);
    expect(
      foreignRequest(
        { url: '/api/x', headers: { host: 'localhost', origin: 'https://localhost:3000' } },
        allowed,
      ),
    ).toMatch(/Origin/);
    // An absolute-form target names the same route the host would serve.
    expect(
      foreignRequest(
        { url: 'http://127.0.0.1/dev/token', headers: { host: 'localhost', 'sec-fetch-site': 'cross-site' } },
        allowed,
      ),
    ).toMatch(/\/dev\/token/);
  });
});
