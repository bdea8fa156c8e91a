import { describe, expect, it } from 'vitest';
import { buildLedgers } from '../../../addin/excel/build';
import { checkWorkbookInExcel } from '../../../addin/excel/check';
import { blocks, PAYLOAD_LIMIT_BYTES, sendWithinBudget } from '../../../addin/excel/payload';
import { setUpWorkbook } from '../../../addin/excel/setup';
import { createSimulatedWorkbook, type SimulatedWorkbook } from '../../../addin/simulator';
import { say } from '../../../shared';
import { generateWorkbook } from '../../../addin/demo/generate';
import { loadRegisters, runOf } from './helpers';

describe('payloads split at the 5 MB boundary', () => {
  it('plans blocks that fit the budget', () => {
    expect(blocks(10, 100, 350)).toEqual([
      { start: 0, count: 3 },
      { start: 3, count: 3 },
      { start: 6, count: 3 },
      { start: 9, count: 1 },
    ]);
    expect(blocks(0, 100)).toEqual([]);
  });

  it('reads and writes a register far over 5 MB without one request or response over the limit', async () => {
    const g = generateWorkbook({ appeals: 4000, seed: 5 });
    // Long contents, as real appeals often are, push the register to several megabytes.
    const appeals = g.input.appeals;
    if (!appeals) throw new Error('no appeals');
    const contentAt = appeals.header.indexOf('诉求内容');
    const padded = {
      ...g.input,
      appeals: {
        ...appeals,
        rows: appeals.rows.map((r) =>
          r.map((v, i) => (i === contentAt ? `${String(v)}。${'具体情况：'.repeat(120)}` : v)),
        ),
      },
    };
    const wb = createSimulatedWorkbook();
    await setUpWorkbook(runOf(wb));
    await loadRegisters(wb, padded);
    wb.resetStats();
    const check = await checkWorkbookInExcel(runOf(wb), { today: g.today });
    expect(check.result.cases).toHaveLength(4000);
    expect(wb.stats.totalResponseBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(wb.stats.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    const checkSyncs = wb.stats.syncs;
    expect(checkSyncs).toBeGreaterThan(4);
    wb.resetStats();
    await buildLedgers(runOf(wb), { year: 2025, asOf: g.today });
    expect(wb.stats.totalRequestBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(wb.stats.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    const q1 = [...g.fates.values()].filter((f) => f.quarter === 1).length;
    expect(String(wb.getValues('台账2025Q1', `A${3 + q1}`)[0]?.[0])).toMatch(/^2025-\d{4}$/);
    expect(wb.getValues('台账2025Q1', `A${4 + q1}`)).toEqual([['']]);
    expect(String(wb.getValues('台账2025Q1', 'E4')[0]?.[0])).toContain('具体情况：具体情况：');
  }, 120_000);
});

// "If you encounter a limit error, retry with a smaller block size":
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-large
describe('sending within a budget, smaller again when Excel refuses the size', () => {
  const item = say('一行', 'one row');
  /** Writes row i of `text` into A(i+1), one command per row, as `sendWithinBudget` chunks them. */
  const writeRows =
    (wb: SimulatedWorkbook, text: string, rows: number, options: { budget?: number; bytes?: number } = {}) =>
    async (): Promise<number> =>
      wb.run((context) =>
        sendWithinBudget(
          Array.from({ length: rows }, (_, i) => i),
          () => options.bytes ?? 10,
          async (chunk) => {
            const sheet = context.workbook.worksheets.getItem('Sheet1');
            for (const i of chunk) sheet.getRange(`A${i + 1}`).values = [[`${i}:${text}`]];
            await context.sync();
          },
          { item, ...(options.budget ? { budget: options.budget } : {}) },
        ),
      );

  it('halves a chunk whose estimate fell short until every request fits, and writes everything once', async () => {
    const wb = createSimulatedWorkbook({ payloadLimitBytes: 20_000 });
    // Each row is ~1 KB on the wire but estimated at 10 bytes: the first request carries all 100.
    const sent = await writeRows(wb, 'x'.repeat(900), 100)();
    const refused = wb.stats.requests.filter((r) => r > 20_000).length;
    expect(refused).toBeGreaterThan(0);
    expect(sent).toBe(wb.stats.syncs - refused);
    expect(sent).toBeLessThan(20);
    expect(wb.getValues('Sheet1', 'A1:A100').map((r) => String(r[0]).split(':')[0])).toEqual(
      Array.from({ length: 100 }, (_, i) => String(i)),
    );
  });

  it('packs by estimated bytes: one request when all fits', async () => {
    const wb = createSimulatedWorkbook();
    expect(await writeRows(wb, 'y', 500, { bytes: 200 })()).toBe(1);
    const split = createSimulatedWorkbook();
    expect(await writeRows(split, 'y', 500, { bytes: 200, budget: 25_000 })()).toBe(4);
  });

  it("reports one item too big for any request as a bilingual error, with Excel's error as the cause", async () => {
    const wb = createSimulatedWorkbook({ payloadLimitBytes: 5_000 });
    const error = (await writeRows(wb, '协'.repeat(2_000), 3)().catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('一行超过 Excel 单次请求 5 MB 的上限');
    expect(error.message).toContain("one row is over Excel's 5 MB limit");
    expect(error.cause).toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  });

  it('re-sends after a response refused for size only what may run twice', async () => {
    const wb = createSimulatedWorkbook({ payloadLimitBytes: 30_000 });
    wb.setValues(
      'Sheet1',
      'A1:A60',
      Array.from({ length: 60 }, () => ['z'.repeat(1000)]),
    );
    const read = (idempotent: boolean): Promise<number> => {
      let calls = 0;
      return wb
        .run((context) =>
          sendWithinBudget(
            Array.from({ length: 60 }, (_, i) => i),
            () => 10,
            async (chunk) => {
              calls++;
              const sheet = context.workbook.worksheets.getItem('Sheet1');
              for (const i of chunk) sheet.getRange(`A${i + 1}`).load('values');
              await context.sync();
            },
            { item, idempotent },
          ),
        )
        .then(() => calls);
    };
    await expect(read(false)).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(await read(true)).toBeGreaterThan(2);
  });
});
