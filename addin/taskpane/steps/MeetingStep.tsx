import { SubViews } from '../common/SubViews';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { EditSelectedForm } from '../form/EditSelectedForm';
import { NewRecordForm } from '../form/NewRecordForm';
import { useI18n } from '../i18n/I18nContext';
import { usePane } from '../pane/PaneContext';

/** Step 5: record each topic's resolution (edit its agenda row), sign-ins, and the meeting's papers. */
export function MeetingStep() {
  const { t } = useI18n();
  const { workbook } = usePane();
  const latest = [...(workbook?.check.meetings ?? [])]
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))
    .pop();
  return (
    <>
      <SubViews
        label={t('step.meeting.title')}
        views={[
          {
            id: 'agenda',
            title: t('agenda.title'),
            render: () => <EditSelectedForm registers={['agenda', 'meetings']} />,
          },
          {
            id: 'signIn',
            title: t('signIn.title'),
            render: () => <NewRecordForm register="signIn" initial={{ meetingId: latest?.id ?? '' }} />,
          },
        ]}
      />
      <DocumentsPanel kinds={['signInSheet', 'moderatorScript', 'minutes']} />
    </>
  );
}
