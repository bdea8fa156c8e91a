import { AppealStatus } from '../appeal/AppealStatus';
import { Section } from '../common/Section';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { HandUpPanel } from '../escalations/HandUpPanel';
import { EditSelectedForm } from '../form/EditSelectedForm';
import { NewRecordForm } from '../form/NewRecordForm';
import { useI18n } from '../i18n/I18nContext';
import { usePane } from '../pane/PaneContext';
import { selectedAppealId } from '../pane/selectors';
import { RemindersPanel } from './RemindersPanel';

/** Step 6: the selected appeal's state and deadlines, handing it up, a supervision entry, its dates, and the circular. */
export function SuperviseStep() {
  const { t } = useI18n();
  const { selection, today } = usePane();
  return (
    <>
      <AppealStatus />
      <HandUpPanel />
      <Section title={t('tracking.title')}>
        <NewRecordForm
          register="tracking"
          initial={{ appealId: selectedAppealId(selection) ?? '', trackedOn: today }}
        />
      </Section>
      <Section title={t('supervise.edit')}>
        <EditSelectedForm registers={['appeals', 'tracking']} />
      </Section>
      <RemindersPanel which="appeals" />
      <DocumentsPanel kinds={['circular', 'trackingForm', 'publication']} />
    </>
  );
}
