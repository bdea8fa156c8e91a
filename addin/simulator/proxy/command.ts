import type { WorkbookModel } from '../model/workbook-model';
import type { ProxyBase } from './proxy-base';

/** What a command can do while its sync runs: bind proxies to model objects and return values. */
export interface SyncState {
  readonly wb: WorkbookModel;
  /** Binds a proxy to its model object; undone if the sync fails later on. */
  bind(obj: ProxyBase<unknown>, target: unknown): void;
  /** Returns a value to the client; `deliver` runs only if the whole sync succeeds. */
  respond(value: unknown, deliver: () => void): void;
}

/** office.js action types, as they appear in a request. */
export type ActionType = 'Instantiate' | 'Query' | 'Method' | 'SetProperty';

/** One queued action: what goes over the wire, and what it does to the workbook when the sync runs. */
export interface Command {
  readonly owner: ProxyBase<unknown>;
  readonly type: ActionType;
  readonly name: string;
  readonly args: readonly unknown[];
  readonly query?: unknown;
  readonly run: (state: SyncState) => void;
}
