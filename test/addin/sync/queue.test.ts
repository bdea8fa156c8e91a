import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../../addin/sync/kv';
import { OfflineQueue, type Edit } from '../../../addin/sync/queue';

const edit = (key: string, content: string, base: string | null = null): Edit => ({
  id: `appeals|${key}`,
  register: 'appeals',
  key,
  baseRevision: base,
  values: { id: key, content },
  deleted: false,
  changed: ['content'],
  hash: content,
  fields: '',
});

const ids = () => {
  let n = 0;
  return () => `c${++n}`;
};

describe('the offline queue', () => {
  it('survives reopening from its store (closing Excel)', async () => {
    const store = memoryStore();
    const q = await OfflineQueue.open(store, 'u1', ids());
    await q.add([edit('A', 'one', 'r0'), edit('B', 'two')]);
    const again = await OfflineQueue.open(store, 'u1', ids());
    expect(again.entries().map((c) => [c.key, c.baseRevision, c.values.content])).toEqual([
      ['A', 'r0', 'one'],
      ['B', null, 'two'],
    ]);
    expect((await OfflineQueue.open(store, 'other-unit', ids())).size).toBe(0);
  });

  it('merges edits of an unsent change, and queues edits behind one already sent', async () => {
    const q = await OfflineQueue.open(memoryStore(), 'u1', ids());
    await q.add([edit('A', 'one', 'r0')]);
    await q.add([edit('A', 'two', 'r0')]);
    expect(q.entries()).toHaveLength(1);
    expect(q.entries()[0]).toMatchObject({ baseRevision: 'r0', values: { content: 'two' }, changeId: 'c2' });
    await q.markAttempted(q.next(10, 1e6));
    await q.add([edit('A', 'three', 'r0')]);
    expect(q.entries().map((c) => [c.values.content, c.afterPrevious])).toEqual([
      ['two', false],
      ['three', true],
    ]);
    // Only the first change of a record goes out; its result is the next one's base.
    expect(q.next(10, 1e6).map((c) => c.values.content)).toEqual(['two']);
    q.settle('c2', 'r1');
    expect(q.entries()).toMatchObject([
      { values: { content: 'three' }, baseRevision: 'r1', afterPrevious: false },
    ]);
  });

  it('sends within a count and a size in UTF-8 bytes, as the functions measure a body', async () => {
    const q = await OfflineQueue.open(memoryStore(), 'u1', ids());
    // 1,000 Chinese characters: 1,000 UTF-16 units, 3,000 bytes on the wire.
    await q.add(Array.from({ length: 30 }, (_, i) => edit(`K${i}`, '职'.repeat(1000))));
    const values = (c: { values: object }) => new TextEncoder().encode(JSON.stringify(c.values)).byteLength;
    expect(q.next(10, 1e6, values)).toHaveLength(10);
    expect(q.next(100, 10_000, values)).toHaveLength(3);
    // By default a change counts as its whole queued form: never less than what is sent.
    expect(q.next(100, 10_000)).toHaveLength(1);
    // The first always goes, so one too large is refused by the cloud and set aside, not stuck.
    expect(q.next(100, 10, values)).toHaveLength(1);
  });
});
