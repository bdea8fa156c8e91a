import { Caption1, List, ListItem } from '@fluentui/react-components';
import type { RejectedChange } from '../../sync';
import { useI18n } from '../i18n/I18nContext';
import { placeOf } from './ScrubbedList';

/** Records the cloud did not accept (invalid or too large): set aside, not blocking the others. */
export function RejectedList({ rejected }: { rejected: readonly RejectedChange[] }) {
  const { t, said } = useI18n();
  if (rejected.length === 0) return null;
  const label = t('cloud.rejected', { count: rejected.length });
  return (
    <>
      <Caption1>{label}</Caption1>
      <List aria-label={label}>
        {rejected.map((r) => (
          <ListItem key={`${r.register}|${r.key}`}>
            <Caption1>
              {t('cloud.rejectedItem', {
                register: placeOf(r.register).register,
                key: r.key,
                message: said(r.message),
              })}
            </Caption1>
          </ListItem>
        ))}
      </List>
    </>
  );
}
