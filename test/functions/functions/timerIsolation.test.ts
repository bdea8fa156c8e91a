import { InvocationContext } from '@azure/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushRecord } from '../../../shared';
import { sealChannels } from '../../../functions/src/delivery/channels';
import { aggregateTimer } from '../../../functions/src/functions/aggregateTimer';
import { remindersTimer } from '../../../functions/src/functions/remindersTimer';
import { retentionTimer } from '../../../functions/src/functions/retentionTimer';
import type { Services } from '../../../functions/src/services';
import { robotAccepts, startEnv, startLoopback, tokenFor, type Loopback, type TestEnv } from '../support';
import {
  appealRecord,
  CLOSED_IN_MARCH_2025,
  KEEP_APPEALS_SIX_MONTHS,
  pushAll,
  surveyRecord,
} from '../fixtures';

// Issue 10: "A failing unit must not stop the retention and aggregate timers for the others".
// Three units on the real store (Azurite); the middle one's record reads fail, injected on top of
// the real store the way a malformed row or a storage error would make them fail.

const BAD = 'iso-b';
const UNITS = ['iso-a', BAD, 'iso-c'];
let env: TestEnv;
let robot: Loopback;
let base: string;
const hits: string[] = [];

/** The real services, except that every record read of BAD fails. */
function failingFor(services: Services, unit: string): Services {
  const records = new Proxy(services.store.records, {
    get(target, name, receiver) {
      const real = Reflect.get(target, name, receiver) as unknown;
      if (typeof real !== 'function') return real;
      return (...args: unknown[]) =>
        args[0] === unit
          ? Promise.reject(new Error(`stored data of ${unit} is malformed`))
          : (real as (...a: unknown[]) => unknown).apply(target, args);
    },
  });
  return { ...services, store: { ...services.store, records } };
}

const logged: string[] = [];
const ctx = () =>
  new InvocationContext({
    functionName: 'timer',
    logHandler: (level, ...args) => {
      if (level === 'error') logged.push(args.map(String).join(' '));
    },
  });

const closedLongAgo = (id: string): PushRecord =>
  appealRecord(id, { content: '宿舍热水', ...CLOSED_IN_MARCH_2025 });
const dueToday = (id: string): PushRecord =>
  appealRecord(id, {
    content: '班车',
    receivedOn: '2026-03-02',
    handling: '部门直接办理',
    department: '后勤部',
    dueOn: '2026-03-20',
  });

beforeAll(async () => {
  env = await startEnv('2026-03-31T00:30:00Z');
  robot = await startLoopback((req, res) => {
    hits.push(new URL(req.url ?? '/', 'http://x').pathname);
    req.resume();
    req.on('end', () => robotAccepts(res));
  });
  base = robot.base;
  for (const unit of UNITS) {
    await env.services.store.units.configure(unit, {
      name: `单位${unit}`,
      channels: await sealChannels(
        [{ id: 'wx', kind: 'wecom', url: `${base}/${unit}?key=k` }],
        'channels',
        env.services.webhooks,
      ),
    });
    await pushAll(unit, await tokenFor('clerk', [unit]), [
      KEEP_APPEALS_SIX_MONTHS,
      closedLongAgo(`${unit}-old`),
      surveyRecord(`${unit}-s`, `${unit}-old`),
      dueToday(`${unit}-due`),
    ]);
  }
});
afterAll(async () => {
  await robot.close();
  await env.stop();
});

describe('one failing unit', () => {
  it('does not stop the aggregate timer: the others get their figures, the failure is logged and reported', async () => {
    logged.length = 0;
    const outcome = (await aggregateTimer.run(failingFor(env.services, BAD), ctx())) as {
      periods: string[];
      failed: { unitId: string; error: string }[];
    };
    expect(outcome.failed.map((f) => f.unitId)).toEqual([BAD]);
    expect(outcome.failed[0]?.error).toContain('malformed');
    for (const unit of ['iso-a', 'iso-c'])
      for (const p of outcome.periods)
        expect(await env.services.store.summaries.get(unit, p), `${unit} ${p}`).not.toBeNull();
    expect(await env.services.store.summaries.get(BAD, outcome.periods[0] as string)).toBeNull();
    expect(logged.some((l) => l.includes(BAD))).toBe(true);
  });

  it('does not stop the retention timer: the others are purged, the failure is logged and reported', async () => {
    logged.length = 0;
    const outcome = (await retentionTimer.run(failingFor(env.services, BAD), ctx())) as {
      purged: { unitId: string; appeals: number }[];
      failed: { unitId: string }[];
    };
    expect(outcome.purged).toEqual([
      { unitId: 'iso-a', appeals: 1, records: 2 },
      { unitId: 'iso-c', appeals: 1, records: 2 },
    ]);
    expect(outcome.failed.map((f) => f.unitId)).toEqual([BAD]);
    for (const unit of ['iso-a', 'iso-c'])
      expect(await env.services.store.records.get(unit, 'appeals', `${unit}-old`)).toMatchObject({
        purged: true,
      });
    expect(await env.services.store.records.get(BAD, 'appeals', `${BAD}-old`)).toMatchObject({
      purged: false,
    });
    expect(logged.some((l) => l.includes(BAD))).toBe(true);
  });

  it('does not stop the reminders timer, and is reported', async () => {
    logged.length = 0;
    hits.length = 0;
    const outcome = (await remindersTimer.run(failingFor(env.services, BAD), ctx())) as {
      units: { unitId: string; sent: number; failed: number; error?: string }[];
      failed: { unitId: string }[];
    };
    expect(
      outcome.failed.map((f) => f.unitId),
      JSON.stringify(outcome),
    ).toEqual([BAD]);
    // The others' reminders were computed and posted to their robots; the failing unit's were not.
    expect([...new Set(hits)].sort()).toEqual(['/iso-a', '/iso-c']);
    expect(outcome.units.filter((u) => u.sent > 0).map((u) => u.unitId)).toEqual(['iso-a', 'iso-c']);
    expect(logged.some((l) => l.includes(BAD))).toBe(true);
  });
});
