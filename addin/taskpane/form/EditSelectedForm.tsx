import { Button } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { registerByKey, type InputRegisterKey } from '../../../shared';
import { Notice } from '../common/Notice';
import { both } from '../i18n/strings';
import { useI18n } from '../i18n/I18nContext';
import type { SelectedRecord } from '../operations';
import { usePane } from '../pane/PaneContext';
import { appealIds, listsOf } from '../pane/selectors';
import { RecordForm } from './RecordForm';
import { useRecordForm } from './useRecordForm';

/**
 * Edits the selected row of one of `registers`. The form stays on the row it read while the clerk
 * is typing, even if the selection moves; a pristine form follows the selection.
 */
export function EditSelectedForm({ registers }: { registers: readonly InputRegisterKey[] }) {
  const { t } = useI18n();
  const { selection } = usePane();
  const eligible = selection && registers.includes(selection.register) ? selection : null;
  const [bound, setBound] = useState<SelectedRecord | null>(eligible);
  const [dirty, setDirty] = useState(false);
  const moved = eligible !== null && eligible.address !== bound?.address;
  useEffect(() => {
    if (eligible && (!dirty || eligible.address === bound?.address)) setBound(eligible);
  }, [eligible, dirty, bound?.address]);
  if (!bound) {
    return (
      <Notice intent="info">
        {t('edit.selectRow', { sheets: registers.map((r) => registerByKey(r).sheet).join('、') })}
      </Notice>
    );
  }
  return (
    <>
      {moved && dirty && (
        <Notice intent="warning">
          {t('edit.stillEditing', { row: t('selection.row', { sheet: bound.sheet, row: bound.row }) })}
        </Notice>
      )}
      {moved && dirty && (
        <Button onClick={() => (setDirty(false), setBound(eligible))}>{t('edit.switch')}</Button>
      )}
      <EditForm key={bound.address} selection={bound} onDirty={setDirty} />
    </>
  );
}

function EditForm({ selection, onDirty }: { selection: SelectedRecord; onDirty(dirty: boolean): void }) {
  const { t } = useI18n();
  const { operations, workbook, reloadWorkbook, readSelection } = usePane();
  const register = registerByKey(selection.register);
  const own = register.idField ? selection.values[register.idField] : undefined;
  const ids = appealIds(workbook);
  if (own) ids.delete(own);
  const taken =
    selection.register === 'appeals'
      ? { ids, message: (id: string) => both('form.idTaken', { id }) }
      : undefined;
  const form = useRecordForm({ register, lists: listsOf(workbook), initial: selection.values, taken });
  useEffect(() => onDirty(form.dirty), [form.dirty, onDirty]);
  const onSubmit = async () => {
    const changes = form.changes();
    if (Object.keys(changes).length === 0) return t('form.noChanges');
    const written = await operations.updateRecord(
      selection.register,
      selection.row,
      changes,
      selection.values,
    );
    form.reset(form.values);
    // The row as Excel now holds it (dates as stored) becomes what the next edit is checked against.
    await Promise.all([readSelection(), reloadWorkbook()]);
    return t('form.updated', { count: written });
  };
  return <RecordForm form={form} submitLabel={t('form.submitEdit')} onSubmit={onSubmit} />;
}
