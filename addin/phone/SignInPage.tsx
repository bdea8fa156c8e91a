// Mode 3 (m=s): a meeting's sign-in, opened from the QR code on the notice or the sign-in sheet on the
// meeting day. The attendee's name goes encrypted to the key the QR code's fingerprint names.
import { useState, type FormEvent } from 'react';
import {
  chineseDate,
  MAX_INTAKE_NAME,
  MAX_SIGN_IN_POSITION,
  joinSaid,
  say,
  VALUE_LISTS,
  type Bilingual,
  type SignInPayload,
} from '../../shared';
import { encryptToUnion } from '../intake/envelope';
import type { PhoneApi } from './api';
import {
  chinaDateTime,
  ErrorNote,
  Honeypot,
  SelectField,
  TextField,
  useSending,
  useUnionView,
} from './parts';

/** What the sign-in page needs from its link. */
export interface SignInPageProps {
  readonly unitId: string;
  readonly kid: string;
  readonly meetingKey: string;
  readonly api: PhoneApi;
}

const GROUPS = VALUE_LISTS.signInGroup.values;
type Group = (typeof GROUPS)[number];

/** The sign-in form and its confirmation. */
export function SignInPage({ unitId, kid, meetingKey, api }: SignInPageProps) {
  // Refused as the page opens, before the attendee types a name.
  const { view, loadError } = useUnionView(
    () => api.meeting(unitId, meetingKey),
    kid,
    `${unitId}|${meetingKey}`,
  );
  const [group, setGroup] = useState<Group | ''>('');
  const [position, setPosition] = useState('');
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [website, setWebsite] = useState('');
  const { busy, error, setError, send } = useSending();
  const [signedAt, setSignedAt] = useState<string | null>(null);

  if (loadError) return <ErrorNote text={loadError} />;
  if (!view) return <p className="muted">正在打开…</p>;
  if (signedAt)
    return (
      <section className="done" data-testid="phone-done">
        <h2>签到成功</h2>
        <p>{view.title}</p>
        <p>签到时间：{chinaDateTime(signedAt)}</p>
      </section>
    );

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const need = [
      group ? null : say('请选择签到分组', 'choose a sign-in group'),
      position.trim() ? null : say('请填写职务或部门', 'position or department is required'),
      name.trim() ? null : say('请填写姓名', 'name is required'),
    ].filter((x): x is Bilingual => x !== null);
    if (need.length || !group) {
      setError(joinSaid(need));
      return;
    }
    await send(async () => {
      const at = new Date().toISOString();
      const payload: SignInPayload = {
        kind: 'signIn',
        meetingId: view.meetingId,
        group,
        position: position.trim(),
        name: name.trim(),
        ...(contact.trim() ? { contact: contact.trim() } : {}),
        signedAt: at,
      };
      // Refuses a key whose fingerprint is not the QR code's before anything is sent.
      const jwe = await encryptToUnion('signIn', payload, view.key.publicJwk, kid);
      await api.signIn(unitId, meetingKey, { kid, jwe, website });
      setSignedAt(at);
    });
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <h1>会议签到</h1>
      <p>
        {view.unitName ? `${view.unitName} · ` : ''}
        {view.title}
      </p>
      <p className="muted">{chineseDate(view.day)}</p>
      <SelectField
        label="签到分组"
        testId="phone-signin-group"
        value={group}
        onChange={setGroup}
        options={GROUPS}
        none="请选择"
      />
      <TextField
        label="职务或部门"
        testId="phone-signin-position"
        maxLength={MAX_SIGN_IN_POSITION}
        value={position}
        onChange={setPosition}
      />
      <TextField
        label="姓名"
        testId="phone-signin-name"
        autoComplete="name"
        maxLength={MAX_INTAKE_NAME}
        value={name}
        onChange={setName}
      />
      <TextField
        label="联系方式（可不填）"
        testId="phone-signin-contact"
        type="tel"
        autoComplete="tel"
        value={contact}
        onChange={setContact}
      />
      <Honeypot value={website} onChange={setWebsite} />
      {error ? <ErrorNote text={error} /> : null}
      <button type="submit" data-testid="phone-signin-submit" disabled={busy}>
        {busy ? '正在加密发送…' : '签到'}
      </button>
    </form>
  );
}
