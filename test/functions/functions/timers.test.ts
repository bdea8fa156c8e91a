import { createHmac } from 'node:crypto';
import { InvocationContext } from '@azure/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushRecord } from '../../../shared';
import { remindersFor } from '../../../functions/src/domain/reminders';
import { sealChannels } from '../../../functions/src/delivery/channels';
import { remindersTimer } from '../../../functions/src/functions/remindersTimer';
import { retentionTimer } from '../../../functions/src/functions/retentionTimer';
import { appealRecord, KEEP_APPEALS_SIX_MONTHS, pushAll, surveyRecord } from '../fixtures';
import { startEnv, startLoopback, tokenFor, type Loopback, type TestEnv } from '../support';

let env: TestEnv;
let server: Loopback;
let base: string;
const received: { path: string; body: string; query: URLSearchParams }[] = [];
const attempts = new Map<string, number>();
const ctx = () => new InvocationContext({ functionName: 'timer', logHandler: () => {} });

// A loopback robot: each path fails its first attempt (as WeCom/DingTalk do, with HTTP 200 and an
// errcode; Teams with HTTP 500), then accepts; /down always fails.
beforeAll(async () => {
  env = await startEnv('2026-03-31T00:30:00Z');
  server = await startLoopback((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const n = (attempts.get(url.pathname) ?? 0) + 1;
      attempts.set(url.pathname, n);
      received.push({ path: url.pathname, body, query: url.searchParams });
      const fail = n === 1 || url.pathname === '/down';
      if (url.pathname === '/teams') {
        res.writeHead(fail ? 500 : 202);
        return res.end(fail ? 'busy' : '');
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          fail ? { errcode: 45009, errmsg: 'api freq out of limit' } : { errcode: 0, errmsg: 'ok' },
        ),
      );
    });
  });
  base = server.base;
});
afterAll(async () => {
  await server.close();
  await env.stop();
});

const appeal = (id: string, values: Record<string, string>): PushRecord =>
  appealRecord(id, { content: '宿舍热水', ...values });

describe('timer reminders', () => {
  it('delivers to WeCom, DingTalk and Teams, retrying a failed first attempt, once per item per day', async () => {
    const { store } = env.services;
    await store.units.configure('u-r', {
      name: '丙公司',
      channels: await sealChannels(
        [
          { id: 'wx', kind: 'wecom', url: `${base}/wecom?key=k` },
          { id: 'dd', kind: 'dingtalk', url: `${base}/ding?access_token=t`, secret: 'SECabc' },
          { id: 'tm', kind: 'teams', url: `${base}/teams` },
        ],
        'channels',
        env.services.webhooks,
      ),
    });
    await pushAll('u-r', await tokenFor('clerk', ['u-r']), [
      appeal('2026-007', {
        receivedOn: '2026-03-02',
        handling: '部门直接办理',
        department: '后勤部',
        dueOn: '2026-03-20',
      }),
    ]);
    const first = (await remindersTimer.run(env.services, ctx())) as {
      units: { sent: number; failed: number }[];
    };
    expect(first.units[0]?.failed).toBe(0);
    expect(attempts.get('/wecom')).toBe(2);
    expect(attempts.get('/ding')).toBe(2);
    expect(attempts.get('/teams')).toBe(2);
    const wecom = JSON.parse(received.filter((r) => r.path === '/wecom').at(-1)?.body ?? '{}');
    expect(wecom.markdown.content).toContain('2026-007');
    expect(wecom.markdown.content).toContain('后勤部');
    const ding = received.filter((r) => r.path === '/ding').at(-1);
    const ts = ding?.query.get('timestamp') ?? '';
    expect(ding?.query.get('sign')).toBe(
      createHmac('sha256', 'SECabc').update(`${ts}\nSECabc`).digest('base64'),
    );
    const records = await store.deliveries.list('u-r', '2026-03-31', 'wx');
    expect([...records.values()].every((d) => d.status === 'sent' && d.attempts === 2)).toBe(true);
    expect([...records.keys()]).toContain('handling|2026-007|2026-03-20');
    // The same day again: nothing is sent twice.
    const before = received.length;
    await remindersTimer.run(env.services, ctx());
    expect(received.length).toBe(before);
    // The next day the items are due again.
    env.setNow('2026-04-01T00:30:00Z');
    await remindersTimer.run(env.services, ctx());
    expect(received.length).toBe(before + 3);
    env.setNow('2026-03-31T00:30:00Z');
  });

  it('records a channel that keeps failing, and retries it on the next run', async () => {
    const { store } = env.services;
    await store.units.configure('u-down', {
      name: '丁公司',
      channels: await sealChannels(
        [{ id: 'x', kind: 'wecom', url: `${base}/down` }],
        'channels',
        env.services.webhooks,
      ),
    });
    await pushAll('u-down', await tokenFor('clerk', ['u-down']), [
      appeal('2026-100', {
        receivedOn: '2026-03-02',
        handling: '部门直接办理',
        department: '财务部',
        dueOn: '2026-03-10',
      }),
    ]);
    await remindersTimer.run(env.services, ctx());
    const failed = [...(await store.deliveries.list('u-down', '2026-03-31', 'x')).values()];
    expect(failed.length).toBeGreaterThan(0);
    expect(
      failed.every((d) => d.status === 'failed' && d.attempts === 3 && d.lastError.includes('45009')),
    ).toBe(true);
    const before = attempts.get('/down') ?? 0;
    await remindersTimer.run(env.services, ctx());
    expect(attempts.get('/down')).toBe(before + 3);
  });
});

describe('a long list', () => {
  it('lists the 50 most urgent items per channel and day and counts the rest in one line', async () => {
    const { store } = env.services;
    await store.units.configure('u-many', {
      name: '己公司',
      channels: await sealChannels(
        [{ id: 'wx', kind: 'wecom', url: `${base}/many` }],
        'channels',
        env.services.webhooks,
      ),
    });
    const appeals = Array.from({ length: 60 }, (_, i) =>
      appeal(`M-${String(i).padStart(2, '0')}`, {
        receivedOn: '2026-03-02',
        handling: '部门直接办理',
        department: '后勤部',
        dueOn: '2026-03-10',
      }),
    );
    await pushAll('u-many', await tokenFor('clerk', ['u-many']), appeals);
    const total = (await remindersFor(store, 'u-many', '2026-03-31')).length;
    await remindersTimer.run(env.services, ctx());
    const sent = [...(await store.deliveries.list('u-many', '2026-03-31', 'wx')).values()];
    expect(sent.filter((d) => d.status === 'sent')).toHaveLength(50);
    const text = received
      .filter((r) => r.path === '/many')
      .map((r) => (JSON.parse(r.body) as { markdown: { content: string } }).markdown.content)
      .at(-1);
    expect(text).toContain(`另有 ${total - 50} 项`);
  });
});

describe('timer retention', () => {
  it('purges appeals archived past the retention period with their rows and escalations, and audits it', async () => {
    const { store } = env.services;
    await store.units.configure('u-old', { name: '戊公司', parentId: 'grp' });
    const done = { handling: '部门直接办理', department: '后勤部', dueOn: '2025-03-20', toldHow: '电话' };
    await pushAll('u-old', await tokenFor('clerk', ['u-old']), [
      KEEP_APPEALS_SIX_MONTHS,
      appeal('A-old', {
        ...done,
        receivedOn: '2025-03-03',
        finishedOn: '2025-03-10',
        reportedOn: '2025-03-11',
        toldOn: '2025-03-12',
      }),
      surveyRecord('s-old', 'A-old'),
      {
        register: 'tracking',
        key: 't-old',
        changeId: 't-old',
        baseRevision: null,
        values: { appealId: 'A-old', trackedOn: '2025-03-05', status: '正在进行中' },
      },
      appeal('A-recent', {
        ...done,
        receivedOn: '2025-11-03',
        finishedOn: '2025-11-10',
        reportedOn: '2025-11-11',
        toldOn: '2025-11-12',
      }),
      surveyRecord('s-recent', 'A-recent', '2025-11-14'),
      appeal('A-open', { receivedOn: '2024-05-06' }),
      appeal('A-unreported', { ...done, receivedOn: '2025-01-06', finishedOn: '2025-01-10' }),
    ]);
    await store.escalations.put({
      fromUnit: 'u-old',
      toUnit: 'grp',
      appealId: 'A-old',
      snapshot: {},
      note: '',
      at: '2025-03-06T00:00:00Z',
    });
    const outcome = (await retentionTimer.run(env.services, ctx())) as {
      purged: { unitId: string; appeals: number; records: number }[];
    };
    expect(outcome.purged).toEqual([{ unitId: 'u-old', appeals: 1, records: 3 }]);
    const left = (await store.records.load('u-old')).map((r) => `${r.register}|${r.key}`).sort();
    expect(left).toEqual([
      'appeals|A-open',
      'appeals|A-recent',
      'appeals|A-unreported',
      'settings|诉求保存期限（月）',
      'surveys|s-recent',
    ]);
    const tomb = await store.records.get('u-old', 'appeals', 'A-old');
    expect(tomb).toMatchObject({ deleted: true, purged: true, values: {} });
    expect(await store.escalations.list('grp')).toEqual([]);
    const audit = await store.audit.list('u-old');
    const summary = audit.find((a) => a.action === 'retention.summary');
    expect(summary?.detail).toMatchObject({ retentionMonths: 6, appealIds: ['A-old'], records: 3 });
    const purge = audit.find((a) => a.action === 'retention.purge');
    expect(purge).toMatchObject({ actor: 'system:retention' });
    expect((purge?.detail as { target: string }[]).map((d) => d.target).sort()).toEqual([
      'appeals|A-old',
      'surveys|s-old',
      'tracking|t-old',
    ]);
    // A second run the same day finds nothing more to purge.
    expect(((await retentionTimer.run(env.services, ctx())) as { purged: unknown[] }).purged).toEqual([]);
  });
});
