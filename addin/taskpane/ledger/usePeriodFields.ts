import { useState } from 'react';
import { CellIssue, readDate } from '../../../shared';
import { useI18n } from '../i18n/I18nContext';
import { usePane } from '../pane/PaneContext';

/** The year and report date a build runs for, as typed, with their problems. */
export function usePeriodFields() {
  const { today } = usePane();
  const { t, said } = useI18n();
  const [year, setYear] = useState(today.slice(0, 4));
  const [asOf, setAsOf] = useState(today);
  const read = readDate(asOf);
  const yearProblem = /^\d{4}$/.test(year.trim()) ? undefined : t('ledger.badYear');
  const asOfProblem =
    read instanceof CellIssue
      ? said(read.message)
      : read === undefined
        ? t('form.datePlaceholder')
        : undefined;
  return {
    year,
    setYear,
    asOf,
    setAsOf,
    yearProblem,
    asOfProblem,
    valid: !yearProblem && !asOfProblem,
    value: { year: Number(year.trim()), asOf: typeof read === 'string' ? read : today },
  };
}
