import { describe, expect, it } from 'vitest';
import { createSimulatedWorkbook, isPayloadLimitError } from '../../../addin/simulator';

const MB = 1024 * 1024;

/** A rows × 10 block of strings whose JSON is roughly `bytes` long. */
function block(bytes: number): string[][] {
  const cell = 'x'.repeat(97);
  const rows = Math.ceil(bytes / (10 * (cell.length + 3)));
  return Array.from({ length: rows }, () => Array.from({ length: 10 }, () => cell));
}

async function write(wb: ReturnType<typeof createSimulatedWorkbook>, values: string[][]): Promise<unknown> {
  return wb
    .run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRangeByIndexes(0, 0, values.length, 10);
      range.values = values;
      await context.sync();
    })
    .then(
      () => undefined,
      (e: unknown) => e,
    );
}

describe('payload limits and counters', () => {
  it('rejects a 6 MB write with RequestPayloadSizeLimitExceeded and changes nothing', async () => {
    const wb = createSimulatedWorkbook();
    wb.setValues('Sheet1', 'A1', [['keep']]);
    const error = await write(wb, block(6 * MB));
    expect(error).toMatchObject({
      code: 'RequestPayloadSizeLimitExceeded',
      message: expect.stringContaining('The request payload size has exceeded the limit'),
    });
    expect(isPayloadLimitError(error)).toBe(true);
    expect(wb.getValues('Sheet1', 'A1:B2')).toEqual([
      ['keep', ''],
      ['', ''],
    ]);
    expect(wb.stats.maxRequestBytes).toBeGreaterThan(6 * MB);
  });

  it('accepts a 4 MB write', async () => {
    const wb = createSimulatedWorkbook();
    const values = block(4 * MB);
    expect(await write(wb, values)).toBeUndefined();
    expect(wb.getValues('Sheet1', `J${values.length}`)).toEqual([['x'.repeat(97)]]);
    expect(wb.stats.maxRequestBytes).toBeGreaterThan(4 * MB);
    expect(wb.stats.maxRequestBytes).toBeLessThan(5 * MB);
  });

  it('has no payload limit on desktop unless one is given', async () => {
    const desktop = createSimulatedWorkbook({ platform: 'desktop' });
    expect(await write(desktop, block(6 * MB))).toBeUndefined();
    const strict = createSimulatedWorkbook({ platform: 'desktop', payloadLimitBytes: 1000 });
    expect(await write(strict, block(2000))).toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  });

  it('counts syncs (empty ones too) and the bytes of each request', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      await context.sync();
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['a']];
      await context.sync();
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:A2').values = [
        ['a'.repeat(1000)],
        ['b'.repeat(1000)],
      ];
      await context.sync();
    });
    const { syncs, requests, totalRequestBytes, maxRequestBytes } = wb.stats;
    expect(syncs).toBe(3);
    expect(requests).toHaveLength(3);
    expect(requests[0]).toBeLessThan(100);
    expect(requests[2]).toBeGreaterThan(2000);
    expect((requests[2] as number) - (requests[1] as number)).toBeGreaterThan(1900);
    expect(totalRequestBytes).toBe(requests.reduce((a, b) => a + b, 0));
    expect(maxRequestBytes).toBe(requests[2]);
    wb.resetStats();
    expect(wb.stats).toMatchObject({ syncs: 0, requests: [], totalRequestBytes: 0, maxRequestBytes: 0 });
  });

  it('counts request bytes as UTF-8', async () => {
    const wb = createSimulatedWorkbook();
    const sizes: number[] = [];
    for (const text of ['a'.repeat(300), '协'.repeat(300)]) {
      wb.resetStats();
      await wb.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[text]];
        await context.sync();
      });
      sizes.push(wb.stats.requests[0] as number);
    }
    expect((sizes[1] as number) - (sizes[0] as number)).toBe(600);
  });

  it('rejects a response over the limit after applying the batch', async () => {
    const wb = createSimulatedWorkbook({ payloadLimitBytes: 200_000 });
    const values = Array.from({ length: 300 }, () => ['y'.repeat(1000)]);
    await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:A300');
      range.values = values
        .slice(0, 150)
        .concat(values.slice(0, 150))
        .map(() => ['z']);
      await context.sync();
    });
    wb.setValues('Sheet1', 'A1:A300', values);
    await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:A300').load('values');
      context.workbook.worksheets.getItem('Sheet1').getRange('B1').values = [['written']];
      await expect(context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
      expect(() => range.values).toThrow(/not available/);
    });
    expect(wb.getValues('Sheet1', 'B1')).toEqual([['written']]);
    expect(wb.stats.maxResponseBytes).toBeGreaterThan(200_000);
  });

  it('refuses to read more than 5 million cells in one go', async () => {
    const wb = createSimulatedWorkbook({ platform: 'desktop' });
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A:E').load('values');
      await expect(context.sync()).rejects.toMatchObject({
        code: 'InvalidOperation',
        message: expect.stringContaining('5 million cell limit'),
      });
      const fine = context.workbook.worksheets.getItem('Sheet1').getRange('A:E').load('address, rowCount');
      await context.sync();
      expect(fine.address).toBe('Sheet1!A:E');
      expect(fine.rowCount).toBe(1_048_576);
    });
  });
});
