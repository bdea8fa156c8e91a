import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  makeStyles,
  tokens,
  type AccordionToggleEventHandler,
} from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { ProgressView } from '../common/ProgressView';
import { useTask } from '../common/useTask';
import { useI18n } from '../i18n/I18nContext';
import { FormFields } from './FormFields';
import type { RecordFormState } from './useRecordForm';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** Props of a record form: its state, the submit button's label, and what submitting does. */
export interface RecordFormProps {
  readonly form: RecordFormState;
  readonly submitLabel: string;
  /** Writes the record; resolves to the message to show. */
  onSubmit(): Promise<string>;
  readonly children?: ReactNode;
}

/** A register form: fields grouped in sections, problems under each field as you type, one submit. */
export function RecordForm({ form, submitLabel, onSubmit, children }: RecordFormProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const task = useTask<string>();
  const [blocked, setBlocked] = useState(false);
  const filled = (keys: readonly string[]) => keys.some((k) => form.values[k]?.trim());
  const [open, setOpen] = useState<string[]>(() =>
    form.sections.filter((s, i) => i === 0 || filled(s.fields)).map((s) => s.title),
  );
  const onToggle: AccordionToggleEventHandler<string> = (_, data) => setOpen(data.openItems);
  // A section that appears because of an answer (不满意 → reason and remedy) opens at once.
  const conditional = form.sections.filter((s) => s.showWhen).map((s) => s.title);
  const appeared = conditional.join('|');
  useEffect(() => {
    if (appeared) setOpen((o) => [...new Set([...o, ...appeared.split('|')])]);
  }, [appeared]);
  const submit = async () => {
    if (!form.attempt()) {
      setBlocked(true);
      // Open every section with a problem, so none hides behind a closed header.
      setOpen((o) => [
        ...new Set([
          ...o,
          ...form.sections
            .filter((s) => s.fields.some((k) => form.problems.get(k)?.severity === 'error'))
            .map((s) => s.title),
        ]),
      ]);
      return;
    }
    setBlocked(false);
    await task.run(() => onSubmit());
  };
  const single = form.sections.length === 1;
  return (
    <form className={styles.form} noValidate onSubmit={(e) => (e.preventDefault(), void submit())}>
      {single ? (
        <FormFields form={form} keys={form.sections[0]?.fields ?? []} />
      ) : (
        <Accordion multiple collapsible openItems={open} onToggle={onToggle}>
          {form.sections.map((s) => (
            <AccordionItem key={s.title} value={s.title}>
              <AccordionHeader>{t(s.title)}</AccordionHeader>
              <AccordionPanel className={styles.form}>
                <FormFields form={form} keys={s.fields} />
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
      {children}
      <Button type="submit" appearance="primary" disabled={task.busy}>
        {submitLabel}
      </Button>
      {task.busy && <ProgressView progress={task.progress} />}
      {blocked && form.errorCount > 0 && (
        <Notice intent="warning">{t('form.fixErrors', { count: form.errorCount })}</Notice>
      )}
      <Notice>{task.result}</Notice>
      <ErrorBar error={task.error} />
    </form>
  );
}
