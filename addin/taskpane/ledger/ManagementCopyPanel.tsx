import { Body1, Button } from '@fluentui/react-components';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { ProgressView } from '../common/ProgressView';
import { Section } from '../common/Section';
import { useTask } from '../common/useTask';
import { useI18n } from '../i18n/I18nContext';
import type { ManagementCopyOutcome } from '../operations';
import { usePane } from '../pane/PaneContext';
import type { usePeriodFields } from './usePeriodFields';

/** Makes the copy for management: ledgers and summaries without any appellant's identity. */
export function ManagementCopyPanel({ period }: { period: ReturnType<typeof usePeriodFields> }) {
  const { t } = useI18n();
  const { operations } = usePane();
  const task = useTask<ManagementCopyOutcome>();
  const make = operations.makeManagementCopy;
  if (!make) return null;
  const sheets = task.result?.sheets.join('、') ?? '';
  return (
    <Section title={t('copy.title')}>
      <Body1>{t('copy.intro')}</Body1>
      <Button
        disabled={task.busy || !period.valid}
        onClick={() => void task.run((progress) => make(period.value, progress))}
      >
        {t('copy.make')}
      </Button>
      {task.busy && <ProgressView progress={task.progress} />}
      <ErrorBar error={task.error} />
      <Notice>
        {task.result ? t(task.result.opened ? 'copy.opened' : 'copy.downloaded', { sheets }) : null}
      </Notice>
    </Section>
  );
}
