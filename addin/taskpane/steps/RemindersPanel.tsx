import { ReminderList } from '../common/ReminderList';
import { appealReminders, periodOfLedgerSheet, unitReminders, type Reminder } from '../../../shared';
import { Section } from '../common/Section';
import { useI18n } from '../i18n/I18nContext';
import type { PaneWorkbook } from '../operations';
import { usePane } from '../pane/PaneContext';

const SHOWN = 20;

function remindersOf(wb: PaneWorkbook, which: 'unit' | 'appeals', today: string): Reminder[] {
  const { check } = wb;
  if (which === 'appeals') return appealReminders(check.cases, check.settings, check.calendar, today);
  const ledgersBuilt = wb.sheets.flatMap((s) => {
    const p = periodOfLedgerSheet(s);
    return p ? [`${p.year}Q${p.quarter}`] : [];
  });
  return unitReminders({
    meetings: check.meetings,
    ledgersBuilt,
    settings: check.settings,
    calendar: check.calendar,
    today,
  });
}

/** What is due or overdue: the unit's recurring duties, or the appeals' deadlines (never naming an appellant). */
export function RemindersPanel({ which }: { which: 'unit' | 'appeals' }) {
  const { t } = useI18n();
  const { workbook, today } = usePane();
  if (!workbook) return null;
  const reminders = remindersOf(workbook, which, today).sort((a, b) => a.due.localeCompare(b.due));
  return (
    <Section title={t('reminders.title')}>
      <ReminderList label={t('reminders.title')} reminders={reminders} shown={SHOWN} />
    </Section>
  );
}
