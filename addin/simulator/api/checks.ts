import { excelError } from '../errors';
import { oneOf } from '../model/styles';

/** Validates (and may normalise) a value written to a property, throwing Excel's InvalidArgument. */
export type Check = (value: unknown, location: string) => unknown;

/** A boolean property. */
export const bool: Check = (v, loc) => {
  if (typeof v !== 'boolean') throw excelError('InvalidArgument', loc, 'expected true or false');
  return v;
};

/** A size, margin or count: a number ≥ 0. */
export const nonNegative: Check = (v, loc) => {
  if (typeof v !== 'number' || !(v >= 0)) throw excelError('InvalidArgument', loc, 'expected a number ≥ 0');
  return v;
};

/** A text property. */
export const text: Check = (v, loc) => {
  if (typeof v !== 'string') throw excelError('InvalidArgument', loc, 'expected text');
  return v;
};

/** One of an enum's string values (case-insensitive, returned in Excel's spelling). */
export const choice =
  (allowed: readonly string[]): Check =>
  (v, loc) =>
    oneOf(v, allowed, loc);
