import type { FieldDef, RegisterDef } from '../schema/types';
import { interpretText } from './normalize';

/** How a sheet's header row lines up with a register's fields (any order, extra columns allowed). */
export interface HeaderMap {
  /** Column index (0-based, within the header row) of each field found. */
  readonly columnOf: ReadonlyMap<string, number>;
  /** The header text as it stands on the sheet, per field found. */
  readonly headerOf: ReadonlyMap<string, string>;
  /** Fields of the register with no column. */
  readonly missing: readonly FieldDef[];
  /** Columns that belong to no field: the clerk's own, kept as they are. */
  readonly extra: readonly { readonly index: number; readonly header: string }[];
  /** Headers that appear twice; the first occurrence is used. */
  readonly duplicated: readonly string[];
}

/** The form a header is compared in: NFKC-folded (so （）and () match), without spaces. */
export const headerKey = (h: unknown): string => interpretText(String(h ?? '')).replace(/\s+/g, '');

/** Lines a header row up with a register, matching current and former headers. */
export function mapHeaders(register: RegisterDef, headerRow: readonly unknown[]): HeaderMap {
  const byHeader = new Map<string, FieldDef>();
  for (const f of register.fields) {
    byHeader.set(headerKey(f.header), f);
    for (const old of f.formerHeaders ?? []) byHeader.set(headerKey(old), f);
  }
  const columnOf = new Map<string, number>();
  const headerOf = new Map<string, string>();
  const extra: { index: number; header: string }[] = [];
  const duplicated: string[] = [];
  headerRow.forEach((cell, index) => {
    const field = byHeader.get(headerKey(cell));
    if (!field) {
      extra.push({ index, header: String(cell ?? '') });
    } else if (columnOf.has(field.key)) {
      duplicated.push(String(cell));
      extra.push({ index, header: String(cell ?? '') });
    } else {
      columnOf.set(field.key, index);
      headerOf.set(field.key, String(cell));
    }
  });
  const missing = register.fields.filter((f) => !columnOf.has(f.key));
  return { columnOf, headerOf, missing, extra, duplicated };
}

/** How many of a register's headers a row carries: used to recognise a handbook-style sheet. */
export function headerMatchCount(register: RegisterDef, headerRow: readonly unknown[]): number {
  return register.fields.length - mapHeaders(register, headerRow).missing.length;
}
