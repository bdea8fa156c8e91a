// Attack class "a failing unit must not stop the retention and aggregate timers for the others"
// (issue 10): one unit's row is unreadable (as a row written by a buggy older version would be);
// the nightly timers, run through the local host's /admin/functions/*, still purge and aggregate
// every other unit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushRecord } from '../../../shared';
import { recordRowKey } from '../../../functions/src/storage/keys';
import { openTables } from '../../../functions/src/storage/tables';
import { appeal, body, startHost, type SecurityHost } from './harness';
import { CLOSED_IN_MARCH_2025, KEEP_APPEALS_SIX_MONTHS, surveyRecord } from '../fixtures';

let host: SecurityHost;
// Listed before the healthy unit, so a loop that stops at the first failure never reaches it.
const BROKEN = 'aaa-broken';
const HEALTHY = 'zzz-healthy';

const oldClosedCase = (id: string): PushRecord[] => [
  { ...KEEP_APPEALS_SIX_MONTHS, changeId: `st-${id}` },
  appeal(id, CLOSED_IN_MARCH_2025),
  surveyRecord(`s-${id}`, id),
];

beforeAll(async () => {
  host = await startHost({ nowIso: '2026-03-31T01:00:00Z' });
  for (const unit of [BROKEN, HEALTHY]) {
    const t = await host.token('clerk', [unit]);
    expect((await host.sync(unit, t, body(oldClosedCase(`${unit}-old`)))).status).toBe(200);
  }
  // Corrupt one row of the broken unit in place.
  const tables = openTables(host.local.connectionString, 'xs');
  await tables.records.updateEntity(
    {
      partitionKey: BROKEN,
      rowKey: recordRowKey('appeals', `${BROKEN}-old`),
      values: '{"id": "unterminated',
    },
    'Merge',
  );
});
afterAll(() => host?.stop());

describe('one unit with unreadable data', () => {
  it('the retention timer still purges the other units', async () => {
    expect(await host.runTimer('retention')).toBeLessThan(500);
    const t = await host.token('clerk', [HEALTHY]);
    const old = (await host.pullAll(HEALTHY, t)).find((c) => c.key === `${HEALTHY}-old`);
    expect(old).toMatchObject({ deleted: true, purged: true });
  });

  it('the aggregate timer still computes the other units’ figures', async () => {
    expect(await host.runTimer('aggregate')).toBeLessThan(500);
    const summaries = (await host.rawEntities()).filter((x) => x.table === 'xssummaries');
    expect(
      summaries.some((x) => x.entity.partitionKey === HEALTHY || String(x.entity.rowKey).includes(HEALTHY)),
    ).toBe(true);
  });
});
