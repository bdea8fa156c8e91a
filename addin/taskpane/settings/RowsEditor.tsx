import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useCommonStyles } from '../common/styles';
import { useI18n } from '../i18n/I18nContext';
import type { FormRecord } from '../operations';

/** A column of a small table edited in the pane. */
export interface RowColumn {
  readonly key: string;
  readonly label: string;
  readonly options?: readonly string[];
  readonly placeholder?: string;
  /** Why a value is not acceptable, if it is not. */
  check?(value: string): string | undefined;
}

/** Props of a rows editor: the columns, the rows, and what changing them does. */
export interface RowsEditorProps {
  readonly columns: readonly RowColumn[];
  readonly rows: readonly FormRecord[];
  readonly addLabel: string;
  onChange(rows: FormRecord[]): void;
}

/** Edits a small table (participants, calendar days) row by row: change, add, remove. */
export function RowsEditor({ columns, rows, addLabel, onChange }: RowsEditorProps) {
  const styles = useCommonStyles();
  const { t } = useI18n();
  const set = (i: number, key: string, value: string) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  const blank = Object.fromEntries(columns.map((c) => [c.key, '']));
  return (
    <div className={styles.stack}>
      {rows.map((row, i) => (
        <div key={i} className={styles.row} role="group" aria-label={`${i + 1}`}>
          {columns.map((c) => {
            const problem = c.check?.(row[c.key] ?? '');
            return (
              <Field
                key={c.key}
                className={styles.grow}
                label={i === 0 ? c.label : undefined}
                validationState={problem ? 'error' : 'none'}
                validationMessage={problem}
              >
                {c.options ? (
                  <Select
                    aria-label={c.label}
                    value={row[c.key] ?? ''}
                    onChange={(_, d) => set(i, c.key, d.value)}
                  >
                    <option value="">{t('form.choose')}</option>
                    {c.options.map((o) => (
                      <option key={o}>{o}</option>
                    ))}
                  </Select>
                ) : (
                  <Input
                    aria-label={c.label}
                    placeholder={c.placeholder}
                    value={row[c.key] ?? ''}
                    onChange={(_, d) => set(i, c.key, d.value)}
                  />
                )}
              </Field>
            );
          })}
          <Button appearance="subtle" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            {t('common.remove')}
          </Button>
        </div>
      ))}
      <Button onClick={() => onChange([...rows, blank])}>{addLabel}</Button>
    </div>
  );
}
