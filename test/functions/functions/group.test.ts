import { InvocationContext } from '@azure/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppealCase,
  appealReminders,
  buildCases,
  computeFigures,
  DEFAULT_SETTINGS,
  defaultCalendar,
  type EscalationView,
  type Figures,
  type Period,
  type RemindersResponse,
  SCHEMA_VERSION,
  type SummaryResponse,
  type SyncResponse,
  unitReminders,
} from '../../../shared';
import { aggregateTimer } from '../../../functions/src/functions/aggregateTimer';
import { escalationsFunction } from '../../../functions/src/functions/escalations';
import { remindersFunction } from '../../../functions/src/functions/reminders';
import { summaryFunction } from '../../../functions/src/functions/summary';
import { syncFunction } from '../../../functions/src/functions/sync';
import { openChannel } from '../../../functions/src/delivery/channels';
import { unitConfigFunction } from '../../../functions/src/functions/unitConfig';
import { generateWorkbook, type GeneratedWorkbook } from '../../../addin/demo/generate';
import { pushAll, pushRecords } from '../fixtures';
import { call, startEnv, tokenFor, type TestEnv } from '../support';

let env: TestEnv;
const UNITS = { 'co-a': 11, 'co-b': 22, 'ws-a1': 33 } as const;
const books = new Map<string, GeneratedWorkbook>();
const TODAY = '2026-03-31';

const casesOf = (g: GeneratedWorkbook): AppealCase[] =>
  buildCases(g.appeals, { surveys: g.surveys, tracking: g.tracking, agenda: g.agenda });
const expectedFigures = (cases: AppealCase[], period: Period): Figures =>
  computeFigures(cases, period, { asOf: TODAY, calendar: defaultCalendar, rules: DEFAULT_SETTINGS });
// Rates and counts only: the words beside them are the core's own constants either way.
const counts = (f: Figures) => ({
  received: f.received,
  rates: Object.fromEntries(Object.values(f.rates).map((r) => [r.key, [r.numerator, r.denominator]])),
});

beforeAll(async () => {
  env = await startEnv(`${TODAY}T01:00:00Z`);
  const { store } = env.services;
  await store.units.configure('grp', { name: '集团工会' });
  await store.units.configure('co-a', { name: '甲公司', parentId: 'grp' });
  await store.units.configure('co-b', { name: '乙公司', parentId: 'grp' });
  await store.units.configure('ws-a1', { name: '甲公司一车间', parentId: 'co-a' });
  for (const [unit, seed] of Object.entries(UNITS)) {
    const g = generateWorkbook({ appeals: 56, seed });
    books.set(unit, g);
    await pushAll(unit, await tokenFor('clerk', [unit]), pushRecords(g));
  }
});
afterAll(() => env.stop());

describe('GET /api/orgs/{orgId}/summary', () => {
  it("gives each unit's figures and each subtree's, equal to the core's over the same appeals", async () => {
    const token = await tokenFor('management', ['grp']);
    for (const period of [
      { year: 2025, quarter: 2 },
      { year: 2025, quarter: 0 },
    ] as Period[]) {
      const query: Record<string, string> = period.quarter
        ? { year: '2025', quarter: String(period.quarter) }
        : { year: '2025' };
      const r = await call<SummaryResponse>(summaryFunction, { token, params: { orgId: 'grp' }, query });
      expect(r.status).toBe(200);
      for (const u of r.body.units.filter((x) => x.unitId !== 'grp'))
        expect(counts(u.figures), u.unitId).toEqual(
          counts(expectedFigures(casesOf(books.get(u.unitId) as GeneratedWorkbook), period)),
        );
      const all = [...books.values()].flatMap(casesOf);
      expect(counts(r.body.tree.figures)).toEqual(counts(expectedFigures(all, period)));
      const coA = r.body.tree.children.find((c) => c.unitId === 'co-a');
      const aCases = [
        ...casesOf(books.get('co-a') as GeneratedWorkbook),
        ...casesOf(books.get('ws-a1') as GeneratedWorkbook),
      ];
      expect(counts(coA?.figures as Figures)).toEqual(counts(expectedFigures(aCases, period)));
      expect(r.body.tree.children.find((c) => c.unitId === 'co-a')?.children.map((c) => c.unitId)).toEqual([
        'ws-a1',
      ]);
    }
  });

  it('serves the nightly precomputation until a record changes, then recounts', async () => {
    await aggregateTimer.run(
      env.services,
      new InvocationContext({ functionName: 'aggregate', logHandler: () => {} }),
    );
    expect((await env.services.store.summaries.get('co-b', '2026Q1'))?.asOf).toBe(TODAY);
    const token = await tokenFor('clerk', ['co-b']);
    const g = books.get('co-b') as GeneratedWorkbook;
    const open =
      g.appeals.find(
        (a) => !a.finishedOn && a.receivedOn?.startsWith('2025-0') && a.receivedOn <= '2025-03-31',
      ) ?? g.appeals[0];
    const before = await call<SummaryResponse>(summaryFunction, {
      token,
      params: { orgId: 'co-b' },
      query: { year: '2025', quarter: '1' },
    });
    // A marked copy of the stored tally proves the endpoint reads it while nothing has changed.
    const cached = await env.services.store.summaries.get('co-b', '2025Q1');
    await env.services.store.summaries.put('co-b', '2025Q1', {
      ...(cached as NonNullable<typeof cached>),
      tally: { ...(cached?.tally as NonNullable<typeof cached>['tally']), received: 999 },
    });
    const marked = await call<SummaryResponse>(summaryFunction, {
      token,
      params: { orgId: 'co-b' },
      query: { year: '2025', quarter: '1' },
    });
    expect(marked.body.tree.figures.received).toBe(999);
    const [stored] = (await env.services.store.records.loadAppeal('co-b', open?.id as string)).filter(
      (r) => r.register === 'appeals',
    );
    const finished = {
      ...stored?.values,
      department: '后勤部',
      handling: '部门直接办理',
      finishedOn: '2025-03-28',
    };
    const push = await call<SyncResponse>(syncFunction, {
      token,
      params: { unitId: 'co-b' },
      body: {
        schemaVersion: SCHEMA_VERSION,
        records: [
          {
            register: 'appeals',
            key: open?.id,
            changeId: 'finish-1',
            baseRevision: stored?.revision,
            values: finished,
          },
        ],
      },
    });
    expect(push.body.results[0]?.status).toBe('applied');
    const after = await call<SummaryResponse>(summaryFunction, {
      token,
      params: { orgId: 'co-b' },
      query: { year: '2025', quarter: '1' },
    });
    const closed = (s: SummaryResponse) => s.tree.figures.rates.closedRate.numerator;
    expect(closed(after.body)).toBe(closed(before.body) + 1);
    expect(after.body.tree.figures.received).toBe(before.body.tree.figures.received);
  });

  it('answers 404 for an unknown organisation and 400 for a bad period', async () => {
    const token = await tokenFor('admin', ['*']);
    expect(
      (await call(summaryFunction, { token, params: { orgId: 'nobody' }, query: { year: '2025' } })).status,
    ).toBe(404);
    const bad = await call<{ error: { path: string } }>(summaryFunction, {
      token,
      params: { orgId: 'grp' },
      query: { year: '2025', quarter: '5' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.path).toBe('quarter');
  });
});

describe('reminders and escalation', () => {
  it("lists a unit's reminders as the core computes them", async () => {
    const token = await tokenFor('clerk', ['co-a']);
    const r = await call<RemindersResponse>(remindersFunction, { token, params: { unitId: 'co-a' } });
    const ga = books.get('co-a') as GeneratedWorkbook;
    const expected = [
      ...appealReminders(casesOf(ga), DEFAULT_SETTINGS, defaultCalendar, TODAY),
      ...unitReminders({
        meetings: ga.meetings,
        ledgersBuilt: [],
        settings: DEFAULT_SETTINGS,
        calendar: defaultCalendar,
        today: TODAY,
      }),
    ];
    expect(r.body.today).toBe(TODAY);
    expect(r.body.reminders.map((x) => x.key).sort()).toEqual(expected.map((x) => x.key).sort());
    expect(expected.length).toBeGreaterThan(5);
  });

  it('hands an appeal up: the parent sees it without identity, with its reminders, and the reply comes back', async () => {
    const ga = books.get('co-a') as GeneratedWorkbook;
    const overdue = appealReminders(casesOf(ga), DEFAULT_SETTINGS, defaultCalendar, TODAY).find(
      (x) => x.appealId,
    );
    const appealId = overdue?.appealId as string;
    const original = ga.appeals.find((a) => a.id === appealId);
    const clerk = await tokenFor('clerk', ['co-a']);
    const esc = await call<EscalationView>(escalationsFunction, {
      token: clerk,
      params: { unitId: 'co-a' },
      body: { appealId, note: '本级无法协调' },
    });
    expect(esc.status).toBe(201);
    expect(esc.body).toMatchObject({ fromUnit: 'co-a', toUnit: 'grp', appealId, status: 'open' });
    expect(esc.body.snapshot).not.toHaveProperty('appellant');
    expect(esc.body.snapshot).not.toHaveProperty('phone');
    const chair = await tokenFor('chair', ['grp']);
    const rem = await call<RemindersResponse>(remindersFunction, { token: chair, params: { unitId: 'grp' } });
    const fromChild = rem.body.reminders.filter((x) => x.fromUnit === 'co-a');
    expect(fromChild.map((x) => x.appealId)).toContain(appealId);
    const text = JSON.stringify(rem.body);
    if (original?.appellant && original.appellant !== '匿名') expect(text).not.toContain(original.appellant);
    const pulled = await call<SyncResponse>(syncFunction, {
      token: chair,
      params: { unitId: 'grp' },
      body: { schemaVersion: SCHEMA_VERSION },
    });
    expect(pulled.body.escalations).toMatchObject([{ direction: 'in', fromUnit: 'co-a', appealId }]);
    const reply = await call<EscalationView>(escalationsFunction, {
      token: chair,
      params: { unitId: 'grp' },
      body: { reply: { fromUnit: 'co-a', appealId, text: '集团已协调后勤部' } },
    });
    expect(reply.status).toBe(200);
    const back = await call<SyncResponse>(syncFunction, {
      token: clerk,
      params: { unitId: 'co-a' },
      body: { schemaVersion: SCHEMA_VERSION, cursor: '999999' },
    });
    expect(back.body.escalations).toMatchObject([
      { direction: 'out', status: 'replied', replies: [{ text: '集团已协调后勤部' }] },
    ]);
    const audit = await env.services.store.audit.list('co-a');
    expect(audit.find((a) => a.action === 'escalation.create')?.detail).toMatchObject({
      appealId,
      toUnit: 'grp',
    });
  });

  it('refuses to escalate without a parent or an appeal the cloud has', async () => {
    const admin = await tokenFor('admin', ['*']);
    expect(
      (
        await call(escalationsFunction, {
          token: admin,
          params: { unitId: 'grp' },
          body: { appealId: '2025-001' },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await call(escalationsFunction, {
          token: admin,
          params: { unitId: 'co-a' },
          body: { appealId: 'none' },
        })
      ).status,
    ).toBe(404);
  });
});

describe('PUT /api/units/{unitId}/config', () => {
  it('sets channels (https only, keys masked in the answer), refuses a cycle in the tree, and audits', async () => {
    const token = await tokenFor('admin', ['*']);
    const put = (unitId: string, body: unknown) =>
      call<{ channels: { url: string }[]; error?: { path: string } }>(unitConfigFunction, {
        token,
        params: { unitId },
        body,
      });
    const ok = await put('co-b', {
      channels: [
        { id: 'wx', kind: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRET-KEY' },
      ],
    });
    expect(ok.status).toBe(200);
    expect(JSON.stringify(ok.body)).not.toContain('SECRET-KEY');
    const stored = (await env.services.store.units.get('co-b'))?.channels[0];
    expect(JSON.stringify(stored)).not.toContain('SECRET-KEY');
    expect(stored && (await openChannel(stored, env.services.webhooks)).url).toContain('SECRET-KEY');
    const plain = await put('co-b', {
      channels: [{ id: 'wx', kind: 'wecom', url: 'http://example.com/hook' }],
    });
    expect(plain.body.error?.path).toBe('channels[0].url');
    const cycle = await put('grp', { parentId: 'ws-a1' });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error?.path).toBe('parentId');
    const audit = await env.services.store.audit.list('co-b');
    expect(JSON.stringify(audit.find((a) => a.action === 'unit.configure'))).not.toContain('SECRET-KEY');
  });
});
