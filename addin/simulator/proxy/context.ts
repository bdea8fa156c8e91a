import { ERROR_MESSAGES, excelError, SimulatedExcelError } from '../errors';
import type { WorkbookModel } from '../model/workbook-model';
import type { WorkbookProxy } from '../api/workbook';
import type { ClientObject } from './client-object';
import { ProxyBase } from './proxy-base';
import type { Command } from './command';

/** What a request context needs from the workbook that hosts it. */
export interface ContextHost {
  model(): WorkbookModel;
  execute(batch: readonly Command[], context: SimRequestContext): void;
  createWorkbookProxy(context: SimRequestContext): WorkbookProxy;
  /** The ExcelApi minor version the imitated Excel has (SimulatedWorkbookOptions.excelApi). */
  readonly excelApi: number;
}

/** The simulator's `Excel.RequestContext`: queues commands from its proxies and sends them on `sync()`. */
export class SimRequestContext {
  /** `context.workbook`. */
  readonly workbook: WorkbookProxy;
  /** Accepted and ignored: the simulator never releases objects. */
  readonly trackedObjects = { add: (_o: unknown): void => {}, remove: (_o: unknown): void => {} };
  /** @internal True while loaded results are being handed out, when new proxies must not queue actions. */
  _processingResult = false;
  private pending: Command[] = [];
  private readonly instantiating = new Set<ProxyBase<unknown>>();
  private lastId = 0;
  private closed = false;

  constructor(private readonly host: ContextHost) {
    this.workbook = host.createWorkbookProxy(this);
  }

  /** Sends every queued command as one request; resolves with `passThroughValue`, as office.js does. */
  async sync<T>(passThroughValue?: T): Promise<T> {
    this.assertOpen();
    const batch = this.pending;
    this.pending = [];
    this.instantiating.clear();
    await Promise.resolve();
    this.host.execute(batch, this);
    return passThroughValue as T;
  }

  /** `context.application`: the same object as `context.workbook.application`. */
  get application(): WorkbookProxy['application'] {
    return this.workbook.application;
  }

  /** `context.load(object, option)`: the same as `object.load(option)`. */
  load<O extends ClientObject<unknown>>(object: O, option?: unknown): O {
    return object.load(option);
  }

  /** @internal Whether anything is queued (Excel.run's closing sync only goes out when there is). */
  get _hasPending(): boolean {
    return this.pending.length > 0;
  }

  /**
   * @internal Refuses a member of a set this Excel lacks, as office.js does when the member is
   * touched, before any request: `_throwIfApiNotSupported` in
   * https://github.com/OfficeDev/office-js/blob/release/dist/excel-web-16.00.debug.js
   */
  _requireApi(member: string, minor: number): void {
    if (this.host.excelApi >= minor) return;
    throw new SimulatedExcelError('ApiNotFound', {
      message: ERROR_MESSAGES.ApiNotFound.replace('{0}', member)
        .replace('{1}', `ExcelApi 1.${minor}`)
        .replace('{2}', 'Excel'),
      location: member,
    });
  }

  /** @internal */
  _model(): WorkbookModel {
    return this.host.model();
  }

  /** @internal */
  _nextId(): number {
    return ++this.lastId;
  }

  /** @internal Ends the batch: objects from a finished `run` can no longer queue work. */
  _close(): void {
    this.closed = true;
  }

  /** @internal Queues a command, first instantiating its object (and any objects among its arguments). */
  _enqueue(command: Command): void {
    this.assertOpen();
    this._ensureInstantiated(command.owner);
    this.ensureArguments(command.args, command.name);
    this.pending.push(command);
  }

  /** Objects passed as arguments must come from this context, and are instantiated first. */
  private ensureArguments(args: readonly unknown[] | undefined, location: string): void {
    for (const arg of args ?? []) {
      if (!(arg instanceof ProxyBase)) continue;
      if (arg.context !== this) throw excelError('InvalidRequestContext', location);
      this._ensureInstantiated(arg);
    }
  }

  /** @internal Queues the instantiate action of an object (and its parents) unless this request already has it. */
  _ensureInstantiated(obj: ProxyBase<unknown>): void {
    this.assertOpen();
    // Parents first, even for an instantiated object: a failed sync may have unbound an ancestor.
    if (obj._path.parent) this._ensureInstantiated(obj._path.parent);
    if (obj._isInstantiated() || this.instantiating.has(obj)) return;
    this.ensureArguments(obj._path.args, obj._path.name);
    this.instantiating.add(obj);
    this.pending.push(obj._instantiateCommand());
  }

  private assertOpen(): void {
    if (this.closed)
      throw excelError(
        'InvalidObjectPath',
        'RequestContext',
        'the Excel.run batch this object belongs to has finished',
      );
  }
}
