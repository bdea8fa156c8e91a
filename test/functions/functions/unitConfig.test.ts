// PUT /api/units/{unitId}/config under attack (issue 10): robot addresses off the kinds' allow-lists
// (WeCom https://developer.work.weixin.qq.com/document/path/91770, DingTalk
// https://open.dingtalk.com/document/group/custom-robot-access, Teams/Power Automate
// https://learn.microsoft.com/power-automate/ip-address-configuration), robot secrets at rest, and
// attaching a unit under a parent outside the caller's scope.
import { createHmac, randomBytes } from 'node:crypto';
// The raw entity is read past the storage module on purpose: as anyone holding the storage key would.
// eslint-disable-next-line no-restricted-imports
import { TableClient } from '@azure/data-tables';
import { InvocationContext } from '@azure/functions';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PushRecord } from '../../../shared';
import { openChannel } from '../../../functions/src/delivery/channels';
import { remindersTimer } from '../../../functions/src/functions/remindersTimer';
import { unitConfigFunction } from '../../../functions/src/functions/unitConfig';
import { setServices } from '../../../functions/src/services';
import { pushAll } from '../fixtures';
import {
  call,
  robotAccepts,
  startEnv,
  startLoopback,
  tokenFor,
  type Loopback,
  type TestEnv,
} from '../support';

let env: TestEnv;
let server: Loopback;
let base: string;
const received: { path: string; body: string; query: URLSearchParams }[] = [];
type Answer = { error?: { code: string; path?: string }; channels?: { url: string; secret?: string }[] };

const put = async (unitId: string, body: unknown, units: string[] = ['*']) =>
  call<Answer>(unitConfigFunction, { token: await tokenFor('admin', units), params: { unitId }, body });

beforeAll(async () => {
  env = await startEnv('2026-03-31T00:30:00Z');
  server = await startLoopback((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      received.push({ path: url.pathname, body, query: url.searchParams });
      robotAccepts(res);
    });
  });
  base = server.base;
});
afterAll(async () => {
  await server.close();
  await env.stop();
});
afterEach(() => setServices(env.services));

describe('robot addresses (webhook SSRF)', () => {
  const ok = { id: 'ok', kind: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' };
  it.each([
    ['wecom', 'https://169.254.169.254/cgi-bin/webhook/send?key=k'],
    ['wecom', 'https://10.1.2.3/cgi-bin/webhook/send?key=k'],
    ['teams', 'https://[::ffff:127.0.0.1]/workflows/x'],
    ['wecom', 'https://2130706433/cgi-bin/webhook/send?key=k'],
    ['wecom', 'https://0x7f.1/cgi-bin/webhook/send?key=k'],
    ['dingtalk', 'https://attacker.example/robot/send?access_token=t'],
    ['teams', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k'],
    ['wecom', 'https://qyapi.weixin.qq.com:444/cgi-bin/webhook/send?key=k'],
    ['wecom', 'https://a:b@qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k'],
    ['wecom', 'http://2130706433:80/wecom?key=k'],
  ])('answers 400 webhook-url for a %s robot at %s, and stores nothing', async (kind, url) => {
    const res = await put('co-ssrf', { channels: [ok, { id: 'bad', kind, url }] });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'webhook-url', path: 'channels[1].url' });
    expect((await env.services.store.units.get('co-ssrf'))?.channels ?? []).toEqual([]);
  });
});

describe('robot secrets at rest', () => {
  const pending: PushRecord = {
    register: 'appeals',
    key: '2026-050',
    changeId: 'c-2026-050',
    baseRevision: null,
    values: {
      id: '2026-050',
      intakeMethod: '电话',
      category: '生活保障类',
      content: '宿舍热水',
      receivedOn: '2026-03-02',
      handling: '部门直接办理',
      department: '后勤部',
      dueOn: '2026-03-20',
    },
  };

  it('keeps no URL token or signing secret in the clear in Table Storage, and still posts correctly', async () => {
    const res = await put('co-sealed', {
      channels: [
        { id: 'wx', kind: 'wecom', url: `${base}/wecom?key=WECOM-TOKEN-123` },
        {
          id: 'dd',
          kind: 'dingtalk',
          url: `${base}/ding?access_token=DING-TOKEN-456`,
          secret: 'SECsecret789',
        },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.channels).toEqual([
      { id: 'wx', kind: 'wecom', url: `${base}/***` },
      { id: 'dd', kind: 'dingtalk', url: `${base}/***`, secret: '***' },
    ]);
    // The raw entity, read past the storage module as anyone holding the storage key could.
    const table = TableClient.fromConnectionString(env.azurite.connectionString, 'tunits', {
      allowInsecureConnection: true,
    });
    const raw = JSON.stringify(await table.getEntity('co-sealed', 'profile'));
    for (const secret of ['WECOM-TOKEN-123', 'DING-TOKEN-456', 'SECsecret789', '/wecom', '/ding'])
      expect(raw).not.toContain(secret);
    const audit = JSON.stringify(await env.services.store.audit.list('co-sealed'));
    for (const secret of ['WECOM-TOKEN-123', 'DING-TOKEN-456', 'SECsecret789'])
      expect(audit).not.toContain(secret);

    await pushAll('co-sealed', await tokenFor('clerk', ['co-sealed']), [pending]);
    await remindersTimer.run(
      env.services,
      new InvocationContext({ functionName: 'timer', logHandler: () => {} }),
    );
    const wecom = received.find((r) => r.path === '/wecom');
    expect(wecom?.query.get('key')).toBe('WECOM-TOKEN-123');
    expect(wecom?.body).toContain('2026-050');
    const ding = received.find((r) => r.path === '/ding');
    expect(ding?.query.get('access_token')).toBe('DING-TOKEN-456');
    const ts = ding?.query.get('timestamp') ?? '';
    expect(ding?.query.get('sign')).toBe(
      createHmac('sha256', 'SECsecret789').update(`${ts}\nSECsecret789`).digest('base64'),
    );
  });

  it('refuses to store a channel when no key is configured, and uses XIESHANG_SECRETS_KEY when it is', async () => {
    const saved = process.env.XIESHANG_SECRETS_KEY;
    delete process.env.XIESHANG_SECRETS_KEY;
    try {
      // As on Azure: no loopback robots, so no session key either.
      setServices({ ...env.services, webhooks: { ...env.services.webhooks, allowLoopbackHttp: false } });
      const channel = {
        id: 'wx',
        kind: 'wecom',
        url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=robot~K9~secret',
      };
      const refused = await put('co-nokey', { channels: [channel] });
      // The service's configuration, not the request, is at fault: 503 (the client cannot fix it).
      expect(refused.status).toBe(503);
      expect(refused.body.error?.code).toBe('secrets-key-missing');
      expect(await env.services.store.units.get('co-nokey')).toBeNull();

      const key = randomBytes(32).toString('base64');
      process.env.XIESHANG_SECRETS_KEY = key;
      expect((await put('co-nokey', { channels: [channel] })).status).toBe(200);
      const stored = (await env.services.store.units.get('co-nokey'))?.channels[0];
      // The whole key, with '~' (never in base64url): a two-character fragment turns up in random
      // ciphertext about once in forty runs.
      expect(JSON.stringify(stored)).not.toContain('robot~K9~secret');
      if (!stored) throw new Error('stored channel expected');
      const opened = await openChannel(stored, {
        allowLoopbackHttp: false,
        env: { XIESHANG_SECRETS_KEY: key },
      });
      expect(opened.url).toBe(channel.url);
    } finally {
      if (saved === undefined) delete process.env.XIESHANG_SECRETS_KEY;
      else process.env.XIESHANG_SECRETS_KEY = saved;
    }
  });
});

describe('attaching a unit under a parent', () => {
  it('needs scope over both units: 403 forbidden with scope over the child only, 200 with both', async () => {
    await put('sc-b', { name: '乙' });
    await put('sc-c', { name: '丙', parentId: 'sc-b' });
    await put('sc-a', { name: '甲' });
    const one = await put('sc-a', { parentId: 'sc-b' }, ['sc-a']);
    expect(one.status).toBe(403);
    expect(one.body.error?.code).toBe('forbidden');
    // Refused before the tree is read: a cycle through out-of-scope units is not revealed either.
    const probe = await put('sc-b', { parentId: 'sc-c' }, ['sc-b']);
    expect(probe.status).toBe(403);
    expect((await env.services.store.units.get('sc-a'))?.parentId).toBe('');
    const both = await put('sc-a', { parentId: 'sc-b' }, ['sc-a', 'sc-b']);
    expect(both.status).toBe(200);
    expect((await env.services.store.units.get('sc-a'))?.parentId).toBe('sc-b');
    // Detaching acts on the unit itself only.
    expect((await put('sc-a', { parentId: '' }, ['sc-a'])).status).toBe(200);
  });
});
