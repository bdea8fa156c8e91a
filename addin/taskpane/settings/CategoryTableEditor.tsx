import { useState } from 'react';
import { categoryDepartmentRegister, type ValueLists } from '../../../shared';
import { fieldLabel } from '../i18n/fields';
import { useI18n } from '../i18n/I18nContext';
import type { FormRecord } from '../operations';
import { usePane } from '../pane/PaneContext';
import { RowsEditor } from './RowsEditor';
import { SaveBar } from './SaveBar';

/** The 参会部门表: which departments attend when a topic of a category is discussed. */
export function CategoryTableEditor({ rows, lists }: { rows: readonly FormRecord[]; lists: ValueLists }) {
  const { t, lang } = useI18n();
  const { operations } = usePane();
  const [edited, setEdited] = useState<FormRecord[]>([...rows]);
  const [category, department] = categoryDepartmentRegister.fields;
  const columns = [
    { key: 'category', label: category ? fieldLabel(category, lang) : '', options: lists.category },
    { key: 'department', label: department ? fieldLabel(department, lang) : '', options: lists.department },
  ];
  const complete = edited.filter((r) => r.category && r.department);
  return (
    <>
      <RowsEditor columns={columns} rows={edited} addLabel={t('categories.addRow')} onChange={setEdited} />
      <SaveBar save={() => operations.saveCategoryDepartments(complete)} />
    </>
  );
}
