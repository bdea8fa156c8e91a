import { excelError } from '../errors';
import type { WorkbookModel } from '../model/workbook-model';
import type { SyncState } from './command';
import { SimClientResult } from './client-result';
import { parseLoadOption, planToQuery } from './load-plan';
import { ProxyBase } from './proxy-base';
import { type LoadedNode, snapshot, type TypeSchema, wireValue } from './schema';

export type { Binding, PathSpec } from './proxy-base';

/**
 * The base of every proxy, mirroring `OfficeExtension.ClientObject`: property writes and method calls queue
 * commands; reads serve only what a synced `load()` delivered (or what this proxy itself set).
 */
export abstract class ClientObject<T> extends ProxyBase<T> {
  private readonly loaded = new Map<string, unknown>();

  /** @internal Reads a scalar property: loaded or set values only. */
  _read<V>(name: string): V {
    if (this.nullFlag === true && !this.loaded.has(name)) return undefined as V;
    if (!this.loaded.has(name)) throw this.notLoaded(name);
    return this.loaded.get(name) as V;
  }

  /** @internal Queues a property write; like office.js, the value set is readable back at once. */
  _write(name: string, value: unknown): void {
    const spec = this._schema.props[name];
    if (!spec?.set)
      throw excelError('InvalidArgument', `${this._schema.typeName}.${name}`, 'read-only property');
    const set = spec.set;
    const location = `${this._schema.typeName}.${name}`;
    this.loaded.set(name, value);
    this.context._enqueue({
      owner: this,
      type: 'SetProperty',
      name,
      args: [value],
      run: (s) => set(this._require(location), value, s.wb),
    });
  }

  /** @internal Queues a method call with side effects. */
  protected _call(name: string, args: readonly unknown[], run: (target: T, state: SyncState) => void): void {
    const location = `${this._schema.typeName}.${name}`;
    this.context._enqueue({
      owner: this,
      type: 'Method',
      name,
      args,
      run: (s) => run(this._require(location), s),
    });
  }

  /** @internal Queues a method call whose value comes back as a ClientResult. */
  protected _callForResult<V>(
    name: string,
    args: readonly unknown[],
    compute: (target: T, wb: WorkbookModel) => V,
  ): SimClientResult<V> {
    const result = new SimClientResult<V>();
    const location = `${this._schema.typeName}.${name}`;
    this.context._enqueue({
      owner: this,
      type: 'Method',
      name,
      args,
      run: (s) => {
        const value = compute(this._require(location), s.wb);
        s.respond(value, () => result._resolve(value));
      },
    });
    return result;
  }

  /** Queues a load of the given properties (`'a, b/c'`, `['a']`, `{ select, expand }`, a property bag, or all). */
  load(option?: unknown): this {
    const plan = parseLoadOption(option);
    this.context._enqueue({
      owner: this,
      type: 'Query',
      name: '',
      args: [],
      query: planToQuery(plan),
      run: (s) => {
        const node = snapshot(this._schema as TypeSchema<never>, this._resolved(), plan, s.wb);
        s.respond(wireValue(node), () => this._deliver(node));
      },
    });
    return this;
  }

  /** @internal Applies loaded values once their sync succeeded. */
  _deliver(node: LoadedNode): void {
    this.nullFlag = node.isNull;
    for (const [k, v] of Object.entries(node.values)) this.loaded.set(k, v);
    for (const [k, child] of Object.entries(node.children)) {
      const c = (this as unknown as Record<string, unknown>)[k];
      if (c instanceof ClientObject) c._deliver(child);
    }
    if (node.items) this._deliverItems(node.items);
  }

  /** @internal Collections override this to build their `items`. */
  protected _deliverItems(_items: readonly { target: unknown; node: LoadedNode }[]): void {}

  /** Sets several properties at once, as office.js `set()` does (navigation properties recurse). */
  set(properties: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(properties)) {
      if (this._schema.props[key]?.set) (this as unknown as Record<string, unknown>)[key] = value;
      else if (this._schema.nav?.[key] && typeof value === 'object' && value !== null) {
        ((this as unknown as Record<string, ClientObject<unknown>>)[key] as ClientObject<unknown>).set(
          value as Record<string, unknown>,
        );
      } else throw excelError('InvalidArgument', `${this._schema.typeName}.set`, `'${key}' cannot be set`);
    }
  }

  /** The loaded values as plain data, like office.js `toJSON()`. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }

  /** No-op: the simulator never invalidates tracked ranges. */
  track(): this {
    return this;
  }

  /** No-op counterpart of track(). */
  untrack(): this {
    return this;
  }
}
