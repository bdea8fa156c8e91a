import { Body1, Spinner, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import type { ComponentType } from 'react';
import { DEFAULT_SETTINGS } from '../../../shared';
import { ErrorBar } from '../common/ErrorBar';
import { useI18n } from '../i18n/I18nContext';
import { CheckStep } from '../steps/CheckStep';
import { CollectStep } from '../steps/CollectStep';
import { LeadershipStep } from '../steps/LeadershipStep';
import { LedgerStep } from '../steps/LedgerStep';
import { MeetingStep } from '../steps/MeetingStep';
import { PeopleStep } from '../steps/PeopleStep';
import { PublicityStep } from '../steps/PublicityStep';
import { SuperviseStep } from '../steps/SuperviseStep';
import { SurveyStep } from '../steps/SurveyStep';
import { WorkbookStep } from '../steps/WorkbookStep';
import { usePane } from './PaneContext';
import { stepText, type StepId } from './steps';

const VIEWS: Readonly<Record<StepId, ComponentType>> = {
  workbook: WorkbookStep,
  leadership: LeadershipStep,
  publicity: PublicityStep,
  collect: CollectStep,
  people: PeopleStep,
  meeting: MeetingStep,
  supervise: SuperviseStep,
  survey: SurveyStep,
  ledger: LedgerStep,
  check: CheckStep,
};

const useStyles = makeStyles({
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** One step's view under its title and what the handbook asks at that step. */
export function StepView({ step }: { step: StepId }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { workbook, workbookError } = usePane();
  // Working-day limits in the intro come from the unit's 设置, not a literal (docs/domain.md).
  const rules = workbook?.check.settings ?? DEFAULT_SETTINGS;
  const View = VIEWS[step];
  return (
    <main className={styles.main} aria-labelledby="step-title">
      <Subtitle1 as="h2" id="step-title">
        {t(stepText(step, 'title'))}
      </Subtitle1>
      <Body1 as="p" className={styles.intro}>
        {t(stepText(step, 'intro'), { report: rules.reportWithinDays, tell: rules.tellWithinDays })}
      </Body1>
      <ErrorBar error={workbookError} />
      {!workbook && !workbookError && <Spinner size="tiny" label={t('common.loading')} />}
      <View />
    </main>
  );
}
