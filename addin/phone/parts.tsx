// Small pieces the phone page's three modes share: the error box, the honeypot, the wording of a
// failure, China time, and copying a link where the Clipboard API is missing (WeChat over http, old
// webviews).
import { useEffect, useState, type ReactNode } from 'react';
import { chinaDay, chinaTime, chineseDate, say, type Bilingual, type IntakePublicJwk } from '../../shared';
import { IntakeError, keyFingerprint } from '../intake/envelope';
import { PhoneFailure } from './api';

/** The server's or the page's bilingual message, Chinese first. */
export function ErrorNote({ text }: { readonly text: Bilingual }) {
  return (
    <div className="error" role="alert" data-testid="phone-error">
      <p>{text.zh}</p>
      <p className="en" lang="en">
        {text.en}
      </p>
    </div>
  );
}

/**
 * The honeypot: a field people never see or reach (off-screen, not display:none, which some bots
 * skip; out of the tab order; no autofill). Its value is sent as `website`; the cloud refuses any.
 */
export function Honeypot({
  value,
  onChange,
}: {
  readonly value: string;
  readonly onChange: (v: string) => void;
}) {
  return (
    <div className="honeypot" aria-hidden="true">
      <label>
        网站
        <input
          type="text"
          name="website"
          tabIndex={-1}
          autoComplete="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
    </div>
  );
}

/** A labelled field at tap size. */
export function Field({
  label,
  children,
  hint,
}: {
  readonly label: string;
  readonly children: ReactNode;
  readonly hint?: string;
}) {
  return (
    <label className="field">
      <span className="label">{label}</span>
      {children}
      {hint ? <span className="hint">{hint}</span> : null}
    </label>
  );
}

/** A labelled one-line text input: what each of the forms' name, phone and position fields is. */
export function TextField({
  label,
  testId,
  value,
  onChange,
  type = 'text',
  autoComplete,
  maxLength,
}: {
  readonly label: string;
  readonly testId: string;
  readonly value: string;
  readonly onChange: (v: string) => void;
  readonly type?: 'text' | 'tel';
  readonly autoComplete?: string;
  readonly maxLength?: number;
}) {
  return (
    <Field label={label}>
      <input
        data-testid={testId}
        type={type}
        {...(autoComplete ? { autoComplete } : {})}
        {...(maxLength ? { maxLength } : {})}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

/**
 * Loads what a page shows under the union's key, refusing a key whose fingerprint is not the QR
 * code's as the page opens, before the employee types anything. Loads again when `which` changes.
 */
export function useUnionView<V extends { readonly key: { readonly publicJwk: IntakePublicJwk } }>(
  load: () => Promise<V>,
  kid: string,
  which: string,
): { readonly view: V | null; readonly loadError: Bilingual | null } {
  const [view, setView] = useState<V | null>(null);
  const [loadError, setLoadError] = useState<Bilingual | null>(null);
  useEffect(() => {
    let live = true;
    void load()
      .then(async (v) => {
        const refused = await refuseForeignKey(v.key.publicJwk, kid);
        if (!live) return;
        if (refused) setLoadError(refused);
        else setView(v);
      })
      .catch((e: unknown) => live && setLoadError(failureText(e)));
    return () => {
      live = false;
    };
    // `load` is a new function each render; what it loads is named by `which` and `kid`.
  }, [which, kid]);
  return { view, loadError };
}

/**
 * A form's sending state: busy while the work runs, and why it failed in words (`explain` first,
 * then failureText). The form keeps everything typed, so the employee can send again as it is.
 */
export function useSending(explain?: (e: unknown) => Bilingual | null) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Bilingual | null>(null);
  const send = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(explain?.(e) ?? failureText(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, send };
}

/** A labelled choice from a list, with a first empty option that says what choosing nothing means. */
export function SelectField<T extends string>({
  label,
  testId,
  value,
  onChange,
  options,
  none,
}: {
  readonly label: string;
  readonly testId: string;
  readonly value: T | '';
  readonly onChange: (v: T | '') => void;
  readonly options: readonly T[];
  readonly none: string;
}) {
  return (
    <Field label={label}>
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value as T | '')}>
        <option value="">{none}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The receipt code people can read out: the receipt id's first 8 characters in two groups. */
export const receiptCode = (receiptId: string): string => `${receiptId.slice(0, 4)} ${receiptId.slice(4, 8)}`;

const unexpected = say('出现意外错误，请稍后再试', 'something unexpected went wrong; try again later');

/** What the employee reads about a failure: the server's words, the envelope's refusal, the wait a 429 asks. */
export function failureText(e: unknown): Bilingual {
  if (e instanceof PhoneFailure) {
    if (e.status === 429 && e.retryAfterSeconds !== undefined) {
      const minutes = Math.max(1, Math.ceil(e.retryAfterSeconds / 60));
      return say(`${e.text.zh}。请 ${minutes} 分钟后再试`, `${e.text.en}. Try again in ${minutes} min`);
    }
    return e.text;
  }
  if (e instanceof IntakeError) return e.reason;
  return unexpected;
}

const keyNotTheCodes = say(
  '服务器给出的公钥与二维码上的指纹不符。为保护您的信息，此页不能填写，什么也没有发送。请联系工会',
  'the key the server gave does not match the QR code’s fingerprint; to protect you this page cannot be used, and nothing was sent. Please tell the union',
);

/**
 * Checks, as the page opens, that the server's key is the one the QR code's fingerprint names, so an
 * employee is refused before typing anything rather than after. The refusal, or null for the right key;
 * encryptToUnion checks again when the form is sent.
 */
export async function refuseForeignKey(publicJwk: IntakePublicJwk, kid: string): Promise<Bilingual | null> {
  try {
    return (await keyFingerprint(publicJwk)) === kid ? null : keyNotTheCodes;
  } catch (e) {
    return failureText(e);
  }
}

/** An instant as a clerk in China reads it: 2026年3月30日 09:05. */
export function chinaDateTime(iso: string): string {
  return `${chineseDate(chinaDay(iso))} ${chinaTime(iso)}`;
}

/** Copies text: the Clipboard API where the page may use it, else a selected textarea and execCommand. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Not allowed here (an insecure origin, a webview's policy): fall back below.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'absolute';
  area.style.left = '-10000px';
  document.body.appendChild(area);
  area.select();
  let done = false;
  try {
    done = document.execCommand('copy');
  } catch {
    done = false;
  }
  area.remove();
  return done;
}

/** A link the employee must keep, with a copy button and the advice to keep it. */
export function KeepLink({ link }: { readonly link: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <div className="keep">
      <a href={link} className="link" data-testid="phone-receipt-link">
        {link}
      </a>
      <button
        type="button"
        className="secondary"
        data-testid="phone-copy"
        onClick={() => void copyText(link).then(setCopied)}
      >
        复制链接
      </button>
      {copied === true ? <p className="hint">已复制</p> : null}
      {copied === false ? <p className="hint">无法自动复制，请长按上面的链接复制</p> : null}
      <p className="advice">
        请把这个链接加入收藏或截图保存：只有凭它才能查看办理进展和评价，工会和服务器都无法替您找回。
      </p>
    </div>
  );
}
