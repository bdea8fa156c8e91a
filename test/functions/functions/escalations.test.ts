// Issue 10: "Escalation replies overflow one string property after a few long replies, and from then
// on the escalation can never be answered (500)" and "config and escalation audit entries commit
// with their change". A string property holds at most 64 KiB and an entity at most 1 MiB
// (https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model);
// an entity group transaction is atomic within one partition
// (https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions).
// The failure is injected into the SDK itself: the only point between a change and its audit entry.
// eslint-disable-next-line no-restricted-imports
import { TableClient, type TransactionAction } from '@azure/data-tables';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type EscalationView, SCHEMA_VERSION, type SyncResponse } from '../../../shared';
import { escalationsFunction } from '../../../functions/src/functions/escalations';
import { syncFunction } from '../../../functions/src/functions/sync';
import { unitConfigFunction } from '../../../functions/src/functions/unitConfig';
import { appealRecord as appeal, groupAndCompany, pushAll } from '../fixtures';
import { call, startEnv, tokenFor, type TestEnv } from '../support';
import { openTables } from '../../../functions/src/storage/tables';

let env: TestEnv;
let clerk: string;
let chair: string;

beforeAll(async () => {
  env = await startEnv();
  ({ clerk, chair } = await groupAndCompany(env));
  await pushAll('co-1', clerk, [appeal('E-1'), appeal('E-2'), appeal('E-3')]);
});
afterAll(() => env.stop());
afterEach(() => vi.restoreAllMocks());

const escalate = (appealId: string) =>
  call<EscalationView>(escalationsFunction, {
    token: clerk,
    params: { unitId: 'co-1' },
    body: { appealId, note: '本级无法协调' },
  });
const reply = (appealId: string, text: string) =>
  call<EscalationView>(escalationsFunction, {
    token: chair,
    params: { unitId: 'grp' },
    body: { reply: { fromUnit: 'co-1', appealId, text } },
  });

/** Makes every write of an audit entry fail, alone or inside a transaction: the failure between a change and its audit. */
function failAuditWrites(): void {
  const isAudit = (e: object) => 'action' in e && 'actor' in e;
  const create = TableClient.prototype.createEntity;
  vi.spyOn(TableClient.prototype, 'createEntity').mockImplementation(function (this: TableClient, e, o) {
    if (isAudit(e)) return Promise.reject(Object.assign(new Error('injected'), { statusCode: 500 }));
    return create.call(this, e, o);
  });
  const submit = TableClient.prototype.submitTransaction;
  vi.spyOn(TableClient.prototype, 'submitTransaction').mockImplementation(function (
    this: TableClient,
    actions: TransactionAction[],
  ) {
    if (actions.some((a) => isAudit(a[1])))
      return Promise.reject(Object.assign(new Error('injected'), { statusCode: 500 }));
    return submit.call(this, actions);
  });
}

describe('escalation replies', () => {
  it('takes 30 replies of 2,000 characters (120 KB, beyond one 64 KiB property) and lists them in order on both sides', async () => {
    expect((await escalate('E-1')).status).toBe(201);
    const texts = Array.from({ length: 30 }, (_, i) =>
      `第${i + 1}次答复：${'协调'.repeat(995)}`.slice(0, 2000),
    );
    for (const [i, text] of texts.entries()) {
      const r = await reply('E-1', text);
      expect(r.status, `reply ${i + 1}`).toBe(200);
      expect(r.body.replies).toHaveLength(i + 1);
    }
    const parent = (await env.services.store.escalations.list('grp')).find((e) => e.appealId === 'E-1');
    expect(parent?.replies.map((x) => x.text)).toEqual(texts);
    expect(parent?.status).toBe('replied');
    const child = await call<SyncResponse>(syncFunction, {
      token: clerk,
      params: { unitId: 'co-1' },
      body: { schemaVersion: SCHEMA_VERSION, cursor: '999999' },
    });
    const out = child.body.escalations.find((e) => e.appealId === 'E-1');
    expect(out).toMatchObject({ direction: 'out', status: 'replied' });
    expect(out?.replies.map((x) => x.text)).toEqual(texts);
    // Each reply is audited with its escalation.
    const audit = await env.services.store.audit.list('grp');
    expect(audit.filter((a) => a.action === 'escalation.reply')).toHaveLength(30);
  });

  it('lands two replies sent at once', async () => {
    expect((await escalate('E-2')).status).toBe(201);
    const [a, b] = await Promise.all([reply('E-2', '甲'), reply('E-2', '乙')]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const view = (await env.services.store.escalations.list('grp')).find((e) => e.appealId === 'E-2');
    expect(view?.replies.map((x) => x.text).sort()).toEqual(['乙', '甲'].sort());
  });
});

describe('line separators', () => {
  it('keeps U+2028/U+2029 in a note and a reply (Azurite refuses them raw inside a transaction)', async () => {
    await pushAll('co-1', clerk, [appeal('E-4')]);
    const esc = await call<EscalationView>(escalationsFunction, {
      token: clerk,
      params: { unitId: 'co-1' },
      body: { appealId: 'E-4', note: '第一行\u2028第二行' },
    });
    expect(esc.status).toBe(201);
    expect(esc.body).toMatchObject({ appealId: 'E-4', note: '第一行\u2028第二行' });
    const r = await reply('E-4', '答复\u2029完');
    expect(r.status).toBe(200);
    expect(r.body.replies.map((x) => x.text)).toEqual(['答复\u2029完']);
  });
});

describe('audit entries commit with their change', () => {
  it('an escalation exists iff its audit entry does', async () => {
    const { store } = env.services;
    failAuditWrites();
    const failed = await escalate('E-3');
    vi.restoreAllMocks();
    expect(failed.status).toBe(500);
    const sent = (await store.escalations.list('co-1')).filter((e) => e.appealId === 'E-3');
    const seen = (await store.escalations.list('grp')).filter((e) => e.appealId === 'E-3');
    const audited = (await store.audit.list('co-1')).filter(
      (a) => a.action === 'escalation.create' && (a.detail as { appealId: string }).appealId === 'E-3',
    );
    expect([sent.length, seen.length, audited.length]).toEqual([0, 0, 0]);
    expect((await escalate('E-3')).status).toBe(201);
    const after = (await store.audit.list('co-1')).filter(
      (a) => a.action === 'escalation.create' && (a.detail as { appealId: string }).appealId === 'E-3',
    );
    expect(after).toHaveLength(1);
  });

  it('a reply exists iff its audit entry does', async () => {
    const { store } = env.services;
    const count = async () =>
      (await store.escalations.list('grp')).find((e) => e.appealId === 'E-3')?.replies.length ?? 0;
    failAuditWrites();
    expect((await reply('E-3', '失败的答复')).status).toBe(500);
    vi.restoreAllMocks();
    expect(await count()).toBe(0);
    expect(
      (await store.audit.list('grp')).filter(
        (a) => a.action === 'escalation.reply' && (a.detail as { appealId: string }).appealId === 'E-3',
      ),
    ).toHaveLength(0);
  });

  it('a unit configuration change exists iff its audit entry does', async () => {
    const { store } = env.services;
    const admin = await tokenFor('admin', ['*']);
    const put = (name: string) =>
      call(unitConfigFunction, { token: admin, params: { unitId: 'co-1' }, body: { name } });
    failAuditWrites();
    expect((await put('改名失败')).status).toBe(500);
    vi.restoreAllMocks();
    expect((await store.units.get('co-1'))?.name).toBe('甲公司');
    expect((await store.audit.list('co-1')).filter((a) => a.action === 'unit.configure')).toHaveLength(0);
    expect((await put('甲公司工会')).status).toBe(200);
    expect((await store.units.get('co-1'))?.name).toBe('甲公司工会');
    const audited = (await store.audit.list('co-1')).filter((a) => a.action === 'unit.configure');
    expect(audited.map((a) => (a.detail as { name: string }).name)).toEqual(['甲公司工会']);
    // The unit list still holds units only, not their audit entries.
    expect((await store.units.list()).map((u) => u.unitId).sort()).toEqual(['co-1', 'grp']);
  });
});

describe('an escalation row an older build wrote', () => {
  it('lists even when its replies property cannot be read', async () => {
    await pushAll('co-1', clerk, [appeal('E-9')]);
    expect((await escalate('E-9')).status).toBe(201);
    const tables = openTables(env.azurite.connectionString, 't');
    const rows: { partitionKey?: string; rowKey?: string; appealId?: string }[] = [];
    for await (const e of tables.escalations.listEntities<{ appealId?: string }>()) rows.push(e);
    const mine = rows.filter((e) => String(e.appealId ?? '').includes('E-9'));
    expect(mine.length).toBeGreaterThan(0);
    for (const e of mine)
      await tables.escalations.updateEntity(
        { partitionKey: String(e.partitionKey), rowKey: String(e.rowKey), replies: '[{"at":' },
        'Merge',
      );
    const seen = (await env.services.store.escalations.list('grp')).find((e) => e.appealId === 'E-9');
    expect(seen?.replies).toEqual([]);
  });
});
