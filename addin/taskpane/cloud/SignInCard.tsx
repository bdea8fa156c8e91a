import { Button, Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState, useSyncExternalStore } from 'react';
import { ROLE_LABELS } from '../../../shared';
import type { PaneSignIn, SignInState } from '../../cloud/signIn';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { useTask } from '../common/useTask';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end' },
});

/** The pane's sign-in as React state (it changes on pairing, forgetting and a refused credential). */
export function useSignInState(signIn: PaneSignIn): SignInState {
  return useSyncExternalStore(
    (onChange) => signIn.subscribe(onChange),
    () => signIn.state(),
  );
}

/**
 * How this computer signs in to the cloud: with a pairing, who it is paired as and a way to forget
 * it; without one, the field for the administrator's one-time code (units without Microsoft 365,
 * or a Microsoft 365 sign-in that does not work here).
 */
export function SignInCard({ signIn, state }: { signIn: PaneSignIn; state: SignInState }) {
  const { t, said } = useI18n();
  const styles = useStyles();
  const [code, setCode] = useState('');
  const [device, setDevice] = useState('');
  // With another way in (Microsoft 365, the development token) the code field waits to be asked for.
  const [wantCode, setWantCode] = useState(false);
  const pair = useTask<void>();
  const forget = useTask<void>();
  if (state.method === 'pairing') {
    return (
      <div className={styles.actions}>
        <Caption1>
          {t('signIn.paired', {
            role: state.role ? said(ROLE_LABELS[state.role]) : '',
            device: state.device || t('signIn.thisComputer'),
          })}
        </Caption1>
        <Button size="small" disabled={forget.busy} onClick={() => void forget.run(() => signIn.forget())}>
          {t('signIn.forget')}
        </Button>
      </div>
    );
  }
  if (state.method !== 'none' && !wantCode) {
    return (
      <div className={styles.actions}>
        <Caption1>{t(state.method === 'entra' ? 'signIn.viaEntra' : 'signIn.viaDev')}</Caption1>
        <Button size="small" onClick={() => setWantCode(true)}>
          {t('signIn.useCode')}
        </Button>
      </div>
    );
  }
  const submit = () => void pair.run(() => signIn.pair(code, device)).then(() => setCode(''));
  return (
    <form
      className={styles.form}
      aria-label={t('signIn.pairTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {state.refused && <Notice intent="warning">{t('signIn.refused')}</Notice>}
      <Caption1>{t('signIn.needCode')}</Caption1>
      <Field label={t('signIn.code')} hint={t('signIn.codeHint')}>
        <Input value={code} onChange={(_, d) => setCode(d.value)} autoComplete="off" spellCheck={false} />
      </Field>
      <Field label={t('signIn.device')}>
        <Input
          value={device}
          onChange={(_, d) => setDevice(d.value)}
          placeholder={t('signIn.devicePlaceholder')}
        />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={pair.busy || !code.trim()}>
          {t('signIn.pair')}
        </Button>
      </div>
      <ErrorBar error={pair.error} />
    </form>
  );
}
