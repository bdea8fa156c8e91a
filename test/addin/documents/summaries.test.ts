/**
 * The documents that sum up many appeals (docs/domain.md, "Printed documents"): the handbook's
 * 议题梳理汇总分类表 with each category's cell merged down its rows and the handbook's note, and the
 * 办理结果公示 of anonymous appeals' results (the handbook's 及时公示) that never names anyone.
 */
import { describe, expect, it } from 'vitest';
import { buildDocument, type DocumentRequest, type PrintLayout } from '../../../addin/documents';
import { CLASSIFICATION_NOTE } from '../../../addin/documents/handbook';
import { publishedCases } from '../../../addin/documents/publication';
import { ANONYMOUS, periodRange, previousQuarter, quarterOf } from '../../../shared';
import { filledWorkbook, readyLayout, textOf } from './fixture';

const w = filledWorkbook();
const issuedOn = w.g.today;

const ready = (request: Omit<DocumentRequest, 'issuedOn'>, check = w.check): PrintLayout =>
  readyLayout(check, request, issuedOn);

const tableRows = (l: PrintLayout): string[][] => (l.content.blocks[0]?.rows ?? []).map((r) => r.map(String));

describe('议题梳理汇总分类表', () => {
  it('groups a meeting’s topics by category, merging the category cell down its rows, with the note', () => {
    const l = ready({ kind: 'classification', meetingId: w.meetingId });
    const rows = tableRows(l);
    const header = rows.findIndex((r) => r[0] === '类别');
    expect(rows[header]?.slice(0, 5)).toEqual(['类别', '内容', '责任部门', '责任人', '备注']);
    const agenda = w.g.agenda.filter((a) => a.meetingId === w.meetingId);
    const body = rows.slice(header + 1, header + 1 + agenda.length);
    for (const a of agenda) expect(body.some((r) => r[1] === a.topic)).toBe(true);
    // Each category starts once, its rows follow with an empty first cell, and the cell is merged over them.
    const starts = body.map((r, i) => [r[0], i] as const).filter(([k]) => k !== '');
    expect(new Set(starts.map(([k]) => k)).size).toBe(starts.length);
    expect(starts.length).toBeGreaterThan(0);
    expect(starts.length, 'some category has several topics').toBeLessThan(body.length);
    starts.forEach(([, i], k) => {
      const end = (starts[k + 1]?.[1] ?? body.length) - 1;
      const top = header + 2 + i;
      if (end > i) expect(l.merges).toContain(`A${top}:A${header + 2 + end}`);
    });
    expect(textOf(l)).toContain(CLASSIFICATION_NOTE);
    expect(l.page.titleRows).toBe(`$${header + 1}:$${header + 1}`);
  });

  it('orders the categories as the handbook lists them: 职工诉求类, 合理化建议类, 其他类', () => {
    const { from, to } = periodRange(previousQuarter(quarterOf(w.g.today)));
    const rows = tableRows(ready({ kind: 'classification', from, to }));
    const header = rows.findIndex((r) => r[0] === '类别');
    const body = rows.slice(
      header + 1,
      rows.findIndex((r) => r[0]?.startsWith('注：')),
    );
    const kinds = body.map((r) => r[0]).filter((k): k is string => !!k);
    expect(kinds.length).toBeGreaterThan(1);
    expect(kinds).toEqual(['职工诉求类', '合理化建议类', '其他类'].filter((k) => kinds.includes(k)));
    const received = w.g.appeals.filter((a) => (a.receivedOn ?? '') >= from && (a.receivedOn ?? '') <= to);
    expect(body).toHaveLength(received.length);
  });

  it('never names an appellant and refuses a period that is not one', () => {
    const names = w.g.appeals.map((a) => a.appellant).filter((n): n is string => !!n && n !== ANONYMOUS);
    const text = textOf(ready({ kind: 'classification', meetingId: w.meetingId }));
    for (const n of names) expect(text).not.toContain(n);
    const bad = buildDocument(w.check, {
      kind: 'classification',
      issuedOn,
      from: '2026-04-01',
      to: '2026-01-01',
    });
    expect(bad).toMatchObject({ status: 'blocked', reason: { zh: expect.stringContaining('起始日期') } });
  });
});

describe('办理结果公示', () => {
  const from = '2025-01-01';
  const to = w.g.today;
  const listed = publishedCases(w.check, from, to, issuedOn);

  it('lists the anonymous appeals closed in the period: content, department, result; no identity', () => {
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((c) => c.appeal.appellant === ANONYMOUS)).toBe(true);
    const l = ready({ kind: 'publication', from, to });
    const rows = tableRows(l);
    const header = rows.findIndex((r) => r[0] === '序号');
    expect(rows[header]?.slice(0, 5)).toEqual(['序号', '诉求内容', '承办部门', '办理结果', '办结日期']);
    listed.forEach((c, i) => {
      const row = rows[header + 1 + i];
      expect(row?.[0]).toBe(String(i + 1));
      expect(row?.[1]).toBe(c.appeal.content);
      expect(row, c.appeal.id).toBeDefined();
      expect(row?.[2]).toBe(c.appeal.department ?? '');
      expect(row?.[3]).toMatch(/^(已办结|不具备条件无法办理)/);
      expect(row?.[4]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    });
    const text = textOf(l);
    for (const a of w.g.appeals) {
      if (a.appellant && a.appellant !== ANONYMOUS) expect(text).not.toContain(a.appellant);
      if (a.phone) expect(text).not.toContain(a.phone);
    }
    expect(text).toContain('工会（盖章）');
  });

  it('scrubs a name or phone typed into an anonymous appeal’s result', () => {
    const named = w.g.appeals.find((a) => a.appellant !== ANONYMOUS && a.phone);
    const target = listed[0]?.appeal.id;
    const q = filledWorkbook(5, (r) => ({
      ...r,
      appeals: r.appeals.map((a) =>
        a.id === target ? { ...a, deptOpinion: `已与${named?.appellant}（${named?.phone}）核实并解决` } : a,
      ),
    }));
    const text = textOf(ready({ kind: 'publication', from, to }, q.check));
    expect(text).not.toContain(named?.appellant);
    expect(text).not.toContain(named?.phone);
  });

  it('refuses a period with nothing to publish, naming it', () => {
    const none = buildDocument(w.check, {
      kind: 'publication',
      issuedOn,
      from: '2020-01-01',
      to: '2020-03-31',
    });
    expect(none).toMatchObject({
      status: 'blocked',
      reason: { zh: expect.stringContaining('2020年1月1日至2020年3月31日') },
    });
    const noPeriod = buildDocument(w.check, { kind: 'publication', issuedOn });
    expect(noPeriod).toMatchObject({
      status: 'blocked',
      reason: { en: expect.stringContaining('起始日期') },
    });
  });
});
