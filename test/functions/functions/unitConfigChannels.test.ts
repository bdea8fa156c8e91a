// The channel list of PUT /api/units/{unitId}/config is checked by the wire schema mechanism, as
// the rest of the body is: every problem named by its path, in both languages, nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldProblem } from '../../../shared';
import { unitConfigFunction } from '../../../functions/src/functions/unitConfig';
import { call, startEnv, tokenFor, type TestEnv } from '../support';

let env: TestEnv;
type Answer = { error?: { code: string; path?: string; problems?: FieldProblem[] } };

const put = async (body: unknown) =>
  call<Answer>(unitConfigFunction, { token: await tokenFor('admin', ['*']), params: { unitId: 'co' }, body });

beforeAll(async () => {
  env = await startEnv();
});
afterAll(() => env.stop());

const wecom = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k';

describe('channel list shape', () => {
  it('names each bad field by path: unknown field, kind, malformed id, url type, secret length', async () => {
    const res = await put({
      name: '甲公司工会',
      channels: [
        { id: 'a', kind: 'fax', url: wecom, extra: 1 },
        { id: 'z', kind: 'wecom', url: 5 },
        { id: 'b c', kind: 'wecom', url: wecom, secret: 's'.repeat(201) },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('invalid-body');
    const problems = res.body.error?.problems ?? [];
    expect(problems.map((p) => p.path).sort()).toEqual([
      'channels[0].extra',
      'channels[0].kind',
      'channels[1].url',
      'channels[2].id',
      'channels[2].secret',
    ]);
    const kind = problems.find((p) => p.path === 'channels[0].kind');
    expect(kind?.message).toEqual({
      zh: '渠道类型应为 wecom、dingtalk 或 teams',
      en: 'kind must be wecom, dingtalk or teams',
    });
    expect((await env.services.store.units.get('co'))?.name).toBeUndefined();
  });

  it('refuses a repeated id (once the shapes are right, as sync refuses a repeated record)', async () => {
    const res = await put({
      channels: [
        { id: 'a', kind: 'wecom', url: wecom },
        { id: 'a', kind: 'wecom', url: wecom },
      ],
    });
    expect(res.body.error).toMatchObject({ code: 'invalid-body', path: 'channels[1].id' });
  });

  it('refuses a channel list that is not a list, and a parent that is the unit itself', async () => {
    const notList = await put({ channels: { id: 'a' } });
    expect(notList.body.error).toMatchObject({ code: 'invalid-body', path: 'channels' });
    const self = await put({ parentId: 'co' });
    expect(self.body.error).toMatchObject({ code: 'invalid-body', path: 'parentId' });
  });

  it('stores a well-formed list', async () => {
    const res = await put({ channels: [{ id: 'ok', kind: 'wecom', url: wecom }] });
    expect(res.status).toBe(200);
    expect((await env.services.store.units.get('co'))?.channels.map((c) => c.id)).toEqual(['ok']);
  });
});
