import { sameName } from './naming';
import { columnCount, intersects, type Rect } from './rect';
import type { SheetModel } from './sheet-model';
import { headerRect, type TableModel } from './table-model';

/** The header names as stored in the header row cells. */
export function headerNames(table: TableModel): string[] {
  const row = headerRect(table);
  const names: string[] = [];
  for (let c = row.c0; c <= row.c1; c++) names.push(String(table.sheet.values.get(row.r0, c) ?? ''));
  return names;
}

/**
 * Makes header cells what Excel keeps there: text, non-blank and unique. Blank headers become `ColumnN`,
 * numbers become their text, duplicates get a numeric suffix (`Name2`).
 */
export function normalizeHeaders(table: TableModel): void {
  const sheet: SheetModel = table.sheet;
  const row = headerRect(table);
  const taken: string[] = [];
  const isTaken = (name: string): boolean => taken.some((t) => sameName(t, name));
  for (let i = 0; i < columnCount(row); i++) {
    const c = row.c0 + i;
    const raw = sheet.values.get(row.r0, c);
    let name = raw === undefined ? '' : typeof raw === 'boolean' ? (raw ? 'TRUE' : 'FALSE') : String(raw);
    if (name === '') {
      let n = i + 1;
      while (isTaken(`Column${n}`)) n++;
      name = `Column${n}`;
    } else if (isTaken(name)) {
      let n = 2;
      while (isTaken(`${name}${n}`)) n++;
      name = `${name}${n}`;
    }
    taken.push(name);
    sheet.formulas.set(row.r0, c, undefined);
    sheet.values.set(row.r0, c, name);
  }
}

/** After cells were written, restores Excel's header invariants for tables whose header row was touched. */
export function normalizeTouchedHeaders(tables: readonly TableModel[], sheet: SheetModel, area: Rect): void {
  for (const t of tables) if (t.sheet === sheet && intersects(headerRect(t), area)) normalizeHeaders(t);
}
