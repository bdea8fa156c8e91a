import { SimulatedExcelError } from '../errors';

/** `OfficeExtension.ClientResult`: the value of a method call, readable only after the sync that ran it. */
export class SimClientResult<T> {
  private loaded = false;
  private result: T | undefined;

  /** The value; throws ValueNotLoaded before the sync, as office.js does. */
  get value(): T {
    if (!this.loaded) throw new SimulatedExcelError('ValueNotLoaded');
    return this.result as T;
  }

  /** @internal Called when the sync that computed the value succeeds. */
  _resolve(value: T): void {
    this.result = value;
    this.loaded = true;
  }
}
