// Issue 13, scale: "the summary request answers from aggregates kept up to date by the aggregate
// timer … timer time growing linearly with changed records, not with all records". The timer skips a
// unit whose records did not change and whose tallies reach no date they depend on; whatever it
// skips, each unit's summary row must still equal the core's figures as of that day.
import { InvocationContext } from '@azure/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCases,
  computeFigures,
  DEFAULT_SETTINGS,
  defaultCalendar,
  type Figures,
  type Period,
  type SummaryResponse,
} from '../../../shared';
import { aggregateTimer } from '../../../functions/src/functions/aggregateTimer';
import { summaryFunction } from '../../../functions/src/functions/summary';
import { generateWorkbook, type GeneratedWorkbook } from '../../../addin/demo/generate';
import { appealRecord, pushAll, pushRecords } from '../fixtures';
import { call, startEnv, tokenFor, type TestEnv } from '../support';

let env: TestEnv;
const books = new Map<string, GeneratedWorkbook>();
const ctx = () => new InvocationContext({ functionName: 'aggregate', logHandler: () => {} });
const run = async () => (await aggregateTimer.run(env.services, ctx())) as { counted: number; units: number };
const at = (day: string) => env.setNow(`${day}T01:00:00Z`);
const counts = (f: Figures) => ({
  received: f.received,
  rates: Object.fromEntries(Object.values(f.rates).map((r) => [r.key, [r.numerator, r.denominator]])),
});

beforeAll(async () => {
  env = await startEnv('2026-03-09T01:00:00Z');
  const { store } = env.services;
  await store.units.configure('grp', { name: '集团工会' });
  // Two units whose appeals run up to 20 March 2026 (dates and deadlines still to come) and one
  // whose appeals are all of 2025.
  const specs: [string, Parameters<typeof generateWorkbook>[0]][] = [
    ['u-1', { appeals: 40, seed: 7, year: 2026, today: '2026-03-20', quarters: [1] }],
    ['u-2', { appeals: 40, seed: 8, year: 2026, today: '2026-03-20', quarters: [1] }],
    ['u-3', { appeals: 40, seed: 9 }],
  ];
  for (const [unit, options] of specs) {
    await store.units.configure(unit, { name: unit, parentId: 'grp' });
    const g = generateWorkbook(options);
    books.set(unit, g);
    await pushAll(unit, await tokenFor('clerk', [unit]), pushRecords(g));
  }
});
afterAll(() => env.stop());

describe('the aggregate timer', () => {
  it('counts a unit again only when its records changed, and its tallies stay equal to the core day by day', async () => {
    expect((await run()).counted).toBe(4);
    // The same day again: nothing changed, nothing counted.
    expect((await run()).counted).toBe(0);
    // One unit changes: one unit counted.
    await pushAll('u-3', await tokenFor('clerk', ['u-3']), [appealRecord('NEW-1')]);
    expect((await run()).counted).toBe(1);
    books.delete('u-3');

    const token = await tokenFor('management', ['grp']);
    const periods: Period[] = [
      { year: 2026, quarter: 1 },
      { year: 2026, quarter: 0 },
      { year: 2025, quarter: 4 },
    ];
    let counted = 0;
    let days = 0;
    for (let d = 10; d <= 27; d++) {
      const day = `2026-03-${String(d)}`;
      at(day);
      counted += (await run()).counted;
      days++;
      for (const period of periods) {
        const r = await call<SummaryResponse>(summaryFunction, {
          token,
          params: { orgId: 'grp' },
          query: { year: String(period.year), quarter: String(period.quarter) },
        });
        for (const [unit, g] of books) {
          const cases = buildCases(g.appeals, { surveys: g.surveys, tracking: g.tracking, agenda: g.agenda });
          const expected = computeFigures(cases, period, {
            asOf: day,
            calendar: defaultCalendar,
            rules: DEFAULT_SETTINGS,
          });
          const row = r.body.units.find((u) => u.unitId === unit);
          expect(counts(row?.figures as Figures), `${unit} ${day} ${JSON.stringify(period)}`).toEqual(
            counts(expected),
          );
        }
      }
    }
    // u-3 and grp never count again; the 2026 units only on days a date of theirs arrives.
    expect(counted).toBeLessThan(days * 2);
  });
});
