import { createHmac } from 'node:crypto';
import { type OpenChannel, webhookProblem, type WebhookPolicy } from './channels';

/** How webhooks are called: the fetch to use and the retry policy. */
export interface WebhookOptions extends WebhookPolicy {
  readonly fetch: typeof fetch;
  /** Attempts per message, the first included. */
  readonly attempts: number;
  /** The first retry waits about this long; each later one twice as long (with jitter). */
  readonly baseDelayMs: number;
  readonly timeoutMs: number;
  /** Allow http:// webhooks on 127.0.0.1 (local testing only; refused on Azure whatever this says). */
  readonly allowLoopbackHttp: boolean;
}

// A failure that another attempt cannot mend: an address off the list, a redirect.
class Refused extends Error {}

/** How a message's delivery ended. */
export interface PostResult {
  readonly ok: boolean;
  readonly attempts: number;
  readonly error: string;
}

/** DingTalk's signed address (加签): timestamp and an HMAC-SHA256 of it under the robot's secret. */
export function signedUrl(channel: OpenChannel, at: number): string {
  if (channel.kind !== 'dingtalk' || !channel.secret) return channel.url;
  const sign = createHmac('sha256', channel.secret).update(`${at}\n${channel.secret}`).digest('base64');
  const u = new URL(channel.url);
  u.searchParams.set('timestamp', String(at));
  u.searchParams.set('sign', sign);
  return u.toString();
}

// WeCom and DingTalk answer HTTP 200 with {"errcode": n}: anything but 0 is a failure. The address
// is judged again here, whatever configuration let through, and a redirect is never followed: it
// could lead anywhere (the instance metadata endpoint, a private address).
async function attempt(channel: OpenChannel, body: unknown, o: WebhookOptions): Promise<string> {
  const url = signedUrl(channel, Date.now());
  const problem = webhookProblem(channel.kind, url, o);
  if (problem) throw new Refused(`refused: ${problem.en}`);
  const res = await o.fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
    redirect: 'manual',
    signal: AbortSignal.timeout(o.timeoutMs),
  });
  const text = await res.text();
  if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400))
    throw new Refused(`refused: the robot answered a redirect (HTTP ${res.status}), which is not followed`);
  if (!res.ok) return `HTTP ${res.status} ${text.slice(0, 200)}`;
  if (channel.kind === 'teams') return '';
  try {
    const j = JSON.parse(text) as { errcode?: number; errmsg?: string };
    return j.errcode === 0 ? '' : `errcode ${j.errcode ?? '?'} ${j.errmsg ?? ''}`;
  } catch {
    return `unexpected answer ${text.slice(0, 200)}`;
  }
}

/** Posts a message, retrying failures with exponential backoff and jitter. */
export async function postWithRetry(
  channel: OpenChannel,
  body: unknown,
  o: WebhookOptions,
): Promise<PostResult> {
  let error = '';
  for (let n = 1; n <= o.attempts; n++) {
    try {
      error = await attempt(channel, body, o);
    } catch (e) {
      if (e instanceof Refused) return { ok: false, attempts: n, error: e.message };
      error = e instanceof Error ? e.message : String(e);
    }
    if (!error) return { ok: true, attempts: n, error: '' };
    if (n < o.attempts) {
      const delay = o.baseDelayMs * 2 ** (n - 1);
      await new Promise((r) => setTimeout(r, delay / 2 + Math.random() * (delay / 2)));
    }
  }
  return { ok: false, attempts: o.attempts, error };
}
