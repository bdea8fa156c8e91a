import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { CallerView } from '../../../shared';
import type { CloudOperations, CloudStageReport, CloudSyncReport } from '../../cloud/operations';
import { ErrorBar } from '../common/ErrorBar';
import { EscalationInbox } from '../escalations/EscalationInbox';
import { UnitTree } from '../escalations/UnitTree';
import { Notice } from '../common/Notice';
import { Section } from '../common/Section';
import { useTask } from '../common/useTask';
import { useI18n } from '../i18n/I18nContext';
import { usePane } from '../pane/PaneContext';
import { CloudReminders } from './CloudReminders';
import { ConflictList } from './ConflictList';
import { PairingAdmin } from './PairingAdmin';
import { RejectedList, ScrubbedList, UnwrittenList } from './RecordList';
import { SignInCard, useSignInState } from './SignInCard';
import { useSyncStatus } from './useSyncStatus';
import { intakeSummary } from '../intake/summary';

const useStyles = makeStyles({ actions: { display: 'flex', gap: tokens.spacingHorizontalS } });

/**
 * Sync with the cloud: status, the sync button and a look at what it will send (text with identity
 * numbers hidden), what came back, records set aside or purged, conflicts to settle, reminders.
 */
export function CloudPanel() {
  const { t } = useI18n();
  const { operations } = usePane();
  const cloud = operations.cloud;
  return (
    <Section title={t('cloud.title')}>
      <Caption1>{t('cloud.intro')}</Caption1>
      {cloud ? <Connected cloud={cloud} /> : <Caption1>{t('cloud.off')}</Caption1>}
    </Section>
  );
}

/** Sign-in first: without a pairing or another way in, the pane asks for a code and syncs nothing. */
function Connected({ cloud }: { cloud: CloudOperations }) {
  if (!cloud.signIn) return <SignedIn cloud={cloud} />;
  return <WithSignIn cloud={cloud} signIn={cloud.signIn} />;
}

function WithSignIn({
  cloud,
  signIn,
}: {
  cloud: CloudOperations;
  signIn: NonNullable<CloudOperations['signIn']>;
}) {
  const state = useSignInState(signIn);
  const [me, setMe] = useState<CallerView | null>(null);
  useEffect(() => {
    setMe(null);
    if (state.method === 'none') return;
    let live = true;
    // Who the functions take the pane for: only an administrator sees 配对管理. A failure here
    // (offline, not yet consented) hides it; the sync below says what is wrong.
    cloud.me().then(
      (view) => live && setMe(view),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [cloud, state]);
  return (
    <>
      <SignInCard signIn={signIn} state={state} />
      {state.method !== 'none' && <SignedIn cloud={cloud} />}
      {me?.roles.includes('admin') && <PairingAdmin cloud={cloud} />}
      {me?.roles.includes('admin') && <UnitTree cloud={cloud} />}
    </>
  );
}

function SignedIn({ cloud }: { cloud: CloudOperations }) {
  const { t, said } = useI18n();
  const { today, reloadWorkbook } = usePane();
  const styles = useStyles();
  const status = useSyncStatus(cloud);
  const sync = useTask<CloudSyncReport>();
  const preview = useTask<CloudStageReport>();
  const report = sync.result;
  const staged = preview.result;
  const run = () => {
    preview.clear();
    void sync.run(() => cloud.syncNow(today)).then(() => reloadWorkbook());
  };
  const look = () => {
    sync.clear();
    void preview.run(() => cloud.stageNow(today));
  };
  return (
    <>
      <Caption1 role="status">
        {t('cloud.unit', { unit: cloud.unitId })} · {t(`cloud.status.${status.phase}`)}
        {status.pending ? ` · ${t('cloud.pending', { count: status.pending })}` : ''}
        {status.lastSyncAt
          ? ` · ${t('cloud.lastSync', { time: status.lastSyncAt.slice(0, 16).replace('T', ' ') })}`
          : ''}
      </Caption1>
      {!cloud.persistent && <Notice intent="warning">{t('cloud.memoryOnly')}</Notice>}
      {status.unsaved && <Notice intent="warning">{t('cloud.unsaved')}</Notice>}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={sync.busy || preview.busy} onClick={run}>
          {t('cloud.sync')}
        </Button>
        <Button disabled={sync.busy || preview.busy} onClick={look}>
          {t('cloud.preview')}
        </Button>
      </div>
      <ErrorBar error={sync.error ?? preview.error} />
      {staged && (
        <Notice intent="info">
          {t(staged.scrubbed.length ? 'cloud.previewScrubbed' : 'cloud.previewClean', {
            count: staged.pending,
          })}
        </Notice>
      )}
      {staged && <ScrubbedList label={t('cloud.toScrub')} scrubbed={staged.scrubbed} />}
      {report && (
        <Notice intent={report.ok ? 'success' : 'warning'}>
          {(report.error
            ? said(report.error)
            : t('cloud.done', { pushed: report.pushed, pulled: report.pulled, written: report.written })) +
            (report.kept ? ` ${t('cloud.kept', { count: report.kept })}` : '')}
        </Notice>
      )}
      {report && (report.replies?.written ?? 0) > 0 && (
        <Notice intent="info">{t('cloud.replies', { count: report.replies?.written ?? 0 })}</Notice>
      )}
      {report?.intake && (
        <Notice intent={report.intake.error ? 'warning' : 'info'}>
          {[
            intakeSummary(report.intake.pulled, report.intake.statuses, { t, said }),
            report.intake.error ? said(report.intake.error) : '',
          ]
            .filter(Boolean)
            .join(' ')}
        </Notice>
      )}
      {report && report.purged > 0 && (
        <Notice intent="info">{t('cloud.purged', { count: report.purged })}</Notice>
      )}
      {report && (
        // A failed sync may not have sent them: they are still to be sent.
        <ScrubbedList label={t(report.ok ? 'cloud.scrubbed' : 'cloud.toScrub')} scrubbed={report.scrubbed} />
      )}
      {report && <UnwrittenList unwritten={report.unwritten} />}
      <RejectedList rejected={cloud.rejected()} />
      <ConflictList cloud={cloud} onResolved={() => void reloadWorkbook()} />
      <EscalationInbox cloud={cloud} />
      <CloudReminders cloud={cloud} />
    </>
  );
}
