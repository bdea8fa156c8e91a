// The wire contract as a schema (issue 10): the request schemas refuse what storage cannot hold or
// the contract does not allow, naming the field; the response schemas are what the add-in accepts.
import { describe, expect, it } from 'vitest';
import {
  appealRegister,
  stripIdentity,
  checkWire,
  escalationSchemaFor,
  type PushRecord,
  recordValuesSchema,
  remindersResponseSchema,
  SCHEMA_VERSION,
  summaryQuerySchema,
  SYNC_REGISTERS,
  syncRequestSchema,
  syncResponseSchema,
  unitConfigRequestSchema,
  wirePath,
} from '../../shared';

// An ETag as Azure Table Storage issues it (7 fractional digits, colons escaped); see
// https://learn.microsoft.com/en-us/rest/api/storageservices/update-entity2 (If-Match: the ETag).
const REVISION = `W/"datetime'2026-03-31T01%3A00%3A00.1234567Z'"`;

const appeal = (extra: Partial<PushRecord> = {}): PushRecord => ({
  register: 'appeals',
  key: '2025-001',
  changeId: 'c1',
  baseRevision: null,
  values: {
    id: '2025-001',
    intakeMethod: '电话',
    receivedOn: '2025-05-06',
    category: '生活保障类',
    content: '热水',
  },
  ...extra,
});
const withValues = (values: Record<string, unknown>) =>
  appeal({ values: { ...appeal().values, ...values } as PushRecord['values'] });

const check = (records: unknown[], extra: object = {}) =>
  checkWire(syncRequestSchema, { schemaVersion: SCHEMA_VERSION, records, ...extra });

/** The code and first path of a refused body, or 'ok'. */
const outcome = (records: unknown[], extra: object = {}): string => {
  const r = check(records, extra);
  return r.ok ? 'ok' : `${r.code} ${r.problems[0]?.path ?? ''}`;
};

describe('syncRequestSchema', () => {
  it('accepts a well-formed push, with a revision as the table service issues it', () => {
    expect(outcome([appeal()])).toBe('ok');
    expect(outcome([appeal({ baseRevision: REVISION, changed: ['content'] })])).toBe('ok');
    expect(outcome([appeal({ baseRevision: REVISION, deleted: true, values: {} })])).toBe('ok');
  });

  it('refuses lone surrogates in a value and in a key as invalid-body', () => {
    expect(outcome([withValues({ content: 'a\ud800' })])).toBe('invalid-body records[0].values.content');
    expect(outcome([withValues({ content: '\udc00b' })])).toBe('invalid-body records[0].values.content');
    expect(outcome([appeal({ key: '\ud800' })])).toBe('invalid-body records[0].key');
    // A pair is text: 𠀀 (U+20000) is two units, well-formed.
    expect(outcome([withValues({ content: '\ud840\udc00' })])).toBe('ok');
  });

  it('accepts U+2028/U+2029 in text, refuses them and control characters in keys', () => {
    expect(outcome([withValues({ content: 'a\u2028b\u2029c' })])).toBe('ok');
    expect(outcome([appeal({ key: 'a\u2028b' })])).toBe('invalid-body records[0].key');
    expect(outcome([appeal({ key: 'a\u0085b' })])).toBe('invalid-body records[0].key');
  });

  it('refuses a key of 2,000 units and an empty one; allows / \\ # ? (the cloud escapes them)', () => {
    expect(outcome([appeal({ key: 'k'.repeat(2000) })])).toBe('invalid-body records[0].key');
    expect(outcome([appeal({ key: '' })])).toBe('invalid-body records[0].key');
    const topic = { register: 'topics', changeId: 't', baseRevision: null, values: { workshop: 'x' } };
    expect(outcome([{ ...topic, key: 'a/b\\c#d?e%2F%25' }])).toBe('ok');
  });

  it('refuses an identity number in a record key as identity-in-text (keys reach the cloud too)', () => {
    // A topic's key is `workshop|seq`, and the workshop is typed text; tracking keys are free.
    const topic = {
      register: 'topics',
      changeId: 't',
      baseRevision: null,
      values: { workshop: '一车间', seq: 1 },
    };
    expect(outcome([{ ...topic, key: '13812345678|1' }])).toBe('identity-in-text records[0].key');
    expect(outcome([{ ...topic, key: '一车间 138.1234.5678|1' }])).toBe('identity-in-text records[0].key');
    const tracking = { register: 'tracking', changeId: 'k', baseRevision: null, values: {} };
    expect(outcome([{ ...tracking, key: '110105194912310020' }])).toBe('identity-in-text records[0].key');
    expect(outcome([appeal(), { ...topic, key: '一车间|1' }])).toBe('ok');
  });

  it('refuses a baseRevision of "*" or garbage', () => {
    for (const bad of ['*', 'garbage', '', `${REVISION} `, 'W/"datetime\'2026-03-31T01:00:00Z\'"'])
      expect(outcome([appeal({ baseRevision: bad })]), bad).toBe('invalid-body records[0].baseRevision');
  });

  it('refuses a `changed` list longer than the register, with unknown or repeated fields', () => {
    expect(outcome([appeal({ changed: Array.from({ length: 200_000 }, () => 'id') })])).toBe(
      'invalid-body records[0].changed',
    );
    expect(outcome([appeal({ changed: ['content', 'wat'] })])).toBe('invalid-body records[0].changed[1]');
    expect(outcome([appeal({ changed: ['content', 'content'] })])).toBe('invalid-body records[0].changed');
  });

  it('refuses identity in free text with identity-in-text at the field, after any malformed field', () => {
    expect(outcome([withValues({ content: '电话 138-1234-5678' })])).toBe(
      'identity-in-text records[0].values.content',
    );
    expect(outcome([withValues({ content: '（010）1234 5678' })])).toBe(
      'identity-in-text records[0].values.content',
    );
    const r = check([withValues({ content: '13812345678', receivedOn: 'tomorrow' })]);
    expect(r.ok ? [] : [r.code, r.problems.map((p) => p.path)]).toEqual([
      'invalid-body',
      ['records[0].values.receivedOn', 'records[0].values.content'],
    ]);
  });

  it('derives the values from the register definitions: every field kept, identity fields refused', () => {
    for (const register of SYNC_REGISTERS) {
      const schema = recordValuesSchema(register, SCHEMA_VERSION);
      for (const f of register.fields) {
        const r = checkWire(schema, { [f.key]: f.type === 'number' ? 'x' : 1 });
        expect(r.ok, `${register.key}.${f.key}`).toBe(false);
        if (!r.ok) expect(r.problems[0]?.path).toBe(f.key);
        if (f.identity && !r.ok) expect(r.problems[0]?.message.en).toContain('identity');
      }
      const unknown = checkWire(schema, { notAField: 'x' });
      expect(unknown.ok ? '' : unknown.problems[0]?.path).toBe('notAField');
    }
  });

  it('lets only 匿名 stand in a name field (an anonymous appeal is told by its 公示日期), never a name or phone', () => {
    const schema = recordValuesSchema(appealRegister, SCHEMA_VERSION);
    expect(checkWire(schema, { appellant: '匿名' }).ok).toBe(true);
    for (const values of [{ appellant: '张三' }, { appellant: '匿名 张三' }, { phone: '匿名' }]) {
      const r = checkWire(schema, values);
      expect(r.ok, JSON.stringify(values)).toBe(false);
    }
    expect(stripIdentity(appealRegister, { id: '1', appellant: '匿名', phone: '', content: 'x' })).toEqual({
      id: '1',
      appellant: '匿名',
      content: 'x',
    });
  });

  it('follows the schema version: a field added in version 2 is unknown to a version-1 client', () => {
    const v1 = checkWire(syncRequestSchema, {
      schemaVersion: 1,
      records: [withValues({ topicKind: '其他类' })],
    });
    expect(v1.ok ? '' : v1.problems[0]?.path).toBe('records[0].values.topicKind');
    expect(outcome([withValues({ topicKind: '其他类' })])).toBe('ok');
  });

  it('names top-level problems by their own path', () => {
    expect(outcome([], { cursor: '-1' })).toBe('invalid-body cursor');
    expect(outcome([], { escalationsSince: 'yesterday' })).toBe('invalid-body escalationsSince');
    expect(outcome([], { extra: true })).toBe('invalid-body extra');
    expect(outcome([{ ...appeal(), register: 'roster' }])).toBe('invalid-body records[0].register');
    expect(outcome([appeal(), appeal({ changeId: 'c2' })])).toBe('invalid-body records[1].key');
    const r = checkWire(syncRequestSchema, [1]);
    expect(r.ok ? '' : r.problems[0]?.path).toBe('$');
    if (!r.ok) {
      expect(r.problems[0]?.message.zh).toMatch(/对象/);
      expect(r.problems[0]?.message.en).toMatch(/object/);
    }
  });
});

describe('the other requests', () => {
  it('escalations: a note or reply with identity is identity-in-text; the body picks its schema', () => {
    const note = checkWire(escalationSchemaFor({ appealId: 'a' }), { appealId: 'a', note: '13812345678' });
    expect(note.ok ? '' : `${note.code} ${note.problems[0]?.path}`).toBe('identity-in-text note');
    const body = { reply: { fromUnit: 'co', appealId: 'a', text: '身份证 11010119900307123X' } };
    const reply = checkWire(escalationSchemaFor(body), body);
    expect(reply.ok ? '' : `${reply.code} ${reply.problems[0]?.path}`).toBe('identity-in-text reply.text');
  });

  it('unit config: the name is free text; parentId a unit id or empty (detach)', () => {
    expect(checkWire(unitConfigRequestSchema, { name: '甲公司', parentId: '' }).ok).toBe(true);
    const r = checkWire(unitConfigRequestSchema, { name: '座机 0755-12345678' });
    expect(r.ok ? '' : `${r.code} ${r.problems[0]?.path}`).toBe('identity-in-text name');
  });

  it('summary query: year and quarter as numbers, quarter absent or empty meaning the whole year', () => {
    expect(checkWire(summaryQuerySchema, { year: '2025', quarter: '3' })).toEqual({
      ok: true,
      value: { year: 2025, quarter: 3 },
    });
    expect(checkWire(summaryQuerySchema, { year: '2025', quarter: '' })).toEqual({
      ok: true,
      value: { year: 2025, quarter: 0 },
    });
    const bad = checkWire(summaryQuerySchema, { year: '1999', quarter: '7' });
    expect(bad.ok ? [] : bad.problems.map((p) => p.path)).toEqual(['year', 'quarter']);
  });
});

describe('response schemas', () => {
  const response = {
    results: [{ register: 'appeals', key: 'a', changeId: 'c', status: 'applied', revision: REVISION }],
    conflicts: [],
    changes: [],
    cursor: '1',
    more: false,
    escalations: [],
    serverTime: '2026-03-31T01:00:00.000Z',
  };

  it('accept what the functions send and name what is off', () => {
    expect(checkWire(syncResponseSchema, response).ok).toBe(true);
    const r = checkWire(syncResponseSchema, {
      ...response,
      results: [{ ...response.results[0], status: 'maybe' }],
    });
    expect(r.ok ? '' : r.problems[0]?.path).toBe('results[0].status');
    const reminders = checkWire(remindersResponseSchema, {
      unitId: 'u',
      today: '2026-03-31',
      reminders: [
        { kind: 'nap', status: 'overdue', due: '2026-03-30', key: 'k', message: { zh: '', en: '' } },
      ],
    });
    expect(reminders.ok ? '' : reminders.problems[0]?.path).toBe('reminders[0].kind');
  });

  it('wirePath writes paths as the API names them', () => {
    expect(wirePath([])).toBe('$');
    expect(wirePath(['records', 3, 'values', 'content'])).toBe('records[3].values.content');
    expect(wirePath(['reply', 'text'])).toBe('reply.text');
  });
});
