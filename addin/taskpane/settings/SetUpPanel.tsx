import { Badge, Body1, Button, Caption1, List, ListItem } from '@fluentui/react-components';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { ProgressView } from '../common/ProgressView';
import { Section } from '../common/Section';
import { useTask } from '../common/useTask';
import { useI18n } from '../i18n/I18nContext';
import type { SetupReport } from '../operations';
import { usePane } from '../pane/PaneContext';

/** Sets the workbook up as the handbook's registers, with progress and what was done to each. */
export function SetUpPanel({ onDone }: { onDone?(): void }) {
  const { t } = useI18n();
  const { operations, reloadWorkbook } = usePane();
  const task = useTask<SetupReport>();
  const run = async () => {
    const report = await task.run((progress) => operations.setUpWorkbook(progress));
    if (report) {
      await reloadWorkbook();
      onDone?.();
    }
  };
  const report = task.result;
  return (
    <Section title={t('setup.title')}>
      <Body1>{t('setup.intro')}</Body1>
      <Button appearance="primary" disabled={task.busy} onClick={() => void run()}>
        {t('setup.run')}
      </Button>
      {task.busy && <ProgressView progress={task.progress} />}
      <ErrorBar error={task.error} />
      {report && (
        <>
          <Notice>
            {report.changed ? t('setup.changed', { version: report.schemaVersion }) : t('setup.unchanged')}
          </Notice>
          <List aria-label={t('setup.title')}>
            {report.registers.map((r) => (
              <ListItem key={r.table}>
                <Caption1>
                  {r.sheet} <Badge appearance="outline">{t(`setup.action.${r.action}`)}</Badge>
                  {r.addedColumns.length > 0 &&
                    ` ${t('setup.added', { columns: r.addedColumns.join('、') })}`}
                </Caption1>
              </ListItem>
            ))}
          </List>
        </>
      )}
    </Section>
  );
}
