import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiError, type PushRecord, SCHEMA_VERSION, type SyncResponse } from '../../../shared';
import { syncFunction } from '../../../functions/src/functions/sync';
import { appealRecord } from '../fixtures';
import { call, startEnv, tokenFor, type TestEnv } from '../support';

let env: TestEnv;
let token: string;
beforeAll(async () => {
  env = await startEnv();
  token = await tokenFor('clerk', ['u1']);
});
afterAll(() => env.stop());

const record = (id: string, extra: Partial<PushRecord> = {}): PushRecord =>
  appealRecord(id, { receivedOn: '2025-05-06', content: '宿舍热水不稳定' }, extra);

const sync = (body: unknown, unitId = 'u1') =>
  call<SyncResponse & ApiError>(syncFunction, { token, params: { unitId }, body });

describe('POST /api/units/{unitId}/sync: bad bodies', () => {
  it('answers 400 to malformed JSON', async () => {
    const r = await call<ApiError>(syncFunction, {
      token,
      params: { unitId: 'u1' },
      rawBody: '{"schemaVersion": 2, "records": [',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid-json');
    expect(r.body.error.message.zh).toContain('JSON');
    expect(r.body.error.message.en).toContain('JSON');
  });

  it('refuses an appellant name or phone with 400 naming the field path', async () => {
    const ok = record('2025-001');
    const withPhone = record('2025-002', { values: { ...ok.values, phone: '13812345678' } });
    const r = await sync({
      schemaVersion: SCHEMA_VERSION,
      records: [ok, ok, ok, withPhone].map((x, i) => ({
        ...x,
        key: `${x.key}-${i}`,
        values: { ...x.values, id: `${x.key}-${i}` },
      })),
    });
    expect(r.status).toBe(400);
    expect(r.body.error.path).toBe('records[3].values.phone');
    expect(r.body.error.message.zh).toContain('records[3].values.phone');
    const named = await sync({
      schemaVersion: SCHEMA_VERSION,
      records: [record('2025-003', { values: { ...ok.values, id: '2025-003', appellant: '张三' } })],
    });
    expect(named.body.error.path).toBe('records[0].values.appellant');
    const topic = await sync({
      schemaVersion: SCHEMA_VERSION,
      records: [
        {
          register: 'topics',
          key: 't1',
          changeId: 't1',
          baseRevision: null,
          values: { workshop: '一车间', seq: 1, content: '班车', raisedOn: '2025-01-02', signature: '李四' },
        },
      ],
    });
    expect(topic.body.error.path).toBe('records[0].values.signature');
    // Nothing of a refused request is stored.
    expect(await env.services.store.records.head('u1')).toBe(0);
  });

  it('answers 400 with the path for wrong types and unknown fields', async () => {
    const cases: [unknown, string][] = [
      [
        { schemaVersion: SCHEMA_VERSION, records: [record('a', { values: { id: 'a', content: 5 } })] },
        'records[0].values.content',
      ],
      [
        {
          schemaVersion: SCHEMA_VERSION,
          records: [record('a', { values: { id: 'a', receivedOn: '2025/5/6' } })],
        },
        'records[0].values.receivedOn',
      ],
      [
        { schemaVersion: SCHEMA_VERSION, records: [record('a', { values: { id: 'a', handling: '随便' } })] },
        'records[0].values.handling',
      ],
      [
        { schemaVersion: SCHEMA_VERSION, records: [record('a', { values: { id: 'a', wat: 'x' } })] },
        'records[0].values.wat',
      ],
      [{ schemaVersion: SCHEMA_VERSION, records: [{ ...record('a'), changeId: 7 }] }, 'records[0].changeId'],
      [
        { schemaVersion: SCHEMA_VERSION, records: [{ ...record('a'), register: 'roster' }] },
        'records[0].register',
      ],
      [{ schemaVersion: 'two' }, 'schemaVersion'],
      [{ schemaVersion: SCHEMA_VERSION, records: {} }, 'records'],
      [[1, 2], '$'],
    ];
    for (const [body, path] of cases) {
      const r = await sync(body);
      expect(r.status, path).toBe(400);
      expect(r.body.error.path, JSON.stringify(body)).toBe(path);
    }
  });

  it('answers 413 above 500 records or 1 MB, with the limit in the message', async () => {
    const many = Array.from({ length: 501 }, (_, i) => record(`m${i}`, { values: { id: `m${i}` } }));
    const r = await sync({ schemaVersion: SCHEMA_VERSION, records: many });
    expect(r.status).toBe(413);
    expect(r.body.error.limit).toBe(500);
    expect(r.body.error.message.en).toContain('500');
    const big = Array.from({ length: 100 }, (_, i) =>
      record(`b${i}`, { values: { id: `b${i}`, content: '长'.repeat(3990) } }),
    );
    const r2 = await sync({ schemaVersion: SCHEMA_VERSION, records: big });
    expect(r2.status).toBe(413);
    expect(r2.body.error.limit).toBe(1024 * 1024);
    expect(r2.body.error.message.zh).toContain('1 MB');
  });
});

describe('POST /api/units/{unitId}/sync: push and pull', () => {
  it('applies a push once even when the request is retried, and pulls it back', async () => {
    const body = { schemaVersion: SCHEMA_VERSION, records: [record('2025-101'), record('2025-102')] };
    const first = await sync(body, 'u1');
    expect(first.status).toBe(200);
    expect(first.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const again = await sync(body, 'u1');
    expect(again.body.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(again.body.results.map((r) => r.revision)).toEqual(first.body.results.map((r) => r.revision));
    expect(await env.services.store.records.head('u1')).toBe(2);
    expect(first.body.changes.map((c) => c.key)).toEqual(['2025-101', '2025-102']);
    const later = await sync({ schemaVersion: SCHEMA_VERSION, cursor: first.body.cursor }, 'u1');
    expect(later.body.changes).toEqual([]);
    expect(later.body.more).toBe(false);
  });

  it('returns a stale edit as a conflict carrying both versions, overwriting nothing', async () => {
    const created = await sync({ schemaVersion: SCHEMA_VERSION, records: [record('2025-201')] }, 'u1');
    const base = created.body.results[0]?.revision as string;
    const mine = record('2025-201', {
      changeId: 'a',
      baseRevision: base,
      values: { ...record('2025-201').values, department: '后勤部', handling: '部门直接办理' },
    });
    const theirs = record('2025-201', {
      changeId: 'b',
      baseRevision: base,
      values: { ...record('2025-201').values, content: '宿舍热水已修好' },
    });
    expect(
      (await sync({ schemaVersion: SCHEMA_VERSION, records: [mine] }, 'u1')).body.results[0]?.status,
    ).toBe('applied');
    const r = await sync({ schemaVersion: SCHEMA_VERSION, records: [theirs] }, 'u1');
    expect(r.body.results).toEqual([]);
    expect(r.body.conflicts).toHaveLength(1);
    const c = r.body.conflicts[0];
    expect(c?.yours.values.content).toBe('宿舍热水已修好');
    expect(c?.theirs?.values.department).toBe('后勤部');
    expect(c?.theirs?.values.content).toBe('宿舍热水不稳定');
    const stored = await env.services.store.records.get('u1', 'appeals', '2025-201');
    expect(stored?.values.content).toBe('宿舍热水不稳定');
  });
});
