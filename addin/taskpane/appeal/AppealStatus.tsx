import { Badge, Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { appealDeadlines, deriveState, stageText } from '../../../shared';
import { Notice } from '../common/Notice';
import { Section } from '../common/Section';
import { useI18n } from '../i18n/I18nContext';
import { usePane } from '../pane/PaneContext';
import { caseOf, selectedAppealId } from '../pane/selectors';
import { DeadlineList } from './DeadlineList';

const useStyles = makeStyles({
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** The selected appeal's stage, next step and deadlines, derived by the core as of today. */
export function AppealStatus() {
  const styles = useStyles();
  const { t, said } = useI18n();
  const { workbook, selection, today } = usePane();
  const id = selectedAppealId(selection);
  const found = caseOf(workbook, id);
  let body;
  if (!id) body = <Notice intent="info">{t('status.selectAppeal')}</Notice>;
  else if (!found || !workbook) body = <Notice intent="warning">{t('status.notFound', { id })}</Notice>;
  else {
    const state = deriveState(found, today);
    const text = stageText(state.stage, workbook.check.settings);
    const deadlines = appealDeadlines(found, workbook.check.settings, workbook.check.calendar, today);
    body = (
      <>
        <div className={styles.line}>
          <Body1>{id}</Body1>
          <Badge appearance="filled" color={state.closed ? 'success' : 'brand'}>
            {said(text.name)}
          </Badge>
          {state.escalated && (
            <Badge color="warning">{t('status.escalated', { to: found.appeal.escalatedTo ?? '' })}</Badge>
          )}
        </div>
        <Body1>{t('status.next', { next: said(text.next) })}</Body1>
        <Caption1>{t('status.deadlines')}</Caption1>
        <DeadlineList deadlines={deadlines} />
      </>
    );
  }
  return <Section title={t('status.title')}>{body}</Section>;
}
