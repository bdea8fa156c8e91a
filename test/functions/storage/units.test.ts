// A unit row whose stored JSON cannot be read (written by an older build, or damaged by hand) must
// not stop the list of units, and so every timer, for all the others (issue 10: "a failing unit must
// not stop the retention and aggregate timers for the others").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTables } from '../../../functions/src/storage/tables';
import { startEnv, type TestEnv } from '../support';

let env: TestEnv;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(() => env.stop());

describe('the list of units', () => {
  it('keeps going past a unit whose channels or ledgers cannot be read, and says which', async () => {
    const { store } = env.services;
    await store.units.configure('u-good', { name: '一车间' });
    await store.units.configure('u-bad', { name: '二车间' });
    const tables = openTables(env.azurite.connectionString, 't');
    await tables.units.updateEntity(
      { partitionKey: 'u-bad', rowKey: 'profile', channels: '[{"id":', ledgersBuilt: 'not json' },
      'Merge',
    );
    const units = await store.units.list();
    expect(units.map((u) => u.unitId).sort()).toEqual(['u-bad', 'u-good']);
    const bad = units.find((u) => u.unitId === 'u-bad');
    expect(bad?.channels).toEqual([]);
    expect(bad?.ledgersBuilt).toEqual([]);
    expect(bad?.unreadable).toEqual(['channels', 'ledgersBuilt']);
    expect(units.find((u) => u.unitId === 'u-good')?.unreadable).toEqual([]);
    expect((await store.units.get('u-bad'))?.name).toBe('二车间');
  });
});
