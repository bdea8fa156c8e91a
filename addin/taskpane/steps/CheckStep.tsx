import { Button } from '@fluentui/react-components';
import { ProblemList } from '../check/ProblemList';
import { CloudPanel } from '../cloud/CloudPanel';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { ProgressView } from '../common/ProgressView';
import { Section } from '../common/Section';
import { useTask } from '../common/useTask';
import { useI18n } from '../i18n/I18nContext';
import type { ExcelCheckReport } from '../operations';
import { usePane } from '../pane/PaneContext';

/** Checks every register, marks the cells in error, and lists the problems to jump to. */
export function CheckStep() {
  const { t } = useI18n();
  const { operations, today } = usePane();
  const check = useTask<ExcelCheckReport>();
  const select = useTask<void>();
  const report = check.result;
  return (
    <>
      <Section title={t('step.check.title')}>
        <Button
          appearance="primary"
          disabled={check.busy}
          onClick={() => void check.run((progress) => operations.checkWorkbook(today, progress))}
        >
          {t('check.run')}
        </Button>
        {check.busy && <ProgressView progress={check.progress} />}
        <ErrorBar error={check.error ?? select.error} />
        {report && (
          <>
            <Notice intent={report.errors ? 'warning' : 'success'}>
              {report.problems.length
                ? t('check.summary', { errors: report.errors, warnings: report.warnings })
                : t('check.clean')}
            </Notice>
            <Notice intent="info">
              {report.marked || report.cleared
                ? t('check.marked', { marked: report.marked, cleared: report.cleared })
                : null}
            </Notice>
            <ProblemList
              problems={report.problems}
              onSelect={(address) => void select.run(() => operations.selectCell(address))}
            />
          </>
        )}
      </Section>
      <CloudPanel />
    </>
  );
}
