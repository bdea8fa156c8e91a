import { describe, expect, it } from 'vitest';
import {
  appealRegister,
  appealReminders,
  buildWorkLedger,
  checkWorkbook,
  DEFAULT_SETTINGS,
  defaultCalendar,
  maskName,
  maskPhone,
  redactRow,
  REDACTED,
  stripIdentity,
  workLedgerSheet,
} from '../../shared';
import { generateWorkbook } from '../../addin/demo/generate';

describe('masking', () => {
  it.each([
    ['张三', '张*'],
    ['张三丰', '张**'],
    ['欧阳娜娜', '欧***'],
    ['李', '*'],
    ['匿名', '匿名'],
  ])('maskName(%s) = %s', (name, masked) => expect(maskName(name)).toBe(masked));

  it.each([
    ['13812345678', '138****5678'],
    ['+86 138 1234 5678', '138****5678'],
    ['0531-87654321', '0531-****4321'],
    ['010-12345678', '010-****5678'],
  ])('maskPhone(%s) = %s', (phone, masked) => expect(maskPhone(phone)).toBe(masked));
});

describe('redaction', () => {
  const g = generateWorkbook({ seed: 7 });
  const { cases } = checkWorkbook(g.input, { today: g.today });
  const names = new Set(g.appeals.map((a) => a.appellant).filter((n): n is string => !!n && n !== '匿名'));
  const phones = new Set(g.appeals.map((a) => a.phone).filter((p): p is string => !!p));

  it('stripIdentity leaves no name or phone in what goes to the cloud', () => {
    const sent = JSON.stringify(g.appeals.map((a) => stripIdentity(appealRegister, a)));
    for (const n of names) expect(sent).not.toContain(n);
    for (const p of phones) expect(sent).not.toContain(p);
    expect(
      stripIdentity(appealRegister, { id: '1', appellant: '张三', phone: '13812345678', content: 'x' }),
    ).toEqual({ id: '1', content: 'x' });
  });

  it('the management ledger keeps its columns, hides names and phones, keeps 匿名', () => {
    const rows = [1, 2, 3, 4]
      .flatMap((q) => buildWorkLedger(cases, { year: 2025, quarter: q as 1 }, g.today))
      .map((r) => redactRow(workLedgerSheet, r));
    const text = JSON.stringify(rows);
    for (const n of names) expect(text).not.toContain(n);
    for (const p of phones) expect(text).not.toContain(p);
    expect(rows.some((r) => r.appellant === '匿名')).toBe(true);
    expect(rows.some((r) => r.appellant === REDACTED)).toBe(true);
    expect(rows.every((r) => r.phone === '')).toBe(true);
    expect(Object.keys(rows[0] ?? {})).toEqual(workLedgerSheet.fields.map((f) => f.key));
  });

  it('reminders name the 编号 and department, never the appellant', () => {
    const reminders = appealReminders(cases, DEFAULT_SETTINGS, defaultCalendar, g.today);
    expect(reminders.length).toBeGreaterThan(20);
    const text = JSON.stringify(reminders);
    for (const n of names) expect(text).not.toContain(n);
    for (const p of phones) expect(text).not.toContain(p);
    for (const r of reminders) {
      expect(r.message.zh).toContain(r.appealId);
      expect(r.message.zh).toContain(r.department || '未指定部门');
    }
  });
});
