import type { IntakePullReport, StatusReport } from '../../cloud/intake';
import type { I18n } from '../i18n/I18nContext';

/** One line saying what a pull of phone submissions (and the statuses sent) did, for the pane. */
export function intakeSummary(
  pulled: IntakePullReport | undefined,
  statuses: StatusReport,
  { t, said }: Pick<I18n, 't' | 'said'>,
): string {
  const parts: string[] = [];
  if (pulled) {
    parts.push(t('intake.pulled', { count: pulled.written.length, ids: pulled.written.join('、') || '—' }));
    if (pulled.confirmed) parts.push(t('intake.confirmedOnly', { count: pulled.confirmed }));
    if (pulled.rated.length)
      parts.push(t('intake.rated', { count: pulled.rated.length, ids: pulled.rated.join('、') }));
    if (pulled.signedIn) parts.push(t('intake.signedIn', { count: pulled.signedIn }));
    if (pulled.unsaved) parts.push(t('intake.saveNow'));
    for (const l of pulled.left)
      parts.push(t('intake.left', { receipt: l.receiptId.slice(0, 6), reason: said(l.reason) }));
  }
  if (statuses.sent) parts.push(t('intake.statuses', { count: statuses.sent }));
  return parts.join(' ');
}
