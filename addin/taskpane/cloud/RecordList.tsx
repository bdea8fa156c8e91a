import { Caption1, List, ListItem } from '@fluentui/react-components';
import { registerByKey } from '../../../shared';
import type { UnwrittenRecord } from '../../cloud/operations';
import type { RejectedChange, ScrubbedText } from '../../sync';
import { useI18n } from '../i18n/I18nContext';

/** The register's title and the field's header, as the clerk sees them on the sheet. */
export const placeOf = (register: string, field?: string): { register: string; field: string } => {
  const def = registerByKey(register);
  return { register: def.title, field: def.fields.find((f) => f.key === field)?.header ?? field ?? '' };
};

/** A record's register, key and (for a field's notice) field: what keys it in a list. */
interface RecordRef {
  readonly register: string;
  readonly key: string;
  readonly field?: string;
}

/** A headed list of records, one line each; nothing when empty. The cloud panel's lists all take this form. */
export function RecordList<T extends RecordRef>({
  label,
  items,
  line,
}: {
  label: string;
  items: readonly T[];
  line: (item: T) => string;
}) {
  if (items.length === 0) return null;
  return (
    <>
      <Caption1>{label}</Caption1>
      <List aria-label={label}>
        {items.map((r) => (
          <ListItem key={[r.register, r.key, r.field ?? ''].join('|')}>
            <Caption1>{line(r)}</Caption1>
          </ListItem>
        ))}
      </List>
    </>
  );
}

/** Text with identity numbers hidden, as it is (or was) sent, so the clerk sees what leaves the workbook. */
export function ScrubbedList({ label, scrubbed }: { label: string; scrubbed: readonly ScrubbedText[] }) {
  const { t } = useI18n();
  return (
    <RecordList
      label={label}
      items={scrubbed}
      line={(s) => {
        const place = placeOf(s.register, s.field);
        return t('cloud.scrubbedItem', {
          register: place.register,
          key: s.key,
          field: place.field,
          text: s.text,
        });
      }}
    />
  );
}

/** Records from the cloud the workbook refused (e.g. a value not in its 值列表): not written, kept in the cloud. */
export function UnwrittenList({ unwritten }: { unwritten: readonly UnwrittenRecord[] }) {
  const { t, said } = useI18n();
  return (
    <RecordList
      label={t('cloud.unwritten', { count: unwritten.length })}
      items={unwritten}
      line={(u) => {
        const place = placeOf(u.register, u.field);
        return t('cloud.unwrittenItem', {
          register: place.register,
          key: u.key,
          field: place.field,
          message: said(u.message),
        });
      }}
    />
  );
}

/** Records the cloud did not accept (invalid or too large): set aside, not blocking the others. */
export function RejectedList({ rejected }: { rejected: readonly RejectedChange[] }) {
  const { t, said } = useI18n();
  return (
    <RecordList
      label={t('cloud.rejected', { count: rejected.length })}
      items={rejected}
      line={(r) =>
        t('cloud.rejectedItem', {
          register: placeOf(r.register).register,
          key: r.key,
          message: said(r.message),
        })
      }
    />
  );
}
