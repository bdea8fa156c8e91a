/**
 * How dates and quarters read in printed Chinese: 2026年3月30日 in sentences and titles, quarters
 * as 一季度 … 四季度 (the handbook's 职工诉求分类汇总表 rows), never 1季度 or 2026-03-30.
 * See docs/domain.md, "Printed wording".
 */
import { describe, expect, it } from 'vitest';
import { buildDocument, DOCUMENTS, layoutDocument, type DocumentKind } from '../../../addin/documents';
import { figureRows } from '../../../addin/documents/managementFigures';
import { buildWorkLedger, chineseDate, periodTitle, previousQuarter, quarterOf } from '../../../shared';
import { filledWorkbook, issueDate, textOf } from './fixture';

const w = filledWorkbook();
const ISO = /\d{4}-\d{2}-\d{2}/;
const ARABIC_QUARTER = /\d季度/;

describe('printed wording of dates and quarters', () => {
  it('titles a quarter 2026年第一季度 and a year 2026年度', () => {
    expect(periodTitle({ year: 2026, quarter: 1 })).toBe('2026年第一季度');
    expect(periodTitle({ year: 2025, quarter: 4 })).toBe('2025年第四季度');
    expect(periodTitle({ year: 2025, quarter: 0 })).toBe('2025年度');
    expect(chineseDate('2026-03-30')).toBe('2026年3月30日');
  });

  it('labels the figures by 一季度 … 四季度 and 全年', () => {
    const labels = [...new Set(figureRows(w.check, 2026, w.g.today).map((r) => r[0]))];
    expect(labels).toEqual(['一季度', '二季度', '三季度', '四季度', '全年']);
  });

  it('the work ledger’s 办理情况 gives 办结 and deadlines as 2026年3月30日', () => {
    const rows = buildWorkLedger(w.check.cases, previousQuarter(quarterOf(w.g.today)), w.g.today);
    const finished = rows.find((r) => r.progress?.includes('办结于'));
    expect(finished?.progress).toMatch(/办结于\d{4}年\d{1,2}月\d{1,2}日/);
    for (const r of rows) expect(r.progress ?? '').not.toMatch(ISO);
  });

  it('no document prints a date as 2026-03-30 or a quarter as 1季度', () => {
    const appealIds = w.g.appeals.slice(0, 8).map((a) => a.id ?? '');
    for (const kind of Object.keys(DOCUMENTS) as DocumentKind[]) {
      const subject = DOCUMENTS[kind].subject;
      const requests =
        subject === 'appeal'
          ? appealIds.map((appealId) => ({ appealId }))
          : [{ meetingId: w.meetingId, from: '2025-01-01', to: w.g.today }];
      for (const extra of requests) {
        const on = issueDate(w.check, kind, w.meetingId, w.g.today);
        const result = buildDocument(w.check, { kind, issuedOn: on, ...extra });
        if (result.status !== 'ready') throw new Error(`${kind}: ${JSON.stringify(result)}`);
        const text = textOf(layoutDocument(result.document));
        expect(text, kind).not.toMatch(ISO);
        expect(text, kind).not.toMatch(ARABIC_QUARTER);
      }
    }
  });
});
