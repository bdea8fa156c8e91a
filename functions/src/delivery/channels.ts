import { isIP } from 'node:net';
import { type Bilingual, say } from '../../../shared';
import { seal, secretsKey, SecretsError, type SecretsEnv, type SecretsKey, unseal } from '../crypto/secrets';
import { HttpError } from '../http/errors';
import { z } from 'zod';

/** The chat robots reminders go to. */
export type ChannelKind = 'wecom' | 'dingtalk' | 'teams';

/** A unit's reminder channel in the clear, as an administrator sends it and as it is posted to. */
export interface OpenChannel {
  readonly id: string;
  readonly kind: ChannelKind;
  /** The webhook address, including its key or access token. */
  readonly url: string;
  /** DingTalk's signing secret (加签), when the robot uses one. */
  readonly secret?: string;
}

/**
 * A reminder channel as stored: the robot's origin in the clear (to show back), its address — whose
 * key or access token is a secret — and its signing secret sealed under XIESHANG_SECRETS_KEY.
 */
export interface Channel {
  readonly id: string;
  readonly kind: ChannelKind;
  /** e.g. https://qyapi.weixin.qq.com: no path, no query, nothing secret. */
  readonly origin: string;
  /** Whether a signing secret is sealed with the address. */
  readonly signed?: boolean;
  /** `{url, secret?}` as a compact JWE (dir, A256GCM). */
  readonly sealed: string;
}

/** Every channel kind. */
export const CHANNEL_KINDS: readonly ChannelKind[] = ['wecom', 'dingtalk', 'teams'];

/** Where a kind's robots live: exact hosts, or any host below a suffix; for some, one path. */
export interface RobotHosts {
  readonly hosts: readonly string[];
  readonly suffixes: readonly string[];
  readonly path?: string;
}

/**
 * The robot hosts per kind. WeCom 群机器人: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…
 * (https://developer.work.weixin.qq.com/document/path/91770). DingTalk 自定义机器人:
 * https://oapi.dingtalk.com/robot/send?access_token=… (https://open.dingtalk.com/document/group/custom-robot-access).
 * Teams: Office 365 connector webhooks at <tenant>.webhook.office.com
 * (https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook),
 * and Workflows / Power Automate "When a Teams webhook request is received" triggers, whose domains
 * Microsoft lists for that trigger as *.api.powerplatform.com and *.logic.azure.com, and for 21Vianet
 * (China) *.api.powerplatform.partner.microsoftonline.cn and *.logic.azure.cn
 * (https://learn.microsoft.com/power-automate/ip-address-configuration, "When an HTTP request is
 * received" trigger). Callback URLs look like prod-03.westus.logic.azure.com
 * (https://learn.microsoft.com/powershell/module/az.logicapp/get-azlogicapptriggercallbackurl) and,
 * since the 2025 move, <env>.environment.api.powerplatform.com.
 */
export const ROBOT_HOSTS: Readonly<Record<ChannelKind, RobotHosts>> = {
  wecom: { hosts: ['qyapi.weixin.qq.com'], suffixes: [], path: '/cgi-bin/webhook/send' },
  dingtalk: { hosts: ['oapi.dingtalk.com'], suffixes: [], path: '/robot/send' },
  teams: {
    hosts: [],
    suffixes: [
      '.webhook.office.com',
      '.logic.azure.com',
      '.api.powerplatform.com',
      '.logic.azure.cn',
      '.api.powerplatform.partner.microsoftonline.cn',
    ],
  },
};

/** How webhook addresses are judged: the local-testing escape and the environment it is judged in. */
export interface WebhookPolicy {
  /** Allow http:// robots on 127.0.0.1, [::1] or localhost (local testing; never on Azure). */
  readonly allowLoopbackHttp: boolean;
  /** Defaults to process.env: WEBSITE_INSTANCE_ID there means running on Azure. */
  readonly env?: SecretsEnv;
}

const envOf = (o: WebhookPolicy): SecretsEnv => o.env ?? process.env;

/** Whether the loopback escape is in force: asked for, and not on Azure whatever the settings say. */
export const loopbackAllowed = (o: WebhookPolicy): boolean =>
  o.allowLoopbackHttp && !envOf(o).WEBSITE_INSTANCE_ID;

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

// The host as typed: the URL parser turns 2130706433, 0x7f.1 or 0177.0.0.1 into 127.0.0.1, and the
// loopback escape accepts only the spelling it names.
const typedHost = (url: string): string | null => {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#\\]*)/i.exec(url.trim());
  if (!m || (m[1] as string).includes('@')) return null;
  return (m[1] as string).replace(/:\d*$/, '').toLowerCase();
};

// Below a suffix: one or more plain DNS labels, nothing else (the parser has already lower-cased them).
const LABELS = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;

const onList = (host: string, robots: RobotHosts): boolean =>
  robots.hosts.includes(host) ||
  robots.suffixes.some((s) => host.endsWith(s) && LABELS.test(host.slice(0, host.length - s.length)));

const hostList = (robots: RobotHosts): string =>
  [...robots.hosts, ...robots.suffixes.map((s) => `*${s}`)].join(', ');

/**
 * Why a webhook address may not be used for a channel kind, or null when it may: https only, no
 * user name or password, no port but 443, a host on the kind's list (so never an IP literal in any
 * spelling), and for WeCom and DingTalk their one send path.
 */
export function webhookProblem(kind: ChannelKind, url: string, o: WebhookPolicy): Bilingual | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return say('机器人地址不是有效的网址', 'the webhook address is not a valid URL');
  }
  if (u.protocol === 'http:' && loopbackAllowed(o)) {
    const typed = typedHost(url);
    if (typed !== null && typed === u.hostname && LOOPBACK.has(u.hostname)) return null;
  }
  if (
    u.protocol === 'http:' &&
    o.allowLoopbackHttp &&
    envOf(o).WEBSITE_INSTANCE_ID &&
    LOOPBACK.has(u.hostname)
  )
    return say(
      '本机机器人地址仅用于本地测试，在 Azure 上不可用',
      'loopback robots are for local testing only and are refused on Azure',
    );
  if (u.protocol !== 'https:')
    return say('机器人地址应为 https 地址', 'the webhook address must be an https URL');
  if (u.username || u.password)
    return say('机器人地址不得含用户名或密码', 'the webhook address must not carry a user name or password');
  if (u.port !== '')
    return say('机器人地址不得指定端口', 'the webhook address must not name a port (443 only)');
  const bare = u.hostname.replace(/^\[|\]$/g, '');
  if (isIP(bare) !== 0 || /^[0-9.]+$|^0x/i.test(bare))
    return say('机器人地址不得为 IP 地址', 'the webhook address must name a host, not an IP address');
  const robots = ROBOT_HOSTS[kind];
  if (!onList(u.hostname, robots))
    return say(`该类机器人地址应在 ${hostList(robots)} 之下`, `a ${kind} robot lives at ${hostList(robots)}`);
  if (robots.path && u.pathname !== robots.path)
    return say(`该类机器人地址的路径应为 ${robots.path}`, `a ${kind} robot's path is ${robots.path}`);
  return null;
}

const CHANNEL_ID = /^[A-Za-z0-9_-]{1,64}$/;
const BAD_ID = say(
  '渠道标识应唯一，只含字母、数字、-、_',
  'channel id must be unique: letters, digits, - and _',
);
// Custom issues carry their bilingual text in params, which the wire check turns into the problem.
const badId = { message: BAD_ID.en, params: { zh: BAD_ID.zh, en: BAD_ID.en } };
const BAD_KIND = say('渠道类型应为 wecom、dingtalk 或 teams', 'kind must be wecom, dingtalk or teams');

/**
 * A channel list's shape in a request body, checked by the same wire mechanism as the rest of the
 * body (unknown fields, types, lengths, each named by path); addresses are judged by `refuseBadWebhooks`.
 */
export const channelListSchema = z
  .array(
    z.strictObject({
      id: z.string().refine((id) => CHANNEL_ID.test(id), badId),
      kind: z.string().refine((k) => CHANNEL_KINDS.includes(k as ChannelKind), {
        message: BAD_KIND.en,
        params: { zh: BAD_KIND.zh, en: BAD_KIND.en },
      }),
      url: z.string().max(2000),
      secret: z.string().max(200).optional(),
    }),
  )
  .superRefine((channels, ctx) => {
    const seen = new Set<string>();
    channels.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], ...badId });
      seen.add(c.id);
    });
  })
  .transform((channels) =>
    channels.map((c): OpenChannel => ({
      id: c.id,
      kind: c.kind as ChannelKind,
      url: c.url,
      ...(c.secret ? { secret: c.secret } : {}),
    })),
  );

/** Refuses (400 `webhook-url`, path `channels[i].url`) the first channel whose address may not be used. */
export function refuseBadWebhooks(channels: readonly OpenChannel[], path: string, o: WebhookPolicy): void {
  channels.forEach((c, i) => {
    const problem = webhookProblem(c.kind, c.url, o);
    if (problem)
      throw new HttpError(
        400,
        'webhook-url',
        say(`${path}[${i}].url：${problem.zh}`, `${path}[${i}].url: ${problem.en}`),
        { path: `${path}[${i}].url` },
      );
  });
}

/** The key channels are sealed under (XIESHANG_SECRETS_KEY; a session key where loopback robots are allowed). */
export const channelKey = (o: WebhookPolicy): SecretsKey | null => secretsKey(envOf(o), loopbackAllowed(o));

const NO_KEY = say(
  '服务未配置加密密钥（XIESHANG_SECRETS_KEY），暂不能保存机器人地址和密钥，请联系云端管理员',
  'no encryption key is configured (XIESHANG_SECRETS_KEY): robot addresses and secrets cannot be stored for now; ask the cloud administrator',
);

const BAD_KEY = say(
  '服务的加密密钥（XIESHANG_SECRETS_KEY）格式不对（应为 base64 编码的 32 字节），暂不能保存机器人，请联系云端管理员',
  'the encryption key XIESHANG_SECRETS_KEY is malformed (it must be 32 bytes in base64): robots cannot be stored for now; ask the cloud administrator',
);

/**
 * The service's own configuration is wrong, which no request can fix: 503 (not the client's 400),
 * logged so whoever runs the service sees it.
 */
function keyUnusable(text: Bilingual, path: string): HttpError {
  console.error(`unit configuration refused: ${text.en}`);
  return new HttpError(503, 'secrets-key-missing', text, { path });
}

/** Seals channels for storage; with no usable key configured, refuses (503 `secrets-key-missing`) rather than store them in the clear. */
export async function sealChannels(
  channels: readonly OpenChannel[],
  path: string,
  o: WebhookPolicy,
): Promise<Channel[]> {
  if (channels.length === 0) return [];
  let key: SecretsKey | null;
  try {
    key = channelKey(o);
  } catch (e) {
    if (!(e instanceof SecretsError)) throw e;
    throw keyUnusable(BAD_KEY, path);
  }
  if (!key) throw keyUnusable(NO_KEY, path);
  const k = key;
  return Promise.all(
    channels.map(async (c) => ({
      id: c.id,
      kind: c.kind,
      origin: new URL(c.url).origin,
      ...(c.secret ? { signed: true } : {}),
      sealed: await seal(JSON.stringify({ url: c.url, ...(c.secret ? { secret: c.secret } : {}) }), k),
    })),
  );
}

/** Opens a stored channel for posting; a channel stored in the clear before sealing existed is refused. */
export async function openChannel(c: Channel, o: WebhookPolicy): Promise<OpenChannel> {
  if (typeof c.sealed !== 'string')
    throw new SecretsError('unreadable', 'this channel was stored unsealed: configure it again');
  const key = channelKey(o);
  if (!key) throw new SecretsError('no-key', NO_KEY.en);
  const { url, secret } = JSON.parse(await unseal(c.sealed, key)) as { url: string; secret?: string };
  return { id: c.id, kind: c.kind, url, ...(secret ? { secret } : {}) };
}

/** A channel as shown back to an administrator: its origin only, and the secret hidden. */
export function maskChannel(c: Channel): { id: string; kind: ChannelKind; url: string; secret?: string } {
  return {
    id: c.id,
    kind: c.kind,
    url: `${c.origin ?? ''}/***`,
    ...(c.signed ? { secret: '***' } : {}),
  };
}
