import { useState } from 'react';
import { departmentHeadRegister, type ValueLists } from '../../../shared';
import { fieldLabel } from '../i18n/fields';
import { useI18n } from '../i18n/I18nContext';
import type { FormRecord } from '../operations';
import { usePane } from '../pane/PaneContext';
import { RowsEditor } from './RowsEditor';
import { SaveBar } from './SaveBar';

/** The 部门负责人 table: who heads each department, as meeting notices and sign-in sheets name them. */
export function DepartmentHeadsEditor({ rows, lists }: { rows: readonly FormRecord[]; lists: ValueLists }) {
  const { t, lang } = useI18n();
  const { operations } = usePane();
  const [edited, setEdited] = useState<FormRecord[]>([...rows]);
  const columns = departmentHeadRegister.fields.map((f) => ({
    key: f.key,
    label: fieldLabel(f, lang),
    ...(f.key === 'department' ? { options: lists.department } : {}),
  }));
  const complete = edited.filter((r) => r.department && r.head);
  return (
    <>
      <RowsEditor columns={columns} rows={edited} addLabel={t('heads.addRow')} onChange={setEdited} />
      <SaveBar save={() => operations.saveDepartmentHeads(complete)} />
    </>
  );
}
