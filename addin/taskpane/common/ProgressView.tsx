import { Field, ProgressBar } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';
import type { TaskProgress } from './useTask';

/** A long task's progress bar with the step it is on (indeterminate until the first report). */
export function ProgressView({ progress }: { progress: TaskProgress | null }) {
  const { t, progress: label } = useI18n();
  const value = progress && progress.total > 0 ? progress.done / progress.total : undefined;
  return (
    <Field validationMessage={progress ? label(progress.label) : t('common.loading')} validationState="none">
      <ProgressBar
        value={value}
        thickness="large"
        aria-label={progress ? label(progress.label) : t('common.loading')}
      />
    </Field>
  );
}
