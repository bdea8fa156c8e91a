import { describe, expect, it } from 'vitest';
import {
  buildAnnualSummary,
  buildClassification,
  buildSatisfactionLedger,
  buildWorkLedger,
  checkWorkbook,
  DEFAULT_VALUE_LISTS,
  satisfactionLedgerSheet,
  workLedgerSheet,
} from '../../shared';
import { generateWorkbook } from '../../addin/demo/generate';

const g = generateWorkbook();
const { cases } = checkWorkbook(g.input, { today: g.today });

describe('quarterly work ledger', () => {
  it.each([1, 2, 3, 4] as const)(
    'Q%i lists every appeal received in it, in order, with the 12 handbook columns',
    (quarter) => {
      const rows = buildWorkLedger(cases, { year: 2025, quarter }, g.today);
      const expected = g.appeals.filter(
        (a) =>
          Number((a.receivedOn ?? '').slice(5, 7)) > (quarter - 1) * 3 &&
          Number((a.receivedOn ?? '').slice(5, 7)) <= quarter * 3,
      );
      expect(rows).toHaveLength(expected.length);
      expect(rows.map((r) => r.id).sort()).toEqual(expected.map((a) => a.id).sort());
      expect(rows.map((r) => r.receivedOn)).toEqual([...rows.map((r) => r.receivedOn)].sort());
      for (const r of rows) expect(Object.keys(r)).toEqual(workLedgerSheet.fields.map((f) => f.key));
    },
  );

  it('shows progress, the counted rating and remarks', () => {
    const rows = buildWorkLedger(cases, { year: 2025, quarter: 1 }, g.today);
    const remediating = rows.find((r) => g.fates.get(r.id ?? '')?.stage === 'remediating');
    expect(remediating?.rating).toBe('不满意');
    expect(remediating?.remarks).toContain('整改中');
    const anonymous = rows.find((r) => r.appellant === '匿名');
    expect(anonymous?.phone).toBe('');
    expect(anonymous?.remarks).toContain('匿名');
    const inProgress = rows.find((r) => g.fates.get(r.id ?? '')?.stage === 'inProgress');
    expect(inProgress?.progress).toMatch(/^办理中，承办部门：/);
  });
});

describe('satisfaction ledger', () => {
  it('fills four columns unless 不满意, all seven when 不满意', () => {
    const rows = buildSatisfactionLedger(cases, { year: 2025, quarter: 2 }, g.today);
    const surveyed = [...g.fates.values()].filter((f) => f.quarter === 2 && f.rating !== undefined);
    expect(rows).toHaveLength(surveyed.length);
    const keys = satisfactionLedgerSheet.fields.map((f) => f.key);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(keys);
      const filled = keys.filter((k) => (r as Record<string, string>)[k] !== '');
      if (r.rating === '不满意') expect(filled).toEqual(keys);
      else expect(filled).toEqual(keys.slice(0, 4));
    }
    expect(
      rows
        .filter((r) => r.rating === '不满意')
        .every((r) => /（\d{4}-\d{2}-\d{2}前）$/.test(r.remedyWithDeadline ?? '')),
    ).toBe(true);
  });
});

describe('classification table', () => {
  it('groups a quarter by 议题类别 in list order and keeps every appeal', () => {
    const rows = buildClassification(cases, { year: 2025, quarter: 3 }, DEFAULT_VALUE_LISTS);
    const order = rows.map((r) => DEFAULT_VALUE_LISTS.topicKind.indexOf(r.kind ?? ''));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(rows).toHaveLength([...g.fates.values()].filter((f) => f.quarter === 3).length);
  });
});

describe('annual category summary', () => {
  it('counts per quarter add up to the appeals received in that quarter', () => {
    const rows = buildAnnualSummary(cases, 2025, DEFAULT_VALUE_LISTS);
    for (const [i, name] of ['一季度', '二季度', '三季度', '四季度'].entries()) {
      const total = rows.filter((r) => r.quarter === name).reduce((s, r) => s + (r.count ?? 0), 0);
      expect(total).toBe([...g.fates.values()].filter((f) => f.quarter === i + 1).length);
    }
  });

  it('says so for a quarter with no appeals, and truncates long contents', () => {
    const rows = buildAnnualSummary(cases, 2024, DEFAULT_VALUE_LISTS);
    expect(rows).toEqual(
      ['一季度', '二季度', '三季度', '四季度'].map((quarter) => ({
        quarter,
        category: '—',
        count: 0,
        content: '本季度无诉求',
      })),
    );
    const long = buildAnnualSummary(cases, 2025, DEFAULT_VALUE_LISTS).find((r) => (r.count ?? 0) > 10);
    expect(long?.content).toMatch(/…等 \d+ 项$/);
  });
});
