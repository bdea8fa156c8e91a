// The attack suite's one way in: the local functions host on Azurite, reached over HTTP on
// 127.0.0.1 only, with development tokens and a raw view of every table for "nothing stored" checks.
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { expect } from 'vitest';
import { SCHEMA_VERSION, type SyncResponse } from '../../../shared';
import type { Role } from '../../../functions/src/auth/caller';
import { signDevToken } from '../../../functions/src/auth/devKey';
import { collect, openTables, TABLE_NAMES } from '../../../functions/src/storage/tables';
import { startLocalFunctions, type LocalFunctions } from '../../../scripts/serve-functions';

/** The development signing secret every security test host runs with. */
export const SECRET = 'security-suite-dev-secret-0123456789abcdef';
/** The secret as the signing key. */
export const SECRET_KEY = new TextEncoder().encode(SECRET);
/** The key robot secrets are sealed under (32 random bytes, base64), as an operator configures it. */
export const SECRETS_KEY = randomBytes(32).toString('base64');

/** An error body as the contract shapes it. */
export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message?: { zh: string; en: string };
    readonly path?: string;
    readonly limit?: number;
    readonly problems?: readonly { path: string }[];
    /** With record-purged: the purged records of the request. */
    readonly purged?: readonly { register: string; key: string }[];
  };
  readonly purged?: readonly { register: string; key: string }[];
}

/** An answer: status, parsed JSON (or null) and the raw text. */
export interface Answer<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly text: string;
  readonly headers: Headers;
}

/** A running local host for one test file. */
export interface SecurityHost {
  readonly local: LocalFunctions;
  readonly url: string;
  /** Sets the instant the functions (and their timers) see as now. */
  setNow(iso: string): void;
  /** A development token. */
  token(roles: Role | Role[], units: string[], sub?: string): Promise<string>;
  /** fetch to the host (path starting with /). */
  fetch(path: string, init?: RequestInit): Promise<Answer>;
  /** POST /api/units/{unit}/sync with a JSON body (object, or a string sent as is). */
  sync<T = SyncResponse>(unit: string, token: string, body: unknown): Promise<Answer<T>>;
  /** POST /api/units/{unit}/escalations. */
  escalate<T = unknown>(unit: string, token: string, body: unknown): Promise<Answer<T>>;
  /** PUT /api/units/{unit}/config. */
  configure<T = unknown>(unit: string, token: string, body: unknown): Promise<Answer<T>>;
  /** Runs a timer now through /admin/functions/{name}. */
  runTimer(name: string): Promise<number>;
  /** Pulls a unit's whole change feed. */
  pullAll(unit: string, token: string): Promise<SyncResponse['changes']>;
  /** Every entity of every table in the storage account, as raw as the SDK gives it. */
  rawEntities(): Promise<{ table: string; entity: Record<string, unknown> }[]>;
  stop(): Promise<void>;
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
};

/** Starts Azurite and the local host on 127.0.0.1 with a settable clock. */
export async function startHost(
  options: { env?: Record<string, string>; nowIso?: string } = {},
): Promise<SecurityHost> {
  let now = new Date(options.nowIso ?? '2026-03-31T01:00:00Z');
  const local = await startLocalFunctions({
    port: 0,
    now: () => now,
    env: { XIESHANG_DEV_SECRET: SECRET, XIESHANG_SECRETS_KEY: SECRETS_KEY, ...options.env },
  });
  const go = async <T>(path: string, init: RequestInit = {}): Promise<Answer<T>> => {
    const res = await fetch(`${local.url}${path}`, init);
    const text = await res.text();
    return { status: res.status, body: parse(text) as T, text, headers: res.headers };
  };
  const post = <T>(method: string, path: string, token: string, body: unknown) =>
    go<T>(path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const host: SecurityHost = {
    local,
    url: local.url,
    setNow: (iso) => void (now = new Date(iso)),
    token: (roles, units, sub = 'attacker') =>
      signDevToken({ sub, roles: Array.isArray(roles) ? roles : [roles], units }, SECRET_KEY),
    fetch: go,
    sync: (unit, token, body) => post('POST', `/api/units/${unit}/sync`, token, body),
    escalate: (unit, token, body) => post('POST', `/api/units/${unit}/escalations`, token, body),
    configure: (unit, token, body) => post('PUT', `/api/units/${unit}/config`, token, body),
    async runTimer(name) {
      return (await go(`/admin/functions/${name}`, { method: 'POST' })).status;
    },
    async pullAll(unit, token) {
      const out: SyncResponse['changes'][number][] = [];
      let cursor = '0';
      for (let page = 0; page < 100; page++) {
        const r = await host.sync(unit, token, { schemaVersion: SCHEMA_VERSION, cursor });
        if (r.status !== 200) throw new Error(`pull ${unit} → ${r.status} ${r.text.slice(0, 300)}`);
        out.push(...r.body.changes);
        cursor = r.body.cursor;
        if (!r.body.more) break;
      }
      return out;
    },
    async rawEntities() {
      // Every table the store opens, read entity by entity: what an operator with the storage key sees.
      const tables = openTables(local.connectionString, 'xs');
      const out: { table: string; entity: Record<string, unknown> }[] = [];
      for (const name of TABLE_NAMES) {
        const rows = await collect(tables[name].listEntities<Record<string, unknown>>());
        for (const e of rows) out.push({ table: `xs${name}`, entity: e });
      }
      return out;
    },
    stop: () => local.stop(),
  };
  return host;
}

/** One request through node:http, so Host and any other header go out exactly as given. */
export function rawRequest(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; text: string; body: ErrorBody | null }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: Number(u.port),
        method: options.method ?? 'GET',
        path: options.path,
        headers: {
          ...(options.body !== undefined
            ? { 'content-length': String(Buffer.byteLength(options.body)) }
            : {}),
          ...options.headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text, body: parse(text) as ErrorBody | null }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A sync body with the current schema version. */
export const body = (records: readonly unknown[], extra: Record<string, unknown> = {}) => ({
  schemaVersion: SCHEMA_VERSION,
  records,
  ...extra,
});

/** A new appeal record as the add-in pushes it (the functions tests' one builder). */
export { appealRecord as appeal } from '../fixtures';

/**
 * Unit `child` (分公司) under `parent` (总公司), configured by an admin of both: the set-up of the
 * escalation attacks. Returns a clerk of the child and the parent's chair.
 */
export async function childUnderParent(
  host: SecurityHost,
  child: string,
  parent: string,
): Promise<{ clerk: string; parentChair: string }> {
  const clerk = await host.token('clerk', [child]);
  const parentChair = await host.token('chair', [parent]);
  const admin = await host.token('admin', [child, parent]);
  expect((await host.configure(parent, admin, { name: '总公司' })).status).toBe(200);
  const r = await host.configure(child, admin, { name: '分公司', parentId: parent });
  expect(r.status, r.text.slice(0, 300)).toBe(200);
  return { clerk, parentChair };
}

/** Whether any raw entity anywhere holds `needle` in any property (names included). */
export async function storedAnywhere(host: SecurityHost, needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const { table, entity } of await host.rawEntities()) {
    const text = JSON.stringify(entity);
    if (text.includes(needle) || text.includes(JSON.stringify(needle).slice(1, -1)))
      hits.push(`${table}/${String(entity.partitionKey)}/${String(entity.rowKey)}`);
  }
  return hits;
}
