import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Bilingual, RegisterDef, ValueLists } from '../../../shared';
import type { FieldChange, FormRecord } from '../operations';
import { isShown, sectionsOf, type FormSection } from './layouts';
import { validateRecord, type FieldProblem } from './validate';

/** Options of a record form. */
export interface RecordFormOptions {
  readonly register: RegisterDef;
  readonly lists: ValueLists;
  /** The values the form starts from (an edited row, or defaults); followed while nothing is typed. */
  readonly initial: FormRecord;
  readonly taken?: { readonly ids: ReadonlySet<string>; readonly message: (id: string) => Bilingual };
}

/** A record form's state: values, what was touched, the problems found as you type. */
export interface RecordFormState {
  readonly register: RegisterDef;
  readonly lists: ValueLists;
  readonly values: FormRecord;
  readonly sections: readonly FormSection[];
  readonly problems: ReadonlyMap<string, FieldProblem>;
  readonly errorCount: number;
  /** Whether the clerk has typed in the form since it was (re)set. */
  readonly dirty: boolean;
  set(key: string, value: string): void;
  /** Fills a field for the clerk (a suggestion), without counting it as typed. */
  fill(key: string, value: string): void;
  touch(key: string): void;
  /** The problem to show under a field: once it was touched, or after a submit was tried. */
  shown(key: string): FieldProblem | undefined;
  /** Marks a submit attempt; true when nothing is in error. */
  attempt(): boolean;
  reset(values: FormRecord): void;
  /** The values to write: the fields on view, trimmed. */
  record(): FormRecord;
  /** The fields the clerk changed from the initial values. */
  changes(): Record<string, FieldChange>;
}

/** Keeps a record form's values and validates them with the core on every change. */
export function useRecordForm({ register, lists, initial, taken }: RecordFormOptions): RecordFormState {
  const [values, setValues] = useState<FormRecord>(initial);
  const [base, setBase] = useState<FormRecord>(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const initialKey = JSON.stringify(initial);
  useEffect(() => {
    // A form nobody has typed in follows its defaults as they change (the next 编号, a new selection).
    if (touched.size === 0) {
      setValues(JSON.parse(initialKey) as FormRecord);
      setBase(JSON.parse(initialKey) as FormRecord);
    }
  }, [initialKey]);
  const sections = useMemo(() => sectionsOf(register).filter((s) => isShown(s, values)), [register, values]);
  const keys = useMemo(() => sections.flatMap((s) => s.fields), [sections]);
  const problems = useMemo(
    () => validateRecord(register, values, keys, lists, taken),
    [register, values, keys, lists, taken],
  );
  const set = useCallback((key: string, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setTouched((t) => (t.has(key) ? t : new Set(t).add(key)));
  }, []);
  const fill = useCallback((key: string, value: string) => setValues((v) => ({ ...v, [key]: value })), []);
  const touch = useCallback((key: string) => setTouched((t) => (t.has(key) ? t : new Set(t).add(key))), []);
  const errorCount = [...problems.values()].filter((p) => p.severity === 'error').length;
  return {
    register,
    lists,
    values,
    sections,
    problems,
    errorCount,
    dirty: touched.size > 0,
    set,
    fill,
    touch,
    shown: (key) => (attempted || touched.has(key) ? problems.get(key) : undefined),
    attempt: () => {
      setAttempted(true);
      return errorCount === 0;
    },
    reset: (next) => {
      setValues(next);
      setBase(next);
      setTouched(new Set());
      setAttempted(false);
    },
    record: () =>
      Object.fromEntries(keys.map((k) => [k, (values[k] ?? '').trim()]).filter(([, v]) => v !== '')),
    changes: () =>
      Object.fromEntries(
        keys
          .map((k) => [k, { before: (base[k] ?? '').trim(), after: (values[k] ?? '').trim() }] as const)
          .filter(([, c]) => c.before !== c.after),
      ),
  };
}
