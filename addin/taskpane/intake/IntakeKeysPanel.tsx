import { Body1, Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { Section } from '../common/Section';
import { useTask } from '../common/useTask';
import { useI18n } from '../i18n/I18nContext';
import { localToday } from '../common/today';
import type { CloudOperations } from '../../cloud/operations';
import type { IntakeKeyStatus, IntakeOperations } from '../operations';
import { usePane } from '../pane/PaneContext';
import { PhoneQrPanel } from './PhoneQrPanel';
import { intakeSummary } from './summary';
import { MIN_PASSPHRASE } from '../../intake/keys';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  kid: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

/** Step 2: the union's QR intake key — create it, unlock it for this session, change its passphrase, rotate it. */
export function IntakeKeysPanel() {
  const { operations } = usePane();
  const { t } = useI18n();
  if (!operations.intake) return null;
  return (
    <Section title={t('intake.title')}>
      <Body1>{t('intake.intro')}</Body1>
      <IntakeKeys intake={operations.intake} />
      {operations.cloud && <IntakeInbox intake={operations.intake} cloud={operations.cloud} />}
    </Section>
  );
}

function IntakeKeys({ intake }: { intake: IntakeOperations }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [status, setStatus] = useState<IntakeKeyStatus | null | undefined>(undefined);
  const [passphrase, setPassphrase] = useState('');
  const [second, setSecond] = useState('');
  const task = useTask<string>();

  useEffect(() => {
    void task.run(async () => {
      setStatus(await intake.status());
      return '';
    });
    // Read once per workbook's operations (task.run is stable).
  }, [intake]);

  const act = (work: () => Promise<IntakeKeyStatus>, done: string) =>
    void task.run(async () => {
      setStatus(await work());
      setPassphrase('');
      setSecond('');
      return done;
    });

  if (status === undefined) return <Body1>{task.error ? '' : t('intake.loading')}</Body1>;
  const secret = (label: string, value: string, set: (v: string) => void) => (
    <Field label={label}>
      <Input type="password" value={value} onChange={(_e, d) => set(d.value)} autoComplete="off" />
    </Field>
  );
  return (
    <>
      <Notice intent="warning">{t('intake.warning')}</Notice>
      {status === null ? (
        <>
          <Body1>{t('intake.none')}</Body1>
          {secret(t('intake.passphrase', { min: MIN_PASSPHRASE }), passphrase, setPassphrase)}
          {secret(t('intake.confirm'), second, setSecond)}
          <Button
            appearance="primary"
            disabled={task.busy || !passphrase}
            onClick={() =>
              act(async () => {
                if (passphrase !== second) throw new Error(t('intake.mismatch'));
                return intake.create(passphrase);
              }, t('intake.created'))
            }
          >
            {t('intake.create')}
          </Button>
        </>
      ) : (
        <>
          <Body1 className={styles.kid}>{t('intake.fingerprint', { kid: status.kid })}</Body1>
          <Body1>{t('intake.count', { count: status.keys })}</Body1>
          <Body1>{status.unlocked ? t('intake.unlocked') : t('intake.locked')}</Body1>
          {secret(t('intake.passphrase', { min: MIN_PASSPHRASE }), passphrase, setPassphrase)}
          <div className={styles.row}>
            {status.unlocked ? (
              <Button
                disabled={task.busy}
                onClick={() => {
                  intake.lock();
                  setStatus({ ...status, unlocked: false });
                  task.clear();
                }}
              >
                {t('intake.lock')}
              </Button>
            ) : (
              <Button
                appearance="primary"
                disabled={task.busy || !passphrase}
                onClick={() => act(() => intake.unlock(passphrase), t('intake.didUnlock'))}
              >
                {t('intake.unlock')}
              </Button>
            )}
            <Button
              disabled={task.busy || !passphrase}
              onClick={() => act(() => intake.rotate(passphrase), t('intake.rotated'))}
            >
              {t('intake.rotate')}
            </Button>
          </div>
          {secret(t('intake.newPassphrase', { min: MIN_PASSPHRASE }), second, setSecond)}
          <Button
            disabled={task.busy || !passphrase || !second}
            onClick={() => act(() => intake.changePassphrase(passphrase, second), t('intake.changed'))}
          >
            {t('intake.change')}
          </Button>
        </>
      )}
      <Notice>{task.result}</Notice>
      <ErrorBar error={task.error} />
    </>
  );
}

/**
 * The cloud's side of phone intake: publish this workbook's public key and form (what a phone
 * encrypts to), and take in what employees sent — decrypted here, with the unlocked key, and
 * written to 职工诉求记录表; the cloud deletes each only once told its 编号.
 */
function IntakeInbox({ intake, cloud }: { intake: IntakeOperations; cloud: CloudOperations }) {
  const { t, said } = useI18n();
  const styles = useStyles();
  const task = useTask<string>();
  const publish = () =>
    void task.run(async () => {
      const form = await cloud.intake.publishKey();
      return t('intake.published', { workshops: form.workshops.length, categories: form.categories.length });
    });
  const pull = () =>
    void task.run(async () => {
      const keyring = intake.keyring();
      if (!keyring) throw new Error(t('intake.unlockFirst'));
      const r = await cloud.intake.pull(keyring, localToday());
      return intakeSummary(r, r.statuses, { t, said });
    });
  return (
    <section aria-label={t('intake.inbox')}>
      <Body1>{t('intake.inboxIntro')}</Body1>
      <div className={styles.row}>
        <Button disabled={task.busy} onClick={publish}>
          {t('intake.publish')}
        </Button>
        <Button appearance="primary" disabled={task.busy} onClick={pull}>
          {t('intake.pull')}
        </Button>
      </div>
      <Notice>{task.result}</Notice>
      <ErrorBar error={task.error} />
      {cloud.phone && <PhoneQrPanel phone={cloud.phone} />}
    </section>
  );
}
