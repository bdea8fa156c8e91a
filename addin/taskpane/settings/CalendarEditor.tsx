import { Caption1 } from '@fluentui/react-components';
import { useState } from 'react';
import { calendarRegister, CellIssue, readDate, type ValueLists } from '../../../shared';
import { fieldLabel } from '../i18n/fields';
import { useI18n } from '../i18n/I18nContext';
import type { FormRecord } from '../operations';
import { usePane } from '../pane/PaneContext';
import { RowsEditor } from './RowsEditor';
import { SaveBar } from './SaveBar';

/** The 日历调整 rows: a new year's statutory days and the unit's own rest or working days. */
export function CalendarEditor({ rows, lists }: { rows: readonly FormRecord[]; lists: ValueLists }) {
  const { t, lang, said } = useI18n();
  const { operations } = usePane();
  const [edited, setEdited] = useState<FormRecord[]>([...rows]);
  const label = (key: string) => {
    const f = calendarRegister.fields.find((x) => x.key === key);
    return f ? fieldLabel(f, lang) : key;
  };
  const dateProblem = (v: string) => {
    const read = v.trim() ? readDate(v) : undefined;
    return read instanceof CellIssue ? said(read.message) : undefined;
  };
  const columns = [
    { key: 'date', label: label('date'), placeholder: t('form.datePlaceholder'), check: dateProblem },
    { key: 'type', label: label('type'), options: lists.calendarDayType },
    { key: 'note', label: label('note') },
  ];
  const invalid = edited.some((r) => dateProblem(r.date ?? ''));
  // Dates are stored as read (YYYY-MM-DD), whatever form the clerk typed them in.
  const normalized = edited
    .filter((r) => r.date && r.type)
    .map((r) => ({ ...r, date: String(readDate(r.date ?? '')) }));
  return (
    <>
      <Caption1>{t('calendar.intro')}</Caption1>
      <RowsEditor columns={columns} rows={edited} addLabel={t('calendar.addRow')} onChange={setEdited} />
      <SaveBar disabled={invalid} save={() => operations.saveCalendarDays(normalized)} />
    </>
  );
}
