// Issue 10: the add-in checks every answer against the wire schema (shared/wire/schema.ts), so an
// answer that does not match the contract (another version of the functions, a proxy's page) is one
// clear bilingual error, not a crash deeper in the client. A real HTTP server sends the answers.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiFailure, createSyncApi } from '../../../addin/sync/api';
import { SCHEMA_VERSION, type SyncResponse } from '../../../shared';

/** What the server answers next: status and raw body text. */
let next: { status: number; body: string } = { status: 200, body: '{}' };
let server: Server;
let baseUrl = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(next.status, { 'content-type': 'application/json' });
      res.end(next.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const api = () => createSyncApi({ baseUrl, getToken: () => Promise.resolve('t') });

const good: SyncResponse = {
  results: [],
  conflicts: [],
  changes: [
    {
      register: 'appeals',
      key: '2025-001',
      revision: `W/"datetime'2026-03-31T01%3A00%3A00.1234567Z'"`,
      values: { id: '2025-001', content: '第一行\u2028第二行' },
      deleted: false,
      purged: false,
      updatedAt: '2026-03-31T01:00:00.000Z',
      updatedBy: 'u',
    },
  ],
  cursor: '1',
  more: false,
  escalations: [],
  serverTime: '2026-03-31T01:00:00.000Z',
};

const failure = async (p: Promise<unknown>): Promise<ApiFailure> => {
  const e: unknown = await p.then(
    () => new Error('resolved'),
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ApiFailure);
  return e as ApiFailure;
};

describe('createSyncApi checks each answer against the contract', () => {
  it('passes a matching sync answer through as sent', async () => {
    next = { status: 200, body: JSON.stringify(good) };
    expect(await api().sync('u1', { schemaVersion: SCHEMA_VERSION })).toEqual(good);
  });

  it('turns a sync answer of the wrong shape into one bilingual invalid-response naming the field', async () => {
    next = { status: 200, body: JSON.stringify({ ...good, results: 'nope' }) };
    const e = await failure(api().sync('u1', { schemaVersion: SCHEMA_VERSION }));
    expect(e.code).toBe('invalid-response');
    expect(e.path).toBe('results');
    expect(e.text.zh).toContain('results');
    expect(e.text.en).toContain('results');
    expect(e.retryable).toBe(true);
  });

  it('names the path inside a pulled record, a reminder, an escalation and a summary', async () => {
    next = {
      status: 200,
      body: JSON.stringify({ ...good, changes: [{ ...good.changes[0], values: { id: { x: 1 } } }] }),
    };
    expect((await failure(api().sync('u1', { schemaVersion: SCHEMA_VERSION }))).path).toBe(
      'changes[0].values.id',
    );
    next = {
      status: 200,
      body: JSON.stringify({
        unitId: 'u1',
        today: '2026-03-31',
        reminders: [{ kind: 'handling', status: 'overdue', due: '2026-03-30', key: 'k' }],
      }),
    };
    expect((await failure(api().reminders('u1'))).path).toBe('reminders[0].message');
    next = { status: 201, body: JSON.stringify({ direction: 'sideways' }) };
    expect((await failure(api().escalate('u1', { appealId: 'a' }))).code).toBe('invalid-response');
    next = { status: 200, body: '<html>portal</html>' };
    const portal = await failure(api().summary('org', 2025));
    expect(portal.code).toBe('invalid-response');
    expect(portal.path).toBe('$');
  });

  it('reads an error body of the wrong shape as a plain HTTP error, never as its message', async () => {
    next = { status: 400, body: JSON.stringify({ error: { code: 5, message: 'not bilingual' } }) };
    const e = await failure(api().sync('u1', { schemaVersion: SCHEMA_VERSION }));
    expect(e.status).toBe(400);
    expect(e.code).toBe('http');
    expect(e.text.zh).toContain('400');
    expect(e.text.en).toContain('400');
  });
});
