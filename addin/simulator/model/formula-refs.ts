import {
  type AstExpression,
  parse,
  parseA1Ref,
  parseR1C1Ref,
  parseStructRef,
  type ReferenceStruct,
  tokenize,
} from '@borgar/fx';
import { excelError } from '../errors';
import { sameName } from './naming';
import { contains, type Rect } from './rect';
import type { SheetModel } from './sheet-model';
import { headerNames } from './table-headers';
import { bodyRect, type TableModel, totalRect } from './table-model';
import type { ValidationModel } from './validation-model';
import type { WorkbookModel } from './workbook-model';

/**
 * Where a formula lives: the workbook, the sheet whose sheet-scoped names it sees (none for a
 * workbook-scoped name), and for cell formulas the block written (a bare `[@col]` needs its table).
 */
export interface FormulaHome {
  readonly wb: WorkbookModel;
  readonly sheet?: SheetModel | undefined;
  readonly area?: Rect | undefined;
}

/** One thing a formula needs to exist, extracted once per formula text (it does not depend on the model). */
type Need =
  | { readonly kind: 'sheets'; readonly context: readonly string[]; readonly text: string }
  | {
      readonly kind: 'name';
      readonly context: readonly string[];
      readonly name: string;
      readonly text: string;
    }
  | {
      readonly kind: 'table';
      readonly context: readonly string[];
      readonly ref: ReferenceStruct;
      readonly text: string;
    };

/** What a formula's text yields: the references it needs, or why it does not parse. */
interface Extracted {
  readonly needs: readonly Need[];
  readonly error?: string;
}

const cache = new Map<string, Extracted>();
const CACHE_LIMIT = 20_000;

type Node = AstExpression | null | undefined;

/** What one reference needs (undefined for a plain `A1`-style reference, which always exists), or why it is invalid. */
function refNeed(value: string, kind: string, r1c1: boolean): Need | string | undefined {
  if ((kind === 'range' || kind === 'beam') && !value.includes('!')) return undefined;
  if (kind === 'table') {
    const ref = parseStructRef(value);
    if (!ref) return `'${value}' is not a valid structured reference`;
    return { kind: 'table', context: ref.context ?? [], ref, text: value };
  }
  const ref = r1c1 ? parseR1C1Ref(value) : parseA1Ref(value);
  if (!ref) return `'${value}' is not a valid reference`;
  const context = ref.context ?? [];
  if ('name' in ref) return { kind: 'name', context, name: ref.name, text: value };
  return { kind: 'sheets', context, text: value };
}

/** Whether an INDIRECT argument's AST is a reference and nothing else (`A1`, `T[a]`, `A1:B2`, `T[a]:T[b]`). */
function isPureReference(node: Node): boolean {
  if (!node) return false;
  if (node.type === 'ReferenceIdentifier') return true;
  return node.type === 'BinaryExpression' && node.operator === ':' && node.arguments.every(isPureReference);
}

/** Walks an AST collecting needs; names bound by LET or LAMBDA are local, not defined names. */
function collect(node: Node, bound: readonly string[], r1c1: boolean, out: Need[], errors: string[]): void {
  if (!node) return;
  switch (node.type) {
    case 'ReferenceIdentifier': {
      if (node.kind === 'name' && bound.some((b) => sameName(b, node.value))) return;
      const need = refNeed(node.value, node.kind, r1c1);
      if (typeof need === 'string') errors.push(need);
      else if (need) out.push(need);
      return;
    }
    case 'CallExpression': {
      if (node.callee.type === 'Identifier' && node.callee.name.toUpperCase() === 'INDIRECT') {
        const [text, style] = node.arguments;
        // Excel resolves INDIRECT text only when it calculates; the add-in relies on it resolving,
        // so a literal argument is held to the same rule as a written reference.
        if (text?.type === 'Literal' && typeof text.value === 'string') {
          const asR1C1 = style?.type === 'Literal' && (style.value === false || style.value === 0);
          let target: Node;
          try {
            target = parsed(`=${text.value}`, asR1C1);
          } catch {
            target = undefined;
          }
          if (isPureReference(target)) collect(target, [], asR1C1, out, errors);
          else errors.push(`INDIRECT("${text.value}") does not name a reference`);
        }
      }
      // fx types the callee as an Identifier, but `LAMBDA(x,x+1)(2)` calls a LambdaExpression.
      if (node.callee.type !== 'Identifier')
        collect(node.callee as unknown as Node, bound, r1c1, out, errors);
      for (const a of node.arguments) collect(a, bound, r1c1, out, errors);
      return;
    }
    case 'LambdaExpression': {
      collect(node.body, [...bound, ...node.params.map((p) => p.name)], r1c1, out, errors);
      return;
    }
    case 'LetExpression': {
      let scope = bound;
      for (const d of node.declarations) {
        collect(d.init, scope, r1c1, out, errors);
        scope = [...scope, d.id.name];
      }
      collect(node.body, scope, r1c1, out, errors);
      return;
    }
    case 'UnaryExpression':
    case 'BinaryExpression':
      for (const a of node.arguments) collect(a, bound, r1c1, out, errors);
      return;
    case 'ArrayExpression':
      for (const row of node.elements) for (const e of row) collect(e, bound, r1c1, out, errors);
      return;
    default:
      return;
  }
}

function parsed(formula: string, r1c1: boolean): AstExpression {
  return parse(tokenize(formula, { mergeRefs: true, withLocation: false, r1c1 }));
}

/** Tokenizes and parses a formula with @borgar/fx and lists the sheets, names and tables it needs. */
function extract(formula: string): Extracted {
  const hit = cache.get(formula);
  if (hit) return hit;
  let result: Extracted;
  try {
    const needs: Need[] = [];
    const errors: string[] = [];
    collect(parsed(formula, false), [], false, needs, errors);
    result = errors.length > 0 ? { needs, error: errors[0] as string } : { needs };
  } catch (e) {
    result = { needs: [], error: `the formula does not parse (${(e as Error).message})` };
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(formula, result);
  return result;
}

/** The sheet a one-scope reference prefix names; undefined when it names none in this workbook. */
function contextSheets(wb: WorkbookModel, context: readonly string[]): SheetModel[] | string {
  if (context.length === 0) return [];
  if (context.length > 1) return `'${context.join('')}' refers to another workbook`;
  const sheets: SheetModel[] = [];
  // A 3D prefix (`Sheet1:Sheet3!A1`) needs both end sheets.
  for (const name of (context[0] as string).split(':')) {
    const sheet = wb.sheet(name);
    if (!sheet) return `no worksheet named '${name}'`;
    sheets.push(sheet);
  }
  return sheets;
}

/** The table a structured reference names: by name, or for `[@col]` the table the formula's cells are in. */
function tableOf(home: FormulaHome, ref: ReferenceStruct, sheets: SheetModel[]): TableModel | string {
  const name = ref.table ?? '';
  if (name === '') {
    const area = home.area;
    const inside = area && home.wb.tables.find((t) => t.sheet === home.sheet && contains(t.rect, area));
    return inside ?? 'a structured reference without a table name works only in cells of that table';
  }
  const table = home.wb.tables.find((t) => sameName(t.name, name));
  if (!table) return `no table named '${name}'`;
  const sheet = sheets[0];
  if (sheet && table.sheet !== sheet) return `table '${name}' is not on sheet '${sheet.name}'`;
  return table;
}

/** A defined name in one scope (undefined = workbook), matched as Excel matches names. */
function findName(wb: WorkbookModel, name: string, scope: SheetModel | undefined): boolean {
  return wb.names.some((n) => n.scope === scope && sameName(n.name, name));
}

function checkNeed(home: FormulaHome, need: Need): string | undefined {
  const sheets = contextSheets(home.wb, need.context);
  if (typeof sheets === 'string') return `${sheets} (in ${need.text})`;
  if (need.kind === 'sheets') return undefined;
  if (need.kind === 'name') {
    const { wb } = home;
    const sheet = sheets[0];
    // `Sheet1!name` means the name scoped to Sheet1; a bare name is the formula's sheet's, else the workbook's, else a table.
    if (sheet) return findName(wb, need.name, sheet) ? undefined : `no name '${need.text}'`;
    const found =
      (home.sheet && findName(wb, need.name, home.sheet)) ||
      findName(wb, need.name, undefined) ||
      wb.tables.some((t) => sameName(t.name, need.name));
    return found ? undefined : `no defined name or table named '${need.name}'`;
  }
  const table = tableOf(home, need.ref, sheets);
  if (typeof table === 'string') return table;
  const headers = headerNames(table);
  for (const column of need.ref.columns ?? []) {
    if (!headers.some((h) => sameName(h, column)))
      return `table '${table.name}' has no column '${column}' (in ${need.text})`;
  }
  return undefined;
}

/**
 * Rejects a formula that does not parse, or that refers to a sheet, defined name, table or table column
 * missing from the workbook as it is now (when the action runs), or to another workbook.
 */
export function checkFormulaRefs(home: FormulaHome, formula: string, location: string): void {
  const found = extract(formula);
  if (found.error !== undefined) throw excelError('InvalidArgument', location, `${formula}: ${found.error}`);
  for (const need of found.needs) {
    const problem = checkNeed(home, need);
    if (problem) throw excelError('InvalidArgument', location, `${formula}: ${problem}`);
  }
}

/** A checker for many formulas in one action: each distinct text is checked once (a filled column repeats one). */
export function formulaChecker(home: FormulaHome, location: string): (formula: string) => void {
  const seen = new Set<string>();
  return (formula) => {
    if (seen.has(formula)) return;
    checkFormulaRefs(home, formula, location);
    seen.add(formula);
  };
}

/** Whether a formula contains a structured reference outside INDIRECT's text. */
function hasStructuredRef(formula: string): boolean {
  return tokenize(formula, { mergeRefs: true, withLocation: false }).some((t) => t.type === 'structured');
}

/**
 * Checks a formula of a data-validation or conditional-format rule (constants pass): its references must
 * exist, and Excel refuses table references there (a list source `=Table[col]` is an error in Excel's
 * Data Validation dialog: https://ameblo.jp/unicom-k/page-24.html; conditional formats need the
 * INDIRECT("Table[col]") detour: https://wmfexcel.com/2019/01/26/hard-coded-range-expands-automatically-with-excel-table/).
 */
export function checkRuleFormulaRefs(home: FormulaHome, value: unknown, location: string): void {
  if (typeof value !== 'string' || value.length < 2 || !value.startsWith('=')) return;
  checkFormulaRefs(home, value, location);
  if (hasStructuredRef(value)) {
    throw excelError(
      'InvalidArgument',
      location,
      `${value}: Excel does not accept table references in data validation or conditional formats; use a defined name or INDIRECT("Table[column]")`,
    );
  }
}

/** Checks every formula of a data-validation rule (list source, custom formula, formula1/formula2). */
export function checkValidationRefs(
  home: FormulaHome,
  rule: Record<string, unknown>,
  location: string,
): void {
  for (const body of Object.values(rule)) {
    if (typeof body !== 'object' || body === null) continue;
    const b = body as Record<string, unknown>;
    for (const key of ['source', 'formula', 'formula1', 'formula2'])
      checkRuleFormulaRefs(home, b[key], `${location}.${key}`);
  }
}

/** The rows a structured reference's sections cover, or undefined when they are not one block (`#This Row`, totals off). */
function sectionRows(table: TableModel, sections: readonly string[]): { r0: number; r1: number } | undefined {
  const body = bodyRect(table);
  const header = table.rect.r0;
  const total = totalRect(table);
  const set = new Set(sections.map((s) => s.toLowerCase()));
  if (set.has('this row')) return undefined;
  if (set.has('all')) return { r0: table.rect.r0, r1: table.rect.r1 };
  if (set.size === 0 || (set.size === 1 && set.has('data'))) return { r0: body.r0, r1: body.r1 };
  if (set.has('totals') && !total) return undefined;
  const rows: number[] = [];
  if (set.has('headers')) rows.push(header);
  if (set.has('data')) rows.push(body.r0, body.r1);
  if (set.has('totals') && total) rows.push(total.r0);
  if (set.has('headers') && set.has('totals') && !set.has('data')) return undefined;
  return { r0: Math.min(...rows), r1: Math.max(...rows) };
}

/**
 * The block a formula that is exactly one structured reference covers now (`=T[col]`, `=T[[#Headers],[a]:[b]]`),
 * or undefined for any other formula. Excel since version 1904 stores such a name as this fixed block.
 */
export function structuredRefBlock(
  home: FormulaHome,
  formula: string,
): { sheet: SheetModel; rect: Rect } | undefined {
  let tokens;
  try {
    tokens = tokenize(formula, { mergeRefs: true, withLocation: false }).filter(
      (t) => t.type !== 'whitespace',
    );
  } catch {
    return undefined;
  }
  const [prefix, only, extra] = tokens;
  if (prefix?.type !== 'fx_prefix' || only?.type !== 'structured' || extra !== undefined) return undefined;
  const ref = parseStructRef(only.value);
  if (!ref?.table) return undefined;
  const table = home.wb.tables.find((t) => sameName(t.name, ref.table as string));
  if (!table) return undefined;
  const headers = headerNames(table);
  const columns = (ref.columns ?? []).map((c) => headers.findIndex((h) => sameName(h, c)));
  if (columns.some((i) => i < 0)) return undefined;
  const rows = sectionRows(table, ref.sections ?? []);
  if (!rows) return undefined;
  const c0 = columns.length === 0 ? table.rect.c0 : table.rect.c0 + Math.min(...columns);
  const c1 = columns.length === 0 ? table.rect.c1 : table.rect.c0 + Math.max(...columns);
  return { sheet: table.sheet, rect: { r0: rows.r0, r1: rows.r1, c0, c1 } };
}

/** What a deletion took away: a sheet's name and the names of the tables that went with it. */
export interface Removed {
  readonly sheet?: string;
  readonly tables: readonly string[];
}

/** Whether one reference token points into what was removed. */
function pointsInto(token: { type: string; value: string }, gone: Removed): boolean {
  const inGone = (context: readonly string[] | undefined): boolean =>
    gone.sheet !== undefined &&
    (context ?? []).some((scope) => scope.split(':').some((s) => sameName(s, gone.sheet as string)));
  if (token.type === 'structured') {
    const ref = parseStructRef(token.value);
    return !!ref && (inGone(ref.context) || gone.tables.some((t) => sameName(t, ref.table ?? '')));
  }
  if (token.type !== 'range' && token.type !== 'range_beam' && token.type !== 'range_named') return false;
  const ref = parseA1Ref(token.value);
  if (!ref) return false;
  if ('name' in ref && (ref.context ?? []).length === 0)
    return gone.tables.some((t) => sameName(t, ref.name));
  return inGone(ref.context);
}

/**
 * A formula with its references into removed sheets and tables replaced by `#REF!`, as Excel rewrites
 * them (`=Gone!A1` reads `=#REF!A1`, `=SUM(Gone[a])` reads `=SUM(#REF!)`); undefined when untouched.
 */
function broken(formula: string, gone: Removed): string | undefined {
  const lower = formula.toLowerCase();
  const names = [gone.sheet, gone.sheet?.replace(/'/g, "''"), ...gone.tables].filter(
    (n): n is string => n !== undefined,
  );
  if (!names.some((n) => lower.includes(n.toLowerCase()))) return undefined;
  let tokens;
  try {
    tokens = tokenize(formula, { mergeRefs: true, withLocation: false });
  } catch {
    return undefined;
  }
  let changed = false;
  const out = tokens.map((t) => {
    if (!pointsInto(t, gone)) return t.value;
    changed = true;
    const bang = t.type === 'structured' ? -1 : t.value.lastIndexOf('!');
    return bang < 0 ? '#REF!' : `#REF!${t.value.slice(bang + 1)}`;
  });
  return changed ? out.join('') : undefined;
}

/** The rule object with its formulas rewritten, or undefined when none changed. */
function brokenRule(
  rule: Readonly<Record<string, unknown>>,
  gone: Removed,
): Record<string, unknown> | undefined {
  let changed = false;
  const rewrite = (body: Record<string, unknown>): Record<string, unknown> => {
    const next = { ...body };
    for (const key of ['source', 'formula', 'formula1', 'formula2']) {
      const f = next[key];
      const b = typeof f === 'string' && f.startsWith('=') ? broken(f, gone) : undefined;
      if (b !== undefined) {
        next[key] = b;
        changed = true;
      }
    }
    return next;
  };
  const top = rewrite(rule as Record<string, unknown>);
  for (const [k, v] of Object.entries(top))
    if (typeof v === 'object' && v !== null && !Array.isArray(v))
      top[k] = rewrite(v as Record<string, unknown>);
  return changed ? top : undefined;
}

/**
 * After a sheet or table is deleted, turns every reference to it — in cells of the other sheets, conditional
 * formats, data validation and defined names — into `#REF!`, as Excel does; the cells then show `#REF!`.
 */
export function breakReferences(wb: WorkbookModel, gone: Removed): void {
  for (const sheet of wb.sheets) {
    const updates: [number, number, string][] = [];
    sheet.formulas.forEach((r, c, f) => {
      const b = broken(f, gone);
      if (b !== undefined) updates.push([r, c, b]);
    });
    for (const [r, c, b] of updates) {
      sheet.formulas.set(r, c, b);
      sheet.values.set(r, c, '#REF!');
    }
    for (const cf of sheet.conditionalFormats) cf.rule = brokenRule(cf.rule, gone) ?? cf.rule;
    // Validation models are shared by the cells of one write: rewrite each once, then swap it in.
    const replaced = new Map<ValidationModel, ValidationModel>();
    const swap = (v: ValidationModel): ValidationModel => {
      let next = replaced.get(v);
      if (!next) {
        const rule = brokenRule(v.rule, gone);
        next = rule ? { ...v, rule } : v;
        replaced.set(v, next);
      }
      return next;
    };
    const cells: [number, number, ValidationModel][] = [];
    sheet.validation.cells.forEach((r, c, v) => cells.push([r, c, swap(v)]));
    for (const [r, c, v] of cells) sheet.validation.cells.set(r, c, v);
    sheet.validation.areas = sheet.validation.areas.map((a) => ({ rect: a.rect, value: swap(a.value) }));
  }
  for (const n of wb.names) {
    if (n.ref.kind !== 'formula') continue;
    const b = broken(n.ref.formula, gone);
    if (b !== undefined) n.ref = { kind: 'formula', formula: b };
  }
}
