import { Section } from '../common/Section';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { useI18n } from '../i18n/I18nContext';
import { MeetingPlanner } from './MeetingPlanner';

/** Step 4: plan the meeting and print its notice. */
export function PeopleStep() {
  const { t } = useI18n();
  return (
    <>
      <Section title={t('planner.title')}>
        <MeetingPlanner />
      </Section>
      <DocumentsPanel kinds={['meetingNotice']} />
    </>
  );
}
