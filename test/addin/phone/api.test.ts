// The phone page's client against a real HTTP server misbehaving the ways a phone's network does:
// a server that never answers is cut off by the AbortController timeout (AbortSignal.timeout is not
// in older WeChat webviews) and reads as offline; a 2xx that breaks the contract is refused; a
// proxy's HTML error page still gives a bilingual message; a 429 carries its Retry-After.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPhoneApi, PhoneFailure } from '../../../addin/phone/api';
import { phoneSupported } from '../../../addin/phone/PhonePage';

let server: Server;
let apiBase = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '';
    if (path.includes('/silent/')) return; // never answers
    if (path.includes('/wrong/')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ unitName: 1 }));
    }
    if (path.includes('/proxy/')) {
      res.writeHead(502, { 'content-type': 'text/html' });
      return res.end('<html>Bad Gateway</html>');
    }
    res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '125' });
    res.end(
      JSON.stringify({
        error: { code: 'rate-limited', message: { zh: '提交过于频繁', en: 'too many submissions' } },
      }),
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const failure = async (p: Promise<unknown>): Promise<PhoneFailure> => {
  const e: unknown = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(PhoneFailure);
  return e as PhoneFailure;
};

describe('the phone page’s client', () => {
  it('gives up on a server that never answers after its timeout, as offline', async () => {
    const api = createPhoneApi({ apiBase, timeoutMs: 300 });
    const started = Date.now();
    const e = await failure(api.intake('silent'));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(e.status).toBe(0);
    expect(e.text.zh).toContain('无法连接');
  });

  it('refuses a 2xx whose body breaks the contract', async () => {
    const e = await failure(createPhoneApi({ apiBase }).intake('wrong'));
    expect(e.status).toBe(502);
    expect(e.code).toBe('invalid-response');
  });

  it('reads a proxy’s HTML error page as the bare status, in both languages', async () => {
    const e = await failure(createPhoneApi({ apiBase }).intake('proxy'));
    expect(e.status).toBe(502);
    expect(e.text).toEqual({ zh: '服务返回 502', en: 'the service answered 502' });
  });

  it('keeps the server’s words and the Retry-After of a 429', async () => {
    const e = await failure(createPhoneApi({ apiBase }).intake('busy'));
    expect(e.status).toBe(429);
    expect(e.text.zh).toBe('提交过于频繁');
    expect(e.retryAfterSeconds).toBe(125);
  });
});

describe('the browser check', () => {
  it('asks for WebCrypto (https or localhost only), TextEncoder, fetch and AbortController', () => {
    const full = {
      crypto: globalThis.crypto,
      TextEncoder: globalThis.TextEncoder,
      fetch: globalThis.fetch,
      AbortController: globalThis.AbortController,
    };
    const check = (g: object) => phoneSupported(g as typeof globalThis);
    expect(check(full)).toBe(true);
    // An intranet page over plain http: crypto exists, crypto.subtle does not.
    expect(check({ ...full, crypto: { getRandomValues: () => null } })).toBe(false);
    for (const missing of ['TextEncoder', 'fetch', 'AbortController'])
      expect(check({ ...full, [missing]: undefined }), missing).toBe(false);
  });
});
