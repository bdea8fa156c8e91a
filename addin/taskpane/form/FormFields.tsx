import type { Condition, FieldDef } from '../../../shared';
import { FieldInput } from './FieldInput';
import type { RecordFormState } from './useRecordForm';

const holds = (c: Condition, values: Readonly<Record<string, string>>): boolean => {
  const v = values[c.field]?.trim() ?? '';
  return c.filled !== undefined ? (v !== '') === c.filled : (c.is ?? []).includes(v);
};

/** Whether a field is required for the values on the form now. */
export const isRequired = (f: FieldDef, values: Readonly<Record<string, string>>): boolean =>
  f.required === true || (typeof f.required === 'object' && holds(f.required.when, values));

/** The inputs of some of a form's fields, in the order given. */
export function FormFields({ form, keys }: { form: RecordFormState; keys: readonly string[] }) {
  const fields = keys.flatMap((k) => form.register.fields.filter((f) => f.key === k));
  return (
    <>
      {fields.map((f) => (
        <FieldInput
          key={f.key}
          field={f}
          value={form.values[f.key] ?? ''}
          lists={form.lists}
          problem={form.shown(f.key)}
          required={isRequired(f, form.values)}
          onChange={(v) => form.set(f.key, v)}
          onBlur={() => form.touch(f.key)}
        />
      ))}
    </>
  );
}
