import { Caption1, List, ListItem } from '@fluentui/react-components';
import { registerByKey } from '../../../shared';
import type { ScrubbedText } from '../../sync';
import { useI18n } from '../i18n/I18nContext';

/** The register's title and the field's header, as the clerk sees them on the sheet. */
export const placeOf = (register: string, field?: string): { register: string; field: string } => {
  const def = registerByKey(register);
  return { register: def.title, field: def.fields.find((f) => f.key === field)?.header ?? field ?? '' };
};

/** Text with identity numbers hidden, as it is (or was) sent, so the clerk sees what leaves the workbook. */
export function ScrubbedList({ label, scrubbed }: { label: string; scrubbed: readonly ScrubbedText[] }) {
  const { t } = useI18n();
  if (scrubbed.length === 0) return null;
  return (
    <>
      <Caption1>{label}</Caption1>
      <List aria-label={label}>
        {scrubbed.map((s) => {
          const place = placeOf(s.register, s.field);
          return (
            <ListItem key={`${s.register}|${s.key}|${s.field}`}>
              <Caption1>
                {t('cloud.scrubbedItem', {
                  register: place.register,
                  key: s.key,
                  field: place.field,
                  text: s.text,
                })}
              </Caption1>
            </ListItem>
          );
        })}
      </List>
    </>
  );
}
