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
import { decryptStatus, encryptToUnion } from '../intake/envelope';
import type { PhoneApi } from './api';
import { chinaTime, ErrorNote, failureText, Field, Honeypot, receiptCode } from './parts';

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
        回执码 {receiptCode(receiptId)} · 提交时间：{chinaTime(view.submittedAt)}
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
          onRated={load}
        />
      ) : null}
    </section>
  );
}

const reasonNeeded = say('选择“不满意”时请写明原因', 'a 不满意 rating needs its reason');

function RatingForm({
  unitId,
  receiptId,
  receiptSecret,
  api,
  onRated,
}: Omit<ReceiptPageProps, 'replyKey'> & { readonly onRated: () => Promise<void> }) {
  const [rating, setRating] = useState<Rating | null>(null);
  const [reason, setReason] = useState('');
  const [website, setWebsite] = useState('');
  const [error, setError] = useState<Bilingual | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!rating || busy) return;
    const why = reason.trim();
    if (rating === DISSATISFIED && !why) return setError(reasonNeeded);
    setBusy(true);
    setError(null);
    try {
      // The receipt link carries no fingerprint to pin (it was made by this page, not printed by the
      // union), so the rating goes to the key the public endpoint names, checked against its own kid.
      // A swapped key would expose only the rating and its reason: no name, phone or appeal text.
      const { key } = await api.intake(unitId);
      const payload: RatingPayload = {
        kind: 'rating',
        receiptId,
        rating,
        ...(why ? { reason: why } : {}),
        ratedAt: new Date().toISOString(),
      };
      const jwe = await encryptToUnion('rating', payload, key.publicJwk, key.kid);
      await api.rate(unitId, receiptId, { receiptSecret, kid: key.kid, jwe, website });
      await onRated();
    } catch (e) {
      setError(failureText(e));
    } finally {
      setBusy(false);
    }
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
