import { SubViews } from '../common/SubViews';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { EditSelectedForm } from '../form/EditSelectedForm';
import { NewRecordForm } from '../form/NewRecordForm';
import { useI18n } from '../i18n/I18nContext';
import { usePane } from '../pane/PaneContext';
import { appealIds, nextId } from '../pane/selectors';
import { TopicBookPanel } from './TopicBookPanel';

/** Step 3: register a new appeal, edit the selected one, or record collected topics and exchange workshops' books. */
export function CollectStep() {
  const { t } = useI18n();
  const { workbook, today } = usePane();
  const initial = { id: nextId(appealIds(workbook), today.slice(0, 4)), receivedOn: today };
  return (
    <>
      <SubViews
        label={t('step.collect.title')}
        views={[
          {
            id: 'new',
            title: t('appeal.new'),
            render: () => <NewRecordForm register="appeals" initial={initial} />,
          },
          { id: 'edit', title: t('appeal.edit'), render: () => <EditSelectedForm registers={['appeals']} /> },
          {
            id: 'topics',
            title: t('topic.title'),
            render: () => (
              <>
                <NewRecordForm register="topics" initial={{ raisedOn: today }} />
                <EditSelectedForm registers={['topics']} />
                <TopicBookPanel />
              </>
            ),
          },
        ]}
      />
      <DocumentsPanel kinds={['appealForm', 'topicBook', 'classification']} />
    </>
  );
}
