import {
  PULL_LIMIT,
  say,
  type PulledRecord,
  type PushResult,
  type SyncConflict,
  type SyncResponse,
} from '../../../shared';
import { readJson } from '../http/body';
import { httpFunction, registerHttp } from '../http/define';
import { HttpError } from '../http/errors';
import { PurgedError, type PurgedTarget, type StoredRecord, type WriteOutcome } from '../storage';
import { parseSync } from '../sync/parse';

const pulled = ({ seq: _seq, changeId: _changeId, ...r }: StoredRecord): PulledRecord => r;

/**
 * The 409 of a request writing over records the retention job purged: they stay purged. `othersApplied`
 * when the purge showed only as a new record's create failing, after the request's other records
 * were written: resending them is answered as duplicates.
 */
export function recordPurged(targets: readonly PurgedTarget[], othersApplied = false): HttpError {
  const first = targets[0] as PurgedTarget;
  const rest = othersApplied
    ? say('本次请求的其他记录已写入', "the request's other records were written")
    : say('本次请求未写入任何内容', 'nothing of this request was written');
  return new HttpError(
    409,
    'record-purged',
    say(
      `已超过保存期限的诉求记录已从云端清除，不再同步（${targets.length} 条，如 ${first.register}/${first.key}）；${rest.zh}`,
      `${targets.length} record(s) were purged from the cloud after the retention period and are no longer synced (e.g. ${first.register}/${first.key}); ${rest.en}`,
    ),
    { path: `records[${first.i}]`, purged: targets.map(({ register, key }) => ({ register, key })) },
  );
}

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
    let outcomes: WriteOutcome[] = [];
    try {
      if (body.writes.length)
        outcomes = await store.records.commit(
          unitId,
          body.writes,
          { id: caller.id, roles: caller.roles },
          'sync.push',
        );
    } catch (e) {
      if (e instanceof PurgedError) throw recordPurged(e.targets);
      throw e;
    }
    // Found purged only when writing (a new record over a tombstone, or the retention job racing the
    // request): still a 409 naming them.
    const racedPurge = body.writes.flatMap((w, i) =>
      outcomes[i]?.status === 'purged' ? [{ i, register: w.register, key: w.key }] : [],
    );
    if (racedPurge.length > 0)
      throw recordPurged(
        racedPurge,
        outcomes.some((o) => o !== undefined && o.status !== 'purged'),
      );
    await store.units.touch(unitId, body.ledgersBuilt);
    const results: PushResult[] = [];
    const conflicts: SyncConflict[] = [];
    body.writes.forEach((w, i) => {
      const o = outcomes[i];
      if (!o || o.status === 'purged') return;
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

registerHttp(syncFunction);
