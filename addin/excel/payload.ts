/**
 * Request and response sizes. Excel on the web rejects a request or response over 5 MB, so every
 * bulk operation is planned in blocks that stay under a budget with room for the envelope.
 */

/** Excel on the web's payload limit for one request or response. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** What one sync may carry, leaving room for the request envelope and property names. */
export const PAYLOAD_BUDGET_BYTES = 4 * 1024 * 1024;

/** Excel's limit on the cells one read may return. */
export const READ_CELL_LIMIT = 5_000_000;

const encoder = new TextEncoder();

/** The UTF-8 size of a value as JSON, which is how it travels to Excel. */
export const jsonBytes = (value: unknown): number => encoder.encode(JSON.stringify(value)).length;

/** Estimated bytes per row of values, from a sample of rows (the largest seen, with a margin). */
export function bytesPerRow(sample: readonly (readonly unknown[])[], columns: number): number {
  let worst = columns * 4;
  for (const row of sample) worst = Math.max(worst, jsonBytes(row));
  return Math.ceil(worst * 1.25) + 8;
}

/** Splits `rows` rows into blocks of at most `budget` bytes at `perRow` bytes a row. */
export function blocks(
  rows: number,
  perRow: number,
  budget = PAYLOAD_BUDGET_BYTES,
): { start: number; count: number }[] {
  const size = Math.max(1, Math.floor(budget / Math.max(1, perRow)));
  const out: { start: number; count: number }[] = [];
  for (let start = 0; start < rows; start += size) out.push({ start, count: Math.min(size, rows - start) });
  return out;
}

/** Whether an error is Excel's payload-size error (request or response). */
export const isPayloadError = (e: unknown): boolean =>
  typeof e === 'object' &&
  e !== null &&
  /PayloadSizeLimitExceeded/.test(String((e as { code?: unknown }).code ?? ''));
