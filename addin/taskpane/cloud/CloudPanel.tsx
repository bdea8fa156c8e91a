import { Button, Caption1 } from '@fluentui/react-components';
import type { CloudOperations, CloudSyncReport } from '../../cloud/operations';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { Section } from '../common/Section';
import { useTask } from '../common/useTask';
import { useI18n } from '../i18n/I18nContext';
import { usePane } from '../pane/PaneContext';
import { CloudReminders } from './CloudReminders';
import { ConflictList } from './ConflictList';
import { RejectedList } from './RejectedList';
import { ScrubbedList } from './ScrubbedList';
import { useSyncStatus } from './useSyncStatus';

/** Sync with the cloud: status, the sync button, what came back, conflicts to settle, reminders. */
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

function Connected({ cloud }: { cloud: CloudOperations }) {
  const { t, said } = useI18n();
  const { today, reloadWorkbook } = usePane();
  const status = useSyncStatus(cloud);
  const sync = useTask<CloudSyncReport>();
  const report = sync.result;
  const run = () => void sync.run(() => cloud.syncNow(today)).then(() => reloadWorkbook());
  return (
    <>
      <Caption1 role="status">
        {t('cloud.unit', { unit: cloud.unitId })} · {t(`cloud.status.${status.phase}`)}
        {status.pending ? ` · ${t('cloud.pending', { count: status.pending })}` : ''}
        {status.lastSyncAt
          ? ` · ${t('cloud.lastSync', { time: status.lastSyncAt.slice(0, 16).replace('T', ' ') })}`
          : ''}
      </Caption1>
      <Button appearance="primary" disabled={sync.busy} onClick={run}>
        {t('cloud.sync')}
      </Button>
      <ErrorBar error={sync.error} />
      {report && (
        <Notice intent={report.ok ? 'success' : 'warning'}>
          {(report.error
            ? said(report.error)
            : t('cloud.done', { pushed: report.pushed, pulled: report.pulled, written: report.written })) +
            (report.kept ? ` ${t('cloud.kept', { count: report.kept })}` : '')}
        </Notice>
      )}
      {report && report.purged > 0 && (
        <Notice intent="info">{t('cloud.purged', { count: report.purged })}</Notice>
      )}
      {report && <ScrubbedList scrubbed={report.scrubbed} />}
      <RejectedList rejected={cloud.rejected()} />
      <ConflictList cloud={cloud} onResolved={() => void reloadWorkbook()} />
      <CloudReminders cloud={cloud} />
    </>
  );
}
