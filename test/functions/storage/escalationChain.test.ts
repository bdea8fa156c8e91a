// Issue 13 in storage (Azurite): an escalation passed up keeps its link to the level below, so the
// retention job's removal of a purged appeal's escalation removes every level it was passed on as
// (none outlives its appeal); the aggregate timer's per-unit state row round-trips beside the
// period tallies, and a tally an older build stored (no validUntil) stands for its own day only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyTally, forwardedAppealId } from '../../../shared';
import { unitTally } from '../../../functions/src/domain/figures';
import { startEnv, type TestEnv } from '../support';

let env: TestEnv;

beforeAll(async () => {
  env = await startEnv();
});
afterAll(() => env.stop());

describe('escalations passed up, in storage', () => {
  it('removes every level an escalation was passed on as, and nothing of a neighbour', async () => {
    const { escalations } = env.services.store;
    const base = { snapshot: { id: 'A-1' }, note: '' };
    for (const appealId of ['A-1', 'A-2'])
      await escalations.put({ ...base, fromUnit: 'w', toUnit: 'c', appealId, at: '2026-03-01T00:00:00Z' });
    for (const appealId of ['A-1', 'A-2'])
      expect(
        await escalations.forward('c', 'w', appealId, {
          parentId: 'g',
          note: '',
          at: '2026-03-02T00:00:00Z',
        }),
      ).not.toBeNull();
    const id = forwardedAppealId({ unitId: 'w', appealId: 'A-1' });
    expect(
      await escalations.forward('g', 'c', id, { parentId: 'h', note: '', at: '2026-03-03T00:00:00Z' }),
    ).not.toBeNull();
    const top = await escalations.reply('h', 'g', id, {
      at: '2026-03-04T00:00:00Z',
      by: 'h-clerk',
      text: '答复',
    });
    expect(top?.chain).toEqual(['w', 'c', 'g', 'h']);
    expect((await escalations.list('w')).find((e) => e.appealId === 'A-1')?.replies[0]).toMatchObject({
      unit: 'h',
    });

    await escalations.remove('w', 'c', 'A-1');
    const ids = async (unit: string) =>
      (await escalations.list(unit)).map((e) => `${e.direction}:${e.appealId}`).sort();
    expect(await ids('w')).toEqual(['out:A-2']);
    expect(await ids('c')).toEqual(['in:A-2', `out:${forwardedAppealId({ unitId: 'w', appealId: 'A-2' })}`]);
    expect(await ids('g')).toEqual([`in:${forwardedAppealId({ unitId: 'w', appealId: 'A-2' })}`]);
    expect(await ids('h')).toEqual([]);
  });
});

describe('aggregate state', () => {
  it('round-trips the state row without it being read as a period', async () => {
    const { summaries } = env.services.store;
    expect(await summaries.state('u-s')).toBeNull();
    await summaries.putState('u-s', { headSeq: 7, validUntil: '2026-04-02', periods: ['2026Q1', '2026Y'] });
    expect(await summaries.state('u-s')).toEqual({
      headSeq: 7,
      validUntil: '2026-04-02',
      periods: ['2026Q1', '2026Y'],
    });
    expect(await summaries.get('u-s', '2026Q1')).toBeNull();
  });

  it('serves a stored tally on a later day only while it says it stands', async () => {
    const { store } = env.services;
    const marked = { ...emptyTally(), received: 42 };
    const period = { year: 2025, quarter: 1 } as const;
    // An older build's row: no validUntil, so it stands on its own day and is recounted after.
    await store.summaries.put('u-t', '2025Q1', { tally: marked, asOf: '2026-03-30', headSeq: 0 });
    expect((await unitTally(store, 'u-t', period, '2026-03-30')).received).toBe(42);
    expect((await unitTally(store, 'u-t', period, '2026-03-31')).received).toBe(0);
    // A row that stands until 5 April is served on 4 April.
    await store.summaries.put('u-t', '2025Q1', {
      tally: marked,
      asOf: '2026-03-31',
      headSeq: 0,
      validUntil: '2026-04-05',
    });
    expect((await unitTally(store, 'u-t', period, '2026-04-04')).received).toBe(42);
    expect((await unitTally(store, 'u-t', period, '2026-04-05')).received).toBe(0);
  });
});
