import { describe, expect, it } from 'vitest';
import {
  buildDocument,
  DOCUMENTS,
  layoutDocument,
  type DocumentKind,
  type DocumentRequest,
  type PrintLayout,
} from '../../../addin/documents';
import { DUTIES } from '../../../addin/documents/handbook';
import { FATES } from '../../../addin/demo/generate';
import { cellsOf, filledWorkbook, issueDate, PLACEHOLDER, readyLayout, ROSTER, textOf } from './fixture';

const w = filledWorkbook();
const issuedOn = w.g.today;

const ready = (request: Omit<DocumentRequest, 'issuedOn'>): PrintLayout =>
  readyLayout(w.check, request, issuedOn);

const kinds = (subject: string): DocumentKind[] =>
  (Object.keys(DOCUMENTS) as DocumentKind[]).filter((k) => DOCUMENTS[k].subject === subject);

/** One appeal of every fate (the generator cycles them every four appeals) and an anonymous one. */
const appealIds = [
  ...FATES.map((_, k) => w.g.appeals[k * 4]?.id),
  w.g.appeals.find((a) => a.appellant === '匿名')?.id,
].filter((id): id is string => !!id);

describe('documents built from a filled workbook', () => {
  it('covers the thirteen documents of the handbook', () => {
    expect(Object.keys(DOCUMENTS)).toHaveLength(13);
    expect(new Set(appealIds).size).toBe(FATES.length + 1);
  });

  it('every document is ready with no question, and no cell holds XXX, xx, ____, undefined or null', () => {
    const layouts = [
      ...kinds('unit').map((kind) => ready({ kind })),
      ...kinds('meeting').map((kind) => ready({ kind, meetingId: w.meetingId })),
      ...kinds('period').map((kind) => ready({ kind, from: '2025-01-01', to: issuedOn })),
      ...appealIds.flatMap((appealId) => kinds('appeal').map((kind) => ready({ kind, appealId }))),
    ];
    for (const layout of layouts) {
      for (const cell of cellsOf(layout))
        expect(cell.text, `${layout.content.name} ${cell.at}`).not.toMatch(PLACEHOLDER);
      expect(textOf(layout).length).toBeGreaterThan(40);
    }
  });

  it('takes names, dates and the office address from the settings and the roster', () => {
    const notice = textOf(ready({ kind: 'implementation' }));
    expect(notice).toContain('工会办公室地址：办公楼三楼 302 室');
    expect(notice).toContain('蒙山机械制造有限公司');
    expect(notice).toContain('2026年3月31日');
    expect(notice).toMatch(/可通过信函、电话、企业OA、微博、QQ群、微信群、意见箱、热线等方式/);
    const establishment = textOf(ready({ kind: 'establishment' }));
    for (const r of ROSTER) expect(establishment).toContain(r.name);
    expect(establishment).toContain('组　长：周海燕（总经理）');
    expect(establishment).toContain('孙建国同志兼任办公室主任');
    const at = DUTIES.map((d) => establishment.indexOf(d));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('the meeting notice invites the departments the category table suggests for its topics', () => {
    const facts = w.check.meetings.find((m) => m.id === w.meetingId);
    const text = textOf(ready({ kind: 'meetingNotice', meetingId: w.meetingId }));
    const agendaCategories = new Set(
      w.g.agenda
        .filter((a) => a.meetingId === w.meetingId)
        .map((a) => w.g.appeals.find((x) => x.id === a.appealId)?.category),
    );
    if (agendaCategories.has('工资福利类'))
      expect(text).toMatch(/财务部负责人.*人力资源部负责人王立新|人力资源部负责人王立新.*财务部负责人/);
    if (agendaCategories.has('生活保障类')) expect(text).toContain('后勤部负责人');
    expect(text).toContain(`在${facts?.place}召开`);
    expect(text).toMatch(/请与会人员于\d{4}年\d{1,2}月\d{1,2}日前将参会人员名单报工会办公室/);
    expect(text).toContain('1、企业行政负责人周海燕；');
  });

  it('the moderator script has one section per agenda topic, each with the three voices, in order', () => {
    const agenda = w.g.agenda
      .filter((a) => a.meetingId === w.meetingId)
      .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
    expect(agenda.length).toBeGreaterThan(1);
    const lines = textOf(ready({ kind: 'moderatorScript', meetingId: w.meetingId })).split('\n');
    const starts = lines
      .map((l, i) => [l, i] as const)
      .filter(([l]) => /^[一二三四五六七八九十]+、下面就第.+个议题进行协商：/.test(l));
    expect(starts).toHaveLength(agenda.length);
    starts.forEach(([line, i], k) => {
      expect(line).toContain(agenda[k]?.topic);
      expect(lines[i + 1]).toMatch(/^\s*职工代表/);
      expect(lines[i + 2]).toMatch(/^\s*行政方答复：.*责任部门：.*完成时限：\d{4}年/);
      expect(lines[i + 3]).toMatch(/^\s*工会主席：/);
    });
    expect(lines.join('\n')).toContain(`共确定协商议题${agenda.length}项`);
    expect(lines.at(-1)).toContain('散会！');
  });

  it('meeting documents and the supervisors’ forms never name an appellant; the union’s own record does', () => {
    const names = w.g.appeals.map((a) => a.appellant).filter((n): n is string => !!n && n !== '匿名');
    const shared = [
      ...kinds('meeting').map((kind) => ready({ kind, meetingId: w.meetingId })),
      ...appealIds.flatMap((appealId) =>
        ['trackingForm', 'surveyForm'].map((kind) => ready({ kind: kind as DocumentKind, appealId })),
      ),
    ];
    for (const layout of shared)
      for (const n of names) expect(textOf(layout), layout.content.name).not.toContain(n);
    const named = w.g.appeals.find((a) => a.appellant !== '匿名' && a.phone) ?? w.g.appeals[0];
    const own = textOf(ready({ kind: 'appealForm', appealId: named?.id, showAppellant: true }));
    expect(own).toContain(named?.appellant);
    // The form goes to the administration and the departments: hidden unless the union asks.
    const copy = textOf(ready({ kind: 'appealForm', appealId: named?.id }));
    expect(copy).not.toContain(named?.appellant);
    expect(copy).not.toContain(named?.phone);
    expect(copy).toContain('（已隐去）');
  });

  it('scrubs an appellant quoted in the agenda out of every meeting document', () => {
    const quoted = w.g.appeals.find((a) => a.appellant !== '匿名' && a.phone);
    const q = filledWorkbook(5, (r) => ({
      ...r,
      agenda: r.agenda.map((a) => ({
        ...a,
        topic: `${a.topic}（${quoted?.appellant}反映，电话${quoted?.phone}）`,
      })),
    }));
    for (const kind of kinds('meeting')) {
      const on = issueDate(q.check, kind, q.meetingId, issuedOn);
      const result = buildDocument(q.check, { kind, issuedOn: on, meetingId: q.meetingId });
      if (result.status !== 'ready') throw new Error(kind);
      const text = textOf(layoutDocument(result.document));
      expect(text, kind).not.toContain(quoted?.appellant);
      expect(text, kind).not.toContain(quoted?.phone);
      if (kind !== 'meetingNotice' && kind !== 'signInSheet')
        expect(text, kind).toContain('（（已隐去）反映，电话（已隐去））');
    }
  });
});
