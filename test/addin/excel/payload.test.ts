import { describe, expect, it } from 'vitest';
import { buildLedgers } from '../../../addin/excel/build';
import { checkWorkbookInExcel } from '../../../addin/excel/check';
import { blocks, PAYLOAD_LIMIT_BYTES } from '../../../addin/excel/payload';
import { setUpWorkbook } from '../../../addin/excel/setup';
import { createSimulatedWorkbook } from '../../../addin/simulator';
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
