import { Field, Input, Select, Textarea } from '@fluentui/react-components';
import type { FieldDef, ValueLists } from '../../../shared';
import { fieldLabel } from '../i18n/fields';
import { useI18n } from '../i18n/I18nContext';
import type { FieldProblem } from './validate';

/** Props of one form field. */
export interface FieldInputProps {
  readonly field: FieldDef;
  readonly value: string;
  readonly lists: ValueLists;
  readonly problem: FieldProblem | undefined;
  /** Shown as required: always required, or required under a condition that holds now. */
  readonly required: boolean;
  onChange(value: string): void;
  onBlur(): void;
}

/** Long free text gets a text area; everything else one line. */
const isLong = (f: FieldDef): boolean => f.type === 'text' && (f.width ?? 0) >= 20;

/** One field of a register form: a list for enum columns, a text box otherwise; its problem below it. */
export function FieldInput({ field, value, lists, problem, required, onChange, onBlur }: FieldInputProps) {
  const { lang, t, said } = useI18n();
  const common = { value, onBlur, name: field.key };
  let control;
  if (field.type === 'enum' && field.list) {
    const options = lists[field.list];
    // A value typed on the sheet that is not in the list stays visible, so its problem can be seen and fixed.
    const shown = value && !options.includes(value) ? [value, ...options] : options;
    control = (
      <Select {...common} onChange={(_, d) => onChange(d.value)}>
        <option value="">{t('form.choose')}</option>
        {shown.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </Select>
    );
  } else if (isLong(field)) {
    control = <Textarea {...common} resize="vertical" onChange={(_, d) => onChange(d.value)} />;
  } else {
    const placeholder = field.type === 'date' ? t('form.datePlaceholder') : undefined;
    control = (
      <Input
        {...common}
        placeholder={placeholder}
        inputMode={field.type === 'number' ? 'numeric' : undefined}
        onChange={(_, d) => onChange(d.value)}
      />
    );
  }
  return (
    <Field
      label={fieldLabel(field, lang)}
      required={required}
      hint={lang === 'zh' && field.prompt && !problem ? field.prompt : undefined}
      validationState={problem ? (problem.severity === 'error' ? 'error' : 'warning') : 'none'}
      validationMessage={problem ? said(problem.message) : undefined}
    >
      {control}
    </Field>
  );
}
