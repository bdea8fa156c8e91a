import { Button, Caption1, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import {
  PAIRING_MINUTES,
  ROLE_LABELS,
  WIRE_ROLES,
  type PairingCode,
  type PairingList,
  type WireRole,
} from '../../../shared';
import type { CloudOperations } from '../../cloud/operations';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { useTask } from '../common/useTask';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase500, letterSpacing: '0.1em' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const time = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

/**
 * 配对管理, for the unit's administrators: make a one-time code for a role (shown once, never
 * stored in the clear), see the computers paired and the codes outstanding, revoke a computer.
 */
export function PairingAdmin({ cloud }: { cloud: CloudOperations }) {
  const { t, said } = useI18n();
  const styles = useStyles();
  const [role, setRole] = useState<WireRole>('clerk');
  const [minutes, setMinutes] = useState(String(PAIRING_MINUTES.default));
  const made = useTask<PairingCode>();
  const list = useTask<PairingList>();
  const revoke = useTask<void>();
  const reload = () => void list.run(() => cloud.pairing.list());
  // The list once on opening; again after each code and revocation (below).
  useEffect(reload, [cloud]);
  const minutesValue = Number(minutes);
  const minutesOk =
    Number.isInteger(minutesValue) &&
    minutesValue >= PAIRING_MINUTES.min &&
    minutesValue <= PAIRING_MINUTES.max;
  const code = made.result;
  return (
    <section aria-label={t('pairing.title')}>
      <Caption1>{t('pairing.intro')}</Caption1>
      <div className={styles.row}>
        <Field label={t('pairing.role')}>
          <Select value={role} onChange={(_, d) => setRole(d.value as WireRole)}>
            {WIRE_ROLES.map((r) => (
              <option key={r} value={r}>
                {said(ROLE_LABELS[r])}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label={t('pairing.minutes')}
          validationState={minutesOk ? 'none' : 'error'}
          validationMessage={
            minutesOk
              ? undefined
              : t('pairing.minutesRange', { min: PAIRING_MINUTES.min, max: PAIRING_MINUTES.max })
          }
        >
          <Input type="number" value={minutes} onChange={(_, d) => setMinutes(d.value)} />
        </Field>
        <Button
          disabled={made.busy || !minutesOk}
          onClick={() => void made.run(() => cloud.pairing.createCode(role, minutesValue)).then(reload)}
        >
          {t('pairing.make')}
        </Button>
      </div>
      <ErrorBar error={made.error ?? list.error ?? revoke.error} />
      {code && (
        <>
          <Notice intent="success">
            {t('pairing.made', { role: said(ROLE_LABELS[code.role]), until: time(code.expiresAt) })}
          </Notice>
          <div className={styles.code} data-testid="pairing-code" aria-label={t('pairing.codeLabel')}>
            {code.code}
          </div>
        </>
      )}
      {list.result && (
        <>
          <Caption1>{t('pairing.devices', { count: list.result.credentials.length })}</Caption1>
          <ul className={styles.list} aria-label={t('pairing.devicesLabel')}>
            {list.result.credentials.map((c) => (
              <li key={c.credentialId}>
                {said(ROLE_LABELS[c.role])} · {c.device || t('signIn.thisComputer')} ·{' '}
                {t('pairing.pairedAt', { time: time(c.createdAt) })}
                {c.lastUsedAt ? ` · ${t('pairing.lastUsed', { time: time(c.lastUsedAt) })}` : ''}
                {c.revokedAt ? (
                  ` · ${t('pairing.revokedAt', { time: time(c.revokedAt) })}`
                ) : (
                  <>
                    {' '}
                    <Button
                      size="small"
                      disabled={revoke.busy}
                      onClick={() => void revoke.run(() => cloud.pairing.revoke(c.credentialId)).then(reload)}
                    >
                      {t('pairing.revoke')}
                    </Button>
                  </>
                )}
              </li>
            ))}
          </ul>
          {list.result.codes.length > 0 && (
            <Caption1>
              {t('pairing.pending', {
                list: list.result.codes
                  .map(
                    (c) =>
                      `${said(ROLE_LABELS[c.role])}（${t('pairing.until', { time: time(c.expiresAt) })}）`,
                  )
                  .join('、'),
              })}
            </Caption1>
          )}
        </>
      )}
    </section>
  );
}
