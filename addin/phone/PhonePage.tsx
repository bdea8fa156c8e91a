// The employee's phone page: one small page, three modes, chosen by the link it was opened with
// (shared/intake/links.ts). Keys and secrets come from the fragment, which the browser never sends.
import { useMemo } from 'react';
import { readPhoneLink, say } from '../../shared';
import { createPhoneApi } from './api';
import { FilePage } from './FilePage';
import { ErrorNote } from './parts';
import { ReceiptPage } from './ReceiptPage';
import { SignInPage } from './SignInPage';

const unsupported = say(
  '这个浏览器无法在手机上加密（需要 https 链接和较新的浏览器）。请点右上角用手机浏览器打开，或更新微信后再试',
  'this browser cannot encrypt on the phone (it needs an https link and a recent browser); open the link in the phone’s browser or update WeChat',
);

/**
 * Whether this browser has what the page uses beyond ES2020 syntax: WebCrypto's subtle (only in a
 * secure context: https or localhost), TextEncoder, fetch and AbortController. jose's other newer
 * calls (Object.hasOwn) sit on paths the phone never takes (crit headers, ECDH decryption).
 */
export function phoneSupported(g: typeof globalThis = globalThis): boolean {
  return (
    typeof g.crypto?.subtle?.deriveBits === 'function' &&
    typeof g.TextEncoder === 'function' &&
    typeof g.fetch === 'function' &&
    typeof g.AbortController === 'function'
  );
}

/** The page's inputs: its own address, and the fetch it talks to the API with (tests give Node's). */
export interface PhonePageProps {
  readonly href: string;
  readonly fetch?: typeof fetch;
}

/** The phone page for the link it was opened with; a broken link says so and asks for a fresh scan. */
export function PhonePage({ href, fetch }: PhonePageProps) {
  const link = useMemo(() => readPhoneLink(href), [href]);
  const api = useMemo(
    () => (link.ok ? createPhoneApi({ apiBase: link.apiBase, ...(fetch ? { fetch } : {}) }) : null),
    [link, fetch],
  );
  if (!phoneSupported()) return <ErrorNote text={unsupported} />;
  if (!link.ok || !api) return <ErrorNote text={link.ok ? { zh: '', en: '' } : link.reason} />;
  const { route } = link;
  switch (route.mode) {
    case 'file':
      return (
        <FilePage
          unitId={route.unitId}
          kid={route.kid}
          // The receipt link opens this same page: its address without query or fragment.
          pageUrl={href.split(/[?#]/)[0] ?? href}
          apiBase={link.apiBase}
          api={api}
        />
      );
    case 'receipt':
      return (
        <ReceiptPage
          unitId={route.unitId}
          receiptId={route.receiptId}
          receiptSecret={route.receiptSecret}
          {...(route.replyKey ? { replyKey: route.replyKey } : {})}
          api={api}
        />
      );
    case 'signIn':
      return <SignInPage unitId={route.unitId} kid={route.kid} meetingKey={route.meetingKey} api={api} />;
  }
}
