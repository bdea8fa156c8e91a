// The phone page's links: what a QR code opens and what the receipt link keeps. Everything that
// names a key or a secret rides in the fragment (#…), which browsers never send to a server; the
// query carries only the API's address. One module builds and reads them, for the pane's QR codes,
// the phone page and the tests.
import { z } from 'zod';
import { type Bilingual, say } from '../text';
import { UNIT_ID } from '../wire/schema';
import { MEETING_KEY, RECEIPT_ID, RECEIPT_SECRET } from '../wire/intake';
import { INTAKE_KID, REPLY_KEY } from './envelope';

/** What a phone link opens: the appeal form, a receipt, or a meeting's sign-in. */
export type PhoneRoute =
  | { readonly mode: 'file'; readonly unitId: string; readonly kid: string }
  | {
      readonly mode: 'receipt';
      readonly unitId: string;
      readonly receiptId: string;
      readonly receiptSecret: string;
      /** Absent when the submission carried no reply key: the link then shows only that it arrived. */
      readonly replyKey?: string;
    }
  | { readonly mode: 'signIn'; readonly unitId: string; readonly kid: string; readonly meetingKey: string };

/** Where the phone page is served and the API it talks to (absolute URLs). */
export interface PhoneSite {
  /** The page, e.g. https://addin.example.cn/phone.html. */
  readonly pageUrl: string;
  /** The functions' API root, e.g. https://xieshang-fn.chinacloudsites.cn/api. */
  readonly apiBase: string;
}

const routeSchema = z.union([
  z.strictObject({
    m: z.literal('f'),
    u: z.string().regex(UNIT_ID),
    k: z.string().regex(INTAKE_KID),
  }),
  z.strictObject({
    m: z.literal('r'),
    u: z.string().regex(UNIT_ID),
    r: z.string().regex(RECEIPT_ID),
    s: z.string().regex(RECEIPT_SECRET),
    p: z.string().regex(REPLY_KEY).optional(),
  }),
  z.strictObject({
    m: z.literal('s'),
    u: z.string().regex(UNIT_ID),
    k: z.string().regex(INTAKE_KID),
    g: z.string().regex(MEETING_KEY),
  }),
]);

const fragmentOf = (route: PhoneRoute): Record<string, string> => {
  switch (route.mode) {
    case 'file':
      return { m: 'f', u: route.unitId, k: route.kid };
    case 'receipt':
      return {
        m: 'r',
        u: route.unitId,
        r: route.receiptId,
        s: route.receiptSecret,
        ...(route.replyKey ? { p: route.replyKey } : {}),
      };
    case 'signIn':
      return { m: 's', u: route.unitId, k: route.kid, g: route.meetingKey };
  }
};

// shared/ has no URL class (no host library): links are built from parts that need no escaping
// (ids, keys and secrets are base64url or UNIT_ID characters) and the API address, percent-encoded.
const HTTP_URL = /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/;

/** The link a QR code or a receipt carries: `<page>?api=<api>#m=…&u=…`. */
export function phoneLink(site: PhoneSite, route: PhoneRoute): string {
  if (!HTTP_URL.test(site.pageUrl) || !HTTP_URL.test(site.apiBase))
    throw new Error(
      `phone link: page ${site.pageUrl} and API ${site.apiBase} must be http(s) URLs without ? or #`,
    );
  const fragment = Object.entries(fragmentOf(route))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  return `${site.pageUrl}?api=${encodeURIComponent(site.apiBase)}#${fragment}`;
}

/** A phone link read back: the API root and the route, or why it cannot be used. */
export type ReadPhoneLink =
  | { readonly ok: true; readonly apiBase: string; readonly route: PhoneRoute }
  | { readonly ok: false; readonly reason: Bilingual };

const broken = say(
  '链接不完整或已损坏，请重新扫描工会张贴的二维码',
  "the link is incomplete or damaged; scan the union's QR code again",
);

const pairs = (text: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    try {
      out[part.slice(0, eq)] = decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
    } catch {
      // A malformed escape leaves the field out; the schema then calls the link broken.
    }
  }
  return out;
};

/** Reads a phone link (the page's own location): never throws, a broken link says so. */
export function readPhoneLink(href: string): ReadPhoneLink {
  const hashAt = href.indexOf('#');
  const beforeHash = hashAt < 0 ? href : href.slice(0, hashAt);
  const fragment = hashAt < 0 ? '' : href.slice(hashAt + 1);
  const queryAt = beforeHash.indexOf('?');
  const query = queryAt < 0 ? '' : beforeHash.slice(queryAt + 1);
  const api = (pairs(query)['api'] ?? '').replace(/\/$/, '');
  if (!HTTP_URL.test(api)) return { ok: false, reason: broken };
  const r = routeSchema.safeParse(pairs(fragment));
  if (!r.success) return { ok: false, reason: broken };
  const f = r.data;
  const route: PhoneRoute =
    f.m === 'f'
      ? { mode: 'file', unitId: f.u, kid: f.k }
      : f.m === 'r'
        ? {
            mode: 'receipt',
            unitId: f.u,
            receiptId: f.r,
            receiptSecret: f.s,
            ...(f.p ? { replyKey: f.p } : {}),
          }
        : { mode: 'signIn', unitId: f.u, kid: f.k, meetingKey: f.g };
  return { ok: true, apiBase: api, route };
}
