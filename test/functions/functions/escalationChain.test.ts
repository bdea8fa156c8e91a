// Issue 13: "本级解决不了的，可向上一级工会和企业行政逐级报送，直至合理解决" (the handbook; docs/domain.md, "The mechanism in one paragraph":
// 分级负责制): a parent replies to, accepts (into its own register) or passes on one level further up
// an escalation, any number of levels; replies from above come back down every level to the origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EscalationView,
  forwardedAppealId,
  SCHEMA_VERSION,
  type SyncResponse,
  escalationSchemaFor,
  checkWire,
} from '../../../shared';
import { escalationsFunction } from '../../../functions/src/functions/escalations';
import { syncFunction } from '../../../functions/src/functions/sync';
import { appealRecord as appeal, pushAll } from '../fixtures';
import { call, startEnv, tokenFor, type TestEnv } from '../support';

let env: TestEnv;
const tokens: Record<string, string> = {};

// ws (workshop) → co (company) → grp (group) → hq (holding): three levels above the origin.
beforeAll(async () => {
  env = await startEnv();
  const { store } = env.services;
  await store.units.configure('hq', { name: '控股工会' });
  await store.units.configure('grp', { name: '集团工会', parentId: 'hq' });
  await store.units.configure('co', { name: '甲公司工会', parentId: 'grp' });
  await store.units.configure('ws', { name: '一车间', parentId: 'co' });
  await store.units.configure('ws2', { name: '二车间', parentId: 'co' });
  for (const u of ['hq', 'grp', 'co', 'ws', 'ws2']) tokens[u] = await tokenFor('clerk', [u]);
  await pushAll('ws', tokens.ws as string, [appeal('A-1'), appeal('A-2'), appeal('A-3')]);
  // Another workshop uses the same 编号: passed up, the two must stay apart.
  await pushAll('ws2', tokens.ws2 as string, [appeal('A-1')]);
});
afterAll(() => env.stop());

const act = (unit: string, body: unknown) =>
  call<EscalationView>(escalationsFunction, {
    token: tokens[unit] as string,
    params: { unitId: unit },
    body,
  });
const listOf = async (unit: string, appealId: string, direction: 'in' | 'out', from?: string) =>
  (await env.services.store.escalations.list(unit)).find(
    (e) => e.appealId === appealId && e.direction === direction && (!from || e.fromUnit === from),
  );

describe('the wire', () => {
  it('reads each action by its key and keeps the old bodies valid', () => {
    expect(checkWire(escalationSchemaFor({ appealId: 'A-1' }), { appealId: 'A-1' }).ok).toBe(true);
    const accept = { accept: { fromUnit: 'ws', appealId: 'A-1', acceptedAs: 'C-9' } };
    expect(checkWire(escalationSchemaFor(accept), accept).ok).toBe(true);
    const forward = { forward: { fromUnit: 'co', appealId: 'ws/A-1', note: '请集团协调' } };
    expect(checkWire(escalationSchemaFor(forward), forward).ok).toBe(true);
    const bad = { accept: { fromUnit: 'ws', appealId: 'A-1' } };
    expect(checkWire(escalationSchemaFor(bad), bad)).toMatchObject({
      ok: false,
      problems: [{ path: 'accept.acceptedAs' }],
    });
  });
});

describe('passing an escalation up level by level', () => {
  it('forwards ws → co → grp → hq, hq replies, and the reply reaches every level down to the workshop', async () => {
    expect((await act('ws', { appealId: 'A-1', note: '车间无法解决' })).status).toBe(201);
    expect((await act('ws2', { appealId: 'A-1' })).status).toBe(201);
    const f1 = await act('co', { forward: { fromUnit: 'ws', appealId: 'A-1', note: '公司无法协调' } });
    expect(f1.status).toBe(201);
    expect(f1.body).toMatchObject({ status: 'forwarded', forwardedTo: 'grp', direction: 'in' });
    const id = forwardedAppealId({ unitId: 'ws', appealId: 'A-1' });
    const atGrp = await listOf('grp', id, 'in');
    expect(atGrp).toMatchObject({
      fromUnit: 'co',
      status: 'open',
      note: '公司无法协调',
      origin: { unitId: 'ws', appealId: 'A-1' },
      chain: ['ws', 'co', 'grp'],
    });
    expect(atGrp?.snapshot.id).toBe('A-1');
    expect((await act('grp', { forward: { fromUnit: 'co', appealId: id } })).status).toBe(201);
    const atHq = await listOf('hq', id, 'in');
    expect(atHq).toMatchObject({ fromUnit: 'grp', chain: ['ws', 'co', 'grp', 'hq'] });
    // ws2's A-1 is its own escalation at co, untouched by ws's.
    expect(await listOf('co', 'A-1', 'in')).toBeDefined();
    expect(
      (await env.services.store.escalations.list('co'))
        .filter((e) => e.direction === 'in')
        .map((e) => e.fromUnit),
    ).toEqual(expect.arrayContaining(['ws', 'ws2']));

    const r = await act('hq', { reply: { fromUnit: 'grp', appealId: id, text: '控股已协调解决' } });
    expect(r.status).toBe(200);
    for (const [unit, appealId, direction] of [
      ['hq', id, 'in'],
      ['grp', id, 'out'],
      ['grp', id, 'in'],
      ['co', id, 'out'],
      ['co', 'A-1', 'in'],
    ] as const) {
      const v = await listOf(
        unit,
        appealId,
        direction,
        unit === 'co' && direction === 'in' ? 'ws' : undefined,
      );
      expect(v?.status, `${unit} ${direction}`).toBe('replied');
      expect(v?.replies.map((x) => x.text)).toEqual(['控股已协调解决']);
    }
    // The workshop pulls it on its next sync, naming the unit that answered.
    const pulled = await call<SyncResponse>(syncFunction, {
      token: tokens.ws as string,
      params: { unitId: 'ws' },
      body: { schemaVersion: SCHEMA_VERSION, cursor: '999999' },
    });
    const out = pulled.body.escalations.find((e) => e.appealId === 'A-1');
    expect(out).toMatchObject({ direction: 'out', status: 'replied', forwardedTo: 'grp' });
    expect(out?.replies).toEqual([expect.objectContaining({ text: '控股已协调解决', unit: 'hq' })]);
    expect((await listOf('co', 'A-1', 'in', 'ws'))?.replies[0]?.unit).toBe('hq');
    // Each level relayed with an audit entry of its own; ws2's escalation heard nothing.
    const coAudit = await env.services.store.audit.list('co');
    expect(coAudit.filter((a) => a.action === 'escalation.relay.reply')).toHaveLength(1);
    expect(coAudit.filter((a) => a.action === 'escalation.forward')).toHaveLength(1);
    expect((await env.services.store.escalations.list('ws2'))[0]?.status).toBe('open');
  });

  it('an acceptance above shows at every level below with the new 编号', async () => {
    expect((await act('ws', { appealId: 'A-2' })).status).toBe(201);
    expect((await act('co', { forward: { fromUnit: 'ws', appealId: 'A-2' } })).status).toBe(201);
    const id = forwardedAppealId({ unitId: 'ws', appealId: 'A-2' });
    const a = await act('grp', {
      accept: { fromUnit: 'co', appealId: id, acceptedAs: 'G-2026-007', note: '集团受理' },
    });
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ status: 'accepted', acceptedAs: 'G-2026-007', acceptedBy: 'grp' });
    const child = await listOf('ws', 'A-2', 'out');
    expect(child).toMatchObject({ status: 'accepted', acceptedAs: 'G-2026-007', acceptedBy: 'grp' });
    expect(child?.replies).toEqual([expect.objectContaining({ text: '集团受理', unit: 'grp' })]);
    // Accepted: it can no longer be passed further up.
    const again = await act('grp', { forward: { fromUnit: 'co', appealId: id } });
    expect(again.status).toBe(409);
    expect(
      (await env.services.store.audit.list('grp')).filter((x) => x.action === 'escalation.accept'),
    ).toHaveLength(1);
  });

  it('a unit acts only on escalations addressed to it', async () => {
    expect((await act('ws', { appealId: 'A-3' })).status).toBe(201);
    // grp is not the receiver of ws's A-3: nothing to accept in grp's own partition.
    expect((await act('grp', { accept: { fromUnit: 'ws', appealId: 'A-3', acceptedAs: 'X' } })).status).toBe(
      404,
    );
    // A clerk of ws cannot act for co (scope).
    const r = await call(escalationsFunction, {
      token: tokens.ws as string,
      params: { unitId: 'co' },
      body: { forward: { fromUnit: 'ws', appealId: 'A-3' } },
    });
    expect(r.status).toBe(403);
    // The top of the tree has no parent to pass it to.
    const atHq = forwardedAppealId({ unitId: 'ws', appealId: 'A-1' });
    expect((await act('hq', { forward: { fromUnit: 'grp', appealId: atHq } })).status).toBe(409);
    // Once passed on, the unit above decides: no acceptance here.
    expect((await act('co', { forward: { fromUnit: 'ws', appealId: 'A-3' } })).status).toBe(201);
    expect((await act('co', { accept: { fromUnit: 'ws', appealId: 'A-3', acceptedAs: 'C-1' } })).status).toBe(
      409,
    );
  });
});
