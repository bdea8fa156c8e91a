// Issue 10: every endpoint checks its body or query against the wire schema (shared/wire/schema.ts).
// Identity numbers typed into free text (an escalation note, a reply, a unit's name) are refused with
// 400 identity-in-text naming the field; malformed text (lone surrogates) with 400 invalid-body.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiError, type EscalationView, SCHEMA_VERSION, type SyncResponse } from '../../../shared';
import { escalationsFunction } from '../../../functions/src/functions/escalations';
import { remindersFunction } from '../../../functions/src/functions/reminders';
import { summaryFunction } from '../../../functions/src/functions/summary';
import { syncFunction } from '../../../functions/src/functions/sync';
import { unitConfigFunction } from '../../../functions/src/functions/unitConfig';
import { call, refused, startEnv, tokenFor, type TestEnv } from '../support';

let env: TestEnv;
let clerk: string;
let chair: string;
let admin: string;
const APPEAL = '2025-001';

beforeAll(async () => {
  env = await startEnv();
  await env.services.store.units.configure('grp', { name: '集团工会' });
  await env.services.store.units.configure('co', { name: '甲公司', parentId: 'grp' });
  clerk = await tokenFor('clerk', ['co']);
  chair = await tokenFor('chair', ['grp']);
  admin = await tokenFor('admin', ['*']);
  const pushed = await call<SyncResponse>(syncFunction, {
    token: clerk,
    params: { unitId: 'co' },
    body: {
      schemaVersion: SCHEMA_VERSION,
      records: [
        {
          register: 'appeals',
          key: APPEAL,
          changeId: 'c1',
          baseRevision: null,
          values: {
            id: APPEAL,
            intakeMethod: '电话',
            receivedOn: '2025-05-06',
            category: '生活保障类',
            content: '热水',
          },
        },
      ],
    },
  });
  expect(pushed.status).toBe(200);
});
afterAll(() => env.stop());

const escalate = (body: unknown, token = clerk, unitId = 'co') =>
  call<EscalationView & ApiError>(escalationsFunction, { token, params: { unitId }, body });

describe('POST /api/units/{unitId}/escalations', () => {
  it('refuses identity numbers in the note and in a reply with 400 identity-in-text', async () => {
    refused(
      await escalate({ appealId: APPEAL, note: '诉求人电话 010-12345678' }),
      'note',
      'identity-in-text',
    );
    refused(
      await escalate({ appealId: APPEAL, note: '身份证 110101199003071234' }),
      'note',
      'identity-in-text',
    );
    expect(await env.services.store.escalations.list('grp')).toEqual([]);
    expect((await escalate({ appealId: APPEAL, note: '本级无法协调' })).status).toBe(201);
    refused(
      await escalate(
        { reply: { fromUnit: 'co', appealId: APPEAL, text: '请联系 13912345678' } },
        chair,
        'grp',
      ),
      'reply.text',
      'identity-in-text',
    );
    const [view] = await env.services.store.escalations.list('grp');
    expect(view?.replies ?? []).toEqual([]);
  });

  it('refuses malformed notes and replies with invalid-body naming the field', async () => {
    refused(await escalate({ appealId: APPEAL, note: 'x\udfff' }), 'note');
    refused(await escalate({ appealId: APPEAL, note: '长'.repeat(2001) }), 'note');
    refused(await escalate({ appealId: APPEAL, extra: 1 }), 'extra');
    refused(await escalate({ note: 'x' }), 'appealId');
    refused(await escalate([1]), '$');
    refused(
      await escalate({ reply: { fromUnit: 'co/x', appealId: APPEAL, text: '好' } }, chair, 'grp'),
      'reply.fromUnit',
    );
    refused(
      await escalate({ reply: { fromUnit: 'co', appealId: APPEAL, text: '' } }, chair, 'grp'),
      'reply.text',
    );
  });

  it('accepts U+2028 in a note as text', async () => {
    const r = await escalate({ appealId: APPEAL, note: '第一行\u2028第二行' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.note).toBe('第一行\u2028第二行');
  });
});

describe('PUT /api/units/{unitId}/config', () => {
  const put = (body: unknown) =>
    call<ApiError>(unitConfigFunction, { token: admin, params: { unitId: 'co' }, body });

  it('refuses a mobile number in the unit name with 400 identity-in-text at `name`', async () => {
    refused(await put({ name: '甲公司 联系人13812345678' }), 'name', 'identity-in-text');
    expect((await env.services.store.units.get('co'))?.name).toBe('甲公司');
  });

  it('refuses unknown fields, bad parents and over-long names with invalid-body', async () => {
    refused(await put({ nickname: 'x' }), 'nickname');
    refused(await put({ parentId: 'a b' }), 'parentId');
    refused(await put({ name: '名'.repeat(101) }), 'name');
    expect((await put({ name: '甲公司工会' })).status).toBe(200);
  });
});

describe('GET queries', () => {
  it('summary: refuses a bad year, a bad quarter and unknown parameters, naming each', async () => {
    const summary = (query: Record<string, string>) =>
      call<ApiError>(summaryFunction, { token: admin, params: { orgId: 'grp' }, query });
    refused(await summary({ year: 'abc' }), 'year');
    refused(await summary({}), 'year');
    refused(await summary({ year: '2025', quarter: '5' }), 'quarter');
    refused(await summary({ year: '2025', extra: '1' }), 'extra');
    expect((await summary({ year: '2025', quarter: '' })).status).toBe(200);
  });

  it('reminders: refuses unknown parameters', async () => {
    const r = await call<ApiError>(remindersFunction, {
      token: clerk,
      params: { unitId: 'co' },
      query: { since: 'x' },
    });
    refused(r, 'since');
  });
});
