import { Section } from '../common/Section';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { EditSelectedForm } from '../form/EditSelectedForm';
import { NewRecordForm } from '../form/NewRecordForm';
import { useI18n } from '../i18n/I18nContext';
import { RemindersPanel } from './RemindersPanel';

/** Step 1: the leading group's roster, its meeting reminders, and the establishment notice. */
export function LeadershipStep() {
  const { t } = useI18n();
  return (
    <>
      <RemindersPanel which="unit" />
      <Section title={t('roster.title')}>
        <NewRecordForm register="roster" initial={{}} submitLabel={t('common.add')} />
      </Section>
      <Section title={t('edit.selected')}>
        <EditSelectedForm registers={['roster']} />
      </Section>
      <DocumentsPanel kinds={['establishment']} />
    </>
  );
}
