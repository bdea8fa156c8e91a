// Mode 2 (m=r): the employee's private receipt link. The cloud answers only whether the appeal was
// taken in and an opaque status; the status is decrypted here with the link's reply key. A finished
// appeal may be rated; the rating goes encrypted to the union's key. No identity is ever shown.
import { useCallback, useEffect, useState } from 'react';
import {
  chineseDate,
  DISSATISFIED,
  MAX_RATING_REASON,
  say,
  VALUE_LISTS,
  type Bilingual,
  type RatingPayload,
  type ReceiptStatus,
  type ReceiptView,
} from '../../shared';
import { decryptStatus, encryptToUnion, IntakeError } from '../intake/envelope';
import type { PhoneApi } from './api';
import { chinaDateTime, ErrorNote, failureText, Field, Honeypot, receiptCode, useSending } from './parts';

/** What the receipt page needs from its link. */
export interface ReceiptPageProps {
  readonly unitId: string;
  readonly receiptId: string;
  readonly receiptSecret: string;
  readonly replyKey?: string;
  readonly api: PhoneApi;
}

type Loaded = {
  readonly view: ReceiptView;
  readonly status?: ReceiptStatus;
  readonly statusError?: Bilingual;
};

const RATINGS = VALUE_LISTS.satisfaction.values;
type Rating = (typeof RATINGS)[number];

/** The receipt: taken or not, the stage, deadline and result, and the rating when it is due. */
export function ReceiptPage({ unitId, receiptId, receiptSecret, replyKey, api }: ReceiptPageProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<Bilingual | null>(null);

  const load = useCallback(async () => {
    try {
      const view = await api.receipt(unitId, receiptId, receiptSecret);
      if (!view.taken || !view.status || !replyKey) return setLoaded({ view });
      try {
        setLoaded({ view, status: await decryptStatus(view.status, replyKey) });
      } catch (e) {
        setLoaded({ view, statusError: failureText(e) });
      }
    } catch (e) {
      setLoadError(failureText(e));
    }
  }, [api, unitId, receiptId, receiptSecret, replyKey]);

  useEffect(() => {
    void load();
  }, [load]);

  if (loadError) return <ErrorNote text={loadError} />;
  if (!loaded) return <p className="muted">正在查询…</p>;
  const { view, status, statusError } = loaded;
  return (
    <section>
      <h1>我的诉求</h1>
      <p className="muted">
        回执码 {receiptCode(receiptId)} · 提交时间：{chinaDateTime(view.submittedAt)}
      </p>
      {!view.taken ? (
        <p className="stage" data-testid="phone-stage">
          工会尚未接收
        </p>
      ) : status ? (
        <dl className="status">
          <dt>诉求编号</dt>
          <dd data-testid="phone-appeal-id">{status.appealId}</dd>
          <dt>办理阶段</dt>
          <dd data-testid="phone-stage">{status.stage}</dd>
          {status.deadline ? (
            <>
              <dt>{status.deadlineLabel || '办理期限'}</dt>
              <dd data-testid="phone-deadline">{chineseDate(status.deadline)}</dd>
            </>
          ) : null}
          {status.result ? (
            <>
              <dt>办理结果</dt>
              <dd data-testid="phone-result">{status.result}</dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p className="stage" data-testid="phone-stage">
          工会已接收，办理进展稍后在此显示
        </p>
      )}
      {statusError ? <ErrorNote text={statusError} /> : null}
      {view.ratingPending ? (
        <p className="done" data-testid="phone-done">
          评价已提交，等待工会接收
        </p>
      ) : view.rateable && status?.rateable ? (
        <RatingForm
          unitId={unitId}
          receiptId={receiptId}
          receiptSecret={receiptSecret}
          api={api}
          {...(status.kid ? { expectedKid: status.kid } : {})}
          onRated={load}
        />
      ) : null}
    </section>
  );
}

const reasonNeeded = say('选择“不满意”时请写明原因', 'a 不满意 rating needs its reason');

const keyNotTheUnions = say(
  '服务器给出的公钥与工会在办理进展中写明的指纹不符，评价未发送。请联系工会',
  'the key the server gave does not match the fingerprint the union put in this appeal’s status; the rating was not sent. Please tell the union',
);

function RatingForm({
  unitId,
  receiptId,
  receiptSecret,
  api,
  expectedKid,
  onRated,
}: Omit<ReceiptPageProps, 'replyKey'> & {
  /** The union's key fingerprint from the decrypted status (statuses published before it have none). */
  readonly expectedKid?: string;
  readonly onRated: () => Promise<void>;
}) {
  const [rating, setRating] = useState<Rating | null>(null);
  const [reason, setReason] = useState('');
  const [website, setWebsite] = useState('');
  const { busy, error, setError, send } = useSending((e: unknown) =>
    e instanceof IntakeError && e.code === 'wrong-kid' ? keyNotTheUnions : null,
  );

  const submit = async () => {
    if (!rating || busy) return;
    const why = reason.trim();
    if (rating === DISSATISFIED && !why) return setError(reasonNeeded);
    await send(async () => {
      // The status names the union's key fingerprint, encrypted to this link's reply key where the
      // server cannot change it: the rating goes only to a key with that fingerprint. An older status
      // names none; then the rating goes to the key the public endpoint names, checked against its own
      // kid, and a swapped key would expose only the rating and its reason (no name, phone or appeal).
      const { key } = await api.intake(unitId);
      const kid = expectedKid ?? key.kid;
      const payload: RatingPayload = {
        kind: 'rating',
        receiptId,
        rating,
        ...(why ? { reason: why } : {}),
        ratedAt: new Date().toISOString(),
      };
      const jwe = await encryptToUnion('rating', payload, key.publicJwk, kid);
      await api.rate(unitId, receiptId, { receiptSecret, kid, jwe, website });
      await onRated();
    });
  };

  return (
    <div className="rating">
      <h2>请评价办理结果</h2>
      <div className="levels" role="radiogroup" aria-label="满意度">
        {RATINGS.map((r, i) => (
          <button
            key={r}
            type="button"
            role="radio"
            aria-checked={rating === r}
            className={rating === r ? 'level chosen' : 'level'}
            data-testid={`phone-rating-${i}`}
            onClick={() => setRating(r)}
          >
            {r}
          </button>
        ))}
      </div>
      <Field label={rating === DISSATISFIED ? '不满意的原因（必填）' : '意见或原因（可不填）'}>
        <textarea
          data-testid="phone-reason"
          rows={4}
          maxLength={MAX_RATING_REASON}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
      <Honeypot value={website} onChange={setWebsite} />
      {error ? <ErrorNote text={error} /> : null}
      <button type="button" data-testid="phone-rate" disabled={!rating || busy} onClick={() => void submit()}>
        {busy ? '正在加密发送…' : '提交评价'}
      </button>
    </div>
  );
}
