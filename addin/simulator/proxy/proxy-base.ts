import { ERROR_MESSAGES, excelError, SimulatedExcelError } from '../errors';
import type { WorkbookModel } from '../model/workbook-model';
import type { Command, SyncState } from './command';
import type { SimRequestContext } from './context';
import type { TypeSchema } from './schema';

/** How a proxy finds its model object: fixed, derived from its parent, or resolved when its instantiate action runs. */
export type Binding =
  | { readonly kind: 'fixed'; readonly target: unknown }
  | { readonly kind: 'derived'; readonly derive: (parentTarget: never, wb: WorkbookModel) => unknown }
  | { readonly kind: 'resolved'; readonly resolve: (wb: WorkbookModel) => unknown };

/** Where a proxy came from, for the object paths a request carries. */
export interface PathSpec {
  readonly parent?: ProxyBase<unknown>;
  readonly type: 'root' | 'property' | 'method' | 'indexer';
  readonly name: string;
  readonly args?: readonly unknown[];
}

/**
 * What every proxy is underneath: an object path (for the request), and a binding to a model object that is
 * made by its instantiate action, as office.js queues one whenever a proxy is created.
 */
export abstract class ProxyBase<T> {
  /** @internal */ readonly _path: PathSpec & { readonly id: number };
  private instantiated = false;
  private target: T | null = null;
  /** @internal Known once a sync instantiated or loaded the proxy; undefined before. */
  protected nullFlag: boolean | undefined;
  private readonly children = new Map<string, ProxyBase<unknown>>();
  /** @internal The schema driving loads and writes. */
  abstract readonly _schema: TypeSchema<T>;

  constructor(
    readonly context: SimRequestContext,
    path: PathSpec,
    private readonly binding: Binding,
  ) {
    this._path = { ...path, id: context._nextId() };
    if (binding.kind === 'fixed') this._bind(binding.target as T);
    else if (!context._processingResult) context._ensureInstantiated(this);
  }

  /** `isNullObject`: known after the sync that instantiated (or loaded) this proxy. */
  get isNullObject(): boolean {
    if (this.nullFlag === undefined) throw this.notLoaded('isNullObject');
    return this.nullFlag;
  }

  /** @internal Whether this proxy is bound for the current and later requests. */
  _isInstantiated(): boolean {
    return this.instantiated;
  }

  /** @internal */
  _bind(target: T | null): void {
    this.target = target;
    this.instantiated = true;
  }

  /** @internal Forgets a binding made by a sync that then failed. */
  _unbind(): void {
    if (this.binding.kind !== 'fixed') this.instantiated = false;
  }

  /** @internal The model object, or null for a null object; ItemNotFound if it has been deleted since. */
  _resolved(): T | null {
    let t: T | null;
    if (this.binding.kind === 'derived') {
      const parentTarget = (this._path.parent as ProxyBase<unknown>)._resolved();
      t =
        parentTarget === null
          ? null
          : (this.binding.derive(parentTarget as never, this.context._model()) as T | null);
    } else {
      if (!this.instantiated) throw excelError('InvalidObjectPath', this._schema.typeName);
      t = this.target;
    }
    if (t !== null && this._schema.isDead?.(t))
      throw excelError('ItemNotFound', this._schema.typeName, 'the object was deleted');
    return t;
  }

  /** @internal The model object; operating on a null object is ItemNotFound. */
  _require(location: string): T {
    const t = this._resolved();
    if (t === null) throw excelError('ItemNotFound', location, 'the object is a null object');
    return t;
  }

  /** @internal The instantiate action office.js queues when a proxy is created. */
  _instantiateCommand(): Command {
    return {
      owner: this,
      type: 'Instantiate',
      name: '',
      args: [],
      run: (state: SyncState) => {
        const t =
          this.binding.kind === 'resolved' ? (this.binding.resolve(state.wb) as T | null) : this._resolved();
        if (this.binding.kind === 'resolved') state.bind(this as ProxyBase<unknown>, t);
        else this.instantiated = true;
        state.respond(t === null ? null : {}, () => (this.nullFlag = t === null));
      },
    };
  }

  /** @internal A cached navigation child (e.g. `range.format`) whose target derives from this one's. */
  protected _child<C extends ProxyBase<unknown>>(
    name: string,
    make: (path: PathSpec, binding: Binding) => C,
  ): C {
    let c = this.children.get(name);
    if (!c) {
      const nav = this._schema.nav?.[name];
      const derive = nav ? nav.target : (t: unknown) => t;
      c = make({ parent: this, type: 'property', name }, { kind: 'derived', derive: derive as never });
      this.children.set(name, c);
    }
    return c as C;
  }

  /** @internal Path and binding for an object a method returns, resolved when its instantiate action runs. */
  protected _methodPath(
    name: string,
    args: readonly unknown[],
    resolve: (target: T, wb: WorkbookModel) => unknown,
  ): [PathSpec, Binding] {
    // Objects obtained from a null object are null objects too; writing to them is what fails.
    const binding: Binding = {
      kind: 'resolved',
      resolve: (wb) => {
        const t = this._resolved();
        return t === null ? null : resolve(t, wb);
      },
    };
    return [{ parent: this, type: name.startsWith('getItem') ? 'indexer' : 'method', name, args }, binding];
  }

  /** @internal The PropertyNotLoaded error office.js throws for a property. */
  protected notLoaded(name: string): SimulatedExcelError {
    return new SimulatedExcelError('PropertyNotLoaded', {
      message: ERROR_MESSAGES.PropertyNotLoaded.replace('{0}', name),
      location: `${this._schema.typeName}.${name}`,
    });
  }
}
