/**
 * A sync transport that applies the functions' own limits (functions/src/http/body.ts and
 * functions/src/sync/parse.ts): a body measured in UTF-8 bytes against 1 MiB, at most MAX_RECORDS
 * records, each record's values as JSON within MAX_RECORD_CHARS, and a retention purge answered as
 * the contract of issue 10 has it (409 record-purged, `purged` in the body, nothing written).
 * It keeps what it accepts, so a test can see what reached "the cloud".
 */
import { ApiFailure, type SyncApi } from '../../../addin/sync/api';
import {
  MAX_RECORD_CHARS,
  MAX_RECORDS,
  say,
  type PulledRecord,
  type SyncRequest,
  type SyncResponse,
  type WireValue,
} from '../../../shared';

/** What the fake cloud holds and saw. */
export interface FakeCloud {
  readonly api: SyncApi;
  /** Accepted records by "register|key". */
  readonly records: Map<string, Record<string, WireValue>>;
  /** Every request's body size in UTF-8 bytes, and whether it was accepted. */
  readonly requests: { bytes: number; records: number; status: number }[];
  /** Records purged by retention ("register|key"): a write to one is refused with 409. */
  readonly purged: Set<string>;
  /** Changes the next pull hands out. */
  readonly changes: PulledRecord[];
}

/** A fake cloud with the server's byte rule (`maxBodyBytes`: 1 MiB unless a proxy in front says less). */
export function fakeCloud(o: { maxBodyBytes?: number } = {}): FakeCloud {
  const limit = o.maxBodyBytes ?? 1024 * 1024;
  const records = new Map<string, Record<string, WireValue>>();
  const requests: FakeCloud['requests'] = [];
  const purged = new Set<string>();
  const changes: PulledRecord[] = [];
  let rev = 0;
  const refuse = (bytes: number, n: number, e: ApiFailure): never => {
    requests.push({ bytes, records: n, status: e.status });
    throw e;
  };
  const api: SyncApi = {
    async sync(_unit: string, body: SyncRequest): Promise<SyncResponse> {
      await Promise.resolve();
      const bytes = new TextEncoder().encode(JSON.stringify(body)).byteLength;
      const list = body.records ?? [];
      if (bytes > limit)
        refuse(
          bytes,
          list.length,
          new ApiFailure(413, 'body-too-large', say('请求体过大', 'body too large')),
        );
      if (list.length > MAX_RECORDS)
        refuse(
          bytes,
          list.length,
          new ApiFailure(413, 'body-too-large', say('记录过多', 'too many records')),
        );
      list.forEach((r, i) => {
        if (JSON.stringify(r.values ?? {}).length > MAX_RECORD_CHARS)
          refuse(
            bytes,
            list.length,
            new ApiFailure(413, 'record-too-large', say('单条记录过大', 'record too large'), `records[${i}]`),
          );
      });
      const hit = list.filter((r) => purged.has(`${r.register}|${r.key}`));
      if (hit.length) {
        const at = list.indexOf(hit[0] as (typeof list)[number]);
        const error = {
          code: 'record-purged',
          message: say('记录已按保留期限清除', 'the record was purged'),
          path: `records[${at}]`,
          purged: hit.map((r) => ({ register: r.register, key: r.key })),
        };
        refuse(bytes, list.length, new ApiFailure(409, error.code, error.message, error.path, { error }));
      }
      requests.push({ bytes, records: list.length, status: 200 });
      const results = list.map((r) => {
        records.set(`${r.register}|${r.key}`, { ...(r.values ?? {}) });
        return {
          register: r.register,
          key: r.key,
          changeId: r.changeId,
          status: 'applied' as const,
          revision: `r${++rev}`,
        };
      });
      return {
        results,
        conflicts: [],
        changes: changes.splice(0),
        cursor: String(rev),
        more: false,
        escalations: [],
        serverTime: new Date(0).toISOString(),
      };
    },
    reminders: () => Promise.reject(new Error('not part of these tests')),
    escalate: () => Promise.reject(new Error('not part of these tests')),
    summary: () => Promise.reject(new Error('not part of these tests')),
  };
  return { api, records, requests, purged, changes };
}
