// Shared test setup: a real Azurite per test file, services over it, development tokens, requests.
import { randomBytes } from 'node:crypto';
import { createServer, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import { expect } from 'vitest';
import type { ApiError } from '../../shared';
import type { Role } from '../../functions/src/auth/caller';
import { signDevToken } from '../../functions/src/auth/devKey';
import { createAuthenticator } from '../../functions/src/auth/verify';
import type { HttpEntry } from '../../functions/src/http/define';
import { startAzurite, type AzuriteHandle } from '../../functions/src/local/azurite';
import { setServices, type Services } from '../../functions/src/services';
import { createStore } from '../../functions/src/storage';

/** The secret the test services accept development tokens under. */
export const TEST_SECRET = new TextEncoder().encode(randomBytes(32).toString('hex'));

/** A test environment: Azurite, services over it with a settable clock, and its teardown. */
export interface TestEnv {
  readonly azurite: AzuriteHandle;
  readonly services: Services;
  /** Sets the instant the services see as now. */
  setNow(iso: string): void;
  stop(): Promise<void>;
}

/** Starts Azurite and installs services over it (dev tokens, loopback webhooks, fast retries). */
export async function startEnv(nowIso = '2026-03-31T01:00:00Z'): Promise<TestEnv> {
  const azurite = await startAzurite();
  let now = new Date(nowIso);
  const clock = () => now;
  const store = createStore({ connectionString: azurite.connectionString, prefix: 't', now: clock });
  await store.ready();
  const services: Services = {
    store,
    auth: createAuthenticator(
      { mode: 'dev', secret: TEST_SECRET, claims: { roles: 'roles', units: 'xieshang_units' } },
      {},
      store.pairing,
      () => now.getTime(),
    ),
    now: clock,
    webhooks: {
      fetch: globalThis.fetch,
      attempts: 3,
      baseDelayMs: 5,
      timeoutMs: 2000,
      allowLoopbackHttp: true,
    },
  };
  setServices(services);
  return {
    azurite,
    services,
    setNow: (iso) => void (now = new Date(iso)),
    async stop() {
      setServices(undefined);
      await azurite.stop();
    },
  };
}

/** A development token for roles and units. */
export const tokenFor = (roles: Role | Role[], units: string[], sub = 'tester'): Promise<string> =>
  signDevToken({ sub, roles: Array.isArray(roles) ? roles : [roles], units }, TEST_SECRET);

/** Calls an endpoint's handler as the host would, without a host. */
export async function call<T = unknown>(
  entry: HttpEntry,
  options: {
    token?: string;
    params?: Record<string, string>;
    body?: unknown;
    rawBody?: string;
    query?: Record<string, string>;
    headers?: Record<string, string>;
  },
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const text = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const request = new HttpRequest({
    method: entry.methods[0],
    url: `http://localhost/api/${entry.route}`,
    headers,
    params: options.params ?? {},
    query: options.query ?? {},
    ...(text === undefined ? {} : { body: { string: text } }),
  });
  const res = (await entry.handler(
    request,
    new InvocationContext({ functionName: entry.name, logHandler: () => {} }),
  )) as HttpResponseInit;
  return {
    status: res.status ?? 200,
    body: res.jsonBody as T,
    headers: new Headers(res.headers as HeadersInit),
  };
}

/** A loopback HTTP server on a free port: where a robot or a key endpoint stands in a test. */
export interface Loopback {
  /** `http://127.0.0.1:<port>`. */
  readonly base: string;
  close(): Promise<void>;
}

/** Starts a loopback HTTP server answering with `handler`. */
export async function startLoopback(handler: RequestListener): Promise<Loopback> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Answers as a WeCom or DingTalk robot that took the message (HTTP 200, errcode 0). */
export function robotAccepts(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
}

/** Expects a 400 whose error has `code` and names `path` in its field and in both languages. */
export const refused = (r: { status: number; body: ApiError }, path: string, code = 'invalid-body'): void => {
  expect(r.status, JSON.stringify(r.body)).toBe(400);
  expect(r.body.error.code).toBe(code);
  expect(r.body.error.path).toBe(path);
  expect(r.body.error.message.zh).toContain(path);
  expect(r.body.error.message.en).toContain(path);
};

/**
 * Puts `child` under `parent` through a running local host (PUT /api/units/{child}/config), as an
 * administrator of both units signed with the host's development secret — the unit tree's act.
 */
export async function attachUnit(
  host: { readonly url: string; readonly devSecret: string },
  child: string,
  parent: string,
  o: { readonly name?: string; readonly origin?: string } = {},
): Promise<void> {
  const token = await signDevToken(
    { sub: 'group-admin', roles: ['admin'], units: [child, parent] },
    new TextEncoder().encode(host.devSecret),
  );
  const res = await fetch(`${host.url}/api/units/${child}/config`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(o.origin ? { origin: o.origin } : {}),
    },
    body: JSON.stringify({ ...(o.name ? { name: o.name } : {}), ...(parent ? { parentId: parent } : {}) }),
  });
  expect(res.status, await res.text()).toBe(200);
}
