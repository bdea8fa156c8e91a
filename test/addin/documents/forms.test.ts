/**
 * The appeal record form and the survey form as handed over (docs/domain.md, "Printed documents"):
 * the 职工诉求记录表 goes to the administration and the departments without the appellant unless the
 * union prints its own copy; the survey form shows 调查对象 and ends with the 督办人签字 line (the
 * handbook: 调查结果应由督办人签字备案).
 */
import { describe, expect, it } from 'vitest';
import type { DocumentRequest, PrintLayout } from '../../../addin/documents';
import { ANONYMOUS } from '../../../shared';
import { filledWorkbook, readyLayout, textOf } from './fixture';

const w = filledWorkbook();

const ready = (request: Omit<DocumentRequest, 'issuedOn'>): PrintLayout =>
  readyLayout(w.check, request, w.g.today);

const rowsOf = (l: PrintLayout): string[][] => (l.content.blocks[0]?.rows ?? []).map((r) => r.map(String));

describe('the appeal record form', () => {
  const named = w.g.appeals.find((a) => a.appellant !== ANONYMOUS && a.phone);

  it('hides the appellant by default: the form goes to the administration and the departments', () => {
    const rows = rowsOf(ready({ kind: 'appealForm', appealId: named?.id }));
    const line = rows.find((r) => r[0] === '诉求人');
    expect(line?.[1]).toBe('（已隐去）');
    expect(line?.[5]).not.toContain(named?.phone?.slice(-4));
    const text = rows.map((r) => r.join(' ')).join('\n');
    expect(text).not.toContain(named?.appellant);
    expect(text).not.toContain(named?.phone);
  });

  it('shows the appellant on the union’s own copy, when asked', () => {
    const rows = rowsOf(ready({ kind: 'appealForm', appealId: named?.id, showAppellant: true }));
    const line = rows.find((r) => r[0] === '诉求人');
    expect(line?.[1]).toBe(named?.appellant);
    expect(line?.[5]).toBe(named?.phone);
  });
});

describe('the survey form', () => {
  const surveyed = w.g.surveys.find((s) => s.respondent && s.supervisor);

  it('shows 调查对象 with the respondent ticked', () => {
    const rows = rowsOf(ready({ kind: 'surveyForm', appealId: surveyed?.appealId }));
    const line = rows.find((r) => r[0] === '调查对象');
    expect(line?.[1]).toContain(`☑${surveyed?.respondent}`);
    expect(line?.[1]).toMatch(/□/);
  });

  it('ends with a line for the supervisor’s signature, with room to sign', () => {
    const l = ready({ kind: 'surveyForm', appealId: surveyed?.appealId });
    const rows = rowsOf(l);
    const at = rows.findIndex((r) => r[0] === '督办人签字');
    expect(at).toBeGreaterThan(rows.findIndex((r) => r[0] === '工会审阅反馈'));
    expect(rows[at]?.[1]).toBe('');
    expect(rows[at]?.[2]).toBe('签字日期');
    expect(l.rowHeights[at]).toBeGreaterThan(l.rowHeights[rows.findIndex((r) => r[0] === '调查对象')] ?? 0);
    expect(textOf(l)).toContain('督办人签字');
  });
});
