/**
 * npm run bench: reads, validates and aggregates 50,000 generated appeals given as raw cell
 * values (the way range.values hands them over), and times JSON.parse of the same rows as a
 * floor. Prints one JSON line; the target is ratioToFloor ≤ 3.
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildAnnualSummary, checkWorkbook, computeFigures, type WorkbookInput } from '../shared';
import { generateWorkbook } from '../addin/demo/generate';

const ROWS = Number(process.env['BENCH_ROWS'] ?? 50_000);
// The minimum of several runs is the figure least disturbed by other work on a shared machine.
const RUNS = 7;

const best = (xs: number[]): number => Math.min(...xs);

function pipeline(input: WorkbookInput, today: string, year: number): number {
  const check = checkWorkbook(input, { today });
  let received = 0;
  for (const quarter of [1, 2, 3, 4] as const) {
    received += computeFigures(
      check.cases,
      { year, quarter },
      { asOf: today, calendar: check.calendar, rules: check.settings },
    ).received;
  }
  buildAnnualSummary(check.cases, year, check.lists);
  return received;
}

const g = generateWorkbook({ appeals: ROWS, seed: 42 });
const text = JSON.stringify(g.input);

// Each timed step starts from a collected heap, so neither side pays for the other's garbage.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

// Time is the process's CPU time (all its threads, GC included): on a shared machine wall-clock
// time swings with other work, CPU time measures ours. Wall-clock figures are printed beside.
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const floorMs: number[] = [];
const coreMs: number[] = [];
const floorWall: number[] = [];
const coreWall: number[] = [];
for (let i = 0; i < RUNS; i++) {
  collect();
  let c = cpuMs();
  let t = performance.now();
  const parsed = JSON.parse(text) as WorkbookInput;
  floorMs.push(cpuMs() - c);
  floorWall.push(performance.now() - t);
  collect();
  c = cpuMs();
  t = performance.now();
  const received = pipeline(parsed, g.today, g.year);
  coreMs.push(cpuMs() - c);
  coreWall.push(performance.now() - t);
  if (received !== ROWS) throw new Error(`counted ${received} appeals, expected ${ROWS}`);
}

const rowsPerSec = ROWS / (best(coreMs) / 1000);
const floorRowsPerSec = ROWS / (best(floorMs) / 1000);
console.log(
  JSON.stringify({
    rows: ROWS,
    rowsPerSec: Math.round(rowsPerSec),
    floorRowsPerSec: Math.round(floorRowsPerSec),
    ratioToFloor: Number((floorRowsPerSec / rowsPerSec).toFixed(2)),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    clock: 'cpu',
    wallRatioToFloor: Number((best(coreWall) / best(floorWall)).toFixed(2)),
  }),
);
