/**
 * npm run bench:cloud-load: 20 concurrent clients push and pull against the local functions host
 * on 127.0.0.1 for 60 seconds (LOAD_SECONDS overrides), every tenth push resent as a retry. Stops
 * by itself, then proves nothing was lost or duplicated: per unit, the records stored and pulled
 * back match what the clients were told was stored (count and checksum), and the unit's change
 * counter equals the number of writes applied. Prints one JSON line with p50/p95 latencies.
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
  const sync = async (unit: string, token: string, body: object): Promise<SyncResponse> => {
    const t = performance.now();
    const res = await fetch(`${local.url}/api/units/${unit}/sync`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as SyncResponse;
    latencies.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(json).slice(0, 200)}`);
    return json;
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
    };
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
          last = { schemaVersion: SCHEMA_VERSION, cursor, records };
          const res = await sync(unit, token, last);
          cursor = res.cursor;
          tally.pushes++;
          tally.conflicts += res.conflicts.length;
          for (const r of res.results) {
            if (r.status === 'applied') tally.applied++;
            const sent = records.find((x) => x.key === r.key);
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
    sum((t) => t.conflicts) === 0;
  console.log(
    JSON.stringify({
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
      ok,
    }),
  );
  if (!ok) process.exit(1);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
