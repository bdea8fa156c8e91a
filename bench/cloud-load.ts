/**
 * npm run bench:cloud-load: 20 concurrent clients push and pull against the local functions host
 * on 127.0.0.1 for 60 seconds (LOAD_SECONDS overrides), every tenth push resent as a retry. Stops
 * by itself, then proves nothing was lost or duplicated: per unit, the records stored and pulled
 * back match what the clients were told was stored (count and checksum), and the unit's change
 * counter equals the number of writes applied. Prints one JSON line with p50/p95 latencies.
 *
 * `npm run bench:cloud-load -- --bad` (or LOAD_BAD=1): one client in five mixes bad records into its
 * pushes (identity numbers in text, over-long keys, garbage baseRevision, oversize records), sets
 * aside the record each 4xx names and resends the rest, as the add-in does. The target is still
 * 0 lost, 0 duplicated and no 5xx, and no bad record accepted.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { type PushRecord, SCHEMA_VERSION, type SyncResponse, type WireValue } from '../shared';
import { signDevToken } from '../functions/src/auth/devKey';
import { getServices } from '../functions/src/services';
import { canonicalJson } from '../functions/src/storage/keys';
import { startLocalFunctions } from '../scripts/serve-functions';

const CLIENTS = 20;
const UNITS = 10;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const BATCH = 20;
// A hard bound besides the clock, so the loops end even if time stood still.
const MAX_ROUNDS = 50_000;
const SECRET = 'cloud-load-dev-secret-0123456789abcdef';
const BAD_MODE = process.argv.includes('--bad') || process.env.LOAD_BAD === '1';
/** In bad mode, clients with i % BAD_EVERY === BAD_EVERY - 1 (one in five) send bad records. */
const BAD_EVERY = 5;
// A bad client's push is retried without the named record at most this often, then given up.
const MAX_SET_ASIDE = 8;

/** The kinds of bad record a careless or hostile client sends. */
const BAD_KINDS = ['identity-in-text', 'long-key', 'garbage-base', 'oversize'] as const;
type BadKind = (typeof BAD_KINDS)[number];

/** A bad record of a kind, keyed apart from every good one. */
function badRecord(kind: BadKind, key: string, ownRevision: string | undefined): PushRecord {
  const values = { id: key, content: '宿舍热水', receivedOn: '2026-03-02', category: '生活保障类' };
  const record: PushRecord = { register: 'appeals', key, changeId: `${key}-b`, baseRevision: null, values };
  switch (kind) {
    case 'identity-in-text':
      return { ...record, values: { ...values, content: '诉求人电话 138 1234 5678' } };
    case 'long-key': {
      const long = `${key}-${'k'.repeat(2_000)}`;
      return { ...record, key: long, values: { ...values, id: long } };
    }
    case 'garbage-base':
      return { ...record, baseRevision: ownRevision ? 'garbage' : '*' };
    case 'oversize': {
      // 4,000 characters per field, 8,000 once JSON-escaped: over the 30,000-character record limit.
      const esc = '"\\'.repeat(2_000);
      return {
        ...record,
        values: {
          ...values,
          content: esc,
          unionOpinion: esc,
          deptOpinion: esc,
          impossibleReason: esc,
          unit: esc,
        },
      };
    }
  }
}

interface ClientTally {
  readonly unit: string;
  readonly mine: Map<string, { rev: string; values: Record<string, WireValue> }>;
  applied: number;
  duplicates: number;
  retries: number;
  pushes: number;
  pulls: number;
  conflicts: number;
  errors: number;
  /** Bad records sent, set aside on a 4xx that named them, and accepted (a 2xx) although bad. */
  badSent: number;
  badSetAside: number;
  badAccepted: number;
  /** 4xx answers whose path named no bad record of the request (the client then drops them all). */
  misattributed: number;
}

const checksum = (rows: Iterable<[string, Readonly<Record<string, unknown>>]>): string => {
  const lines = [...rows].map(([k, v]) => `${k}\t${canonicalJson(v)}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
};

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0) * 10) / 10;
};

async function main(): Promise<void> {
  const local = await startLocalFunctions({ port: 0, env: { XIESHANG_DEV_SECRET: SECRET } });
  const secret = new TextEncoder().encode(SECRET);
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const codes = new Map<string, number>();
  const post = async (
    unit: string,
    token: string,
    body: object,
  ): Promise<{ status: number; json: unknown }> => {
    const t = performance.now();
    const res = await fetch(`${local.url}/api/units/${unit}/sync`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    latencies.push(performance.now() - t);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // Counted by status; a 2xx that is not JSON fails in sync() below.
    }
    const code = (json as { error?: { code?: string } } | null)?.error?.code;
    if (code) codes.set(code, (codes.get(code) ?? 0) + 1);
    return { status: res.status, json };
  };
  const sync = async (unit: string, token: string, body: object): Promise<SyncResponse> => {
    const { status, json } = await post(unit, token, body);
    if (status !== 200) throw new Error(`${status} ${JSON.stringify(json).slice(0, 200)}`);
    return json as SyncResponse;
  };
  const deadline = performance.now() + SECONDS * 1000;
  const run = async (i: number): Promise<ClientTally> => {
    const unit = `load-${i % UNITS}`;
    const token = await signDevToken({ sub: `client-${i}`, roles: ['clerk'], units: [unit] }, secret);
    const tally: ClientTally = {
      unit,
      mine: new Map(),
      applied: 0,
      duplicates: 0,
      retries: 0,
      pushes: 0,
      pulls: 0,
      conflicts: 0,
      errors: 0,
      badSent: 0,
      badSetAside: 0,
      badAccepted: 0,
      misattributed: 0,
    };
    const bad = BAD_MODE && i % BAD_EVERY === BAD_EVERY - 1;
    let cursor = '0';
    let last: object | undefined;
    let made = 0;
    for (let round = 1; round <= MAX_ROUNDS && performance.now() < deadline; round++) {
      try {
        if (round % 10 === 0 && last) {
          // A retried request: the cloud must answer from what it already applied.
          const res = await sync(unit, token, last);
          tally.retries++;
          tally.duplicates += res.results.filter((r) => r.status === 'duplicate').length;
          tally.applied += res.results.filter((r) => r.status === 'applied').length;
        } else if (round % 5 === 0) {
          const res = await sync(unit, token, { schemaVersion: SCHEMA_VERSION, cursor });
          cursor = res.cursor;
          tally.pulls++;
        } else {
          const records: PushRecord[] = [];
          const own = [...tally.mine.keys()];
          for (let k = 0; k < BATCH; k++) {
            const update = own.length > BATCH && k % 3 === 0;
            const key = update ? (own[(round * 7 + k * 13) % own.length] as string) : `c${i}-${made++}`;
            if (records.some((r) => r.key === key)) continue;
            const values = {
              id: key,
              content: `第 ${round} 轮 ${key}`,
              receivedOn: '2026-03-02',
              category: '生活保障类',
            };
            records.push({
              register: 'appeals',
              key,
              changeId: `${key}-r${round}`,
              baseRevision: tally.mine.get(key)?.rev ?? null,
              values,
            });
          }
          if (bad) {
            // Two bad records among the good ones, at random places.
            for (let b = 0; b < 2; b++) {
              const kind = BAD_KINDS[(round + b) % BAD_KINDS.length] as BadKind;
              const own = [...tally.mine.keys()];
              const target =
                kind === 'garbage-base' && own.length
                  ? (own[round % own.length] as string)
                  : `bad${i}-${made++}`;
              if (records.some((r) => r.key === target)) continue;
              const at = (round * 7 + b * 11) % (records.length + 1);
              records.splice(at, 0, badRecord(kind, target, tally.mine.get(target)?.rev));
              tally.badSent++;
            }
          }
          const isBad = (r: PushRecord) => r.changeId.endsWith('-b');
          let sending = records;
          let res: SyncResponse | null = null;
          for (let attempt = 0; attempt <= MAX_SET_ASIDE && res === null; attempt++) {
            const req = { schemaVersion: SCHEMA_VERSION, cursor, records: sending };
            const answer = await post(unit, token, req);
            if (answer.status === 200) {
              res = answer.json as SyncResponse;
              last = req;
              tally.badAccepted += sending.filter(isBad).length;
              break;
            }
            if (answer.status >= 500 || !sending.some(isBad)) throw new Error(`${answer.status}`);
            // Set aside the record the answer names, as the add-in does; else every bad one.
            const path = (answer.json as { error?: { path?: string } } | null)?.error?.path ?? '';
            const named = /^records\[(\d+)\]/.exec(path);
            const index = named ? Number(named[1]) : -1;
            if (index >= 0 && sending[index] && isBad(sending[index] as PushRecord)) {
              sending = sending.filter((_, k) => k !== index);
              tally.badSetAside++;
            } else {
              tally.misattributed++;
              tally.badSetAside += sending.filter(isBad).length;
              sending = sending.filter((r) => !isBad(r));
            }
          }
          if (res === null) throw new Error('gave up setting records aside');
          cursor = res.cursor;
          tally.pushes++;
          tally.conflicts += res.conflicts.filter((c) => !c.changeId.endsWith('-b')).length;
          for (const r of res.results) {
            if (r.status === 'applied') tally.applied++;
            const sent = sending.find((x) => x.key === r.key);
            tally.mine.set(r.key, {
              rev: r.revision,
              values: (sent?.values ?? {}) as Record<string, WireValue>,
            });
          }
        }
      } catch {
        tally.errors++;
      }
    }
    return tally;
  };
  const started = performance.now();
  const tallies = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => run(i)));
  const elapsed = (performance.now() - started) / 1000;

  // Verification: stored, pulled back over HTTP, and the change counter, per unit.
  const { store } = getServices();
  let expected = 0;
  let stored = 0;
  let lost = 0;
  let duplicated = 0;
  const pushedSums: string[] = [];
  const storedSums: string[] = [];
  const pulledSums: string[] = [];
  for (let u = 0; u < UNITS; u++) {
    const unit = `load-${u}`;
    const mine = tallies.filter((t) => t.unit === unit);
    const want = new Map(mine.flatMap((t) => [...t.mine].map(([k, v]) => [k, v.values] as const)));
    const have = new Map((await store.records.load(unit)).map((r) => [r.key, r.values] as const));
    const token = await signDevToken({ sub: 'verify', roles: ['clerk'], units: [unit] }, secret);
    const pulled = new Map<string, Readonly<Record<string, unknown>>>();
    let cursor = '0';
    for (let page = 0; page < 10_000; page++) {
      const res = await sync(unit, token, { schemaVersion: SCHEMA_VERSION, cursor });
      for (const c of res.changes) pulled.set(c.key, c.values);
      cursor = res.cursor;
      if (!res.more) break;
    }
    expected += want.size;
    stored += have.size;
    lost += [...want].filter(([k, v]) => canonicalJson(have.get(k) ?? {}) !== canonicalJson(v)).length;
    const head = await store.records.head(unit);
    duplicated +=
      [...have.keys()].filter((k) => !want.has(k)).length + (head - mine.reduce((n, t) => n + t.applied, 0));
    pushedSums.push(checksum(want));
    storedSums.push(checksum(have));
    pulledSums.push(checksum(pulled));
  }
  await local.stop();
  const sum = (f: (t: ClientTally) => number) => tallies.reduce((n, t) => n + f(t), 0);
  const serverErrors = [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
  const checksumPushed = createHash('sha256').update(pushedSums.join()).digest('hex').slice(0, 16);
  const checksumStored = createHash('sha256').update(storedSums.join()).digest('hex').slice(0, 16);
  const checksumPulled = createHash('sha256').update(pulledSums.join()).digest('hex').slice(0, 16);
  const ok =
    lost === 0 &&
    duplicated === 0 &&
    expected === stored &&
    checksumPushed === checksumStored &&
    checksumStored === checksumPulled &&
    sum((t) => t.errors) === 0 &&
    sum((t) => t.conflicts) === 0 &&
    serverErrors === 0 &&
    sum((t) => t.badAccepted) === 0;
  console.log(
    JSON.stringify({
      mode: BAD_MODE ? `one client in ${BAD_EVERY} sends bad records` : 'good records only',
      clients: CLIENTS,
      seconds: Math.round(elapsed),
      requests: latencies.length,
      pushes: sum((t) => t.pushes),
      pulls: sum((t) => t.pulls),
      retries: sum((t) => t.retries),
      writesApplied: sum((t) => t.applied),
      retriedRecordsAnsweredAsDuplicates: sum((t) => t.duplicates),
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      p99Ms: percentile(latencies, 99),
      expected,
      stored,
      lost,
      duplicated,
      conflicts: sum((t) => t.conflicts),
      errors: sum((t) => t.errors),
      checksumPushed,
      checksumStored,
      checksumPulled,
      '5xx': serverErrors,
      statuses: Object.fromEntries(statuses),
      errorCodes: Object.fromEntries(codes),
      ...(BAD_MODE
        ? {
            badSent: sum((t) => t.badSent),
            badSetAside: sum((t) => t.badSetAside),
            badAccepted: sum((t) => t.badAccepted),
            misattributed: sum((t) => t.misattributed),
          }
        : {}),
      ok,
    }),
  );
  if (!ok) process.exit(1);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
