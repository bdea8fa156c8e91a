// Issue 10, "Nothing a client sends causes a 5xx": each hostile or unlucky input of the issue pushed
// through the real sync handler over Azurite. The answer is 2xx or a 4xx naming the field, and a
// refused request writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiError, type PushRecord, SCHEMA_VERSION, type SyncResponse } from '../../../shared';
import { syncFunction } from '../../../functions/src/functions/sync';
import { appealRecord } from '../fixtures';
import { call, refused, startEnv, tokenFor, type TestEnv } from '../support';

let env: TestEnv;
let token: string;
beforeAll(async () => {
  env = await startEnv();
  token = await tokenFor('clerk', ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8']);
});
afterAll(() => env.stop());

const appeal = (id: string, extra: Partial<PushRecord> = {}): PushRecord =>
  appealRecord(id, { receivedOn: '2025-05-06', content: '宿舍热水不稳定' }, extra);

// A topic's key is free text (workshop|seq), so it may hold any character a clerk types.
const topic = (key: string, changeId = 't1'): PushRecord => ({
  register: 'topics',
  key,
  changeId,
  baseRevision: null,
  values: { workshop: '一车间', seq: 1, content: '班车', raisedOn: '2025-01-02' },
});

const sync = (unitId: string, records: unknown[], extra: object = {}) =>
  call<SyncResponse & ApiError>(syncFunction, {
    token,
    params: { unitId },
    body: { schemaVersion: SCHEMA_VERSION, records, ...extra },
  });

describe('sync: text a JSON body can carry but storage cannot', () => {
  it('refuses a lone surrogate in a value (400 invalid-body naming the field), storing nothing', async () => {
    const r = await sync('w1', [
      appeal('2025-001', { values: { ...appeal('2025-001').values, content: 'a\ud800b' } }),
    ]);
    refused(r, 'records[0].values.content');
    expect(await env.services.store.records.head('w1')).toBe(0);
  });

  it('refuses a lone surrogate in a key (encodeURIComponent throws URIError on one)', async () => {
    const r = await sync('w1', [topic('一车间|\udc01')]);
    refused(r, 'records[0].key');
    expect(await env.services.store.records.head('w1')).toBe(0);
  });

  it('refuses a key of 2,000 characters', async () => {
    refused(await sync('w1', [topic('k'.repeat(2000))]), 'records[0].key');
  });

  // https://learn.microsoft.com/en-us/rest/api/storageservices/understanding-the-table-service-data-model
  // ("Characters disallowed in key fields"; keys up to 1 KiB): the cloud escapes a record key into its
  // row key, so / \ # ? are legal in a record key, and a key whose escaped form outgrows the row key is not.
  it('keeps keys with / \\ # ? and their escaped spellings as distinct records that round-trip', async () => {
    const keys = ['一/二车间|1', 'a\\b|2', '#3|?', 'a%2Fb', 'a%252Fb', '%25'];
    const r = await sync(
      'w2',
      keys.map((k, i) => topic(k, `t${i}`)),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.results.map((x) => x.status)).toEqual(keys.map(() => 'applied'));
    expect(r.body.changes.map((c) => c.key).sort()).toEqual([...keys].sort());
    for (const k of keys) expect((await env.services.store.records.get('w2', 'topics', k))?.key).toBe(k);
  });

  it('keeps multiply-escaped and long escaped keys apart (never 5xx), and refuses one over 200 units', async () => {
    // 170 '%' escape to 510 characters, 60 '车' to 540: past a row key's 512 UTF-16 units once escaped.
    const keys = ['%'.repeat(170), '%25'.repeat(60), '%2525'.repeat(40), '车'.repeat(60)];
    const r = await sync(
      'w3',
      keys.map((k, i) => topic(k, `t${i}`)),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.changes.map((c) => c.key).sort()).toEqual([...keys].sort());
    refused(await sync('w3', [topic('%'.repeat(201))]), 'records[0].key');
    refused(await sync('w3', [topic('一车间\u2028|1')]), 'records[0].key');
    refused(await sync('w3', [topic('一车间\u0000|1')]), 'records[0].key');
  });

  it('accepts U+2028/U+2029 in text and gives it back exactly', async () => {
    const content = '第一行\u2028第二行\u2029第三段';
    const r = await sync('w4', [appeal('2025-002', { values: { ...appeal('2025-002').values, content } })]);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.changes[0]?.values.content).toBe(content);
    // The JSON text of the answer parses back to the same string.
    expect((JSON.parse(JSON.stringify(r.body)) as SyncResponse).changes[0]?.values.content).toBe(content);
    expect((await env.services.store.records.get('w4', 'appeals', '2025-002'))?.values.content).toBe(content);
  });
});

describe('sync: baseRevision is a revision the cloud issued, or null', () => {
  it('refuses "*" (which was an unconditional overwrite) and garbage, overwriting nothing', async () => {
    const created = await sync('w5', [appeal('2025-010')]);
    expect(created.status).toBe(200);
    const revision = created.body.results[0]?.revision as string;
    for (const bad of ['*', 'garbage', `${revision}x`, '']) {
      const r = await sync('w5', [
        appeal('2025-010', {
          changeId: `bad-${bad.length}`,
          baseRevision: bad,
          values: { ...appeal('2025-010').values, content: '被覆盖' },
        }),
      ]);
      refused(r, 'records[0].baseRevision');
      const stored = await env.services.store.records.get('w5', 'appeals', '2025-010');
      expect(stored?.values.content).toBe('宿舍热水不稳定');
      expect(stored?.revision).toBe(revision);
    }
    // The revision the cloud issued is accepted.
    const ok = await sync('w5', [
      appeal('2025-010', {
        changeId: 'good',
        baseRevision: revision,
        values: { ...appeal('2025-010').values, content: '已修好' },
      }),
    ]);
    expect(ok.body.results[0]?.status).toBe('applied');
  });
});

describe('sync: lists and free text', () => {
  it('refuses a `changed` list of 200,000 entries with 400, not 500', async () => {
    const changed = Array.from({ length: 200_000 }, () => 'id');
    const r = await sync('w6', [appeal('2025-020', { changed })]);
    refused(r, 'records[0].changed');
    expect(await env.services.store.records.head('w6')).toBe(0);
  });

  it('refuses a `changed` list naming a field twice or one the register lacks', async () => {
    refused(
      await sync('w6', [appeal('2025-021', { changed: ['content', 'content'] })]),
      'records[0].changed',
    );
    refused(await sync('w6', [appeal('2025-021', { changed: ['wat'] })]), 'records[0].changed[0]');
  });

  it('refuses a mobile number typed into 诉求内容 with 400 identity-in-text at its path', async () => {
    const values = { ...appeal('2025-030').values, content: '请回电 138 1234 5678 谢谢' };
    const r = await sync('w7', [appeal('2025-029'), appeal('2025-030', { values })]);
    refused(r, 'records[1].values.content', 'identity-in-text');
    expect(await env.services.store.records.head('w7')).toBe(0);
  });

  it('keeps answering 4xx naming the field for numbers and odd shapes', async () => {
    refused(
      await sync('w8', [appeal('2025-040', { values: { id: '2025-040', content: 5 } })]),
      'records[0].values.content',
    );
    refused(await sync('w8', [{ ...appeal('2025-041'), deleted: 'yes' }]), 'records[0].deleted');
    refused(await sync('w8', [], { cursor: 'abc' }), 'cursor');
    refused(await sync('w8', [], { escalationsSince: 'yesterday' }), 'escalationsSince');
    refused(await sync('w8', [], { ledgersBuilt: ['2025Q5'] }), 'ledgersBuilt[0]');
    refused(await sync('w8', [], { extra: 1 }), 'extra');
  });
});
