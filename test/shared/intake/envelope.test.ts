import { describe, expect, it } from 'vitest';
import { checkWire, MAX_INTAKE_CONTENT, submissionPayloadSchema } from '../../../shared';

const named = {
  content: '食堂晚班没有热饭',
  workshop: '一车间',
  anonymous: false,
  name: '张三',
  phone: '13800138000',
  submittedAt: '2026-12-01T08:00:00.000Z',
};

const problems = (input: unknown) => {
  const r = checkWire(submissionPayloadSchema, input);
  return r.ok ? [] : r.problems.map((p) => [p.path, p.message.zh, p.message.en]);
};

describe('submissionPayloadSchema (issue 14: named or anonymous)', () => {
  it('accepts a named and an anonymous submission', () => {
    expect(problems(named)).toEqual([]);
    const { name: _n, phone: _p, ...rest } = named;
    expect(problems({ ...rest, anonymous: true, category: '生活福利' })).toEqual([]);
  });

  it('requires a name and phone unless anonymous, naming the field in both languages', () => {
    const { name: _n, phone: _p, ...rest } = named;
    expect(problems(rest)).toEqual([
      ['name', '请填写姓名，或选择匿名', 'a name is required unless anonymous'],
      ['phone', '请填写联系电话，或选择匿名', 'a phone number is required unless anonymous'],
    ]);
  });

  it('forbids a name or phone on an anonymous submission', () => {
    expect(problems({ ...named, anonymous: true }).map((p) => p[0])).toEqual(['name', 'phone']);
  });

  it('refuses empty or too long content, an unknown field and a time without a zone', () => {
    expect(problems({ ...named, content: '  ' })).toEqual([['content', '不能为空', 'may not be empty']]);
    expect(problems({ ...named, content: 'x'.repeat(MAX_INTAKE_CONTENT + 1) })[0]?.[0]).toBe('content');
    expect(problems({ ...named, workshop: 'x'.repeat(61) })[0]?.slice(0, 2)).toEqual([
      'workshop',
      '不得超过 60 个字符',
    ]);
    expect(problems({ ...named, idCard: '1' })[0]?.[0]).toBe('idCard');
    expect(problems({ ...named, submittedAt: '2026-12-01 08:00' })[0]?.[0]).toBe('submittedAt');
    expect(problems({ ...named, phone: 'call me' })[0]?.[0]).toBe('phone');
  });
});
