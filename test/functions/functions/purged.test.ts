// Issue 10, "Retention is undone by the next sync": a record the retention timer purged stays
// purged. Before the fix, each re-push below answered 200 and revived the appeal; now 409
// `record-purged` naming the first such record and listing them all, and nothing is written.
import { InvocationContext } from '@azure/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiError, type PushRecord, SCHEMA_VERSION, type SyncResponse } from '../../../shared';
import { retentionTimer } from '../../../functions/src/functions/retentionTimer';
import { syncFunction } from '../../../functions/src/functions/sync';
import {
  appealRecord,
  CLOSED_IN_MARCH_2025,
  KEEP_APPEALS_SIX_MONTHS,
  pushAll,
  surveyRecord,
} from '../fixtures';
import { call, startEnv, tokenFor, type TestEnv } from '../support';

let env: TestEnv;
let token: string;
const unitId = 'u-purge';
const ctx = () => new InvocationContext({ functionName: 'retention', logHandler: () => {} });

const closed = { content: '宿舍热水', ...CLOSED_IN_MARCH_2025 };
const appeal = (id: string, extra: Partial<PushRecord> = {}): PushRecord => appealRecord(id, closed, extra);
const survey = surveyRecord('s-old', 'A-old');

const sync = (body: unknown) =>
  call<SyncResponse & ApiError>(syncFunction, { token, params: { unitId }, body });

beforeAll(async () => {
  env = await startEnv('2026-03-31T00:30:00Z');
  token = await tokenFor('clerk', [unitId]);
  await pushAll(unitId, token, [KEEP_APPEALS_SIX_MONTHS, appeal('A-old'), survey]);
});
afterAll(() => env.stop());

describe('a purged record stays purged (409 record-purged)', () => {
  it('refuses a re-push on the tombstone, as a new record or from the old revision, writing nothing', async () => {
    const { store } = env.services;
    const before = await store.records.get(unitId, 'appeals', 'A-old');
    await retentionTimer.run(env.services, ctx());
    const tomb = await store.records.get(unitId, 'appeals', 'A-old');
    expect(tomb).toMatchObject({ deleted: true, purged: true });
    const head = await store.records.head(unitId);

    // The add-in pulled the tombstone and re-staged the row it still holds on top of it.
    const onTombstone = await sync({
      schemaVersion: SCHEMA_VERSION,
      records: [
        appealRecord('A-new', { ...closed, receivedOn: '2026-03-02' }),
        appeal('A-old', { changeId: 'revive-1', baseRevision: tomb?.revision ?? null }),
        { ...survey, changeId: 'revive-2', baseRevision: null },
      ],
    });
    expect(onTombstone.status).toBe(409);
    expect(onTombstone.body.error.code).toBe('record-purged');
    expect(onTombstone.body.error.path).toBe('records[1]');
    expect(onTombstone.body.error.purged).toEqual([
      { register: 'appeals', key: 'A-old' },
      { register: 'surveys', key: 's-old' },
    ]);
    expect(onTombstone.body.error.message.zh).toMatch(/保存期限/);

    // As a new record (the clerk's workbook still holds the row), or from the revision before the purge.
    for (const [n, base] of [null, before?.revision ?? null].entries()) {
      const r = await sync({
        schemaVersion: SCHEMA_VERSION,
        records: [appeal('A-old', { changeId: `revive-again-${n}`, baseRevision: base })],
      });
      expect(r.status, `base ${String(base)}`).toBe(409);
      expect(r.body.error).toMatchObject({ code: 'record-purged', path: 'records[0]' });
    }

    // Nothing of those requests was written: the tombstones stand, the good record is absent, no new sequence.
    expect(await store.records.get(unitId, 'appeals', 'A-old')).toMatchObject({
      purged: true,
      deleted: true,
      revision: tomb?.revision,
    });
    expect(await store.records.get(unitId, 'surveys', 's-old')).toMatchObject({ purged: true });
    expect(await store.records.get(unitId, 'appeals', 'A-new')).toBeNull();
    expect(await store.records.head(unitId)).toBe(head);

    // A rerun of the retention job the same day is still a no-op, and other records sync as before.
    await retentionTimer.run(env.services, ctx());
    expect(await store.records.head(unitId)).toBe(head);
    const ok = await sync({
      schemaVersion: SCHEMA_VERSION,
      records: [appeal('A-2026', { values: { id: 'A-2026', ...closed, receivedOn: '2026-03-02' } })],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.results.map((x) => x.status)).toEqual(['applied']);
  });
});
