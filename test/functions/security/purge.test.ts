// Attack class "retention is undone by the next sync" (issue 10): the retention timer purges an old
// closed appeal; the add-in, still holding the row, pushes it again. Contract: 409 record-purged,
// nothing of that request written, the record still a purge tombstone on pull.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushRecord, SyncResponse } from '../../../shared';
import { appeal, body, startHost, type ErrorBody, type SecurityHost } from './harness';
import { CLOSED_IN_MARCH_2025, KEEP_APPEALS_SIX_MONTHS, surveyRecord } from '../fixtures';

let host: SecurityHost;
let clerk: string;
const UNIT = 'purge-u';

const closed = CLOSED_IN_MARCH_2025;
let oldRevision = '';
let trackingRevision = '';

beforeAll(async () => {
  host = await startHost({ nowIso: '2026-03-31T01:00:00Z' });
  clerk = await host.token('clerk', [UNIT]);
  const seed: PushRecord[] = [
    KEEP_APPEALS_SIX_MONTHS,
    appeal('P-old', closed),
    surveyRecord('s-old', 'P-old'),
    {
      register: 'tracking',
      key: 't-old',
      changeId: 't-old',
      baseRevision: null,
      values: { appealId: 'P-old', trackedOn: '2025-03-05', status: '正在进行中' },
    },
  ];
  const r = await host.sync<SyncResponse>(UNIT, clerk, body(seed));
  expect(r.status).toBe(200);
  oldRevision = r.body.results.find((x) => x.key === 'P-old')?.revision ?? '';
  trackingRevision = r.body.results.find((x) => x.key === 't-old')?.revision ?? '';
  expect(oldRevision).not.toBe('');
  // The retention timer, run as the local host runs it (Core Tools' /admin/functions/<name>).
  expect(await host.runTimer('retention')).toBe(202);
});
afterAll(() => host?.stop());

const tombstone = async (key: string) =>
  (await host.pullAll(UNIT, clerk)).find((c) => c.register === 'appeals' && c.key === key);

describe('a purged record stays purged', () => {
  it('the timer purged the old appeal: pull shows a purge tombstone', async () => {
    expect(await tombstone('P-old')).toMatchObject({ deleted: true, purged: true, values: {} });
  });

  it('re-creating it (baseRevision null, as the add-in re-stages the row it holds) → 409 record-purged, nothing of the request written', async () => {
    const innocent = appeal('P-new-1');
    const r = await host.sync<ErrorBody>(
      UNIT,
      clerk,
      body([innocent, appeal('P-old', closed, { changeId: 'revive-1' })]),
    );
    expect(r.status, r.text.slice(0, 300)).toBe(409);
    expect(r.body.error.code).toBe('record-purged');
    expect(r.body.error.path).toBe('records[1]');
    expect(r.body.error.purged ?? r.body.purged).toEqual([{ register: 'appeals', key: 'P-old' }]);
    const all = await host.pullAll(UNIT, clerk);
    expect(
      all.find((c) => c.key === 'P-new-1'),
      'the good record of the refused request',
    ).toBeUndefined();
    expect(all.find((c) => c.key === 'P-old')).toMatchObject({ deleted: true, purged: true, values: {} });
  });

  it('writing on top of the tombstone (its own revision as base) → 409 record-purged, still purged on pull', async () => {
    const tomb = await tombstone('P-old');
    const r = await host.sync<ErrorBody>(
      UNIT,
      clerk,
      body([appeal('P-old', closed, { changeId: 'revive-2', baseRevision: tomb?.revision ?? null })]),
    );
    expect(r.status, r.text.slice(0, 300)).toBe(409);
    expect(r.body.error.code).toBe('record-purged');
    expect(r.body.error.purged ?? r.body.purged).toEqual([{ register: 'appeals', key: 'P-old' }]);
    expect(await tombstone('P-old')).toMatchObject({ deleted: true, purged: true, values: {} });
  });

  it('the purged tracking row referring to it cannot come back either', async () => {
    const r = await host.sync<ErrorBody>(
      UNIT,
      clerk,
      body([
        {
          register: 'tracking',
          key: 't-old',
          changeId: 'revive-3',
          baseRevision: null,
          values: { appealId: 'P-old', trackedOn: '2025-03-05', status: '正在进行中' },
        },
      ]),
    );
    expect(r.status, r.text.slice(0, 300)).toBe(409);
    expect(r.body.error.code).toBe('record-purged');
    expect(r.body.error.purged ?? r.body.purged).toEqual([{ register: 'tracking', key: 't-old' }]);
    const t = (await host.pullAll(UNIT, clerk)).find((c) => c.register === 'tracking' && c.key === 't-old');
    expect(t).toMatchObject({ deleted: true, purged: true });
    expect(trackingRevision).not.toBe(t?.revision);
  });

  it('the stale row pushed with its pre-purge revision never revives it and never answers 5xx', async () => {
    const r = await host.sync<ErrorBody>(
      UNIT,
      clerk,
      body([
        appeal('P-old', { ...closed, content: '改过' }, { changeId: 'revive-4', baseRevision: oldRevision }),
      ]),
    );
    expect(r.status).toBeLessThan(500);
    expect(await tombstone('P-old')).toMatchObject({ deleted: true, purged: true, values: {} });
  });

  it('a new appeal in a later request is still accepted (the unit is not jammed)', async () => {
    const r = await host.sync<SyncResponse>(UNIT, clerk, body([appeal('P-new-2')]));
    expect(r.status, r.text.slice(0, 300)).toBe(200);
    expect(r.body.results[0]?.status).toBe('applied');
  });
});
