/**
 * npm run bench:cloud: pushes 10,000 records through the local functions host (HTTP, auth,
 * validation, ETag transactions, audit) into Azurite and, in the same run and with the same
 * concurrency, upserts the same records straight through @azure/data-tables in 100-entity
 * transactions; prints {"records","syncRecordsPerSec","rawRecordsPerSec","ratio","requests"}
 * (target ratio ≥ 0.7). Then times the daily reminders scan over 50,000 open appeals.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { InvocationContext } from '@azure/functions';
import { TableClient, type TransactionAction } from '@azure/data-tables';
import {
  type AppealRecord,
  appealRegister,
  appealReminders,
  type PushRecord,
  type RemindersResponse,
  SCHEMA_VERSION,
  stripIdentity,
  type SyncResponse,
  type WireValue,
} from '../shared';
import { signDevToken } from '../functions/src/auth/devKey';
import { sealChannels } from '../functions/src/delivery/channels';
import { unitData } from '../functions/src/domain/unitData';
import { remindersTimer } from '../functions/src/functions/remindersTimer';
import { getServices } from '../functions/src/services';
import { toEntity } from '../functions/src/storage/recordEntity';
import { startLocalFunctions } from '../scripts/serve-functions';
import { generateWorkbook } from '../addin/demo/generate';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 10_000);
const SCAN = Number(process.env.BENCH_SCAN ?? 50_000);
const SCAN_UNITS = 25;
const UNITS = 10;
const PER_REQUEST = 500;
const CONCURRENCY = 4;
const SECRET = 'cloud-bench-dev-secret-0123456789abcdef';

/** Runs jobs with at most `limit` in flight. */
async function pool(jobs: (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < jobs.length) await (jobs[next++] as () => Promise<void>)();
    }),
  );
}

const cloudRecord = (a: AppealRecord, tag: string): PushRecord => ({
  register: 'appeals',
  key: a.id as string,
  changeId: `${tag}-${a.id}`,
  baseRevision: null,
  values: stripIdentity(appealRegister, a) as Record<string, WireValue>,
});

async function main(): Promise<void> {
  const local = await startLocalFunctions({ port: 0, env: { XIESHANG_DEV_SECRET: SECRET } });
  try {
    const appeals = generateWorkbook({ appeals: RECORDS, seed: 7 }).appeals;
    const units = Array.from({ length: UNITS }, (_, u) => `bench-${u}`);
    const share = (u: number) => appeals.slice((u * RECORDS) / UNITS, ((u + 1) * RECORDS) / UNITS);
    const secret = new TextEncoder().encode(SECRET);
    const tokens = await Promise.all(
      units.map((unit) =>
        signDevToken(
          { sub: 'bench', roles: ['clerk'], units: [0, 1, 2].map((r) => `r${r}-${unit}`).concat('warm') },
          secret,
        ),
      ),
    );
    const raw = TableClient.fromConnectionString(local.connectionString, 'rawbench', {
      allowInsecureConnection: true,
    });
    const rawCreate = TableClient.fromConnectionString(local.connectionString, 'rawcreate', {
      allowInsecureConnection: true,
    });
    await raw.createTable();
    await rawCreate.createTable();
    let requests = 0;
    const push = async (unit: string, token: string, records: PushRecord[]): Promise<void> => {
      const res = await fetch(`${local.url}/api/units/${unit}/sync`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ schemaVersion: SCHEMA_VERSION, cursor: '999999999', records }),
      });
      requests++;
      const body = (await res.json()) as SyncResponse;
      if (res.status !== 200 || body.results.length !== records.length)
        throw new Error(`sync ${unit}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    };
    const entity = (unit: string, r: PushRecord, seq: number) =>
      toEntity(
        unit,
        { ...r, values: r.values ?? {}, deleted: false },
        seq,
        new Date().toISOString(),
        'bench',
      );
    const upsertRaw = async (unit: string, records: PushRecord[]): Promise<void> => {
      for (let i = 0; i < records.length; i += 100) {
        const actions: TransactionAction[] = records
          .slice(i, i + 100)
          .map((r, j) => ['upsert', entity(unit, r, i + j), 'Replace']);
        await raw.submitTransaction(actions);
      }
    };
    // Also plain inserts, the operation the sync path itself uses for new records.
    const createRaw = async (unit: string, records: PushRecord[]): Promise<void> => {
      for (let i = 0; i < records.length; i += 100) {
        const actions: TransactionAction[] = records
          .slice(i, i + 100)
          .map((r, j) => ['create', entity(unit, r, i + j)]);
        await rawCreate.submitTransaction(actions);
      }
    };
    // Warm both paths (JIT, connections, tables) before timing either.
    const warm = appeals.slice(0, 500).map((a) => cloudRecord(a, 'warm'));
    await push('warm', tokens[0] as string, warm);
    await upsertRaw('warm', warm);
    await createRaw('warm', warm);
    requests = 0;

    const chunks = (u: number) => {
      const rs = share(u).map((a) => cloudRecord(a, 'b'));
      return Array.from({ length: Math.ceil(rs.length / PER_REQUEST) }, (_, i) =>
        rs.slice(i * PER_REQUEST, (i + 1) * PER_REQUEST),
      );
    };
    // Records per second of one path over all units, with CONCURRENCY requests in flight.
    const timed = async (
      send: (unit: string, u: number, c: PushRecord[]) => Promise<void>,
      round: number,
    ) => {
      const t = performance.now();
      await pool(
        units.map((unit, u) => async () => {
          for (const c of chunks(u)) await send(`r${round}-${unit}`, u, c);
        }),
        CONCURRENCY,
      );
      return (RECORDS / (performance.now() - t)) * 1000;
    };
    const paths = {
      raw: (unit: string, _u: number, c: PushRecord[]) => upsertRaw(unit, c),
      create: (unit: string, _u: number, c: PushRecord[]) => createRaw(unit, c),
      sync: (unit: string, u: number, c: PushRecord[]) => push(unit, tokens[u] as string, c),
    };
    // Three rounds, the order rotated so no path always runs on the emptiest (or fullest) Azurite;
    // the best round of each path is the one least disturbed by other work on a shared machine.
    const best = { raw: 0, create: 0, sync: 0 };
    const orders: (keyof typeof paths)[][] = [
      ['raw', 'create', 'sync'],
      ['create', 'sync', 'raw'],
      ['sync', 'raw', 'create'],
    ];
    for (const [round, order] of orders.entries()) {
      for (const path of order) best[path] = Math.max(best[path], await timed(paths[path], round));
    }
    const stored = (await Promise.all(units.map((u) => getServices().store.records.head(`r0-${u}`)))).reduce(
      (a, b) => a + b,
      0,
    );
    if (stored !== RECORDS) throw new Error(`stored ${stored} of ${RECORDS}`);
    const syncRecordsPerSec = Math.round(best.sync);
    const rawRecordsPerSec = Math.round(best.raw);
    console.log(
      JSON.stringify({
        records: RECORDS,
        syncRecordsPerSec,
        rawRecordsPerSec,
        ratio: Number((best.sync / best.raw).toFixed(3)),
        requests: requests / orders.length,
        concurrency: CONCURRENCY,
        rawCreateRecordsPerSec: Math.round(best.create),
        ratioToCreate: Number((best.sync / best.create).toFixed(3)),
      }),
    );

    await scan(local.url, secret);
  } finally {
    await local.stop();
  }
}

/**
 * Seeds SCAN open appeals over SCAN_UNITS units (through the storage module), then times the
 * daily reminders job: every unit's records loaded and its reminders computed, and the whole timer
 * run delivering them to a loopback robot.
 */
async function scan(url: string, secret: Uint8Array): Promise<void> {
  const services = getServices();
  const { store } = services;
  const g = generateWorkbook({ appeals: SCAN, seed: 9 });
  const units = Array.from({ length: SCAN_UNITS }, (_, u) => `scan-${u}`);
  const robot = await loopbackRobot();
  let t = performance.now();
  await pool(
    units.map((unit, u) => async () => {
      const mine = g.appeals.slice((u * SCAN) / SCAN_UNITS, ((u + 1) * SCAN) / SCAN_UNITS);
      const writes = mine.map((a) => ({
        ...cloudRecord(open(a), 'scan'),
        values: stripIdentity(appealRegister, open(a)) as Record<string, WireValue>,
        deleted: false,
      }));
      await store.records.commit(unit, writes, { id: 'bench', roles: ['clerk'] }, 'bench.seed');
      await store.units.configure(unit, {
        name: unit,
        channels: await sealChannels(
          [{ id: 'robot', kind: 'wecom', url: robot.url }],
          'channels',
          services.webhooks,
        ),
      });
    }),
    CONCURRENCY,
  );
  const seedMs = performance.now() - t;
  const today = (
    (await (
      await fetch(`${url}/api/units/scan-0/reminders`, {
        headers: {
          authorization: `Bearer ${await signDevToken({ sub: 'b', roles: ['clerk'], units: ['scan-0'] }, secret)}`,
        },
      })
    ).json()) as RemindersResponse
  ).today;
  t = performance.now();
  let loadMs = 0;
  let computeMs = 0;
  let openAppeals = 0;
  let reminders = 0;
  for (const unit of units) {
    const l = performance.now();
    const records = await store.records.load(unit);
    const c = performance.now();
    const d = unitData(records);
    reminders += appealReminders(d.cases, d.settings, d.calendar, today).length;
    computeMs += performance.now() - c;
    loadMs += c - l;
    openAppeals += d.cases.filter((x) => !x.appeal.finishedOn).length;
  }
  const scanMs = performance.now() - t;
  t = performance.now();
  const run = (await remindersTimer.run(
    services,
    new InvocationContext({ functionName: 'reminders', logHandler: () => {} }),
  )) as { units: { sent: number; failed: number }[] };
  const timerMs = performance.now() - t;
  await robot.close();
  console.log(
    JSON.stringify({
      scan: 'reminders',
      openAppeals,
      units: SCAN_UNITS,
      reminders,
      scanMs: Math.round(scanMs),
      loadMs: Math.round(loadMs),
      computeMs: Math.round(computeMs),
      timerMs: Math.round(timerMs),
      delivered: run.units.reduce((n, u) => n + u.sent, 0),
      failed: run.units.reduce((n, u) => n + u.failed, 0),
      robotMessages: robot.count(),
      seedRecordsPerSec: Math.round((SCAN / seedMs) * 1000),
    }),
  );
}

/** An appeal still open: no finish, report or telling yet. */
const open = (a: AppealRecord): AppealRecord => {
  const { finishedOn: _f, reportedOn: _r, toldOn: _t, impossibleReason: _i, ...rest } = a;
  return rest;
};

/** A WeCom-style robot on 127.0.0.1 that accepts every message. */
async function loopbackRobot(): Promise<{ url: string; count(): number; close(): Promise<void> }> {
  let n = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      n++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/robot?key=bench`,
    count: () => n,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
