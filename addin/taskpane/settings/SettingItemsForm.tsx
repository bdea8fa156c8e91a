import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { judgeSetting, SETTING_ITEMS, type Bilingual, type SettingItem } from '../../../shared';
import { ErrorBar } from '../common/ErrorBar';
import { useCommonStyles } from '../common/styles';
import { Notice } from '../common/Notice';
import { useTask } from '../common/useTask';
import { settingLabel } from '../i18n/fields';
import { useI18n } from '../i18n/I18nContext';
import type { StringKey } from '../i18n/strings';
import { usePane } from '../pane/PaneContext';

/**
 * Why a setting's text is refused (an error: the save is blocked) or questionable (a warning: a
 * working-day limit longer than the handbook's), by the core's own judgment of the 设置 sheet.
 */
function problemOf(
  item: SettingItem,
  text: string,
): {
  readonly severity: 'error' | 'warning';
  readonly text: [StringKey, Record<string, number>] | Bilingual;
} | null {
  const judged = judgeSetting(item, text);
  if (!judged) return null;
  if (judged.severity === 'warning') return { severity: 'warning', text: judged.message };
  if (item.kind === 'yesNo') return { severity: 'error', text: ['settings.badYesNo', {}] };
  return { severity: 'error', text: ['settings.badNumber', { min: item.min ?? 0, max: item.max ?? 600 }] };
}

/** The single-valued settings (unit, parent unit, union office address, deadlines…), saved as changed. */
export function SettingItemsForm({ items }: { items: Readonly<Record<string, string>> }) {
  const { t, lang, said } = useI18n();
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
          validationState={problem?.severity ?? 'none'}
          validationMessage={
            problem ? (Array.isArray(problem.text) ? t(...problem.text) : said(problem.text)) : undefined
          }
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
      <Button
        type="submit"
        appearance="primary"
        disabled={task.busy || problems.some(([, p]) => p?.severity === 'error')}
      >
        {t('common.save')}
      </Button>
      <Notice>{task.result}</Notice>
      <ErrorBar error={task.error} />
    </form>
  );
}
