import { Badge, Button, Caption1, List, ListItem } from '@fluentui/react-components';
import type { CloudOperations } from '../../cloud/operations';
import type { RemindersView } from '../../sync';
import { ErrorBar } from '../common/ErrorBar';
import { useTask } from '../common/useTask';
import { useI18n } from '../i18n/I18nContext';

/** The reminders the cloud computed for the unit (编号 and department, never the appellant). */
export function CloudReminders({ cloud }: { cloud: CloudOperations }) {
  const { t, said } = useI18n();
  const task = useTask<RemindersView>();
  const view = task.result;
  return (
    <>
      <Button size="small" disabled={task.busy} onClick={() => void task.run(() => cloud.reminders())}>
        {t('cloud.loadReminders')}
      </Button>
      <ErrorBar error={task.error} />
      {view && (
        <List aria-label={t('cloud.reminders')}>
          {view.stale && <Caption1>{t('cloud.stale')}</Caption1>}
          {view.reminders.length === 0 && <Caption1>{t('reminders.none')}</Caption1>}
          {view.reminders.slice(0, 30).map((r) => (
            <ListItem key={r.key}>
              <Caption1>
                <Badge size="small" appearance="tint" color={r.status === 'overdue' ? 'danger' : 'warning'}>
                  {t(`deadline.${r.status}`)}
                </Badge>{' '}
                {said(r.message)}
              </Caption1>
            </ListItem>
          ))}
        </List>
      )}
    </>
  );
}
