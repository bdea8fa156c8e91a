import type { Condition, FieldDef, RegisterDef } from '../schema/types';
import { say, type Bilingual } from '../text';
import { mapHeaders, type HeaderMap } from './headers';
import { isBlank } from './normalize';
import type { CellProblem, Severity } from './problem';
import { CellIssue, compileReader, type CellReader, type ReadContext } from './read';

/** A register's cells as Excel hands them over: the header row and the data rows below it. */
export interface RawTable {
  readonly header: readonly unknown[];
  readonly rows: readonly (readonly unknown[])[];
  /** Sheet row number of the first data row (the header row is the one above). */
  readonly firstRow: number;
}

/** One non-blank data row read into typed values; invalid cells are absent from `values`. */
export interface ReadRow<V = Record<string, string | number>> {
  /** Sheet row number. */
  readonly row: number;
  readonly values: V;
  /** Whether any cell or rule of this row has an error. */
  readonly hasError: boolean;
}

/** The outcome of reading one register. */
export interface ReadRegister<V = Record<string, string | number>> {
  readonly rows: ReadRow<V>[];
  readonly problems: CellProblem[];
  readonly headers: HeaderMap;
}

/** A field that has a column on the sheet, with its reader and its position among the columns. */
interface Column {
  readonly field: FieldDef;
  /** Position among the columns found (the index into `typed` and `filled`). */
  readonly position: number;
  readonly index: number;
  readonly header: string;
  readonly read: CellReader;
  /** Positions (in `columns`) of the fields named by `needs` / `notBefore` / conditions. */
  readonly needs: readonly number[];
  readonly notBefore: readonly number[];
  readonly requiredWhen: { readonly cond: Condition; readonly at: number } | undefined;
  readonly forbiddenWhen: { readonly cond: Condition; readonly at: number } | undefined;
}

/**
 * Where a register's problems go while it is read, and how many of them are errors. A plain record
 * passed to pushProblem, not a closure made per read: optimized code that calls a closure keeps
 * that very closure, and is thrown away when it dies with its check (then compiled again in the
 * next check).
 */
interface ProblemSink {
  readonly sheet: string;
  readonly problems: CellProblem[];
  errors: number;
}

function pushProblem(
  sink: ProblemSink,
  row: number,
  c: Column,
  raw: unknown,
  severity: Severity,
  code: string,
  message: Bilingual,
): void {
  if (severity === 'error') sink.errors++;
  sink.problems.push({
    sheet: sink.sheet,
    row,
    column: c.field.key,
    header: c.header,
    message,
    raw,
    severity,
    code,
  });
}

type Copier = <T extends object>(template: T) => T;

/**
 * Identical copy sites for record templates, which registers share in turn. V8 keeps a copy site
 * fast for at most four shapes; with one site for every register (a check reads a dozen), the
 * site went megamorphic and each copy grew key by key: about 1 KB of garbage per appeal (57 MB
 * allocated instead of 18 MB to read 50,000).
 */
const COPY_SITES: readonly Copier[] = [
  (t) => ({ ...t }),
  (t) => ({ ...t }),
  (t) => ({ ...t }),
  (t) => ({ ...t }),
  (t) => ({ ...t }),
  (t) => ({ ...t }),
  (t) => ({ ...t }),
  (t) => ({ ...t }),
];
const copierOf = new Map<string, Copier>();

/** The copy site of a register: the next in turn the first time it is read, the same ever after. */
function copierFor(registerKey: string): Copier {
  let copy = copierOf.get(registerKey);
  if (!copy) {
    copy = COPY_SITES[copierOf.size % COPY_SITES.length] as Copier;
    copierOf.set(registerKey, copy);
  }
  return copy;
}

const templates = new Map<string, Readonly<Record<string, undefined>>>();
/** A workbook has a dozen registers; more column layouts than this are edits to headers, not a need to keep each. */
const TEMPLATES_KEPT = 64;

/**
 * The record template for a set of columns: every key, each undefined. Records start as a copy of
 * it, so V8 gives them all one shape instead of growing each object key by key (which made reading
 * four times slower). The template is kept for the next check because it keeps that shape alive,
 * and with it the optimized code of everything that reads records: made afresh at each check, the
 * shape died with the last check's records and some 14 functions were thrown away and compiled
 * again every time (npm run bench: 363 -> 283 ms a check of 50,000 appeals, medians of 6).
 */
export function recordTemplate(keys: readonly string[]): Readonly<Record<string, undefined>> {
  const id = keys.join('\n');
  let template = templates.get(id);
  if (!template) {
    if (templates.size >= TEMPLATES_KEPT) templates.clear();
    template = Object.fromEntries(keys.map((k) => [k, undefined]));
    templates.set(id, template);
  }
  return template;
}

/**
 * Reads a register's rows into typed values and reports every problem with its sheet, row and
 * column. Never changes a cell: `raw` in each problem is the value exactly as it was.
 */
export function readRegister(register: RegisterDef, table: RawTable, ctx: ReadContext): ReadRegister {
  const headers = mapHeaders(register, table.header);
  const problems: CellProblem[] = [];
  const sink: ProblemSink = { sheet: register.sheet, problems, errors: 0 };
  for (const f of headers.missing) {
    if (f.required === true) {
      problems.push({
        sheet: register.sheet,
        row: table.firstRow - 1,
        column: f.key,
        header: f.header,
        raw: undefined,
        severity: 'error',
        code: 'missing-column',
        message: say(`缺少必填列“${f.header}”`, `the required column ${f.header} (${f.key}) is missing`),
      });
    }
  }
  const columns = compileColumns(register, headers, ctx);
  const n = columns.length;
  // Parallel arrays keep the per-cell loop free of property lookups on column objects.
  const at = Int32Array.from(columns, (c) => c.index);
  const keys = columns.map((c) => c.field.key);
  const readers = columns.map((c) => c.read);
  const ruled = columns.filter(
    (c) =>
      c.field.required === true || c.requiredWhen || c.forbiddenWhen || c.needs.length || c.notBefore.length,
  );
  const filled = new Uint8Array(n);
  const typed: unknown[] = new Array(n);
  const template = recordTemplate(keys) as unknown as Record<string, string | number>;
  const copy = copierFor(register.key);
  const rows: ReadRow[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    const cells = table.rows[i] ?? [];
    const rowNumber = table.firstRow + i;
    const values = copy(template);
    let any = false;
    const errorsBefore = sink.errors;
    for (let k = 0; k < n; k++) {
      const raw = cells[at[k] as number];
      typed[k] = undefined;
      if (isBlank(raw)) {
        filled[k] = 0;
        continue;
      }
      filled[k] = 1;
      any = true;
      const out = (readers[k] as CellReader)(raw);
      if (out instanceof CellIssue) {
        pushProblem(sink, rowNumber, columns[k] as Column, raw, out.severity, out.code, out.message);
        if (out.value !== undefined) values[keys[k] as string] = typed[k] = out.value;
      } else if (out !== undefined) {
        values[keys[k] as string] = typed[k] = out;
      }
    }
    if (!any) continue; // a blank row inside a table is not a record
    checkRowRules(ruled, columns, typed, filled, cells, rowNumber, sink);
    rows.push({ row: rowNumber, values, hasError: sink.errors > errorsBefore });
  }
  return { rows, problems, headers };
}

function compileColumns(register: RegisterDef, headers: HeaderMap, ctx: ReadContext): Column[] {
  const present = register.fields.filter((f) => headers.columnOf.has(f.key));
  const at = (key: string): number => present.findIndex((f) => f.key === key);
  return present.map((field, position) => {
    const req = typeof field.required === 'object' ? field.required.when : undefined;
    const forb = field.forbidden?.when;
    return {
      field,
      position,
      index: headers.columnOf.get(field.key) as number,
      header: headers.headerOf.get(field.key) ?? field.header,
      read: compileReader(field, ctx),
      needs: (field.needs ?? []).map(at).filter((i) => i >= 0),
      notBefore: (field.notBefore ?? []).map(at).filter((i) => i >= 0),
      // Every column has every key (absent conditions undefined): one literal, one shape that
      // outlives the check, so the reading code compiled for it is kept (see recordTemplate).
      requiredWhen: req && at(req.field) >= 0 ? { cond: req, at: at(req.field) } : undefined,
      forbiddenWhen: forb && at(forb.field) >= 0 ? { cond: forb, at: at(forb.field) } : undefined,
    };
  });
}

const holds = (cond: Condition, typed: unknown, filled: boolean): boolean => {
  if (cond.filled !== undefined) return filled === cond.filled;
  return cond.is !== undefined && typeof typed === 'string' && cond.is.includes(typed);
};

function checkRowRules(
  ruled: readonly Column[],
  columns: readonly Column[],
  typed: readonly unknown[],
  filled: Uint8Array,
  cells: readonly unknown[],
  row: number,
  sink: ProblemSink,
): void {
  // Indexed loops: this runs for every row, and for…of here allocated an iterator result each time.
  for (let n = 0; n < ruled.length; n++) {
    const c = ruled[n] as Column;
    const k = c.position;
    const raw = cells[c.index];
    if (filled[k] === 0) {
      if (c.field.required === true) {
        pushProblem(
          sink,
          row,
          c,
          raw,
          'error',
          'required',
          say(`“${c.header}”必须填写`, `${c.field.key} (${c.header}) is required`),
        );
      } else if (
        c.requiredWhen &&
        holds(c.requiredWhen.cond, typed[c.requiredWhen.at], filled[c.requiredWhen.at] === 1)
      ) {
        const why = describeCondition(c.requiredWhen.cond, columns[c.requiredWhen.at] as Column);
        pushProblem(
          sink,
          row,
          c,
          raw,
          'error',
          'required-when',
          say(
            `${why.zh}时，“${c.header}”必须填写`,
            `${c.field.key} (${c.header}) is required when ${why.en}`,
          ),
        );
      }
      continue;
    }
    if (
      c.forbiddenWhen &&
      holds(c.forbiddenWhen.cond, typed[c.forbiddenWhen.at], filled[c.forbiddenWhen.at] === 1)
    ) {
      const why = describeCondition(c.forbiddenWhen.cond, columns[c.forbiddenWhen.at] as Column);
      pushProblem(
        sink,
        row,
        c,
        raw,
        'error',
        'forbidden-when',
        say(`${why.zh}时，“${c.header}”应为空`, `${c.field.key} (${c.header}) must be empty when ${why.en}`),
      );
    }
    for (let m = 0; m < c.needs.length; m++) {
      const j = c.needs[m] as number;
      if (filled[j] === 0) {
        const other = columns[j] as Column;
        pushProblem(
          sink,
          row,
          c,
          raw,
          'error',
          'needs',
          say(
            `已填写“${c.header}”，但它之前应有的“${other.header}”为空`,
            `${c.field.key} (${c.header}) is filled but ${other.field.key} (${other.header}), which must come first, is empty`,
          ),
        );
      }
    }
    const mine = typed[k];
    for (let m = 0; m < c.notBefore.length; m++) {
      const j = c.notBefore[m] as number;
      const theirs = typed[j];
      if (typeof mine === 'string' && typeof theirs === 'string' && mine < theirs) {
        const other = columns[j] as Column;
        pushProblem(
          sink,
          row,
          c,
          raw,
          'error',
          'date-order',
          say(
            `“${c.header}”（${mine}）早于“${other.header}”（${theirs}）`,
            `${c.field.key} (${mine}) is before ${other.field.key} (${theirs})`,
          ),
        );
      }
    }
  }
}

function describeCondition(cond: Condition, other: Column): Bilingual {
  if (cond.filled !== undefined) {
    return cond.filled
      ? say(`已填写“${other.header}”`, `${cond.field} is filled`)
      : say(`“${other.header}”为空`, `${cond.field} is empty`);
  }
  const vals = (cond.is ?? []).join('、');
  return say(`“${other.header}”为“${vals}”`, `${cond.field} is ${vals}`);
}
