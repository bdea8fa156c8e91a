import { Body1 } from '@fluentui/react-components';
import { appealRegister, SETTING_ITEMS } from '../../../shared';
import { Section } from '../common/Section';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { fieldLabel, settingLabel } from '../i18n/fields';
import { useI18n } from '../i18n/I18nContext';
import { IntakeKeysPanel } from '../intake/IntakeKeysPanel';
import { usePane } from '../pane/PaneContext';
import { listsOf } from '../pane/selectors';

const FACTS = ['unitName', 'unionOffice', 'unionChair'] as const;
const CHANNEL = appealRegister.fields.find((f) => f.key === 'channel');

/** Step 2: what the implementation notice will print (unit, office address, channels), then the notice. */
export function PublicityStep() {
  const { t, lang } = useI18n();
  const { workbook } = usePane();
  const settings = workbook?.check.settings;
  const lines: { label: string; value: string }[] = FACTS.map((key) => {
    const item = SETTING_ITEMS.find((s) => s.key === key);
    return { label: item ? settingLabel(item, lang) : key, value: settings?.[key] || t('publicity.missing') };
  });
  lines.push({
    label: CHANNEL ? fieldLabel(CHANNEL, lang) : '',
    value: listsOf(workbook).channel.join('、'),
  });
  return (
    <>
      <Section title={t('publicity.facts')}>
        {lines.map((l) => (
          <Body1 key={l.label}>{t('common.labelled', { label: l.label, value: l.value })}</Body1>
        ))}
      </Section>
      <DocumentsPanel kinds={['implementation']} />
      <IntakeKeysPanel />
    </>
  );
}
