/**
 * npm run bench:excel — sets up a simulated workbook, then checks it and builds the ledgers over
 * 1,000, 10,000 and 50,000 appeals, counting syncs and request sizes as Excel on the web would see
 * them; the baseline is the naive row-by-row way. One JSON line per operation and size.
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

const SIZES = (process.env['BENCH_SIZES'] ?? '1000,10000,50000').split(',').map(Number);
const runOf = (wb: SimulatedWorkbook): ExcelRun => wb.run.bind(wb) as ExcelRun;

async function measure(wb: SimulatedWorkbook, work: () => Promise<unknown>) {
  wb.resetStats();
  const t = performance.now();
  await work();
  return {
    syncs: wb.stats.syncs,
    maxRequestBytes: wb.stats.maxRequestBytes,
    maxResponseBytes: wb.stats.maxResponseBytes,
    ms: Math.round(performance.now() - t),
  };
}

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
    JSON.stringify({ op: 'check', rows, ...check, naiveSyncs: naiveCheck.syncs, naiveMs: naiveCheck.ms }),
  );
  console.log(
    JSON.stringify({ op: 'build', rows, ...build, naiveSyncs: naiveBuild.syncs, naiveMs: naiveBuild.ms }),
  );
}
