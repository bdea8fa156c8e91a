import { Caption1, List, ListItem } from '@fluentui/react-components';
import type { UnwrittenRecord } from '../../cloud/operations';
import { useI18n } from '../i18n/I18nContext';
import { placeOf } from './ScrubbedList';

/** Records from the cloud the workbook refused (e.g. a value not in its 值列表): not written, kept in the cloud. */
export function UnwrittenList({ unwritten }: { unwritten: readonly UnwrittenRecord[] }) {
  const { t, said } = useI18n();
  if (unwritten.length === 0) return null;
  const label = t('cloud.unwritten', { count: unwritten.length });
  return (
    <>
      <Caption1>{label}</Caption1>
      <List aria-label={label}>
        {unwritten.map((u) => {
          const place = placeOf(u.register, u.field);
          return (
            <ListItem key={`${u.register}|${u.key}|${u.field}`}>
              <Caption1>
                {t('cloud.unwrittenItem', {
                  register: place.register,
                  key: u.key,
                  field: place.field,
                  message: said(u.message),
                })}
              </Caption1>
            </ListItem>
          );
        })}
      </List>
    </>
  );
}
