// Issue 10: "Guard each Table Storage limit (key length and characters, 255 properties, 64 KiB per
// string, 1 MiB per entity) before the SDK call" and "Audit rows record the fields the server
// computed, not the client's claim". The limits are those of "Understanding the Table service data
// model" (https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model,
// keys, property limits and the size-of-an-entity formula) and of "Performing entity group
// transactions" (https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions:
// 100 entities, 4 MiB).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../../../functions/src/http/errors';
import type { Store } from '../../../functions/src/storage';
import { keyPart, recordRowKey } from '../../../functions/src/storage/keys';
import {
  checkEntity,
  entityBytes,
  MAX_ENTITY_BYTES,
  MAX_KEY_UNITS,
  MAX_STRING_UNITS,
  under,
  columnsText,
  textColumns,
} from '../../../functions/src/storage/limits';
import { appealWrite as appeal } from '../fixtures';
import { startEnv, type TestEnv } from '../support';

let env: TestEnv;
let store: Store;
const actor = { id: 'clerk-1', roles: ['clerk'] };

beforeAll(async () => {
  env = await startEnv();
  store = env.services.store;
});
afterAll(() => env.stop());

/** What a storage call threw, as status/code/path (or the error's name when it was not ours). */
async function refusal(
  p: Promise<unknown>,
): Promise<{ status: number; code: string; path?: string } | string> {
  try {
    await p;
    return 'accepted';
  } catch (e) {
    if (e instanceof HttpError) return { status: e.status, code: e.code, path: e.extra.path };
    return `${(e as Error).name}: ${(e as Error).message.slice(0, 80)}`;
  }
}

describe('text longer than one string property', () => {
  it('is split within MAX_STRING_UNITS, never inside a surrogate pair, and joined back whole', () => {
    // A pair of UTF-16 units straddles the first cut: it goes whole to the second column.
    const text = `${'a'.repeat(MAX_STRING_UNITS - 1)}😀${'诉'.repeat(40_000)}`;
    const columns = textColumns('detail', text);
    expect(Object.keys(columns)).toEqual(['detail0', 'detail1', 'detail2']);
    for (const part of Object.values(columns)) expect(part.length).toBeLessThanOrEqual(MAX_STRING_UNITS);
    expect(columns['detail0']?.endsWith('a')).toBe(true);
    expect(columns['detail1']?.startsWith('😀')).toBe(true);
    expect(columnsText({ ...columns, other: 'x' }, 'detail')).toBe(text);
    expect(textColumns('jwe', '')).toEqual({});
    expect(columnsText({}, 'jwe')).toBe('');
  });
});

describe('row keys', () => {
  it('maps any client key to a legal row key of at most 1 KiB', async () => {
    const keys = [
      '长'.repeat(200), // 1,800 characters once percent-encoded
      'a/b\\c#d?e',
      '\u2028\u2029',
      '%25%2F'.repeat(30), // already escaped, escaped again
      'x\uD800y', // a lone surrogate, which percent-encoding cannot express
    ];
    for (const key of keys) {
      const rk = recordRowKey('appeals', key);
      expect(rk.length, key).toBeLessThanOrEqual(MAX_KEY_UNITS);
      // eslint-disable-next-line no-control-regex
      expect(rk).not.toMatch(/[/\\#?\u0000-\u001f\u007f-\u009f]/);
    }
    expect(keyPart('2025-001')).toBe('2025-001'); // short keys keep their row key
    expect(keyPart('长'.repeat(200))).not.toBe(keyPart('长'.repeat(199))); // hashed keys stay distinct
    const out = await store.records.commit(
      'u-keys',
      keys.map((k) => appeal(k)),
      actor,
      'sync.push',
    );
    expect(out.map((o) => o.status)).toEqual(keys.map(() => 'applied'));
    for (const key of keys) expect((await store.records.get('u-keys', 'appeals', key))?.key).toBe(key);
  });
});

describe('the guard before the SDK call', () => {
  it('refuses bad keys, 255+ properties, 64 KiB+ strings and 1 MiB+ entities with storage-limit and the path', () => {
    const at = under('records[2]', { rowKey: 'key' });
    const base = { partitionKey: 'u1', rowKey: 'appeals|x' };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...base, rowKey: 'a#b' }, 400, 'records[2].key'],
      [{ ...base, rowKey: `a${'\u0085'}` }, 400, 'records[2].key'],
      [{ ...base, rowKey: 'k'.repeat(MAX_KEY_UNITS + 1) }, 400, 'records[2].key'],
      [
        { ...base, ...Object.fromEntries(Array.from({ length: 253 }, (_, i) => [`p${i}`, i])) },
        400,
        'records[2].p252',
      ],
      [{ ...base, values: 'x'.repeat(32_768) }, 413, 'records[2].values'],
      [
        {
          ...base,
          ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`d${i}`, '长'.repeat(30_000)])),
        },
        413,
        'records[2]',
      ],
    ];
    for (const [entity, status, path] of cases) {
      let caught: unknown;
      try {
        checkEntity(entity, at);
      } catch (e) {
        caught = e;
      }
      expect(caught, path).toBeInstanceOf(HttpError);
      expect({
        status: (caught as HttpError).status,
        code: (caught as HttpError).code,
        path: (caught as HttpError).extra.path,
      }).toEqual({ status, code: 'storage-limit', path });
    }
    // Just inside every limit: accepted (252 own properties, 32,767 units, under 1 MiB by the formula).
    checkEntity({ ...base, ...Object.fromEntries(Array.from({ length: 252 }, (_, i) => [`p${i}`, i])) }, at);
    checkEntity({ ...base, values: 'x'.repeat(32_767) }, at);
    // The documented formula: 4 + (len(PK)+len(RK))*2 + per property 8 + len(name)*2 + value (string: len*2+4).
    expect(entityBytes({ partitionKey: 'ab', rowKey: 'c', s: 'xyz', n: 1, b: true })).toBe(
      4 + 3 * 2 + (8 + 2 + 10) + (8 + 2 + 8) + (8 + 2 + 1),
    );
  });

  it('answers an audit entry over 1 MiB with 413 storage-limit before the service sees it', async () => {
    const huge = Array.from({ length: 200_000 }, (_, i) => `field-${i}`);
    expect(await refusal(store.audit.write('u-audit', actor, 'x', huge))).toEqual({
      status: 413,
      code: 'storage-limit',
      path: 'audit',
    });
    expect(await store.audit.list('u-audit')).toEqual([]);
  });

  it('splits a records commit over 4 MiB into several transactions, each within the limit', async () => {
    // 98 records of 30,000 Chinese characters: about 8.8 MB of JSON, once a single transaction.
    const writes = Array.from({ length: 98 }, (_, i) => appeal(`big-${i}`, '长'.repeat(29_900)));
    const out = await store.records.commit('u-big', writes, actor, 'sync.push');
    expect(out.every((o) => o.status === 'applied')).toBe(true);
    const pushes = (await store.audit.list('u-big')).filter((a) => a.action === 'sync.push');
    expect(pushes.length).toBeGreaterThanOrEqual(3);
    expect(await store.records.head('u-big')).toBe(98);
  });
});

describe('audit rows record what the server computed', () => {
  it('lists the fields that changed against the stored version, not the client claim, however long the claim', async () => {
    const [created] = await store.records.commit(
      'u-claim',
      [appeal('C-1', '原内容', { changed: ['category'] })],
      actor,
      'sync.push',
    );
    if (created?.status !== 'applied') throw new Error('not applied');
    const claim = Array.from({ length: 200_000 }, () => 'receivedOn');
    const edit = appeal('C-1', '新内容', {
      changeId: 'edit-1',
      baseRevision: created.revision,
      changed: claim,
    });
    expect((await store.records.commit('u-claim', [edit], actor, 'sync.push'))[0]?.status).toBe('applied');
    const lines = (await store.audit.list('u-claim'))
      .flatMap((a) => a.detail as { op: string; fields: string[] }[])
      .sort((a, b) => a.op.localeCompare(b.op));
    expect(lines.map((l) => [l.op, l.fields])).toEqual([
      ['create', ['category', 'content', 'id', 'intakeMethod', 'receivedOn']],
      ['update', ['content']],
    ]);
    const [withDelete] = await store.records.commit(
      'u-claim',
      [
        {
          ...edit,
          changeId: 'del-1',
          baseRevision: (await store.records.get('u-claim', 'appeals', 'C-1'))?.revision ?? null,
          deleted: true,
          values: {},
        },
      ],
      actor,
      'sync.push',
    );
    expect(withDelete?.status).toBe('applied');
    const del = (await store.audit.list('u-claim'))
      .flatMap((a) => a.detail as { op: string; fields: string[] }[])
      .find((l) => l.op === 'delete');
    expect(del?.fields).toEqual(['category', 'content', 'id', 'intakeMethod', 'receivedOn']);
    expect(MAX_ENTITY_BYTES).toBe(1024 * 1024);
  });
});
