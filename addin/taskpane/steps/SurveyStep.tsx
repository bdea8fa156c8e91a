import { AppealStatus } from '../appeal/AppealStatus';
import { Section } from '../common/Section';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { NewRecordForm } from '../form/NewRecordForm';
import { useI18n } from '../i18n/I18nContext';
import { usePane } from '../pane/PaneContext';
import { selectedAppealId } from '../pane/selectors';

/** Step 7: a survey result for the selected appeal; a 不满意 opens the reason and remedy fields. */
export function SurveyStep() {
  const { t } = useI18n();
  const { selection, today } = usePane();
  return (
    <>
      <AppealStatus />
      <Section title={t('survey.title')}>
        <NewRecordForm
          register="surveys"
          initial={{ appealId: selectedAppealId(selection) ?? '', respondent: '诉求人', surveyedOn: today }}
        />
      </Section>
      <DocumentsPanel kinds={['surveyForm']} />
    </>
  );
}
