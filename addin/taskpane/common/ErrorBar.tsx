import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Bilingual } from '../../../shared';
import { useI18n } from '../i18n/I18nContext';

// The Excel layer's errors carry `reason`, the cloud client's (ApiFailure) `text`: both bilingual.
const reasonOf = (error: unknown): Bilingual | null => {
  const e = error as { reason?: Partial<Bilingual>; text?: Partial<Bilingual> } | null;
  const reason = e?.reason ?? e?.text;
  return reason && typeof reason.zh === 'string' && typeof reason.en === 'string'
    ? (reason as Bilingual)
    : null;
};

/** Shows why a task failed: the Excel layer's bilingual reason when it gives one, else the error's text. */
export function ErrorBar({ error }: { error: unknown }) {
  const { t, said } = useI18n();
  if (!error) return null;
  const reason = reasonOf(error);
  const text = reason ? said(reason) : error instanceof Error ? error.message : String(error);
  return (
    <MessageBar intent="error">
      <MessageBarBody>
        <MessageBarTitle>{t('common.errorTitle')}</MessageBarTitle>
        {text}
      </MessageBarBody>
    </MessageBar>
  );
}
