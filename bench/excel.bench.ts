/**
 * npm run bench:excel — sets up a simulated workbook, then checks it and builds the ledgers over
 * 1,000, 5,000, 10,000 and 50,000 appeals, counting syncs and request and response bytes as Excel on
 * the web would see them; the baseline is the naive row-by-row way. One JSON line per operation and
 * size, with a modelled time on Excel on the web (issue 9, "speed in the clerk's terms"):
 * syncs × round trip + bytes ÷ bandwidth + measured compute, and pass/fail against the targets.
 */
import { performance } from 'node:perf_hooks';
import { buildLedgers } from '../addin/excel/build';
import { checkWorkbookInExcel } from '../addin/excel/check';
import type { ExcelRun } from '../addin/excel/context';
import { setUpWorkbook } from '../addin/excel/setup';
import { createSimulatedWorkbook, type SimulatedWorkbook } from '../addin/simulator';
import { buildWorkLedger, workLedgerSheet } from '../shared';
import { generateWorkbook } from '../addin/demo/generate';
import { loadRegisters } from '../test/addin/excel/helpers';
import { naiveRead, naiveWrite } from './naive';

const SIZES = (process.env['BENCH_SIZES'] ?? '1000,5000,10000,50000').split(',').map(Number);
const runOf = (wb: SimulatedWorkbook): ExcelRun => wb.run.bind(wb) as ExcelRun;

/** The model's constants: one round trip to Excel on the web per sync, and the link's bandwidth. */
const ROUND_TRIP_MS = 150;
const BANDWIDTH_BYTES_PER_S = 2 * 1024 * 1024;
/** Modelled-time targets of issue 9 for check and build, by the number of appeals. */
const TARGET_MS: Readonly<Record<number, number>> = { 5000: 3000, 50000: 20000 };

/**
 * Excel on the web, modelled: every sync waits a round trip, every byte crosses the link, and the
 * compute is what this process measured (our code plus the simulator standing in for Excel's work).
 */
function modelledMs(m: { syncs: number; requestBytes: number; responseBytes: number; ms: number }): number {
  const transfer = ((m.requestBytes + m.responseBytes) / BANDWIDTH_BYTES_PER_S) * 1000;
  return Math.round(m.syncs * ROUND_TRIP_MS + transfer + m.ms);
}

async function measure(wb: SimulatedWorkbook, work: () => Promise<unknown>) {
  wb.resetStats();
  const t = performance.now();
  await work();
  const measured = {
    syncs: wb.stats.syncs,
    requestBytes: wb.stats.totalRequestBytes,
    responseBytes: wb.stats.totalResponseBytes,
    maxRequestBytes: wb.stats.maxRequestBytes,
    maxResponseBytes: wb.stats.maxResponseBytes,
    ms: Math.round(performance.now() - t),
  };
  return { ...measured, modelledMs: modelledMs(measured) };
}

/** Pass or fail against the target for this size, where issue 9 sets one. */
function verdict(rows: number, modelled: number): { targetMs?: number; pass?: boolean } {
  const target = TARGET_MS[rows];
  return target === undefined ? {} : { targetMs: target, pass: modelled < target };
}

console.log(
  JSON.stringify({
    model:
      'Excel on the web: modelledMs = syncs × roundTripMs + (requestBytes + responseBytes) ÷ bandwidth + ms',
    roundTripMs: ROUND_TRIP_MS,
    bandwidthBytesPerSecond: BANDWIDTH_BYTES_PER_S,
    targets: 'check and build: 5,000 appeals < 3,000 ms, 50,000 < 20,000 ms (modelled)',
  }),
);

for (const rows of SIZES) {
  const g = generateWorkbook({ appeals: rows, seed: 9 });
  const wb = createSimulatedWorkbook();
  const setup = await measure(wb, () => setUpWorkbook(runOf(wb)));
  await loadRegisters(wb, g.input);
  const check = await measure(wb, () => checkWorkbookInExcel(runOf(wb), { today: g.today }));
  const build = await measure(wb, () => buildLedgers(runOf(wb), { year: g.year, asOf: g.today }));

  // The naive baseline on a copy: read the appeal register row by row; write one quarter's ledger row by row.
  const naive = createSimulatedWorkbook();
  naive.fromJSON(wb.toJSON());
  const naiveCheck = await measure(naive, () => naiveRead(runOf(naive), 'Appeals'));
  const core = (await checkWorkbookInExcel(runOf(naive), { today: g.today })).result;
  const ledgers = [1, 2, 3, 4].flatMap((q) =>
    buildWorkLedger(core.cases, { year: g.year, quarter: q as 1 }, g.today),
  );
  const keys = workLedgerSheet.fields.map((f) => f.key);
  const naiveBuild = await measure(naive, () =>
    naiveWrite(
      runOf(naive),
      '朴素台账',
      workLedgerSheet.fields.map((f) => f.header),
      ledgers.map((r) => keys.map((k) => (r as Record<string, unknown>)[k] ?? '')),
    ),
  );

  console.log(JSON.stringify({ op: 'setup', rows, ...setup }));
  console.log(
    JSON.stringify({
      op: 'check',
      rows,
      ...check,
      ...verdict(rows, check.modelledMs),
      naiveSyncs: naiveCheck.syncs,
      naiveMs: naiveCheck.ms,
      naiveModelledMs: naiveCheck.modelledMs,
    }),
  );
  console.log(
    JSON.stringify({
      op: 'build',
      rows,
      ...build,
      ...verdict(rows, build.modelledMs),
      naiveSyncs: naiveBuild.syncs,
      naiveMs: naiveBuild.ms,
      naiveModelledMs: naiveBuild.modelledMs,
    }),
  );
}
