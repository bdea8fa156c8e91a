// Attack class "identity in free text reaches the cloud and the parent unit" (issue 10): a mobile
// (with spaces or dashes), a landline or an 18-digit ID number typed into 诉求内容, another text
// field, an escalation note or a reply → 400 identity-in-text with the field's path, and nothing
// stored: neither on pull nor anywhere in the raw tables; the parent's escalation snapshot carries none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTextIdentity, type EscalationView, type SyncResponse, type WireValue } from '../../../shared';
import { getServices } from '../../../functions/src/services';
import {
  appeal,
  body,
  childUnderParent,
  startHost,
  storedAnywhere,
  type ErrorBody,
  type SecurityHost,
} from './harness';

let host: SecurityHost;
let clerk: string;
let parentChair: string;
const CHILD = 'id-child';
const PARENT = 'id-parent';

// Each number is distinct, so a hit in storage points at exactly one attempt.
const NUMBERS = {
  mobile: '13812345678',
  mobileSpaced: '139 2345 6789',
  mobileDashed: '137-3456-7890',
  mobilePrefixed: '+86 136 4567 8901',
  landline: '010-62345678',
  landlineBracketed: '(0755)87654321',
  idCard: '11010519900307123X',
  idCardSpaced: '440305 19851212 4321',
} as const;
const digitsOf = (s: string) => s.replace(/\D/g, '');

beforeAll(async () => {
  host = await startHost();
  ({ clerk, parentChair } = await childUnderParent(host, CHILD, PARENT));
  const seed = await host.sync(CHILD, clerk, body([appeal('ID-clean', { content: '食堂排队时间长' })]));
  expect(seed.status).toBe(200);
  // The raw scan sees what is stored, so an empty scan below means nothing was stored.
  expect((await storedAnywhere(host, '食堂排队时间长')).length).toBeGreaterThan(0);
});
afterAll(() => host?.stop());

/** Neither the exact text nor its bare digits are held by any table. */
async function expectStoredNowhere(text: string): Promise<void> {
  expect(await storedAnywhere(host, text), `“${text}” in storage`).toEqual([]);
  expect(await storedAnywhere(host, digitsOf(text)), `${digitsOf(text)} in storage`).toEqual([]);
}

describe('identity numbers in pushed records', () => {
  for (const [kind, number] of Object.entries(NUMBERS)) {
    it(`${kind} “${number}” in 诉求内容 → 400 identity-in-text at records[1].values.content; nothing stored`, async () => {
      const key = `ID-${kind}`;
      const r = await host.sync<ErrorBody>(
        CHILD,
        clerk,
        body([appeal(`ok-${kind}`), appeal(key, { content: `诉求人电话${number}，请回电` })]),
      );
      expect(r.status, r.text.slice(0, 300)).toBe(400);
      expect(r.body.error.code).toBe('identity-in-text');
      expect(r.body.error.path).toBe('records[1].values.content');
      const pulled = (await host.pullAll(CHILD, clerk)).map((c) => c.key);
      expect(pulled).not.toContain(key);
      expect(pulled, 'the clean record of the refused request').not.toContain(`ok-${kind}`);
      await expectStoredNowhere(number);
    });
  }

  it('in another text field (工会初步意见) and another register (跟踪反馈) → 400 with that field’s path', async () => {
    const a = await host.sync<ErrorBody>(
      CHILD,
      clerk,
      body([appeal('ID-opinion', { unionOpinion: '已联系本人 135 0000 1111' })]),
    );
    expect(a.status, a.text.slice(0, 300)).toBe(400);
    expect(a.body.error.code).toBe('identity-in-text');
    expect(a.body.error.path).toBe('records[0].values.unionOpinion');
    const t = await host.sync<ErrorBody>(
      CHILD,
      clerk,
      body([
        {
          register: 'tracking',
          key: 'ID-t1',
          changeId: 'ID-t1',
          baseRevision: null,
          values: {
            appealId: 'ID-clean',
            trackedOn: '2026-03-05',
            status: '正在进行中',
            feedback: '身份证440301199001011234',
          },
        },
      ]),
    );
    expect(t.status, t.text.slice(0, 300)).toBe(400);
    expect(t.body.error.code).toBe('identity-in-text');
    expect(t.body.error.path).toBe('records[0].values.feedback');
    await expectStoredNowhere('13500001111');
    await expectStoredNowhere('440301199001011234');
  });
});

describe('identity numbers in escalations', () => {
  it('in an escalation note → 400 identity-in-text at note; no escalation and no note stored', async () => {
    const r = await host.escalate<ErrorBody>(CHILD, clerk, {
      appealId: 'ID-clean',
      note: '请上级联系诉求人 186-1234-5678',
    });
    expect(r.status, r.text.slice(0, 300)).toBe(400);
    expect(r.body.error.code).toBe('identity-in-text');
    expect(r.body.error.path).toBe('note');
    await expectStoredNowhere('186-1234-5678');
    const parent = await host.sync<SyncResponse>(PARENT, parentChair, body([]));
    expect(parent.body.escalations.filter((e) => e.appealId === 'ID-clean')).toEqual([]);
  });

  it('in a reply → 400 identity-in-text at reply.text; the reply is not stored', async () => {
    const up = await host.escalate<EscalationView>(CHILD, clerk, { appealId: 'ID-clean', note: '请协调' });
    expect(up.status, up.text.slice(0, 300)).toBe(201);
    const r = await host.escalate<ErrorBody>(PARENT, parentChair, {
      reply: { fromUnit: CHILD, appealId: 'ID-clean', text: '已转办，经办人座机 021-55556666' },
    });
    expect(r.status, r.text.slice(0, 300)).toBe(400);
    expect(r.body.error.code).toBe('identity-in-text');
    expect(r.body.error.path).toBe('reply.text');
    await expectStoredNowhere('021-55556666');
    const child = await host.sync<SyncResponse>(CHILD, clerk, body([]));
    const view = child.body.escalations.find((e) => e.appealId === 'ID-clean');
    expect(view?.replies).toEqual([]);
  });

  it('an appeal stored before the fix with a number in its text: the parent’s snapshot carries none', async () => {
    // Legacy data written straight to the store (as the code before the fix stored it), then escalated.
    const legacy = '旧数据：诉求人手机 13911112222，身份证 110101198001011237';
    await getServices().store.records.commit(
      CHILD,
      [
        {
          register: 'appeals',
          key: 'ID-legacy',
          changeId: 'legacy-1',
          baseRevision: null,
          values: appeal('ID-legacy', { content: legacy, unionOpinion: '回电 0755-23456789' })
            .values as Record<string, WireValue>,
          deleted: false,
        },
      ],
      { id: 'legacy', roles: ['clerk'] },
      'sync.push',
    );
    const up = await host.escalate(CHILD, clerk, { appealId: 'ID-legacy', note: '' });
    // The escalation must land, or the checks below would pass over an empty list.
    expect(up.status, up.text.slice(0, 300)).toBe(201);
    const parent = await host.sync<SyncResponse>(PARENT, parentChair, body([]));
    const received = parent.body.escalations.find((e) => e.appealId === 'ID-legacy');
    expect(received).toMatchObject({ direction: 'in', fromUnit: CHILD });
    // The legacy text is there, scrubbed: the snapshot is not merely empty.
    expect(String(received?.snapshot.content)).toContain('旧数据');
    for (const e of parent.body.escalations) {
      for (const [field, v] of Object.entries(e.snapshot))
        expect(hasTextIdentity(String(v)), `snapshot ${e.appealId}.${field}: ${String(v)}`).toBe(false);
      expect(Object.keys(e.snapshot)).not.toContain('appellant');
      expect(Object.keys(e.snapshot)).not.toContain('phone');
    }
    // And the raw escalation entities of the parent hold none of it either.
    const raw = (await host.rawEntities()).filter(
      (x) => x.table.endsWith('escalations') && x.entity.partitionKey === PARENT,
    );
    for (const x of raw) {
      const text = JSON.stringify(x.entity);
      expect(text).not.toContain('13911112222');
      expect(text).not.toContain('110101198001011237');
      expect(text).not.toContain('23456789');
    }
  });
});
