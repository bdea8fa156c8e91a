import { describe, expect, it } from 'vitest';
import { buildDocument, layoutDocument, type PrintLayout } from '../../../addin/documents';
import { TOPIC_BOOK_NOTE } from '../../../addin/documents/topicBook';
import { rawTable } from '../../../addin/demo/raw';
import { seeded } from '../../../addin/demo/random';
import { checkWorkbook, topicRegister, type TopicRecord } from '../../../shared';
import { filledWorkbook, PLACEHOLDER, textOf } from './fixture';

const w = filledWorkbook();
const TOPICS: TopicRecord[] = [
  {
    workshop: '二车间',
    seq: 2,
    name: '李四',
    content: '车间通风差',
    raisedOn: '2026-03-06',
    signature: '李四',
  },
  { workshop: '二车间', seq: 1, name: '张三', content: '夜班食堂供应热饭', raisedOn: '2026-03-02' },
  { workshop: '三车间', seq: 1, name: '王五', content: '班车时间调整', raisedOn: '2026-03-03' },
];
const check = checkWorkbook(
  { ...w.input, topics: rawTable(topicRegister, TOPICS, seeded(9)) },
  { today: '2026-03-30' },
);

function book(workshop?: string): PrintLayout {
  const r = buildDocument(check, {
    kind: 'topicBook',
    issuedOn: '2026-03-30',
    ...(workshop ? { workshop } : {}),
  });
  if (r.status !== 'ready') throw new Error(JSON.stringify(r));
  return layoutDocument(r.document);
}

// The handbook's form 分厂（车间、班组）征集协商议题记录本 (第三步 3): title line with the date,
// 序号/姓名/内容/时间/提出人签字, and its note.
describe('征集协商议题记录本 printed per 分厂（车间、班组）', () => {
  it('prints the title line with unit and workshop, the date, and only that workshop’s topics in 序号 order', () => {
    const l = book('二车间');
    const rows = l.content.blocks[0]?.rows ?? [];
    expect(rows[0]?.[0]).toMatch(/二车间征集协商议题记录本$/);
    expect(rows[0]?.[0]).toContain(check.settings.unitName ?? '');
    expect(rows[1]?.[0]).toBe('2026年3月30日');
    expect(rows[2]).toEqual(['序号', '姓名', '内容', '时间', '提出人签字']);
    expect(rows.slice(3, 5).map((r) => r.slice(0, 4))).toEqual([
      ['1', '张三', '夜班食堂供应热饭', '2026年3月2日'],
      ['2', '李四', '车间通风差', '2026年3月6日'],
    ]);
    expect(textOf(l)).not.toContain('班车时间调整');
    expect(textOf(l)).not.toMatch(PLACEHOLDER);
    expect(l.page.titleRows).toBe('$3:$3');
  });

  it('leaves the 提出人签字 column empty for signatures on paper, with room to sign, and blank lines for new topics', () => {
    const l = book('二车间');
    const rows = l.content.blocks[0]?.rows ?? [];
    const body = rows.slice(3, -1);
    expect(body.length).toBeGreaterThanOrEqual(10);
    expect(body.map((r) => r[4])).toEqual(body.map(() => ''));
    expect(l.rowHeights[3]).toBeGreaterThan(30);
  });

  it('ends with the handbook’s note under the table', () => {
    const rows = book('二车间').content.blocks[0]?.rows ?? [];
    expect(rows[rows.length - 1]?.[0]).toBe(TOPIC_BOOK_NOTE);
  });

  it('prints the first workshop when none is chosen, and asks for one when the sheet has none', () => {
    expect(book().content.blocks[0]?.rows[0]?.[0]).toMatch(/二车间征集协商议题记录本$/);
    const empty = checkWorkbook(
      { ...w.input, topics: rawTable(topicRegister, [], seeded(1)) },
      { today: '2026-03-30' },
    );
    const r = buildDocument(empty, { kind: 'topicBook', issuedOn: '2026-03-30' });
    expect(r.status === 'questions' && r.questions.map((q) => q.field)).toEqual(['workshop']);
  });
});
