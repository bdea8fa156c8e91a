import { Button, Caption1, Checkbox, List, ListItem } from '@fluentui/react-components';
import { useState } from 'react';
import { joinSaid } from '../../../shared';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { ProgressView } from '../common/ProgressView';
import { Section } from '../common/Section';
import { useTask } from '../common/useTask';
import { useI18n } from '../i18n/I18nContext';
import type { BuildReport } from '../operations';
import { usePane } from '../pane/PaneContext';
import { PeriodFields } from './PeriodFields';
import type { usePeriodFields } from './usePeriodFields';

/**
 * Builds the year's ledgers and summaries from the registers, with progress and the sheets made;
 * quarterly as the handbook requires, and monthly too when the union keeps its ledger by month.
 */
export function BuildLedgersPanel({ period }: { period: ReturnType<typeof usePeriodFields> }) {
  const { t, said } = useI18n();
  const { operations, reloadWorkbook } = usePane();
  const task = useTask<BuildReport>();
  const [monthly, setMonthly] = useState(false);
  const build = async () => {
    if (await task.run((progress) => operations.buildLedgers({ ...period.value, monthly }, progress)))
      await reloadWorkbook();
  };
  const missing = task.result?.missing ?? [];
  return (
    <Section title={t('ledger.build')}>
      <PeriodFields period={period} />
      <Checkbox
        checked={monthly}
        onChange={(_, d) => setMonthly(d.checked === true)}
        label={t('ledger.monthly')}
      />
      <Button appearance="primary" disabled={task.busy || !period.valid} onClick={() => void build()}>
        {t('ledger.build')}
      </Button>
      {task.busy && <ProgressView progress={task.progress} />}
      <ErrorBar error={task.error} />
      {task.result && (
        <>
          <Notice>{t('ledger.built', { count: task.result.sheets.length })}</Notice>
          {missing.length > 0 && (
            <Notice intent="warning">
              {t('docs.notSetUp') + said(joinSaid(missing.flatMap((m) => [m.what, m.where])))}
            </Notice>
          )}
          <List aria-label={t('ledger.built', { count: task.result.sheets.length })}>
            {task.result.sheets.map((s) => (
              <ListItem key={s.name}>
                <Caption1>
                  {t('common.labelled', { label: s.name, value: t('common.rows', { count: s.rows }) })}
                </Caption1>
              </ListItem>
            ))}
          </List>
        </>
      )}
    </Section>
  );
}
