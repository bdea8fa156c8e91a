import { Field, Input } from '@fluentui/react-components';
import { useCommonStyles } from '../common/styles';
import { useI18n } from '../i18n/I18nContext';
import type { usePeriodFields } from './usePeriodFields';

/** The year and report-date inputs of a build. */
export function PeriodFields({ period }: { period: ReturnType<typeof usePeriodFields> }) {
  const styles = useCommonStyles();
  const { t } = useI18n();
  return (
    <div className={styles.row}>
      <Field
        className={styles.grow}
        label={t('ledger.year')}
        validationState={period.yearProblem ? 'error' : 'none'}
        validationMessage={period.yearProblem}
      >
        <Input value={period.year} inputMode="numeric" onChange={(_, d) => period.setYear(d.value)} />
      </Field>
      <Field
        className={styles.grow}
        label={t('ledger.asOf')}
        validationState={period.asOfProblem ? 'error' : 'none'}
        validationMessage={period.asOfProblem}
      >
        <Input value={period.asOf} onChange={(_, d) => period.setAsOf(d.value)} />
      </Field>
    </div>
  );
}
