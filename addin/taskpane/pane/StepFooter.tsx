import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';
import { neighbour, stepText, type StepId } from './steps';

const useStyles = makeStyles({
  footer: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalM,
  },
});

/** Previous and next step buttons, naming the step each leads to. */
export function StepFooter({ step, onChange }: { step: StepId; onChange(step: StepId): void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const before = neighbour(step, -1);
  const after = neighbour(step, 1);
  return (
    <nav className={styles.footer} aria-label={t('nav.label')}>
      {before ? (
        <Button onClick={() => onChange(before)} title={t(stepText(before, 'title'))}>
          {t('nav.previous')}
        </Button>
      ) : (
        <span />
      )}
      {after && (
        <Button appearance="primary" onClick={() => onChange(after)} title={t(stepText(after, 'title'))}>
          {t('nav.next')}
        </Button>
      )}
    </nav>
  );
}
