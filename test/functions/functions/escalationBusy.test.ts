// Issue 10: "Never a 5xx for anything a client sends"; a partition too contended to commit answers
// 503 busy with Retry-After, as sync does, so the client retries. Table Storage answers a Merge whose
// If-Match ETag is stale with 412 Precondition Failed
// (https://learn.microsoft.com/rest/api/storageservices/merge-entity); an escalation's two sides live
// in two partitions, so they cannot commit in one entity group transaction
// (https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions).
// The failures are injected into the SDK itself, as test/functions/functions/escalations.test.ts does.
// eslint-disable-next-line no-restricted-imports
import { TableClient, type TransactionAction } from '@azure/data-tables';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EscalationView } from '../../../shared';
import { escalationsFunction } from '../../../functions/src/functions/escalations';
import { appealRecord as appeal, groupAndCompany, pushAll } from '../fixtures';
import { call, startEnv, type TestEnv } from '../support';

let env: TestEnv;
let clerk: string;
let chair: string;

beforeAll(async () => {
  env = await startEnv();
  ({ clerk, chair } = await groupAndCompany(env));
  await pushAll('co-1', clerk, [appeal('B-1'), appeal('B-2')]);
});
afterAll(() => env.stop());
afterEach(() => vi.restoreAllMocks());

const escalate = (appealId: string) =>
  call<EscalationView & { error?: { code: string } }>(escalationsFunction, {
    token: clerk,
    params: { unitId: 'co-1' },
    body: { appealId, note: '本级无法协调' },
  });
const reply = (appealId: string, text: string) =>
  call<EscalationView & { error?: { code: string } }>(escalationsFunction, {
    token: chair,
    params: { unitId: 'grp' },
    body: { reply: { fromUnit: 'co-1', appealId, text } },
  });

const injected = (statusCode: number) => Object.assign(new Error('injected'), { statusCode });

describe('a reply that keeps losing the race for its escalation', () => {
  it('is answered 503 busy with Retry-After after the last attempt, not 500, and lands when retried', async () => {
    expect((await escalate('B-1')).status).toBe(201);
    const submit = TableClient.prototype.submitTransaction;
    const spy = vi.spyOn(TableClient.prototype, 'submitTransaction').mockImplementation(function (
      this: TableClient,
      actions: TransactionAction[],
    ) {
      // Every reply transaction meets a changed ETag, as when others keep replying first.
      if (actions.some((a) => a[0] === 'update')) return Promise.reject(injected(412));
      return submit.call(this, actions);
    });
    const r = await reply('B-1', '已协调');
    expect(r.status).toBe(503);
    expect(r.body.error?.code).toBe('busy');
    expect(r.headers.get('retry-after')).toBe('1');
    expect(spy.mock.calls.length).toBeGreaterThan(1);
    vi.restoreAllMocks();
    const again = await reply('B-1', '已协调');
    expect(again.status).toBe(200);
    expect(again.body.replies.map((x) => x.text)).toEqual(['已协调']);
  });
});

describe("an escalation whose parent's side fails after the sender's side committed", () => {
  it('is answered 503 busy so the client retries, and the retry reaches the parent', async () => {
    const upsert = TableClient.prototype.upsertEntity;
    vi.spyOn(TableClient.prototype, 'upsertEntity').mockImplementation(function (
      this: TableClient,
      e,
      mode,
      o,
    ) {
      if ((e as { direction?: string }).direction === 'in') return Promise.reject(injected(500));
      return upsert.call(this, e, mode, o);
    });
    const r = await escalate('B-2');
    expect(r.status).toBe(503);
    expect(r.body.error?.code).toBe('busy');
    expect(r.headers.get('retry-after')).toBe('1');
    // The sender's side is there, the parent's is not.
    const { store } = env.services;
    expect((await store.escalations.list('co-1')).some((e) => e.appealId === 'B-2')).toBe(true);
    expect((await store.escalations.list('grp')).some((e) => e.appealId === 'B-2')).toBe(false);
    vi.restoreAllMocks();
    expect((await escalate('B-2')).status).toBe(201);
    expect((await store.escalations.list('grp')).find((e) => e.appealId === 'B-2')).toMatchObject({
      direction: 'in',
      status: 'open',
    });
  });
});
