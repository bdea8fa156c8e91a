import { Caption1, Tag, TagGroup } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { meetingRegister, suggestDepartments } from '../../../shared';
import { RecordForm } from '../form/RecordForm';
import { useRecordForm } from '../form/useRecordForm';
import { both } from '../i18n/strings';
import { useI18n } from '../i18n/I18nContext';
import { usePane } from '../pane/PaneContext';
import { caseOf, categoryRows, listsOf, nextId } from '../pane/selectors';
import { openCases, TopicChooser } from './TopicChooser';

/** Plans a meeting: topics chosen from open appeals, participants suggested by category, one write. */
export function MeetingPlanner() {
  const { t } = useI18n();
  const { operations, workbook, reloadWorkbook, today } = usePane();
  const [chosen, setChosen] = useState<string[]>([]);
  const settings = workbook?.check.settings;
  const meetingIds = new Set((workbook?.check.meetings ?? []).flatMap((m) => (m.id ? [m.id] : [])));
  const initial = {
    id: nextId(meetingIds, today.slice(0, 4), 'H'),
    type: '专题沟通协商会议',
    moderator: settings?.unionChair ?? '',
    adminHead: settings?.adminHead ?? '',
  };
  const form = useRecordForm({ register: meetingRegister, lists: listsOf(workbook), initial });
  const topics = chosen.flatMap((id) => caseOf(workbook, id)?.appeal ?? []);
  const suggested = suggestDepartments(
    [...new Set(topics.flatMap((a) => a.category ?? []))],
    categoryRows(workbook),
  );
  const filled = useRef('');
  const suggestion = suggested.join('、');
  const participants = form.values.participants ?? '';
  const { fill } = form;
  useEffect(() => {
    // Participants follow the suggestion until the clerk writes their own list.
    if (participants === filled.current && participants !== suggestion) fill('participants', suggestion);
    filled.current = suggestion;
  }, [suggestion, participants, fill]);
  const onSubmit = async () => {
    if (topics.length === 0)
      throw Object.assign(new Error('no topics'), { reason: both('planner.chooseTopics') });
    const meeting = form.record();
    const agenda = topics.map((a, i) => ({
      meetingId: meeting.id ?? '',
      seq: String(i + 1),
      appealId: a.id ?? '',
      topic: a.content ?? '',
    }));
    await operations.appendRecords([
      { register: 'meetings', records: [meeting] },
      { register: 'agenda', records: agenda },
    ]);
    form.reset(initial);
    setChosen([]);
    await reloadWorkbook();
    return t('planner.planned', { id: meeting.id ?? '', count: agenda.length });
  };
  return (
    <>
      <TopicChooser
        cases={openCases(workbook?.check.cases ?? [], today)}
        chosen={chosen}
        onChange={setChosen}
      />
      <Caption1>{t('planner.suggested')}</Caption1>
      {suggested.length ? (
        <TagGroup aria-label={t('planner.suggested')}>
          {suggested.map((d) => (
            <Tag key={d} value={d} size="small" appearance="brand">
              {d}
            </Tag>
          ))}
        </TagGroup>
      ) : (
        <Caption1>{chosen.length ? t('planner.noSuggestion') : '—'}</Caption1>
      )}
      <RecordForm form={form} submitLabel={t('planner.submit')} onSubmit={onSubmit} />
    </>
  );
}
