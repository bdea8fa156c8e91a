// Issue 13: "Reminders for escalations waiting on a reply at each level." An escalation waits on the
// unit it reached, due within that unit's 部门反馈期限 (reportWithinDays, the handbook's 3 working
// days) from the day it arrived; once passed further up, the level above waits, not this one.
import { InvocationContext } from '@azure/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forwardedAppealId, type EscalationView, type RemindersResponse } from '../../../shared';
import { sealChannels } from '../../../functions/src/delivery/channels';
import { escalationsFunction } from '../../../functions/src/functions/escalations';
import { remindersFunction } from '../../../functions/src/functions/reminders';
import { remindersTimer } from '../../../functions/src/functions/remindersTimer';
import { appealRecord as appeal, pushAll } from '../fixtures';
import {
  call,
  robotAccepts,
  startEnv,
  startLoopback,
  tokenFor,
  type Loopback,
  type TestEnv,
} from '../support';

let env: TestEnv;
let robot: Loopback;
const posted: string[] = [];
const tokens: Record<string, string> = {};

beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in China.
  env = await startEnv('2026-03-02T01:00:00Z');
  robot = await startLoopback((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      posted.push(body);
      robotAccepts(res);
    });
  });
  const { store } = env.services;
  await store.units.configure('grp', {
    name: '集团工会',
    channels: await sealChannels(
      [{ id: 'wx', kind: 'wecom', url: `${robot.base}/wecom` }],
      'channels',
      env.services.webhooks,
    ),
  });
  await store.units.configure('co', { name: '甲公司工会', parentId: 'grp' });
  await store.units.configure('ws', { name: '一车间', parentId: 'co' });
  for (const u of ['grp', 'co', 'ws']) tokens[u] = await tokenFor('clerk', [u]);
  await pushAll('ws', tokens.ws as string, [appeal('W-1'), appeal('W-2')]);
});
afterAll(async () => {
  await robot.close();
  await env.stop();
});

const act = (unit: string, body: unknown) =>
  call<EscalationView>(escalationsFunction, {
    token: tokens[unit] as string,
    params: { unitId: unit },
    body,
  });
const waiting = async (unit: string) =>
  (
    await call<RemindersResponse>(remindersFunction, {
      token: tokens[unit] as string,
      params: { unitId: unit },
    })
  ).body.reminders.filter((r) => r.kind === 'escalationWaiting');

describe('escalations waiting on an answer', () => {
  it('remind each level from the day it arrived, until answered or passed on', async () => {
    expect((await act('ws', { appealId: 'W-1' })).status).toBe(201);
    expect((await act('ws', { appealId: 'W-2' })).status).toBe(201);
    // Sent Monday 2 March: due Thursday 5 March (3 working days), reminded from 2 working days before.
    expect(await waiting('co')).toEqual([]);
    env.setNow('2026-03-04T01:00:00Z');
    const soon = await waiting('co');
    expect(soon.map((r) => [r.appealId, r.status, r.due, r.fromUnit])).toEqual([
      ['W-1', 'dueSoon', '2026-03-05', 'ws'],
      ['W-2', 'dueSoon', '2026-03-05', 'ws'],
    ]);
    expect(soon[0]?.message.zh).toContain('W-1');
    // co answers W-2 and passes W-1 on: co waits on nothing, grp waits on W-1 from 4 March.
    expect((await act('co', { reply: { fromUnit: 'ws', appealId: 'W-2', text: '已协调' } })).status).toBe(
      200,
    );
    expect((await act('co', { forward: { fromUnit: 'ws', appealId: 'W-1' } })).status).toBe(201);
    env.setNow('2026-03-10T01:00:00Z');
    expect(await waiting('co')).toEqual([]);
    const atGrp = await waiting('grp');
    expect(atGrp.map((r) => [r.appealId, r.status, r.due, r.fromUnit])).toEqual([
      ['W-1', 'overdue', '2026-03-09', 'co'],
    ]);
    expect(atGrp[0]?.key).toBe('escalationWaiting|ws|W-1|2026-03-09');
    // The daily timer posts it to grp's robot.
    await remindersTimer.run(
      env.services,
      new InvocationContext({ functionName: 'reminders', logHandler: () => {} }),
    );
    expect(posted.some((b) => b.includes('W-1') && b.includes('2026-03-09'))).toBe(true);
    // Answered at grp: nobody waits any more.
    const id = forwardedAppealId({ unitId: 'ws', appealId: 'W-1' });
    expect((await act('grp', { reply: { fromUnit: 'co', appealId: id, text: '集团已答复' } })).status).toBe(
      200,
    );
    expect(await waiting('grp')).toEqual([]);
  });
});
