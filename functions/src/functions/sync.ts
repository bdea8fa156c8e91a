import { app } from '@azure/functions';
import {
  PULL_LIMIT,
  type PulledRecord,
  type PushResult,
  type SyncConflict,
  type SyncResponse,
} from '../../../shared';
import { readJson } from '../http/body';
import { httpFunction } from '../http/define';
import { underFunctionsHost } from '../http/runtime';
import type { StoredRecord } from '../storage';
import { parseSync } from '../sync/parse';

const pulled = ({ seq: _seq, changeId: _changeId, ...r }: StoredRecord): PulledRecord => r;

/**
 * POST /api/units/{unitId}/sync: pushes changed records (each with its base revision and change id)
 * and pulls what changed since the cursor, with the unit's escalations and replies.
 */
export const syncFunction = httpFunction({
  name: 'sync',
  route: 'units/{unitId}/sync',
  methods: ['POST'],
  access: 'sync',
  scope: 'unitId',
  async run({ request, caller, services, unitId }) {
    const body = parseSync(await readJson(request));
    const { store } = services;
    await store.units.touch(unitId, body.ledgersBuilt);
    const outcomes = body.writes.length
      ? await store.records.commit(unitId, body.writes, { id: caller.id, roles: caller.roles }, 'sync.push')
      : [];
    const results: PushResult[] = [];
    const conflicts: SyncConflict[] = [];
    body.writes.forEach((w, i) => {
      const o = outcomes[i];
      if (!o) return;
      const id = { register: w.register, key: w.key, changeId: w.changeId };
      if (o.status === 'conflict') {
        conflicts.push({
          ...id,
          yours: { baseRevision: w.baseRevision, values: w.values, deleted: w.deleted },
          theirs: o.theirs ? pulled(o.theirs) : null,
        });
      } else results.push({ ...id, status: o.status, revision: o.revision });
    });
    const [page, escalations] = await Promise.all([
      store.records.pull(unitId, body.cursor, PULL_LIMIT),
      store.escalations.list(unitId, body.escalationsSince),
    ]);
    const response: SyncResponse = {
      results,
      conflicts,
      changes: page.changes.map(pulled),
      cursor: String(page.cursor),
      more: page.more,
      escalations,
      serverTime: services.now().toISOString(),
    };
    return { status: 200, jsonBody: response };
  },
});

if (underFunctionsHost()) {
  app.http(syncFunction.name, {
    route: syncFunction.route,
    methods: [...syncFunction.methods],
    authLevel: 'anonymous',
    handler: syncFunction.handler,
  });
}
