// Attack class "webhook SSRF", configuration side (issue 10): a robot URL must be https, on the
// channel kind's allow-list of real robot hosts, and never an IP literal in any spelling. Each class
// is refused at PUT /config with 400 webhook-url naming the channel's url. The loopback escape is
// off here (as on Azure), so loopback is refused like any other address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type ErrorBody, type SecurityHost } from './harness';

let host: SecurityHost;
let admin: string;
const UNIT = 'hook-u';

beforeAll(async () => {
  host = await startHost({ env: { XIESHANG_ALLOW_LOOPBACK_WEBHOOKS: '0' } });
  admin = await host.token('admin', [UNIT]);
});
afterAll(() => host?.stop());

const WECOM = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=0a1b2c3d-aaaa-bbbb-cccc-1234567890ab';
const DING = 'https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef';

const REFUSED: readonly (readonly [string, 'wecom' | 'dingtalk' | 'teams', string])[] = [
  ['link-local metadata service', 'wecom', 'https://169.254.169.254/latest/meta-data/'],
  ['loopback IPv4', 'wecom', 'https://127.0.0.1/cgi-bin/webhook/send?key=x'],
  ['loopback http (escape off)', 'wecom', 'http://127.0.0.1:9/cgi-bin/webhook/send?key=x'],
  ['localhost', 'wecom', 'https://localhost/cgi-bin/webhook/send?key=x'],
  ['loopback IPv6', 'wecom', 'https://[::1]/cgi-bin/webhook/send?key=x'],
  ['private 10.x', 'wecom', 'https://10.0.0.8/cgi-bin/webhook/send?key=x'],
  ['private 192.168.x', 'dingtalk', 'https://192.168.1.1/robot/send?access_token=x'],
  ['private 172.16.x', 'teams', 'https://172.16.0.1/webhookb2/x'],
  ['IPv4-mapped IPv6 loopback', 'wecom', 'https://[::ffff:127.0.0.1]/cgi-bin/webhook/send?key=x'],
  ['IPv4-mapped IPv6 in hex', 'wecom', 'https://[::ffff:7f00:1]/cgi-bin/webhook/send?key=x'],
  ['decimal IPv4 2130706433', 'wecom', 'https://2130706433/cgi-bin/webhook/send?key=x'],
  ['hex IPv4 0x7f000001', 'wecom', 'https://0x7f000001/cgi-bin/webhook/send?key=x'],
  ['octal IPv4', 'wecom', 'https://0177.0.0.1/cgi-bin/webhook/send?key=x'],
  ['public IP literal', 'wecom', 'https://8.8.8.8/cgi-bin/webhook/send?key=x'],
  ['the real host over http://', 'wecom', WECOM.replace('https:', 'http:')],
  ['a host not on the allow-list', 'wecom', 'https://evil.example.com/cgi-bin/webhook/send?key=x'],
  [
    'the allowed host as a prefix of another',
    'wecom',
    'https://qyapi.weixin.qq.com.evil.example/cgi-bin/webhook/send',
  ],
  ['the allowed host as user info', 'wecom', 'https://qyapi.weixin.qq.com@evil.example/cgi-bin/webhook/send'],
  ["another kind's host (DingTalk URL on a WeCom channel)", 'wecom', DING],
  ["another kind's host (WeCom URL on a DingTalk channel)", 'dingtalk', WECOM],
  ['not a URL', 'teams', 'javascript:alert(1)'],
  ['file scheme', 'teams', 'file:///etc/passwd'],
];

describe('robot URLs refused at configuration', () => {
  for (const [what, kind, url] of REFUSED) {
    it(`${what}: ${url} → 400 webhook-url at channels[0].url`, async () => {
      const r = await host.configure<ErrorBody>(UNIT, admin, { channels: [{ id: 'c1', kind, url }] });
      expect(r.status, r.text.slice(0, 300)).toBe(400);
      expect(r.body.error.code).toBe('webhook-url');
      expect(r.body.error.path).toBe('channels[0].url');
    });
  }

  it('the real robot hosts of each kind are accepted (the test above can pass only by refusing, not by refusing all)', async () => {
    const r = await host.configure(UNIT, admin, {
      channels: [
        { id: 'wx', kind: 'wecom', url: WECOM },
        { id: 'dd', kind: 'dingtalk', url: DING, secret: 'SEC0123456789abcdef' },
        {
          id: 'tm',
          kind: 'teams',
          url: 'https://contoso.webhook.office.com/webhookb2/a-b-c/IncomingWebhook/d/e',
        },
      ],
    });
    expect(r.status, r.text.slice(0, 300)).toBe(200);
  });

  it('a refused URL later in the list names its own index', async () => {
    const r = await host.configure<ErrorBody>(UNIT, admin, {
      channels: [
        { id: 'wx', kind: 'wecom', url: WECOM },
        { id: 'bad', kind: 'wecom', url: 'https://169.254.169.254/' },
      ],
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('webhook-url');
    expect(r.body.error.path).toBe('channels[1].url');
  });
});
