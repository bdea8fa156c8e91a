import { Button } from '@fluentui/react-components';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { useTask } from '../common/useTask';
import { useI18n } from '../i18n/I18nContext';
import { usePane } from '../pane/PaneContext';

/** A save button that writes with `save`, re-reads the workbook, and says how it went. */
export function SaveBar({ save, disabled }: { save(): Promise<void>; disabled?: boolean }) {
  const { t } = useI18n();
  const { reloadWorkbook } = usePane();
  const task = useTask<string>();
  const run = () =>
    task.run(async () => {
      await save();
      await reloadWorkbook();
      return t('common.saved');
    });
  return (
    <>
      <Button appearance="primary" disabled={disabled || task.busy} onClick={() => void run()}>
        {t('common.save')}
      </Button>
      <Notice>{task.result}</Notice>
      <ErrorBar error={task.error} />
    </>
  );
}
