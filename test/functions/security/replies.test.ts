// Attack class "escalation replies overflow one string property" (issue 10): after a few long
// replies the escalation's replies no longer fit Table Storage's 32,767-unit string and every later
// reply is a 500. Thirty long replies, then a thirty-first: every one is taken, and both units list
// all of them in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EscalationView, SyncResponse } from '../../../shared';
import { appeal, body, childUnderParent, startHost, type SecurityHost } from './harness';

let host: SecurityHost;
let clerk = '';
let parentChair = '';
const CHILD = 'reply-child';
const PARENT = 'reply-parent';
const LONG = 3_000;

const replyText = (n: number) =>
  `第${n}次答复：${'已协调后勤部门加装热水器并安排检修'.repeat(LONG / 16)}`.slice(0, LONG);

beforeAll(async () => {
  host = await startHost();
  ({ clerk, parentChair } = await childUnderParent(host, CHILD, PARENT));
  expect((await host.sync(CHILD, clerk, body([appeal('RP-1')]))).status).toBe(200);
  expect((await host.escalate(CHILD, clerk, { appealId: 'RP-1', note: '请协调' })).status).toBe(201);
});
afterAll(() => host?.stop());

const reply = (n: number) =>
  host.escalate<EscalationView>(PARENT, parentChair, {
    reply: { fromUnit: CHILD, appealId: 'RP-1', text: replyText(n) },
  });

describe('many long replies to one escalation', () => {
  it(`30 replies of ${LONG} characters are each taken (together far over one 32,767-unit string)`, async () => {
    for (let n = 1; n <= 30; n++) {
      const r = await reply(n);
      expect(r.status, `reply ${n}: ${r.text.slice(0, 200)}`).toBe(200);
    }
  }, 60_000);

  it('the 31st still works and answers with every reply', async () => {
    const r = await reply(31);
    expect(r.status, r.text.slice(0, 300)).toBe(200);
    expect(r.body.replies.map((x) => x.text)).toEqual(Array.from({ length: 31 }, (_, i) => replyText(i + 1)));
  });

  it('the child pulls all 31 in order, and the parent lists them too', async () => {
    const child = await host.sync<SyncResponse>(CHILD, clerk, body([]));
    expect(child.status).toBe(200);
    const out = child.body.escalations.find((e) => e.appealId === 'RP-1');
    expect(out?.status).toBe('replied');
    expect(out?.replies.map((x) => x.text)).toEqual(Array.from({ length: 31 }, (_, i) => replyText(i + 1)));
    const parent = await host.sync<SyncResponse>(PARENT, parentChair, body([]));
    expect(parent.body.escalations.find((e) => e.appealId === 'RP-1')?.replies).toHaveLength(31);
  });

  it('escalating the same appeal again keeps the replies', async () => {
    expect((await host.escalate(CHILD, clerk, { appealId: 'RP-1', note: '再次上报' })).status).toBe(201);
    const child = await host.sync<SyncResponse>(CHILD, clerk, body([]));
    expect(child.body.escalations.find((e) => e.appealId === 'RP-1')?.replies).toHaveLength(31);
  });
});
