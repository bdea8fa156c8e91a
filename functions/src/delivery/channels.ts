import { say } from '../../../shared';
import { isObject, noOtherKeys, optionalString, type Problems } from '../util/problems';

/** The chat robots reminders go to. */
export type ChannelKind = 'wecom' | 'dingtalk' | 'teams';

/** A unit's reminder channel: a WeCom or DingTalk group robot, or a Teams incoming webhook. */
export interface Channel {
  readonly id: string;
  readonly kind: ChannelKind;
  /** The webhook address, including its key or access token. */
  readonly url: string;
  /** DingTalk's signing secret (加签), when the robot uses one. */
  readonly secret?: string;
}

/** Every channel kind. */
export const CHANNEL_KINDS: readonly ChannelKind[] = ['wecom', 'dingtalk', 'teams'];

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** Whether a webhook address may be used: https, or http on loopback when allowed (local testing). */
export function webhookUrlAllowed(url: string, allowLoopbackHttp: boolean): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'https:') return true;
  return allowLoopbackHttp && u.protocol === 'http:' && LOOPBACK.has(u.hostname);
}

/** Reads a channel list from a request body, noting problems by path. */
export function parseChannels(
  raw: unknown,
  path: string,
  p: Problems,
  allowLoopbackHttp: boolean,
): Channel[] {
  if (!Array.isArray(raw)) {
    p.add(path, say('应为渠道数组', 'expected an array of channels'));
    return [];
  }
  const seen = new Set<string>();
  return raw.flatMap((c, i): Channel[] => {
    const at = `${path}[${i}]`;
    if (!isObject(c)) {
      p.add(at, say('应为对象', 'expected an object'));
      return [];
    }
    noOtherKeys(c, ['id', 'kind', 'url', 'secret'], at, p);
    const id = optionalString(c, 'id', at, p, 64) ?? '';
    const url = optionalString(c, 'url', at, p, 2000) ?? '';
    const secret = optionalString(c, 'secret', at, p, 200);
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id) || seen.has(id))
      p.add(
        `${at}.id`,
        say('渠道标识应唯一，只含字母、数字、-、_', 'channel id must be unique: letters, digits, - and _'),
      );
    seen.add(id);
    if (!CHANNEL_KINDS.includes(c.kind as ChannelKind))
      p.add(
        `${at}.kind`,
        say('渠道类型应为 wecom、dingtalk 或 teams', 'kind must be wecom, dingtalk or teams'),
      );
    if (!webhookUrlAllowed(url, allowLoopbackHttp))
      p.add(`${at}.url`, say('机器人地址应为 https 地址', 'the webhook address must be an https URL'));
    return [{ id, kind: c.kind as ChannelKind, url, ...(secret ? { secret } : {}) }];
  });
}

/** A channel as shown back to an administrator: the address's path and query (its key) and the secret hidden. */
export function maskChannel(c: Channel): { id: string; kind: ChannelKind; url: string; secret?: string } {
  return {
    id: c.id,
    kind: c.kind,
    url: `${new URL(c.url).origin}/***`,
    ...(c.secret ? { secret: '***' } : {}),
  };
}
