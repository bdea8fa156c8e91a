import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTables } from '../../../functions/src/storage/tables';
import { startEnv, type TestEnv } from '../support';

let env: TestEnv;

beforeAll(async () => {
  env = await startEnv();
});
afterAll(() => env.stop());

describe('escalation storage in Azurite', () => {
  it('lists replies in order and removes every reply entity with both sides of the escalation', async () => {
    const { escalations } = env.services.store;
    const x = { fromUnit: 'u-child', toUnit: 'u-parent', appealId: 'A/1#?', snapshot: {}, note: '' };
    await escalations.put({ ...x, at: '2026-03-01T00:00:00Z' });
    // A neighbour whose key extends this appeal's: its replies must be neither listed nor removed.
    await escalations.put({ ...x, appealId: 'A/1#?x', at: '2026-03-01T00:00:00Z' });
    for (const [i, text] of ['一', '二', '三'].entries())
      await escalations.reply('u-parent', 'u-child', x.appealId, {
        at: `2026-03-0${i + 2}T00:00:00Z`,
        by: '上级',
        text,
      });
    await escalations.reply('u-parent', 'u-child', 'A/1#?x', {
      at: '2026-03-05T00:00:00Z',
      by: '上级',
      text: '邻',
    });
    const child = await escalations.list('u-child');
    expect(child.find((e) => e.appealId === x.appealId)?.replies.map((r) => r.text)).toEqual([
      '一',
      '二',
      '三',
    ]);

    await escalations.remove('u-child', 'u-parent', x.appealId);
    const left = (await escalations.list('u-parent')).map((e) => [e.appealId, e.replies.map((r) => r.text)]);
    expect(left).toEqual([['A/1#?x', ['邻']]]);
    expect((await escalations.list('u-child')).map((e) => e.appealId)).toEqual(['A/1#?x']);
    // No orphaned reply entity stays in the parent's partition (escalation lists never show them).
    const t = openTables(env.azurite.connectionString, 't');
    const rows: string[] = [];
    for await (const e of t.escalations.listEntities({
      queryOptions: { filter: "PartitionKey eq 'u-parent'" },
    }))
      rows.push(String(e.rowKey));
    expect(rows.filter((k) => k.includes('|r|'))).toHaveLength(1);
  });
});
