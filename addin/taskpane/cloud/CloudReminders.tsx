import { Button, Caption1 } from '@fluentui/react-components';
import { ReminderList } from '../common/ReminderList';
import type { CloudOperations } from '../../cloud/operations';
import type { RemindersView } from '../../sync';
import { ErrorBar } from '../common/ErrorBar';
import { useTask } from '../common/useTask';
import { useI18n } from '../i18n/I18nContext';

/** The reminders the cloud computed for the unit (编号 and department, never the appellant). */
export function CloudReminders({ cloud }: { cloud: CloudOperations }) {
  const { t } = useI18n();
  const task = useTask<RemindersView>();
  const view = task.result;
  return (
    <>
      <Button size="small" disabled={task.busy} onClick={() => void task.run(() => cloud.reminders())}>
        {t('cloud.loadReminders')}
      </Button>
      <ErrorBar error={task.error} />
      {view && view.stale && <Caption1>{t('cloud.stale')}</Caption1>}
      {view && <ReminderList label={t('cloud.reminders')} reminders={view.reminders} shown={30} />}
    </>
  );
}
