import { Button, Field, Input, Select, Tag, TagGroup } from '@fluentui/react-components';
import { useState } from 'react';
import { DEFAULT_VALUE_LISTS, VALUE_LIST_KEYS, VALUE_LISTS, type ValueListKey } from '../../../shared';
import { useCommonStyles } from '../common/styles';
import { useI18n } from '../i18n/I18nContext';
import { usePane } from '../pane/PaneContext';
import { SaveBar } from './SaveBar';

type Lists = Partial<Record<ValueListKey, readonly string[]>>;

const EXTENSIBLE = VALUE_LIST_KEYS.filter((k) => VALUE_LISTS[k].extensible);

/** The extensible value lists (departments first): add a value, or remove one the clerk added. */
export function ValueListsEditor({ lists }: { lists: Lists }) {
  const styles = useCommonStyles();
  const { t } = useI18n();
  const { operations } = usePane();
  const [edited, setEdited] = useState<Lists>(() =>
    Object.fromEntries(EXTENSIBLE.map((k) => [k, lists[k]?.length ? lists[k] : DEFAULT_VALUE_LISTS[k]])),
  );
  const [key, setKey] = useState<ValueListKey>('department');
  const [draft, setDraft] = useState('');
  const values = edited[key] ?? [];
  const builtIn = new Set<string>(DEFAULT_VALUE_LISTS[key]);
  const duplicate = values.includes(draft.trim());
  const add = () => {
    if (!draft.trim() || duplicate) return;
    setEdited((e) => ({ ...e, [key]: [...values, draft.trim()] }));
    setDraft('');
  };
  return (
    <div className={styles.stack}>
      <Field label={t('lists.choose')}>
        <Select value={key} onChange={(_, d) => setKey(d.value as ValueListKey)}>
          {EXTENSIBLE.map((k) => (
            <option key={k} value={k}>
              {VALUE_LISTS[k].name}
            </option>
          ))}
        </Select>
      </Field>
      <TagGroup
        aria-label={VALUE_LISTS[key].name}
        onDismiss={(_, d) => setEdited((e) => ({ ...e, [key]: values.filter((v) => v !== d.value) }))}
      >
        {values.map((v) => (
          <Tag
            key={v}
            value={v}
            size="small"
            dismissible={!builtIn.has(v)}
            title={builtIn.has(v) ? t('lists.builtIn') : undefined}
            dismissIcon={{ 'aria-label': `${t('common.remove')} ${v}` }}
          >
            {v}
          </Tag>
        ))}
      </TagGroup>
      <div className={styles.row}>
        <Field
          className={styles.grow}
          label={t('lists.newValue')}
          validationState={duplicate && draft ? 'error' : 'none'}
          validationMessage={duplicate && draft ? t('lists.duplicate', { value: draft.trim() }) : undefined}
        >
          <Input
            value={draft}
            onChange={(_, d) => setDraft(d.value)}
            onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), add())}
          />
        </Field>
        <Button onClick={add}>{t('common.add')}</Button>
      </div>
      <SaveBar save={() => operations.saveValueLists(edited)} />
    </div>
  );
}
