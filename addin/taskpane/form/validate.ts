import {
  readRegister,
  type Bilingual,
  type RegisterDef,
  type Severity,
  type ValueLists,
} from '../../../shared';

/** What is wrong with one field of a form. */
export interface FieldProblem {
  readonly message: Bilingual;
  readonly severity: Severity;
}

/**
 * Checks a form's values exactly as the workbook check would check the row: the core reads each
 * field with its compiled reader and applies the register's conditional rules (required when,
 * must be empty when, needs, not before). `fields` are the keys on the form; `taken` the 编号 in use.
 */
export function validateRecord(
  register: RegisterDef,
  values: Readonly<Record<string, string>>,
  fields: readonly string[],
  lists: ValueLists,
  taken?: { readonly ids: ReadonlySet<string>; readonly message: (id: string) => Bilingual },
): Map<string, FieldProblem> {
  const defs = register.fields.filter((f) => fields.includes(f.key));
  const table = {
    header: defs.map((f) => f.header),
    rows: [defs.map((f) => values[f.key] ?? '')],
    firstRow: 2,
  };
  const out = new Map<string, FieldProblem>();
  for (const p of readRegister(register, table, { lists }).problems) {
    const had = out.get(p.column);
    if (!had || (had.severity === 'warning' && p.severity === 'error'))
      out.set(p.column, { message: p.message, severity: p.severity });
  }
  const id = register.idField ? values[register.idField]?.trim() : undefined;
  if (taken && register.idField && id && taken.ids.has(id))
    out.set(register.idField, { message: taken.message(id), severity: 'error' });
  return out;
}
