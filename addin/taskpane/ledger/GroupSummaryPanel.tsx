import { Body1, Button, Field, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { joinSaid, QUARTER_NAMES, quarterOf } from '../../../shared';
import type { CloudOperations } from '../../cloud/operations';
import type { GroupSummaryReport } from '../../excel/groupSummary';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { ProgressView } from '../common/ProgressView';
import { Section } from '../common/Section';
import { useTask } from '../common/useTask';
import { useI18n } from '../i18n/I18nContext';
import { usePane } from '../pane/PaneContext';
import type { usePeriodFields } from './usePeriodFields';

type Quarter = 1 | 2 | 3 | 4;

/**
 * 集团汇总 for a parent unit (step 八, with the cloud connected): each unit below it in a row with
 * the seven figures, subtotals per level, units not synced since the quarter ended marked.
 */
export function GroupSummaryPanel({
  period,
  cloud,
}: {
  period: ReturnType<typeof usePeriodFields>;
  cloud: CloudOperations;
}) {
  const { t, said } = useI18n();
  const { today, reloadWorkbook } = usePane();
  const task = useTask<GroupSummaryReport>();
  const [quarter, setQuarter] = useState<Quarter>(quarterOf(today).quarter as Quarter);
  const build = async () => {
    if (await task.run(() => cloud.buildGroupSummary(period.value.year, quarter, today)))
      await reloadWorkbook();
  };
  const r = task.result;
  const missing = r?.missing ?? [];
  return (
    <Section title={t('group.title')}>
      <Body1>{t('group.intro')}</Body1>
      <Field label={t('group.quarter')}>
        <Select value={String(quarter)} onChange={(_, d) => setQuarter(Number(d.value) as Quarter)}>
          {QUARTER_NAMES.map((name, i) => (
            <option key={name} value={String(i + 1)}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      <Button disabled={task.busy || !!period.yearProblem} onClick={() => void build()}>
        {t('group.build')}
      </Button>
      {task.busy && <ProgressView progress={task.progress} />}
      <ErrorBar error={task.error} />
      {r && (
        <>
          <Notice>{t('group.built', { sheet: r.sheet, units: r.units })}</Notice>
          {r.unsynced > 0 && <Notice intent="warning">{t('group.unsynced', { count: r.unsynced })}</Notice>}
          {missing.length > 0 && (
            <Notice intent="warning">
              {t('docs.notSetUp') + said(joinSaid(missing.flatMap((m) => [m.what, m.where])))}
            </Notice>
          )}
        </>
      )}
    </Section>
  );
}
