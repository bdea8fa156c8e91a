import { registerByKey, type InputRegisterKey } from '../../../shared';
import { both } from '../i18n/strings';
import { useI18n } from '../i18n/I18nContext';
import type { FormRecord } from '../operations';
import { usePane } from '../pane/PaneContext';
import { appealIds, listsOf } from '../pane/selectors';
import { RecordForm } from './RecordForm';
import { useRecordForm } from './useRecordForm';

/** Props of a form that appends a new row to a register. */
export interface NewRecordFormProps {
  readonly register: InputRegisterKey;
  readonly initial: FormRecord;
  readonly submitLabel?: string;
}

/** A form that validates as you type and appends its record as a new register row. */
export function NewRecordForm({ register, initial, submitLabel }: NewRecordFormProps) {
  const { t } = useI18n();
  const { operations, workbook, reloadWorkbook } = usePane();
  const def = registerByKey(register);
  const taken =
    register === 'appeals'
      ? { ids: appealIds(workbook), message: (id: string) => both('form.idTaken', { id }) }
      : undefined;
  const form = useRecordForm({ register: def, lists: listsOf(workbook), initial, taken });
  const onSubmit = async () => {
    const [written] = await operations.appendRecords([{ register, records: [form.record()] }]);
    form.reset(initial);
    await reloadWorkbook();
    return t('form.appended', { sheet: written?.sheet ?? def.sheet, row: written?.firstRow ?? '' });
  };
  return <RecordForm form={form} submitLabel={submitLabel ?? t('form.submitNew')} onSubmit={onSubmit} />;
}
