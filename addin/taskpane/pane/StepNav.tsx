import { Tab, TabList } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';
import { STEPS, stepText, type StepId } from './steps';

/** The row of step tabs: set-up, the eight steps, and the check. */
export function StepNav({ step, onChange }: { step: StepId; onChange(step: StepId): void }) {
  const { t } = useI18n();
  return (
    <TabList
      size="small"
      selectedValue={step}
      onTabSelect={(_, d) => onChange(d.value as StepId)}
      aria-label={t('nav.label')}
    >
      {STEPS.map((s) => (
        <Tab key={s} value={s} title={t(stepText(s, 'title'))}>
          {t(stepText(s, 'tab'))}
        </Tab>
      ))}
    </TabList>
  );
}
