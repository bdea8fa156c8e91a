import {
  headerKey,
  INPUT_REGISTERS,
  mapHeaders,
  periodOfLedgerSheet,
  SCHEMA_VERSION,
  type FieldDef,
  type RegisterDef,
} from '../../shared';
import type { SheetState, TableState, WorkbookState } from './state';

/** What set-up does for one register. */
export type RegisterPlan =
  /** Our table is there; `missing` columns are added (an older schema version). */
  | {
      readonly kind: 'existing';
      readonly register: RegisterDef;
      readonly table: TableState;
      readonly missing: readonly FieldDef[];
    }
  /** A table laid out like the form, under another name: renamed and completed. */
  | {
      readonly kind: 'adoptTable';
      readonly register: RegisterDef;
      readonly table: TableState;
      readonly missing: readonly FieldDef[];
    }
  /** A plain range laid out like the form: made a table over its data, keeping every cell. */
  | {
      readonly kind: 'adoptRange';
      readonly register: RegisterDef;
      readonly sheet: string;
      readonly headerRow: number;
      readonly firstColumn: number;
      readonly headers: readonly string[];
      readonly lastRow: number;
      readonly missing: readonly FieldDef[];
    }
  /** Nothing like it: a new sheet with the table. */
  | { readonly kind: 'create'; readonly register: RegisterDef; readonly sheet: string };

const REGISTERS: readonly RegisterDef[] = INPUT_REGISTERS;

/** The fewest matching headers that make a sheet "laid out like the form". */
const MIN_MATCHES = 3;

/** Whether a header row looks like the register's form: enough of its headers, and its key column. */
function matches(register: RegisterDef, headers: readonly unknown[]): number {
  const map = mapHeaders(register, headers);
  const found = register.fields.length - map.missing.length;
  if (found < Math.min(MIN_MATCHES, register.fields.length)) return 0;
  if (register.idField && !map.columnOf.has(register.idField)) return 0;
  return found / register.fields.length >= 0.3 || found >= 5 ? found : 0;
}

const missingOf = (register: RegisterDef, headers: readonly unknown[]): FieldDef[] => [
  ...mapHeaders(register, headers).missing,
];

/** The trimmed, contiguous header cells of a row, from its first filled cell. */
function headerSpan(row: readonly unknown[]): { first: number; headers: string[] } | null {
  const first = row.findIndex((v) => headerKey(v) !== '');
  if (first < 0) return null;
  const headers: string[] = [];
  for (let c = first; c < row.length && headerKey(row[c]) !== ''; c++) headers.push(String(row[c]).trim());
  return { first, headers };
}

/**
 * Decides, for every register, whether to keep, adopt or create its table. A sheet or table is
 * claimed by one register at most; generated ledgers are never adopted.
 */
export function planSetup(state: WorkbookState): RegisterPlan[] {
  const claimedTables = new Set<string>();
  const claimedSheets = new Set<string>();
  const plans: RegisterPlan[] = [];
  for (const register of REGISTERS) {
    const own = state.tables.find((t) => t.name === register.table);
    if (own) {
      claimedTables.add(own.name);
      plans.push({ kind: 'existing', register, table: own, missing: missingOf(register, own.headers) });
    }
  }
  for (const register of REGISTERS) {
    if (plans.some((p) => p.register === register)) continue;
    const table = best(
      state.tables.filter((t) => !claimedTables.has(t.name) && !isRegisterTable(t.name)),
      (t) => matches(register, t.headers),
    );
    if (table) {
      claimedTables.add(table.name);
      plans.push({ kind: 'adoptTable', register, table, missing: missingOf(register, table.headers) });
      continue;
    }
    const tableSheets = new Set(state.tables.map((t) => t.sheet));
    const candidates = state.sheets.filter(
      (s) => !claimedSheets.has(s.name) && !tableSheets.has(s.name) && !isGenerated(s.name),
    );
    const found = bestRange(register, candidates);
    if (found) {
      claimedSheets.add(found.sheet.name);
      const lastRow = found.sheet.used ? found.sheet.used.row + found.sheet.used.rows - 1 : found.row;
      plans.push({
        kind: 'adoptRange',
        register,
        sheet: found.sheet.name,
        headerRow: found.row,
        firstColumn: found.span.first,
        headers: found.span.headers,
        lastRow: Math.max(lastRow, found.row + 1),
        missing: missingOf(register, found.span.headers),
      });
      continue;
    }
    plans.push({ kind: 'create', register, sheet: freeSheetName(register.sheet, state, plans) });
  }
  return REGISTERS.map((r) => plans.find((p) => p.register === r) as RegisterPlan);
}

/** Whether the workbook is already set up by this schema version: set-up then changes nothing. */
export const isUpToDate = (state: WorkbookState, plans: readonly RegisterPlan[]): boolean =>
  state.schemaVersion === SCHEMA_VERSION &&
  plans.every((p) => p.kind === 'existing' && p.missing.length === 0);

const isRegisterTable = (name: string): boolean => REGISTERS.some((r) => r.table === name);
const isGenerated = (sheet: string): boolean => periodOfLedgerSheet(sheet) !== null;

function best<T>(items: readonly T[], score: (t: T) => number): T | undefined {
  let top: T | undefined;
  let topScore = 0;
  for (const t of items) {
    const s = score(t);
    if (s > topScore) [top, topScore] = [t, s];
  }
  return top;
}

function bestRange(register: RegisterDef, sheets: readonly SheetState[]) {
  let found:
    { sheet: SheetState; row: number; span: { first: number; headers: string[] }; score: number } | undefined;
  for (const sheet of sheets) {
    sheet.top.forEach((row, r) => {
      const span = headerSpan(row);
      const score = span ? matches(register, span.headers) : 0;
      if (span && score > (found?.score ?? 0)) found = { sheet, row: r, span, score };
    });
  }
  return found;
}

/** The register's sheet name, or the name with a suffix when an unrelated sheet already has it. */
function freeSheetName(wanted: string, state: WorkbookState, plans: readonly RegisterPlan[]): string {
  const taken = new Set([
    ...state.sheets.map((s) => s.name),
    ...plans.flatMap((p) => (p.kind === 'create' ? [p.sheet] : [])),
  ]);
  const empty = state.sheets.find(
    (s) => s.name === wanted && !s.used && !state.tables.some((t) => t.sheet === wanted),
  );
  if (empty || !taken.has(wanted)) return wanted;
  for (let i = 2; ; i++) if (!taken.has(`${wanted}${i}`)) return `${wanted}${i}`;
}
