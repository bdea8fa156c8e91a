import { Badge, Caption1, List, ListItem } from '@fluentui/react-components';
import type { Bilingual } from '../../../shared';
import { useI18n } from '../i18n/I18nContext';

/** A due or overdue item as the lists show it: its status and its message (编号 and department). */
export interface ReminderItem {
  readonly key: string;
  readonly status: 'dueSoon' | 'overdue';
  readonly message: Bilingual;
}

/** Reminders, most pressing first as given, with a count of those not shown. */
export function ReminderList({
  label,
  reminders,
  shown = 20,
}: {
  label: string;
  reminders: readonly ReminderItem[];
  shown?: number;
}) {
  const { t, said } = useI18n();
  return (
    <>
      {reminders.length === 0 && <Caption1>{t('reminders.none')}</Caption1>}
      <List aria-label={label}>
        {reminders.slice(0, shown).map((r) => (
          <ListItem key={r.key}>
            <Caption1>
              <Badge size="small" color={r.status === 'overdue' ? 'danger' : 'warning'} appearance="tint">
                {t(`deadline.${r.status}`)}
              </Badge>{' '}
              {said(r.message)}
            </Caption1>
          </ListItem>
        ))}
      </List>
      {reminders.length > shown && (
        <Caption1>{t('check.more', { count: reminders.length - shown })}</Caption1>
      )}
    </>
  );
}
