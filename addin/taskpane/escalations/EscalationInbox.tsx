import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import {
  appealRegister,
  chinaDay,
  ESCALATION_STATUS_TEXT,
  TRACKING_IN_PROGRESS,
  type EscalationView,
} from '../../../shared';
import { escalationAge, type AcceptReport } from '../../cloud/escalations';
import type { CloudOperations } from '../../cloud/operations';
import { useSyncStatus } from '../cloud/useSyncStatus';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { useTask } from '../common/useTask';
import { fieldLabel } from '../i18n/fields';
import { useI18n } from '../i18n/I18nContext';
import { usePane } from '../pane/PaneContext';
import { listsOf } from '../pane/selectors';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * What goes up and comes down between units, as the last sync left it: the appeals handed up to
 * this unit (its inbox: reply, accept, pass up) and those it handed up (status and replies).
 */
export function EscalationInbox({ cloud }: { cloud: CloudOperations }) {
  const { t } = useI18n();
  // Re-read after every sync; and after each action here (which the list already shows).
  useSyncStatus(cloud);
  const [, setActed] = useState(0);
  const all = cloud.escalations.list();
  const incoming = all.filter((e) => e.direction === 'in');
  const sent = all.filter((e) => e.direction === 'out');
  return (
    <>
      <section aria-label={t('escalation.inbox.title')}>
        <Body1>
          <strong>{t('escalation.inbox.title')}</strong>
        </Body1>
        <Caption1>{t('escalation.inbox.intro')}</Caption1>
        {incoming.length === 0 ? (
          <Caption1>{t('escalation.inbox.empty')}</Caption1>
        ) : (
          incoming.map((e) => (
            <Incoming
              key={`${e.fromUnit}|${e.appealId}`}
              cloud={cloud}
              e={e}
              onActed={() => setActed((n) => n + 1)}
            />
          ))
        )}
      </section>
      {sent.length > 0 && (
        <section aria-label={t('escalation.sent.title')}>
          <Body1>
            <strong>{t('escalation.sent.title')}</strong>
          </Body1>
          {sent.map((e) => (
            <Sent key={`${e.toUnit}|${e.appealId}`} e={e} />
          ))}
        </section>
      )}
    </>
  );
}

function Status({ e }: { e: EscalationView }) {
  const { t, said } = useI18n();
  const { today, workbook } = usePane();
  return (
    <Caption1>
      {t('escalation.status', { status: said(ESCALATION_STATUS_TEXT[e.status]) })} ·{' '}
      {t('escalation.age', { days: escalationAge(e, today, workbook?.check.calendar) })}
    </Caption1>
  );
}

function Replies({ e }: { e: EscalationView }) {
  const { t } = useI18n();
  const styles = useStyles();
  if (!e.replies.length) return null;
  return (
    <>
      <Caption1>{t('escalation.replies')}</Caption1>
      <ul className={styles.list}>
        {e.replies.map((r) => (
          <li key={r.at}>
            {t('escalation.reply', { unit: r.unit ?? e.toUnit, date: chinaDay(r.at), text: r.text })}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The snapshot's fields a parent decides by, beside the content. */
const FACTS = ['receivedOn', 'category', 'department'] as const;

function Summary({ e }: { e: EscalationView }) {
  const { t, lang } = useI18n();
  const forwarded = e.origin.unitId !== e.fromUnit;
  const facts = appealRegister.fields
    .filter((f) => (FACTS as readonly string[]).includes(f.key) && e.snapshot[f.key] !== undefined)
    .map((f) => `${fieldLabel(f, lang)}：${String(e.snapshot[f.key])}`);
  return (
    <>
      {forwarded && (
        <Caption1>{t('escalation.origin', { unit: e.origin.unitId, id: e.origin.appealId })}</Caption1>
      )}
      {facts.length > 0 && <Caption1>{facts.join(' · ')}</Caption1>}
      {typeof e.snapshot.content === 'string' && <Body1>{e.snapshot.content}</Body1>}
      {e.note && <Caption1>{t('escalation.note', { note: e.note })}</Caption1>}
    </>
  );
}

function Sent({ e }: { e: EscalationView }) {
  const { t } = useI18n();
  const styles = useStyles();
  const label = t('escalation.sent.item', { id: e.appealId, unit: e.toUnit });
  return (
    <section className={styles.item} aria-label={label}>
      <Body1>{label}</Body1>
      <Status e={e} />
      <Replies e={e} />
    </section>
  );
}

type Open = 'reply' | 'forward' | null;

function Incoming({ cloud, e, onActed }: { cloud: CloudOperations; e: EscalationView; onActed: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { today, workbook, reloadWorkbook } = usePane();
  const [open, setOpen] = useState<Open>(null);
  const [text, setText] = useState('');
  const [status, setStatus] = useState<string>(TRACKING_IN_PROGRESS);
  const replied = useTask<EscalationView>();
  const accepted = useTask<AcceptReport>();
  const forwarded = useTask<EscalationView>();
  const busy = replied.busy || accepted.busy || forwarded.busy;
  const ref = { fromUnit: e.fromUnit, appealId: e.appealId };
  const label = t('escalation.item', { unit: e.fromUnit, id: e.appealId });
  const settled = e.status === 'accepted' || e.status === 'forwarded';
  const act = (p: Promise<unknown>) =>
    void p.then((r) => {
      if (r !== null) {
        setOpen(null);
        setText('');
        onActed();
      }
    });
  return (
    <section className={styles.item} aria-label={label}>
      <Body1>{label}</Body1>
      <Status e={e} />
      <Summary e={e} />
      <Replies e={e} />
      <div className={styles.actions}>
        <Button size="small" disabled={busy} onClick={() => setOpen(open === 'reply' ? null : 'reply')}>
          {t('escalation.inbox.reply')}
        </Button>
        <Button
          size="small"
          disabled={busy || settled}
          onClick={() =>
            act(
              accepted
                .run(() => cloud.escalations.accept(ref, today))
                .then((r) => (void reloadWorkbook(), r)),
            )
          }
        >
          {t('escalation.inbox.accept')}
        </Button>
        <Button
          size="small"
          disabled={busy || settled}
          onClick={() => setOpen(open === 'forward' ? null : 'forward')}
        >
          {t('escalation.inbox.forward')}
        </Button>
      </div>
      {open === 'reply' && (
        <>
          <Field label={t('escalation.inbox.replyStatus')}>
            <Select value={status} onChange={(_, d) => setStatus(d.value)}>
              {listsOf(workbook).trackingStatus.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('escalation.inbox.replyText')}>
            <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" />
          </Field>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              disabled={busy || !text.trim()}
              onClick={() => act(replied.run(() => cloud.escalations.reply(ref, text, status)))}
            >
              {t('escalation.inbox.send')}
            </Button>
            <Button onClick={() => setOpen(null)}>{t('escalation.inbox.cancel')}</Button>
          </div>
        </>
      )}
      {open === 'forward' && (
        <>
          <Field label={t('escalation.inbox.forwardNote')}>
            <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" />
          </Field>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() => act(forwarded.run(() => cloud.escalations.forward(ref, text)))}
            >
              {t('escalation.inbox.forwardSend')}
            </Button>
            <Button onClick={() => setOpen(null)}>{t('escalation.inbox.cancel')}</Button>
          </div>
        </>
      )}
      <ErrorBar error={replied.error ?? accepted.error ?? forwarded.error} />
      {replied.result && <Notice intent="success">{t('escalation.inbox.replied')}</Notice>}
      {accepted.result && (
        <Notice intent="success">{t('escalation.inbox.accepted', { id: accepted.result.acceptedAs })}</Notice>
      )}
      {forwarded.result && (
        <Notice intent="success">
          {t('escalation.inbox.forwarded', { unit: forwarded.result.forwardedTo ?? forwarded.result.toUnit })}
        </Notice>
      )}
    </section>
  );
}
