/**
 * Request and response sizes. Excel on the web rejects a request or response over 5 MB, so every
 * bulk operation is planned in blocks that stay under a budget with room for the envelope.
 */

import { jsonBytes } from '../sync/size';
import type { Bilingual } from '../../shared';

/** Excel on the web's payload limit for one request or response. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** What one sync may carry, leaving room for the request envelope and property names. */
export const PAYLOAD_BUDGET_BYTES = 4 * 1024 * 1024;

/**
 * What one sync may carry when its size is counted by {@link wire}, which already errs high (ids at
 * seven digits, an instantiate action for every object): a tenth of the limit is left for the rest.
 */
export const WIRE_BUDGET_BYTES = Math.floor(PAYLOAD_LIMIT_BYTES * 0.9);

/** Excel's limit on the cells one read may return. */
export const READ_CELL_LIMIT = 5_000_000;

/** The UTF-8 size of a value as JSON, which is how it travels to Excel (and to the functions). */
export { jsonBytes };

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

const payloadCode = (e: unknown): string =>
  typeof e === 'object' && e !== null ? String((e as { code?: unknown }).code ?? '') : '';
const payloadMessage = (e: unknown): string =>
  typeof e === 'object' && e !== null ? String((e as { message?: unknown }).message ?? '') : '';

/** Whether an error is Excel's payload-size error (request or response). */
export const isPayloadError = (e: unknown): boolean =>
  /PayloadSizeLimitExceeded/.test(payloadCode(e)) ||
  /payload size has exceeded the limit/i.test(payloadMessage(e));

/** Whether Excel refused the request itself for its size: then none of its actions ran. */
export const isRequestPayloadError = (e: unknown): boolean =>
  payloadCode(e) === 'RequestPayloadSizeLimitExceeded' ||
  /request payload size has exceeded the limit/i.test(payloadMessage(e));

/**
 * The size of office.js's request parts (`Actions` and `ObjectPaths`, as JSON), for planning how
 * many commands fit one request. Ids are counted at seven digits, more than one run ever reaches.
 */
export const wire = {
  /** The action that instantiates one object (a range, its format, its fill...). */
  instantiate: jsonBytes({
    Id: 9_999_999,
    ActionType: 1,
    Name: '',
    ObjectPathId: 9_999_999,
    ArgumentInfo: {},
  }),
  /** An object's path (`GetRange("B5")`, `Format`...), with its key in `ObjectPaths`. */
  path: (name: string, args: readonly unknown[] = []): number =>
    12 +
    jsonBytes({
      Id: 9_999_999,
      ObjectPathType: 5,
      Name: name,
      ParentObjectPathId: 9_999_999,
      ArgumentInfo: args.length ? { Arguments: args } : {},
    }),
  /** Setting a property or calling a method (`Color = "#FF9999"`, `Clear()`). */
  action: (name: string, args: readonly unknown[] = []): number =>
    1 +
    jsonBytes({
      Id: 9_999_999,
      ActionType: 4,
      Name: name,
      ObjectPathId: 9_999_999,
      ArgumentInfo: args.length ? { Arguments: args } : {},
    }),
  /** Loading properties of one object. */
  query: (select: readonly string[]): number =>
    1 +
    jsonBytes({
      Id: 9_999_999,
      ActionType: 2,
      Name: '',
      ObjectPathId: 9_999_999,
      QueryInfo: { Select: select },
    }),
} as const;

/** How {@link sendWithinBudget} sends. */
export interface BudgetOptions {
  /**
   * Bytes one request may carry; the rest of the 5 MB is the margin for what estimates miss. By
   * default {@link WIRE_BUDGET_BYTES}, as items are sized by {@link wire}.
   */
  readonly budget?: number;
  /**
   * Whether sending a chunk again does no harm. A response refused for size comes back after the
   * request's actions ran, so only such chunks are split and sent again after it.
   */
  readonly idempotent?: boolean;
  /** What one item is, for the error when a single item will not fit one request. */
  readonly item: Bilingual;
}

/**
 * Sends `items` in as few requests as the budget allows: chunks are packed by each item's estimated
 * bytes, and `send` queues a chunk's commands and syncs. A chunk Excel refuses for size is split in
 * halves that are sent again (a request refused for size applied nothing), and later chunks are
 * packed smaller; a single item Excel refuses is a real error. Returns the requests that went through.
 * Excel's advice for limit errors is exactly this: "retry with a smaller block size"
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-large).
 */
export async function sendWithinBudget<T>(
  items: readonly T[],
  bytesOf: (item: T) => number,
  send: (chunk: readonly T[]) => Promise<void>,
  options: BudgetOptions,
): Promise<number> {
  let budget = options.budget ?? WIRE_BUDGET_BYTES;
  const retry: { chunk: readonly T[]; bytes: number }[] = [];
  let next = 0;
  let sent = 0;
  while (next < items.length || retry.length > 0) {
    let job = retry.shift();
    if (!job) {
      let bytes = 0;
      let end = next;
      while (end < items.length) {
        const size = bytesOf(items[end] as T);
        if (end > next && bytes + size > budget) break;
        bytes += size;
        end++;
      }
      job = { chunk: items.slice(next, end), bytes };
      next = end;
    }
    try {
      await send(job.chunk);
      sent++;
    } catch (e) {
      const again = isRequestPayloadError(e) || (options.idempotent === true && isPayloadError(e));
      if (!again) throw e;
      if (job.chunk.length === 1)
        throw new Error(
          `${options.item.zh}超过 Excel 单次请求 5 MB 的上限，请缩短内容后重试 / ${options.item.en} is over Excel's 5 MB limit for one request; shorten it and try again`,
          { cause: e },
        );
      // The estimate fell short by at least budget/limit: plan what is left well inside it.
      budget = Math.max(1, Math.min(budget, Math.floor(job.bytes / 2)));
      const half = Math.ceil(job.chunk.length / 2);
      const first = job.chunk.slice(0, half);
      const second = job.chunk.slice(half);
      retry.unshift(
        { chunk: first, bytes: first.reduce((n, i) => n + bytesOf(i), 0) },
        { chunk: second, bytes: second.reduce((n, i) => n + bytesOf(i), 0) },
      );
    }
  }
  return sent;
}
