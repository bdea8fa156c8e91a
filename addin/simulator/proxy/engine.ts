import { SimulatedExcelError } from '../errors';
import type { WorkbookModel } from '../model/workbook-model';
import type { ProxyBase } from './proxy-base';
import type { Command, SyncState } from './command';
import type { SimRequestContext } from './context';
import { requestJson, utf8Length } from './wire';

/** Counters of what went over the (simulated) wire. */
export interface SyncStats {
  /** Every `context.sync()` (empty ones too) and every closing sync of `run` that had work. */
  syncs: number;
  maxRequestBytes: number;
  totalRequestBytes: number;
  /** Bytes of each sync's request, in order (rejected ones included). */
  requests: number[];
  maxResponseBytes: number;
  totalResponseBytes: number;
  responses: number[];
}

/** Fresh, zeroed counters. */
export function emptyStats(): SyncStats {
  return {
    syncs: 0,
    maxRequestBytes: 0,
    totalRequestBytes: 0,
    requests: [],
    maxResponseBytes: 0,
    totalResponseBytes: 0,
    responses: [],
  };
}

/**
 * Runs one sync as Excel does: the request is sized first (over the limit, nothing happens); commands then
 * apply in order and the first failure stops the rest (earlier ones stay applied); loaded values and method
 * results reach the proxies only if every command succeeded and the response fits the limit.
 */
export function executeBatch(
  wb: WorkbookModel,
  batch: readonly Command[],
  context: SimRequestContext,
  stats: SyncStats,
  limit: number,
): void {
  const requestBytes = utf8Length(requestJson(batch));
  stats.syncs += 1;
  stats.requests.push(requestBytes);
  stats.totalRequestBytes += requestBytes;
  stats.maxRequestBytes = Math.max(stats.maxRequestBytes, requestBytes);
  if (requestBytes > limit)
    throw new SimulatedExcelError('RequestPayloadSizeLimitExceeded', {
      detail: `request of ${requestBytes} bytes; the limit is ${limit}`,
    });

  const bound: ProxyBase<unknown>[] = [];
  const results: { ActionId: number; Value: unknown }[] = [];
  const deliveries: (() => void)[] = [];
  let actionId = 0;
  const state: SyncState = {
    wb,
    bind: (obj, target) => {
      obj._bind(target);
      bound.push(obj);
    },
    respond: (value, deliver) => {
      results.push({ ActionId: actionId, Value: value });
      deliveries.push(deliver);
    },
  };
  try {
    for (const command of batch) {
      actionId += 1;
      command.run(state);
    }
  } catch (error) {
    for (const obj of bound) obj._unbind();
    throw error;
  }
  const responseBytes = utf8Length(JSON.stringify({ Results: results }));
  stats.responses.push(responseBytes);
  stats.totalResponseBytes += responseBytes;
  stats.maxResponseBytes = Math.max(stats.maxResponseBytes, responseBytes);
  if (responseBytes > limit)
    throw new SimulatedExcelError('ResponsePayloadSizeLimitExceeded', {
      detail: `response of ${responseBytes} bytes; the limit is ${limit}`,
    });
  context._processingResult = true;
  try {
    for (const deliver of deliveries) deliver();
  } finally {
    context._processingResult = false;
  }
}
