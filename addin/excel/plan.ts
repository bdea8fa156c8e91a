import {
  headerKey,
  INPUT_REGISTERS,
  mapHeaders,
  isLedgerSheet,
  SCHEMA_VERSION,
  valueListRegister,
  type FieldDef,
  type RegisterDef,
} from '../../shared';
import { parseA1Ref, parseStructRef, tokenize } from '@borgar/fx';
import { LAYOUT_VERSION } from './apply';
import { listName } from './rules';
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

/**
 * The contiguous header cells of a row, from its first filled cell, exactly as typed: once the
 * range is a table Excel names its columns by these cells, spaces included, so trimming them here
 * would look columns up by names the table does not have.
 */
function headerSpan(row: readonly unknown[]): { first: number; headers: string[] } | null {
  const first = row.findIndex((v) => headerKey(v) !== '');
  if (first < 0) return null;
  const headers: string[] = [];
  for (let c = first; c < row.length && headerKey(row[c]) !== ''; c++) headers.push(String(row[c]));
  return { first, headers };
}

/** A table or a sheet's header row that a register could adopt, with how well it matches. */
interface Match {
  readonly register: RegisterDef;
  /** The table's name or the sheet's: what one adoption claims. */
  readonly claim: string;
  /** Matching headers, then the share of the register's fields they cover: larger is better. */
  readonly score: number;
  readonly share: number;
  readonly plan: () => RegisterPlan;
}

/** Every (register, table) and (register, sheet) pairing that looks like the register's form. */
function candidates(state: WorkbookState, open: readonly RegisterDef[]): Match[] {
  const out: Match[] = [];
  const tables = state.tables.filter((t) => !isRegisterTable(t.name));
  const tableSheets = new Set(state.tables.map((t) => t.sheet));
  const sheets = state.sheets.filter((s) => !tableSheets.has(s.name) && !isGenerated(s.name));
  for (const register of open) {
    const share = (score: number): number => score / register.fields.length;
    for (const table of tables) {
      const score = matches(register, table.headers);
      if (score > 0)
        out.push({
          register,
          claim: `table:${table.name}`,
          score,
          share: share(score),
          plan: () => ({ kind: 'adoptTable', register, table, missing: missingOf(register, table.headers) }),
        });
    }
    for (const sheet of sheets) {
      const found = bestRow(register, sheet);
      if (!found) continue;
      const lastRow = sheet.used ? sheet.used.row + sheet.used.rows - 1 : found.row;
      out.push({
        register,
        claim: `sheet:${sheet.name}`,
        score: found.score,
        share: share(found.score),
        plan: () => ({
          kind: 'adoptRange',
          register,
          sheet: sheet.name,
          headerRow: found.row,
          firstColumn: found.span.first,
          headers: found.span.headers,
          lastRow: Math.max(lastRow, found.row + 1),
          missing: missingOf(register, found.span.headers),
        }),
      });
    }
  }
  return out;
}

/**
 * Decides, for every register, whether to keep, adopt or create its table. Our own tables are kept.
 * Then every remaining (register, table or sheet) pairing is scored and the best pairings are taken
 * first, each register and each table or sheet at most once: a sheet goes to the register it
 * matches best, even when a register earlier in the list also matches it a little (the appeal
 * register shares three list headers with 值列表, so first-come adoption made it the 值列表 and
 * pointed every dropdown into appeals). Generated ledgers are never adopted.
 */
export function planSetup(state: WorkbookState): RegisterPlan[] {
  const plans: RegisterPlan[] = [];
  for (const register of REGISTERS) {
    const own = state.tables.find((t) => t.name === register.table);
    if (own)
      plans.push({ kind: 'existing', register, table: own, missing: missingOf(register, own.headers) });
  }
  const open = REGISTERS.filter((r) => !plans.some((p) => p.register === r));
  // Most matching headers first; on a tie the register they cover more fully, then a table over
  // a plain range, then workbook order (sort is stable).
  const ranked = candidates(state, open).sort(
    (a, b) =>
      b.score - a.score ||
      b.share - a.share ||
      Number(b.claim.startsWith('table:')) - Number(a.claim.startsWith('table:')),
  );
  const claimed = new Set<string>();
  for (const m of ranked) {
    if (claimed.has(m.claim) || plans.some((p) => p.register === m.register)) continue;
    claimed.add(m.claim);
    plans.push(m.plan());
  }
  for (const register of open)
    if (!plans.some((p) => p.register === register))
      plans.push({ kind: 'create', register, sheet: freeSheetName(register.sheet, state, plans) });
  return REGISTERS.map((r) => plans.find((p) => p.register === r) as RegisterPlan);
}

/**
 * Whether the workbook is already set up by this schema and layout version: set-up then changes
 * nothing. A workbook set up by an older layout is formatted again even when its columns are all there.
 */
export const isUpToDate = (state: WorkbookState, plans: readonly RegisterPlan[]): boolean =>
  state.schemaVersion === SCHEMA_VERSION &&
  state.layoutVersion === LAYOUT_VERSION &&
  plans.every((p) => p.kind === 'existing' && p.missing.length === 0);

/**
 * The list names layout version 1 defined (`List_<list>` referring to the 值列表 table, or to the
 * fixed block Excel may have turned it into, https://github.com/OfficeDev/office-js/issues/740).
 * Set-up deletes them once no validation uses them; a name of the same form that points anywhere
 * else is the clerk's own and is left alone.
 */
export function legacyListNames(state: WorkbookState): string[] {
  const table = state.tables.find((t) => t.name === valueListRegister.table);
  return valueListRegister.fields
    .map((f) => listName(f.key))
    .filter((name) => {
      const formula = state.names.get(name);
      return formula !== undefined && refersToValueLists(formula, table?.sheet);
    });
}

/** Whether a name's formula is one reference into the 值列表 table, structured or as an A1 block on its sheet. */
function refersToValueLists(formula: string, sheet: string | undefined): boolean {
  let tokens: ReturnType<typeof tokenize>;
  try {
    tokens = tokenize(formula, { mergeRefs: true }).filter(
      (t) => t.type !== 'whitespace' && t.type !== 'fx_prefix',
    );
  } catch {
    return false;
  }
  const only = tokens.length === 1 ? tokens[0] : undefined;
  if (!only) return false;
  // Excel compares table and sheet names without regard to case.
  const same = (a: string | undefined, b: string | undefined): boolean =>
    a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
  if (only.type === 'structured') return same(parseStructRef(only.value)?.table, valueListRegister.table);
  const a1 = only.type === 'range' ? parseA1Ref(only.value) : undefined;
  return !!a1 && 'range' in a1 && same(a1.context?.[0], sheet);
}

const isRegisterTable = (name: string): boolean => REGISTERS.some((r) => r.table === name);
// A work ledger (quarterly or monthly) repeats the appeal register's headers: never take it for one.
const isGenerated = (sheet: string): boolean => isLedgerSheet(sheet);

/** The sheet's top row that best matches the register's form, if any does. */
function bestRow(register: RegisterDef, sheet: SheetState) {
  let found: { row: number; span: { first: number; headers: string[] }; score: number } | undefined;
  sheet.top.forEach((row, r) => {
    const span = headerSpan(row);
    const score = span ? matches(register, span.headers) : 0;
    if (span && score > (found?.score ?? 0)) found = { row: r, span, score };
  });
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
