/**
 * npm run bench:group (issue 13, scale): a group of 200 units (the group union, 10 companies, 189
 * workshops under them) with 25 appeals each, on Azurite through the local functions host. Runs the
 * aggregate timer on every unit, times GET /api/orgs/{grp}/summary over loopback (p50/p95; target
 * p95 < 300 ms), then changes records in 10 units and times the timer again, and once more with
 * nothing changed: its time should follow the changed units, not all records. Prints JSON lines.
 */
import { performance } from 'node:perf_hooks';
import { InvocationContext } from '@azure/functions';
import {
  chinaDay,
  appealRegister,
  previousQuarter,
  quarterOf,
  type SummaryResponse,
  stripIdentity,
  type WireValue,
} from '../shared';
import { signDevToken } from '../functions/src/auth/devKey';
import { aggregateTimer } from '../functions/src/functions/aggregateTimer';
import { getServices } from '../functions/src/services';
import type { RecordWrite } from '../functions/src/storage/recordEntity';
import { startLocalFunctions } from '../scripts/serve-functions';
import { generateWorkbook } from '../addin/demo/generate';

const COMPANIES = 10;
const UNITS = 200;
const APPEALS = Number(process.env.BENCH_APPEALS ?? 25);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 60);
const CHANGED = 10;
const SECRET = 'group-bench-dev-secret-0123456789abcdef';
const actor = { id: 'bench', roles: ['clerk'] };

/** Runs jobs with at most `limit` in flight. */
async function pool<T>(items: readonly T[], limit: number, fn: (x: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++] as T);
    }),
  );
}

const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};
const ms = (x: number) => Math.round(x * 10) / 10;
const ctx = () => new InvocationContext({ functionName: 'aggregate', logHandler: () => {} });

async function main(): Promise<void> {
  const local = await startLocalFunctions({ port: 0, env: { XIESHANG_DEV_SECRET: SECRET } });
  try {
    const services = getServices();
    const { store } = services;
    const today = chinaDay(services.now());
    // The last full quarter: the period a group's assessment asks for, and one the timer precomputes.
    const period = previousQuarter(quarterOf(today));
    const companies = Array.from({ length: COMPANIES }, (_, i) => `co-${i}`);
    const workshops = Array.from({ length: UNITS - 1 - COMPANIES }, (_, i) => `ws-${i}`);
    await store.units.configure('grp', { name: '集团工会' });
    await pool(companies, 8, async (c) => {
      await store.units.configure(c, { name: c, parentId: 'grp' });
    });
    await pool(workshops, 8, async (w) => {
      const parentId = companies[Number(w.slice(3)) % COMPANIES] as string;
      await store.units.configure(w, { name: w, parentId });
    });
    const all = ['grp', ...companies, ...workshops];
    const seedStart = performance.now();
    await pool(all, 8, async (unit) => {
      const g = generateWorkbook({
        appeals: APPEALS,
        seed: all.indexOf(unit) + 1,
        year: period.year,
        quarters: [period.quarter as 1 | 2 | 3 | 4],
        today,
      });
      const writes: RecordWrite[] = g.appeals.map((a) => ({
        register: 'appeals',
        key: a.id as string,
        changeId: `seed-${a.id}`,
        baseRevision: null,
        values: stripIdentity(appealRegister, a) as Record<string, WireValue>,
        deleted: false,
      }));
      await store.records.commit(unit, writes, actor, 'seed');
      await store.units.touch(unit);
    });
    console.log(
      JSON.stringify({
        units: all.length,
        appealsPerUnit: APPEALS,
        seedMs: ms(performance.now() - seedStart),
      }),
    );

    const timer = async () => {
      const t = performance.now();
      const r = (await aggregateTimer.run(services, ctx())) as { counted: number; failed: unknown[] };
      return { ms: ms(performance.now() - t), counted: r.counted, failed: r.failed.length };
    };
    const full = await timer();

    const token = await signDevToken(
      { sub: 'bench', roles: ['management'], units: ['grp'] },
      new TextEncoder().encode(SECRET),
    );
    const url = `${local.url}/api/orgs/grp/summary?year=${period.year}&quarter=${period.quarter}`;
    const ask = async (): Promise<number> => {
      const t = performance.now();
      const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      const body = (await res.json()) as SummaryResponse;
      if (res.status !== 200 || body.units.length !== all.length)
        throw new Error(`summary answered ${res.status} with ${body.units?.length} units`);
      return performance.now() - t;
    };
    await ask(); // warm the connection and the token cache
    const times: number[] = [];
    for (let i = 0; i < REQUESTS; i++) times.push(await ask());
    console.log(
      JSON.stringify({
        summary: {
          requests: REQUESTS,
          units: all.length,
          p50Ms: ms(percentile(times, 50)),
          p95Ms: ms(percentile(times, 95)),
        },
      }),
    );

    // Records change in 10 workshops: one new appeal each.
    for (const unit of workshops.slice(0, CHANGED)) {
      const id = `${period.year}-NEW`;
      await store.records.commit(
        unit,
        [
          {
            register: 'appeals',
            key: id,
            changeId: `change-${unit}`,
            baseRevision: null,
            values: {
              id,
              intakeMethod: '电话',
              receivedOn: today,
              category: '生活保障类',
              content: '新增诉求',
            },
            deleted: false,
          },
        ],
        actor,
        'change',
      );
    }
    const changed = await timer();
    const unchanged = await timer();
    console.log(
      JSON.stringify({
        aggregateTimer: {
          fullMs: full.ms,
          fullCounted: full.counted,
          after10ChangedMs: changed.ms,
          after10ChangedCounted: changed.counted,
          unchangedMs: unchanged.ms,
          unchangedCounted: unchanged.counted,
          failed: full.failed + changed.failed + unchanged.failed,
        },
      }),
    );
  } finally {
    await local.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
