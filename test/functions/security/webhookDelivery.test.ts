// Attack class "webhook SSRF", delivery side, and robot secrets at rest (issue 10). A robot on
// 127.0.0.1 (allowed only by the loopback escape setting of the local host) answers 302/307 towards
// another loopback path: delivery must never follow it. The robot's signing secret and the key in
// its address must never be held in plain text by any table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { robotAccepts, startLoopback, type Loopback } from '../support';
import { appeal, body, startHost, storedAnywhere, type SecurityHost } from './harness';

let host: SecurityHost;
let robot: Loopback | undefined;
let base = '';
const hits: string[] = [];
const UNIT = 'deliver-u';
const SIGNING_SECRET = 'SECf00dfeedcafe0123456789abcdef0123456789abcdef0123456789ab';
const WECOM_KEY = '7c1f9a2e-5b3d-4e6f-8a9b-0c1d2e3f4a5b';

beforeAll(async () => {
  robot = await startLoopback((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.push(path);
    req.resume();
    req.on('end', () => {
      if (path === '/r302' || path === '/r307') {
        res.writeHead(path === '/r302' ? 302 : 307, { location: `${base}/target` });
        return res.end();
      }
      robotAccepts(res);
    });
  });
  base = robot.base;
  host = await startHost({
    nowIso: '2026-03-31T00:30:00Z',
    env: {
      XIESHANG_ALLOW_LOOPBACK_WEBHOOKS: '1',
      XIESHANG_WEBHOOK_ATTEMPTS: '2',
      XIESHANG_WEBHOOK_BASE_DELAY_MS: '5',
      XIESHANG_WEBHOOK_TIMEOUT_MS: '2000',
    },
  });
  const admin = await host.token('admin', [UNIT]);
  const r = await host.configure(UNIT, admin, {
    name: '送达测试',
    channels: [
      { id: 'wx', kind: 'wecom', url: `${base}/r302?key=${WECOM_KEY}` },
      { id: 'dd', kind: 'dingtalk', url: `${base}/r307?access_token=tok`, secret: SIGNING_SECRET },
    ],
  });
  expect(r.status, r.text.slice(0, 300)).toBe(200);
  const clerk = await host.token('clerk', [UNIT]);
  const s = await host.sync(
    UNIT,
    clerk,
    body([
      appeal('D-1', {
        receivedOn: '2026-03-02',
        handling: '部门直接办理',
        department: '后勤部',
        dueOn: '2026-03-20',
      }),
    ]),
  );
  expect(s.status).toBe(200);
});
afterAll(async () => {
  await host?.stop();
  await robot?.close();
});

describe('delivery never follows a redirect', () => {
  it('a robot answering 302 or 307 is called, its redirect target never is, and the delivery counts as failed', async () => {
    expect(await host.runTimer('reminders')).toBe(202);
    expect(hits.filter((h) => h === '/r302').length).toBeGreaterThan(0);
    expect(hits.filter((h) => h === '/r307').length).toBeGreaterThan(0);
    expect(hits.filter((h) => h === '/target')).toEqual([]);
    const deliveries = (await host.rawEntities()).filter(
      (x) => x.table.endsWith('deliveries') && x.entity.partitionKey === UNIT,
    );
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries.some((x) => x.entity.status === 'sent')).toBe(false);
  });
});

describe('robot secrets at rest', () => {
  it('the DingTalk signing secret is in no raw entity of any table', async () => {
    expect(await storedAnywhere(host, SIGNING_SECRET)).toEqual([]);
    expect(await storedAnywhere(host, SIGNING_SECRET.slice(3, 30))).toEqual([]);
  });

  it('the key in the WeCom robot address (it alone lets anyone post) is in no raw entity either', async () => {
    expect(await storedAnywhere(host, WECOM_KEY)).toEqual([]);
  });

  it('the configuration answer and the audit row show the channels masked', async () => {
    const admin = await host.token('admin', [UNIT]);
    const r = await host.configure(UNIT, admin, { name: '送达测试' });
    expect(r.status).toBe(200);
    expect(r.text).not.toContain(SIGNING_SECRET);
    expect(r.text).not.toContain(WECOM_KEY);
  });
});
