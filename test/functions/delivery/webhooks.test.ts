// Webhook SSRF and robot secrets (issue 10): which addresses a channel may post to, judged at
// configuration and again at delivery; redirects never followed; secrets sealed with AES-256-GCM.
// Robot hosts: WeCom https://developer.work.weixin.qq.com/document/path/91770, DingTalk
// https://open.dingtalk.com/document/group/custom-robot-access, Teams Workflows / Power Automate
// https://learn.microsoft.com/power-automate/ip-address-configuration ("When an HTTP request is
// received" trigger), Teams connectors
// https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReminderView } from '../../../shared';
import { seal, secretsKey, SecretsError, unseal } from '../../../functions/src/crypto/secrets';
import {
  type ChannelKind,
  openChannel,
  sealChannels,
  webhookProblem,
} from '../../../functions/src/delivery/channels';
import { deliverDaily } from '../../../functions/src/delivery/daily';
import type { WebhookOptions } from '../../../functions/src/delivery/post';
import type { UnitProfile } from '../../../functions/src/storage';
import { robotAccepts, startEnv, startLoopback, type Loopback, type TestEnv } from '../support';

const local = { allowLoopbackHttp: true, env: {} };
const azure = { allowLoopbackHttp: true, env: { WEBSITE_INSTANCE_ID: 'abc123' } };
const strict = { allowLoopbackHttp: false, env: {} };
const key64 = () => randomBytes(32).toString('base64');

describe('which robot addresses a channel may use', () => {
  const refused: [ChannelKind, string][] = [
    // Cloud metadata, loopback, private and link-local addresses in every spelling the URL parser accepts.
    ['wecom', 'https://169.254.169.254/cgi-bin/webhook/send?key=k'],
    ['wecom', 'https://127.0.0.1/cgi-bin/webhook/send?key=k'],
    ['wecom', 'https://localhost/cgi-bin/webhook/send?key=k'],
    ['wecom', 'https://10.0.0.5/cgi-bin/webhook/send?key=k'],
    ['dingtalk', 'https://192.168.1.1/robot/send?access_token=t'],
    ['teams', 'https://[::1]/workflows/x'],
    ['teams', 'https://[::ffff:127.0.0.1]/workflows/x'],
    ['teams', 'https://[::ffff:a9fe:a9fe]/workflows/x'],
    ['teams', 'https://[fe80::1]/workflows/x'],
    ['wecom', 'https://2130706433/cgi-bin/webhook/send?key=k'],
    ['wecom', 'https://0x7f.1/cgi-bin/webhook/send?key=k'],
    ['wecom', 'https://0177.0.0.1/cgi-bin/webhook/send?key=k'],
    ['wecom', 'https://0xa9.0xfe.0xa9.0xfe/cgi-bin/webhook/send?key=k'],
    // Hosts that only look like the robots'.
    ['wecom', 'https://evil.example/cgi-bin/webhook/send?key=k'],
    ['wecom', 'https://qyapi.weixin.qq.com.evil.example/cgi-bin/webhook/send?key=k'],
    ['wecom', 'https://qyapi.weixin.qq.com./cgi-bin/webhook/send?key=k'],
    ['dingtalk', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k'],
    ['wecom', 'https://oapi.dingtalk.com/robot/send?access_token=t'],
    ['teams', 'https://logic.azure.com/workflows/x'],
    ['teams', 'https://evil-logic.azure.com/workflows/x'],
    ['teams', 'https://prod-03.westus.logic.azure.com.evil.example/workflows/x'],
    ['teams', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k'],
    // Right host, wrong everything else.
    ['wecom', 'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k'],
    ['wecom', 'https://user:pw@qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k'],
    ['wecom', 'https://evil.example@qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k'],
    ['wecom', 'https://qyapi.weixin.qq.com:8443/cgi-bin/webhook/send?key=k'],
    ['wecom', 'https://qyapi.weixin.qq.com/cgi-bin/other?key=k'],
    ['dingtalk', 'https://oapi.dingtalk.com/robot/../user/get?access_token=t'],
    ['wecom', 'ftp://qyapi.weixin.qq.com/cgi-bin/webhook/send'],
    ['wecom', 'not a url'],
  ];
  it.each(refused)('refuses a %s robot at %s', (kind, url) => {
    expect(webhookProblem(kind, url, local)).not.toBeNull();
    expect(webhookProblem(kind, url, strict)).not.toBeNull();
  });

  const accepted: [ChannelKind, string][] = [
    ['wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx'],
    ['wecom', 'https://QYAPI.weixin.qq.com:443/cgi-bin/webhook/send?key=693a91f6-7xxx'],
    ['dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=XXXXXX'],
    ['teams', 'https://contoso.webhook.office.com/webhookb2/a@b/IncomingWebhook/c/d'],
    [
      'teams',
      'https://prod-03.westus.logic.azure.com:443/workflows/c4ed/triggers/manual/paths/invoke?api-version=2016-06-01&sig=s',
    ],
    [
      'teams',
      'https://942ead725f.4a.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/b9/triggers/manual/paths/invoke?sig=s',
    ],
    [
      'teams',
      'https://prod-05.chinaeast2.logic.azure.cn:443/workflows/5886/triggers/manual/paths/invoke?sig=s',
    ],
  ];
  it.each(accepted)('accepts a %s robot at %s', (kind, url) => {
    expect(webhookProblem(kind, url, strict)).toBeNull();
  });

  it('lets http://127.0.0.1 through for local tests only: not on Azure, not in another spelling', () => {
    expect(webhookProblem('wecom', 'http://127.0.0.1:8080/wecom?key=k', local)).toBeNull();
    expect(webhookProblem('teams', 'http://[::1]:8080/teams', local)).toBeNull();
    expect(webhookProblem('wecom', 'http://127.0.0.1:8080/wecom?key=k', strict)).not.toBeNull();
    expect(webhookProblem('wecom', 'http://127.0.0.1:8080/wecom?key=k', azure)?.en).toMatch(/Azure/);
    for (const spelled of [
      '2130706433',
      '0x7f.1',
      '0177.0.0.1',
      '127.1',
      '[::ffff:127.0.0.1]',
      '169.254.169.254',
    ])
      expect(webhookProblem('wecom', `http://${spelled}:8080/wecom?key=k`, local)).not.toBeNull();
    expect(webhookProblem('wecom', 'http://x@127.0.0.1:8080/wecom', local)).not.toBeNull();
  });
});

describe('robot secrets at rest', () => {
  it('seals with AES-256-GCM (compact JWE, dir/A256GCM) and opens only under the same key', async () => {
    const k = secretsKey({ XIESHANG_SECRETS_KEY: key64() }, false);
    const other = secretsKey({ XIESHANG_SECRETS_KEY: key64() }, false);
    if (!k || !other) throw new Error('keys expected');
    const sealed = await seal('https://oapi.dingtalk.com/robot/send?access_token=TOKEN', k);
    expect(sealed).not.toContain('TOKEN');
    expect(JSON.parse(Buffer.from(sealed.split('.')[0] as string, 'base64url').toString())).toMatchObject({
      alg: 'dir',
      enc: 'A256GCM',
    });
    expect(await unseal(sealed, k)).toContain('TOKEN');
    await expect(unseal(sealed, other)).rejects.toThrow(SecretsError);
    const parts = sealed.split('.');
    parts[3] = `${parts[3]?.startsWith('A') ? 'B' : 'A'}${parts[3]?.slice(1)}`;
    await expect(unseal(parts.join('.'), k)).rejects.toThrow(SecretsError);
  });

  it('reads XIESHANG_SECRETS_KEY, refuses a malformed one, and makes a session key only off Azure', () => {
    expect(() => secretsKey({ XIESHANG_SECRETS_KEY: 'short' }, false)).toThrow(/32 bytes/);
    expect(() => secretsKey({ XIESHANG_SECRETS_KEY: randomBytes(16).toString('base64') }, true)).toThrow();
    expect(secretsKey({}, false)).toBeNull();
    expect(secretsKey({ WEBSITE_INSTANCE_ID: 'x' }, true)).toBeNull();
    expect(secretsKey({}, true)?.bytes).toHaveLength(32);
  });

  // The key is the service's own configuration: no request can fix it, so it is not the client's
  // 400 but 503 (service unavailable until the operator sets the key), logged for the operator.
  it('refuses to store channels when no key is configured, as unavailable (503) and logged', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(
      sealChannels(
        [{ id: 'wx', kind: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' }],
        'channels',
        strict,
      ),
    ).rejects.toMatchObject({
      status: 503,
      code: 'secrets-key-missing',
      text: { zh: expect.stringMatching(/管理员/) },
    });
    await expect(
      sealChannels(
        [{ id: 'wx', kind: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' }],
        'channels',
        { allowLoopbackHttp: false, env: { XIESHANG_SECRETS_KEY: 'not-a-key' } },
      ),
    ).rejects.toMatchObject({ status: 503, text: { en: expect.stringMatching(/malformed/) } });
    expect(logged.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(/XIESHANG_SECRETS_KEY/),
      expect.stringMatching(/malformed/),
    ]);
    logged.mockRestore();
  });
});

describe('delivery judges the address again and never follows a redirect', () => {
  let env: TestEnv;
  let server: Loopback;
  let base: string;
  const hits: string[] = [];
  const reminder: ReminderView = {
    key: 'handling|2026-001|2026-03-20',
    kind: 'handling',
    status: 'overdue',
    due: '2026-03-20',
    appealId: '2026-001',
    message: { zh: '2026-001 后勤部 应于 2026-03-20 办结', en: '2026-001 due 2026-03-20' },
  };
  const unit = (channels: UnitProfile['channels']): UnitProfile => ({
    unitId: 'u-hook',
    name: '测试',
    parentId: '',
    channels,
    ledgersBuilt: [],
    lastSyncAt: '',
    updatedAt: '',
    unreadable: [],
  });

  beforeAll(async () => {
    env = await startEnv('2026-03-31T00:30:00Z');
    server = await startLoopback((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      hits.push(path);
      req.resume();
      if (path === '/hop') {
        res.writeHead(302, { location: `${base}/landed?key=k` });
        return res.end();
      }
      robotAccepts(res);
    });
    base = server.base;
  });
  afterAll(async () => {
    await server.close();
    await env.stop();
  });

  it('treats a 3xx as a failure and does not retry it', async () => {
    const channels = await sealChannels(
      [{ id: 'hop', kind: 'wecom', url: `${base}/hop?key=k` }],
      'channels',
      env.services.webhooks,
    );
    const tally = await deliverDaily(
      env.services.store,
      env.services.webhooks,
      unit(channels),
      '2026-03-31',
      [reminder],
    );
    expect(tally).toMatchObject({ sent: 0, failed: 1 });
    expect(hits.filter((h) => h === '/hop')).toHaveLength(1);
    expect(hits).not.toContain('/landed');
    const [record] = (await env.services.store.deliveries.list('u-hook', '2026-03-31', 'hop')).values();
    expect(record?.lastError).toMatch(/redirect/);
  });

  it('refuses, without a request, a stored address that configuration would have refused', async () => {
    const k = key64();
    const calls: string[] = [];
    const spy: typeof fetch = (input, init) => {
      calls.push(String(input));
      return globalThis.fetch(input, init);
    };
    // Sealed as if written past the configuration check (an old row, a hand edit).
    const channels = await sealChannels(
      [
        { id: 'meta', kind: 'wecom', url: 'https://169.254.169.254/cgi-bin/webhook/send?key=k' },
        { id: 'lo', kind: 'wecom', url: `${base}/wecom?key=k` },
      ],
      'channels',
      { allowLoopbackHttp: true, env: { XIESHANG_SECRETS_KEY: k } },
    );
    const onAzure: WebhookOptions = {
      ...env.services.webhooks,
      fetch: spy,
      env: { WEBSITE_INSTANCE_ID: 'abc123', XIESHANG_SECRETS_KEY: k },
    };
    const before = hits.length;
    const tally = await deliverDaily(env.services.store, onAzure, unit(channels), '2026-03-31', [reminder]);
    expect(tally).toMatchObject({ sent: 0, failed: 2 });
    expect(calls).toEqual([]);
    expect(hits.length).toBe(before);
    for (const id of ['meta', 'lo']) {
      const [record] = (await env.services.store.deliveries.list('u-hook', '2026-03-31', id)).values();
      expect(record?.lastError).toMatch(/refused/);
    }
  });

  it('fails a channel stored in the clear before sealing existed, and one sealed under another key', async () => {
    const legacy = {
      id: 'old',
      kind: 'wecom',
      url: `${base}/wecom?key=k`,
    } as unknown as UnitProfile['channels'][number];
    const foreign = await sealChannels(
      [{ id: 'far', kind: 'wecom', url: `${base}/wecom?key=k` }],
      'channels',
      {
        allowLoopbackHttp: false,
        env: { XIESHANG_SECRETS_KEY: key64() },
      },
    );
    const before = hits.length;
    const tally = await deliverDaily(
      env.services.store,
      env.services.webhooks,
      unit([legacy, ...foreign]),
      '2026-03-31',
      [reminder],
    );
    expect(tally).toMatchObject({ sent: 0, failed: 2 });
    expect(hits.length).toBe(before);
    await expect(openChannel(legacy, env.services.webhooks)).rejects.toThrow(/configure it again/);
  });
});
