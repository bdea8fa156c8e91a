// Stored text marked with U+FDD0 (see storedText) is JSON; a legacy or hand-written value that only
// starts with the mark must come back as stored rather than throw from JSON.parse (issue 10: "a
// failing unit must not stop the retention and aggregate timers for the others").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readText, storedText } from '../../../functions/src/storage/keys';
import { openTables } from '../../../functions/src/storage/tables';
import { startEnv, type TestEnv } from '../support';

describe('readText', () => {
  it('gives back what storedText stored, line separators and the mark included', () => {
    for (const s of ['一车间', 'a\u2028b', '\uFDD0开头', '', '\uFDD0'])
      expect(readText(storedText(s)), JSON.stringify(s)).toBe(s);
  });

  it('returns a marked value that is not a JSON string as stored, without throwing', () => {
    for (const raw of ['\uFDD0{broken', '\uFDD0', '\uFDD0"unterminated', '\uFDD0123', '\uFDD0null'])
      expect(readText(raw), JSON.stringify(raw)).toBe(raw);
  });
});

let env: TestEnv;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(() => env.stop());

describe('a unit whose name was stored raw with the mark in front', () => {
  it('is still listed and read, name as stored', async () => {
    const { store } = env.services;
    await store.units.configure('u-ok', { name: '一车间' });
    await store.units.configure('u-legacy', { name: '二车间' });
    const tables = openTables(env.azurite.connectionString, 't');
    await tables.units.updateEntity(
      { partitionKey: 'u-legacy', rowKey: 'profile', name: '\uFDD0二车间' },
      'Merge',
    );
    const units = await store.units.list();
    expect(units.map((u) => u.unitId).sort()).toEqual(['u-legacy', 'u-ok']);
    expect((await store.units.get('u-legacy'))?.name).toBe('\uFDD0二车间');
  });
});
