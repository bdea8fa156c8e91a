import { Accordion, AccordionHeader, AccordionItem, AccordionPanel } from '@fluentui/react-components';
import { ErrorBar } from '../common/ErrorBar';
import { ProgressView } from '../common/ProgressView';
import { Section } from '../common/Section';
import { useCommonStyles } from '../common/styles';
import { useI18n } from '../i18n/I18nContext';
import { usePane } from '../pane/PaneContext';
import { listsOf } from '../pane/selectors';
import { CalendarEditor } from './CalendarEditor';
import { CategoryTableEditor } from './CategoryTableEditor';
import { DepartmentHeadsEditor } from './DepartmentHeadsEditor';
import { SettingItemsForm } from './SettingItemsForm';
import type { SettingsData } from '../operations';
import { ValueListsEditor } from './ValueListsEditor';

/** The settings sheets, one part each: unit settings, value lists, participants, department heads, calendar. */
export function SettingsPanel({
  data,
  version,
  error,
}: {
  data: SettingsData | null;
  version: number;
  error: unknown;
}) {
  const styles = useCommonStyles();
  const { t } = useI18n();
  const { workbook } = usePane();
  const lists = listsOf(workbook);
  const parts =
    data &&
    ([
      { id: 'settings.title', body: <SettingItemsForm key={version} items={data.items} /> },
      { id: 'lists.title', body: <ValueListsEditor key={version} lists={data.valueLists} /> },
      {
        id: 'categories.title',
        body: <CategoryTableEditor key={version} rows={data.categoryDepartments} lists={lists} />,
      },
      {
        id: 'heads.title',
        body: <DepartmentHeadsEditor key={version} rows={data.departmentHeads} lists={lists} />,
      },
      { id: 'calendar.title', body: <CalendarEditor key={version} rows={data.calendarDays} lists={lists} /> },
    ] as const);
  return (
    <Section title={t('settings.panel')}>
      <ErrorBar error={error} />
      {!parts && !error && <ProgressView progress={null} />}
      {parts && (
        <Accordion multiple collapsible defaultOpenItems={['settings.title']}>
          {parts.map((p) => (
            <AccordionItem key={p.id} value={p.id}>
              <AccordionHeader>{t(p.id)}</AccordionHeader>
              <AccordionPanel className={styles.stack}>{p.body}</AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
    </Section>
  );
}
