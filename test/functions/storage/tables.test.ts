// deleteFound against Azurite: the purges' deletes go in transactions of a partition (as
// submitInBatches' writes do), and a row gone meanwhile costs only its own transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteFound, openTables, submitInBatches } from '../../../functions/src/storage/tables';
import { startEnv, type TestEnv } from '../support';

let env: TestEnv;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(() => env.stop());

describe('deleteFound', () => {
  it('deletes a purge’s rows a transaction of up to 100 per partition; a row already gone only sends its own partition’s one by one', async () => {
    // The rate-limit table, whose nightly purge is the largest: partitions of this test's own.
    const table = openTables(env.azurite.connectionString, 'purge').ratelimits;
    await table.createTable();
    const rows = [
      ...Array.from({ length: 150 }, (_, i) => ({ partitionKey: 'a', rowKey: `r${1000 + i}` })),
      ...Array.from({ length: 80 }, (_, i) => ({ partitionKey: 'b', rowKey: `r${1000 + i}` })),
    ];
    await submitInBatches(
      table,
      rows.map((r) => ['create', r] as const),
    );
    // Gone between the purge's query and its deletes: another purge, or a confirmation.
    await table.deleteEntity('b', 'r1000');
    const calls = { transactions: 0, single: 0 };
    const counted = new Proxy(table, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver) as unknown;
        if (name === 'submitTransaction' || name === 'deleteEntity') {
          const key = name === 'submitTransaction' ? 'transactions' : 'single';
          return (...args: unknown[]) => {
            calls[key]++;
            return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          };
        }
        return value;
      },
    });
    expect(await deleteFound(counted, rows)).toBe(230);
    const left: unknown[] = [];
    for await (const e of table.listEntities()) left.push(e);
    expect(left).toEqual([]);
    // Partition a: 100 + 50 in two transactions; b: one refused (r1000 was gone), then 80 singles.
    expect(calls).toEqual({ transactions: 3, single: 80 });
  });
});
