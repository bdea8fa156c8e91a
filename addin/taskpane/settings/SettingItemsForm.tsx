import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { SETTING_ITEMS, type SettingItem } from '../../../shared';
import { ErrorBar } from '../common/ErrorBar';
import { useCommonStyles } from '../common/styles';
import { Notice } from '../common/Notice';
import { useTask } from '../common/useTask';
import { settingLabel } from '../i18n/fields';
import { useI18n } from '../i18n/I18nContext';
import type { StringKey } from '../i18n/strings';
import { usePane } from '../pane/PaneContext';

/** Why a setting's text is not acceptable, as a string key with its parameters. */
function problemOf(item: SettingItem, text: string): [StringKey, Record<string, number>] | null {
  const v = text.trim() || item.default;
  if (item.kind === 'yesNo') return v === '是' || v === '否' ? null : ['settings.badYesNo', {}];
  if (item.kind === 'text') return null;
  const max = item.kind === 'days' ? 60 : 600;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 && n <= max ? null : ['settings.badNumber', { max }];
}

/** The single-valued settings (unit, parent unit, union office address, deadlines…), saved as changed. */
export function SettingItemsForm({ items }: { items: Readonly<Record<string, string>> }) {
  const { t, lang } = useI18n();
  const styles = useCommonStyles();
  const { operations, reloadWorkbook } = usePane();
  const initial = Object.fromEntries(SETTING_ITEMS.map((s) => [s.label, items[s.label] ?? s.default]));
  const [values, setValues] = useState<Record<string, string>>(initial);
  const task = useTask<string>();
  const problems = SETTING_ITEMS.map((s) => [s, problemOf(s, values[s.label] ?? '')] as const);
  const save = () =>
    task.run(async () => {
      const changed = Object.fromEntries(
        Object.entries(values).filter(([k, v]) => v.trim() !== (initial[k] ?? '').trim() || !(k in items)),
      );
      await operations.saveSettingItems(changed);
      await reloadWorkbook();
      return t('settings.saved');
    });
  return (
    <form className={styles.stack} noValidate onSubmit={(e) => (e.preventDefault(), void save())}>
      {problems.map(([s, problem]) => (
        <Field
          key={s.key}
          label={settingLabel(s, lang)}
          hint={lang === 'zh' ? s.note : undefined}
          validationState={problem ? 'error' : 'none'}
          validationMessage={problem ? t(...problem) : undefined}
        >
          {s.kind === 'yesNo' ? (
            <Select
              value={values[s.label]}
              onChange={(_, d) => setValues((v) => ({ ...v, [s.label]: d.value }))}
            >
              <option value="是">是</option>
              <option value="否">否</option>
            </Select>
          ) : (
            <Input
              value={values[s.label] ?? ''}
              onChange={(_, d) => setValues((v) => ({ ...v, [s.label]: d.value }))}
            />
          )}
        </Field>
      ))}
      <Button type="submit" appearance="primary" disabled={task.busy || problems.some(([, p]) => p)}>
        {t('common.save')}
      </Button>
      <Notice>{task.result}</Notice>
      <ErrorBar error={task.error} />
    </form>
  );
}
