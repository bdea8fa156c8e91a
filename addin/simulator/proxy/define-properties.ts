import type { ClientObject } from './client-object';
import type { TypeSchema } from './schema';

/**
 * Installs a getter for every schema property on a proxy class, and a setter for the writable ones, so a class
 * only declares its property types. Read-only properties get no setter, so assigning one throws, as in office.js.
 */
export function defineProperties(ctor: { readonly prototype: object }, schema: TypeSchema<never>): void {
  for (const [name, spec] of Object.entries(schema.props)) {
    Object.defineProperty(ctor.prototype, name, {
      configurable: true,
      enumerable: true,
      get(this: ClientObject<unknown>) {
        return this._read(name);
      },
      ...(spec.set
        ? {
            set(this: ClientObject<unknown>, value: unknown) {
              this._write(name, value);
            },
          }
        : {}),
    });
  }
}
