// Mode 1 (m=f): the appeal form a QR code opens. The submission is encrypted here, to the key whose
// fingerprint the QR code carried, and only the ciphertext is posted; the receipt link that comes
// back holds the reply key the union's statuses are encrypted to.
import { useRef, useState, type FormEvent } from 'react';
import {
  CONFIDENTIALITY_PROMISE,
  MAX_INTAKE_CONTENT,
  phoneLink,
  joinSaid,
  say,
  type Bilingual,
  type SubmissionPayload,
} from '../../shared';
import { encryptToUnion, newReplyKey } from '../intake/envelope';
import type { PhoneApi } from './api';
import {
  ErrorNote,
  Field,
  Honeypot,
  KeepLink,
  TextField,
  receiptCode,
  SelectField,
  useSending,
  useUnionView,
} from './parts';

/** What the form page needs: the unit and kid from the link, where links point, the client. */
export interface FilePageProps {
  readonly unitId: string;
  readonly kid: string;
  readonly pageUrl: string;
  readonly apiBase: string;
  readonly api: PhoneApi;
}

interface Filed {
  readonly code: string;
  readonly link: string;
}

const missing = (what: string): Bilingual => say(`请填写${what}`, `${what} is required`);

/** The appeal form, its submission and the receipt. */
export function FilePage({ unitId, kid, pageUrl, apiBase, api }: FilePageProps) {
  const { view, loadError } = useUnionView(() => api.intake(unitId), kid, unitId);
  const [content, setContent] = useState('');
  const [workshop, setWorkshop] = useState('');
  const [category, setCategory] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [website, setWebsite] = useState('');
  const { busy, error, setError, send } = useSending();
  const [filed, setFiled] = useState<Filed | null>(null);
  // One reply key per filled form: a tap again after a lost answer sends the same key, so the pane
  // can tell a retry of this filing (which may have arrived) from a second appeal.
  const replyKeyRef = useRef<string | null>(null);

  if (loadError) return <ErrorNote text={loadError} />;
  if (!view) return <p className="muted">正在打开…</p>;
  if (filed)
    return (
      <section className="done" data-testid="phone-done">
        <h2>已提交</h2>
        <p>
          回执码：<strong className="code">{filed.code}</strong>
        </p>
        <p>您的诉求已加密送达工会。凭下面的专属链接可查看办理进展，办结后可评价：</p>
        <KeepLink link={filed.link} />
      </section>
    );

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const need = [
      content.trim() ? null : missing('诉求内容'),
      workshop ? null : say('请选择车间/部门', 'choose a workshop or department'),
      anonymous || name.trim() ? null : missing('姓名（或选择匿名）'),
      anonymous || phone.trim() ? null : missing('联系电话（或选择匿名）'),
    ].filter((x): x is Bilingual => x !== null);
    if (need.length) {
      setError(joinSaid(need));
      return;
    }
    await send(async () => {
      const replyKey = (replyKeyRef.current ??= newReplyKey());
      const payload: SubmissionPayload = {
        content,
        workshop,
        ...(category ? { category } : {}),
        anonymous,
        ...(anonymous ? {} : { name: name.trim(), phone: phone.trim() }),
        submittedAt: new Date().toISOString(),
        replyKey,
      };
      // Refuses a key whose fingerprint is not the QR code's before anything leaves the phone.
      const jwe = await encryptToUnion('appeal', payload, view.key.publicJwk, kid);
      const receipt = await api.submit(unitId, { kid, jwe, website });
      // Filed: a form filled again after this is another appeal, with its own key.
      replyKeyRef.current = null;
      setFiled({
        code: receiptCode(receipt.receiptId),
        link: phoneLink(
          { pageUrl, apiBase },
          {
            mode: 'receipt',
            unitId,
            receiptId: receipt.receiptId,
            receiptSecret: receipt.receiptSecret,
            replyKey,
          },
        ),
      });
    });
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <h1>{view.unitName ? `${view.unitName} · ` : ''}职工诉求反映</h1>
      <p className="promise">{CONFIDENTIALITY_PROMISE}。</p>
      <p className="muted">内容在您的手机上加密后发送，只有工会能打开。</p>
      <Field label="诉求内容" hint={`${content.length} / ${MAX_INTAKE_CONTENT}`}>
        <textarea
          data-testid="phone-content"
          rows={6}
          maxLength={MAX_INTAKE_CONTENT}
          value={content}
          onChange={(e) => setContent(e.target.value)}
        />
      </Field>
      <SelectField
        label="车间/部门"
        testId="phone-workshop"
        value={workshop}
        onChange={setWorkshop}
        options={view.form.workshops}
        none="请选择"
      />
      {view.form.categories.length ? (
        <SelectField
          label="类别（可不选）"
          testId="phone-category"
          value={category}
          onChange={setCategory}
          options={view.form.categories}
          none="不选"
        />
      ) : null}
      <label className="check">
        <input
          type="checkbox"
          data-testid="phone-anonymous"
          checked={anonymous}
          onChange={(e) => setAnonymous(e.target.checked)}
        />
        <span>匿名反映（不填写姓名和电话）</span>
      </label>
      {anonymous ? null : (
        <>
          <TextField label="姓名" testId="phone-name" autoComplete="name" value={name} onChange={setName} />
          <TextField
            label="联系电话"
            testId="phone-phone"
            type="tel"
            autoComplete="tel"
            value={phone}
            onChange={setPhone}
          />
        </>
      )}
      <Honeypot value={website} onChange={setWebsite} />
      {error ? <ErrorNote text={error} /> : null}
      <button type="submit" data-testid="phone-submit" disabled={busy}>
        {busy ? '正在加密发送…' : '加密提交'}
      </button>
    </form>
  );
}
