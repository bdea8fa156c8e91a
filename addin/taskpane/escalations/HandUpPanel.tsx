import { Body1, Button, Caption1, Field, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { appealRegister } from '../../../shared';
import type { HandUpPreview, HandUpReport } from '../../cloud/escalations';
import { EscalationRefused } from '../../cloud/escalations';
import type { CloudOperations } from '../../cloud/operations';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { Section } from '../common/Section';
import { useTask } from '../common/useTask';
import { fieldLabel } from '../i18n/fields';
import { useI18n } from '../i18n/I18nContext';
import { usePane } from '../pane/PaneContext';
import { selectedAppealId } from '../pane/selectors';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * 上报上级单位 for the selected appeal (step 六, where its progress is tracked): a note, a preview
 * of exactly what goes up (no identity), then the hand-up, which fills 上报日期/上级单位 on the row.
 */
export function HandUpPanel() {
  const { t } = useI18n();
  const { operations, selection } = usePane();
  const id = selectedAppealId(selection);
  let body;
  if (!operations.cloud) body = <Caption1>{t('escalation.handUp.noCloud')}</Caption1>;
  else if (!id) body = <Caption1>{t('escalation.handUp.selectAppeal')}</Caption1>;
  else body = <HandUp key={id} cloud={operations.cloud} appealId={id} />;
  return (
    <Section title={t('escalation.handUp.title')}>
      <Caption1>{t('escalation.handUp.intro')}</Caption1>
      {body}
    </Section>
  );
}

function HandUp({ cloud, appealId }: { cloud: CloudOperations; appealId: string }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const { today, reloadWorkbook, readSelection } = usePane();
  const [note, setNote] = useState('');
  const preview = useTask<HandUpPreview>();
  const send = useTask<HandUpReport>();
  // A changed note must be previewed again before it is sent.
  useEffect(() => preview.clear(), [note, preview.clear]);
  const error = preview.error ?? send.error;
  const noteError = error instanceof EscalationRefused && error.field === 'note';
  const shown = preview.result;
  const done = send.result;
  return (
    <>
      <Body1>{t('escalation.handUp.appeal', { id: appealId })}</Body1>
      <Field
        label={t('escalation.handUp.note')}
        hint={t('escalation.handUp.notePrompt')}
        validationState={noteError ? 'error' : 'none'}
      >
        <Textarea value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" />
      </Field>
      <div className={styles.actions}>
        <Button
          disabled={preview.busy || send.busy}
          onClick={() => {
            send.clear();
            void preview.run(() => cloud.escalations.previewHandUp(appealId, note, today));
          }}
        >
          {t('escalation.handUp.preview')}
        </Button>
        <Button
          appearance="primary"
          disabled={!shown || preview.busy || send.busy || !!done}
          onClick={() =>
            void send
              .run(() => cloud.escalations.handUp(appealId, note, today))
              .then(() => Promise.all([reloadWorkbook(), readSelection()]))
          }
        >
          {t('escalation.handUp.send')}
        </Button>
      </div>
      <ErrorBar error={error} />
      {shown && !done && (
        <section aria-label={t('escalation.handUp.previewTitle')}>
          <Caption1>{t('escalation.handUp.previewTitle')}</Caption1>
          <ul className={styles.list}>
            {appealRegister.fields
              .filter((f) => shown.values[f.key] !== undefined)
              .map((f) => (
                <li key={f.key}>
                  {fieldLabel(f, lang)}：{String(shown.values[f.key])}
                </li>
              ))}
            {shown.note.trim() && (
              <li>
                {t('escalation.handUp.note')}：{shown.note.trim()}
              </li>
            )}
          </ul>
        </section>
      )}
      {done && (
        <Notice intent="success">
          {t('escalation.handUp.done', { unit: done.toUnit, filled: done.filled })}
        </Notice>
      )}
      {done && done.kept.length > 0 && (
        <Notice intent="warning">
          {t('escalation.handUp.kept', { fields: done.kept.map((k) => k.header).join('、') })}
        </Notice>
      )}
    </>
  );
}
